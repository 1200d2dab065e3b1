// The cloudfront module of runtime 2.0: key value store handles ("Helper methods for key value
// stores") and the origin modification helpers ("Helper methods for origin modification").

import { singleStore, type KeyValueStores } from '../../src/runtime/index.js'
import { evaluate, outputOf, run, viewerRequest, viewerResponse } from './helpers.js'

const prelude = "import cf from 'cloudfront';"

const store = singleStore({
  greeting: 'héllo',
  config: { redirects: { '/old': '/new' }, enabled: true },
  count: 3
})

describe('kvs()', () => {
  test('get() reads a value as a string by default, and as string, json or bytes', async () => {
    const result = await evaluate(
      `const kvs = cf.kvs();
       const bytes = await kvs.get('greeting', { format: 'bytes' });
       result = [
         await kvs.get('greeting'), await kvs.get('greeting', { format: 'string' }),
         await kvs.get('config', { format: 'json' }), await kvs.get('count', { format: 'json' }),
         Buffer.isBuffer(bytes), bytes.toString('hex')
       ];`,
      { prelude, stores: store }
    )
    expect(result).toEqual([
      'héllo',
      'héllo',
      { redirects: { '/old': '/new' }, enabled: true },
      3,
      true,
      Buffer.from('héllo').toString('hex')
    ])
  })

  test('get() of a missing key rejects, and try/catch handles it', async () => {
    const result = await evaluate(
      `try { await cf.kvs().get('nope'); result = 'found'; } catch (e) { result = e.message; }`,
      { prelude, stores: store }
    )
    expect(result).toBe('KeyNotFound: the key "nope" does not exist in the key value store')
  })

  test('an unhandled missing key fails the run', async () => {
    const outcome = await run(
      `${prelude} async function handler(event) { await cf.kvs().get('nope'); return event.request; }`,
      { stores: store }
    )
    expect(outcome.error).toBe(
      'Error: KeyNotFound: the key "nope" does not exist in the key value store'
    )
  })

  test('get() with a format outside string, json and bytes rejects', async () => {
    const result = await evaluate(
      `try { await cf.kvs().get('greeting', { format: 'xml' }); } catch (e) { result = e.name + ': ' + e.message; }`,
      { prelude, stores: store }
    )
    expect(result).toBe('TypeError: Unknown format "xml": use "string", "json" or "bytes"')
  })

  test('exists() tells whether a key is in the store', async () => {
    const result = await evaluate(
      `const kvs = cf.kvs(); result = [await kvs.exists('greeting'), await kvs.exists('nope')];`,
      { prelude, stores: store }
    )
    expect(result).toEqual([true, false])
  })

  test('meta() reports the creation and update times and the key count', async () => {
    const stores: KeyValueStores = {
      mode: 'by-id',
      associatedId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      stores: {
        'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111': {
          keys: { a: '1', b: '2' },
          creationDateTime: '2025-01-02T03:04:05.000Z',
          lastUpdatedDateTime: '2025-02-03T04:05:06.000Z'
        }
      }
    }
    const result = await evaluate(`result = await cf.kvs().meta();`, { prelude, stores })
    expect(result).toEqual({
      creationDateTime: '2025-01-02T03:04:05.000Z',
      lastUpdatedDateTime: '2025-02-03T04:05:06.000Z',
      keyCount: 2
    })
  })

  test('meta() times default to the start of the run', async () => {
    const before = new Date().toISOString()
    const result = (await evaluate(`result = [await cf.kvs().meta(), new Date().toISOString()];`, {
      prelude,
      stores: singleStore({})
    })) as [Record<string, unknown>, string]
    expect(result[0]).toEqual({
      creationDateTime: result[1],
      lastUpdatedDateTime: result[1],
      keyCount: 0
    })
    expect(result[1] >= before).toBe(true)
  })

  test('kvs() without an associated store fails where it is called (here: at load)', async () => {
    const outcome = await run(`${prelude} const kvs = cf.kvs();
      function handler(event) { return event.request; }`)
    expect(outcome.error).toBe(
      'Error: KVSNamespaceNotFound: no key value store is associated with this function'
    )
  })

  describe('stores by id (the emulator)', () => {
    const stores: KeyValueStores = {
      mode: 'by-id',
      associatedId: 'store-a',
      stores: { 'store-a': { keys: { k: 'from a' } }, 'store-b': { keys: { k: 'from b' } } }
    }

    test('kvs() reads the associated store and kvs(id) the store of that id', async () => {
      const result = await evaluate(
        `result = [await cf.kvs().get('k'), await cf.kvs('store-a').get('k'), await cf.kvs('store-b').get('k')];`,
        { prelude, stores }
      )
      expect(result).toEqual(['from a', 'from a', 'from b'])
    })

    test('kvs(id) of a store that is not there throws', async () => {
      const result = await evaluate(
        `try { cf.kvs('store-z'); } catch (e) { result = e.message; }`,
        { prelude, stores }
      )
      expect(result).toBe(
        'KVSNamespaceNotFound: the key value store "store-z" is not associated with this function'
      )
    })

    test('kvs() without an associated id throws', async () => {
      const result = await evaluate(`try { cf.kvs(); } catch (e) { result = e.message; }`, {
        prelude,
        stores: { mode: 'by-id', stores: stores.stores }
      })
      expect(result).toBe(
        'KVSNamespaceNotFound: no key value store is associated with this function'
      )
    })
  })

  test('a single store (offline mode) answers kvs() and kvs(<any id>)', async () => {
    const result = await evaluate(
      `result = [await cf.kvs().get('greeting'), await cf.kvs('a1b2c3d4-any-id').get('greeting')];`,
      { prelude, stores: store }
    )
    expect(result).toEqual(['héllo', 'héllo'])
  })
})

describe('origin helpers', () => {
  test('valid calls run in viewer request functions and leave the output as it is', async () => {
    const outcome = await run(`${prelude}
      function handler(event) {
        cf.updateRequestOrigin({
          domainName: 'origin.example.com',
          originPath: '/v2',
          customHeaders: { 'x-origin-key': 'abc' },
          connectionAttempts: 2,
          originShield: { enabled: true, region: 'us-east-1' },
          originAccessControlConfig: { enabled: true, signingBehavior: 'always', signingProtocol: 'sigv4', originType: 's3' },
          timeouts: { readTimeout: 30, connectionTimeout: 5, keepAliveTimeout: 5 },
          customOriginConfig: { port: 443, protocol: 'https', sslProtocols: ['TLSv1.2'] }
        });
        cf.selectRequestOriginById('backup-origin');
        cf.createRequestOriginGroup({ originIds: ['primary', { originId: 'secondary' }], failoverCriteria: { statusCodes: [500, 503] }, selectionCriteria: 'default' });
        return event.request;
      }`)
    expect(outputOf(outcome).request.uri).toBe('/index.html')
    expect(outcome.error).toBeUndefined()
  })

  test.each([
    ['updateRequestOrigin(null)', 'updateRequestOrigin(): the argument must be an object'],
    [
      'updateRequestOrigin({ connectionAttempts: 4 })',
      'updateRequestOrigin(): connectionAttempts must be an integer from 1 to 3, got 4'
    ],
    [
      'updateRequestOrigin({ timeouts: { connectionTimeout: 11 } })',
      'updateRequestOrigin(): timeouts.connectionTimeout must be an integer from 1 to 10, got 11'
    ],
    [
      'updateRequestOrigin({ timeouts: { readTimeout: 0 } })',
      'updateRequestOrigin(): timeouts.readTimeout must be an integer from 1 to 60, got 0'
    ],
    [
      "updateRequestOrigin({ originPath: 'v2/' })",
      'updateRequestOrigin(): originPath must start with "/", must not end with "/" and must be at most 255 characters'
    ],
    [
      "updateRequestOrigin({ customHeaders: { 'X-Key': 'v' } })",
      'updateRequestOrigin(): customHeaders names must be lowercase, got "X-Key"'
    ],
    [
      'updateRequestOrigin({ originShield: { enabled: true } })',
      'updateRequestOrigin(): originShield.region (required when enabled) must be a non-empty string'
    ],
    [
      "updateRequestOrigin({ originAccessControlConfig: { enabled: true, signingBehavior: 'sometimes', signingProtocol: 'sigv4', originType: 's3' } })",
      'updateRequestOrigin(): originAccessControlConfig.signingBehavior must be one of "always", "never", "no-override", got "sometimes"'
    ],
    [
      "updateRequestOrigin({ customOriginConfig: { port: 70000, protocol: 'https', sslProtocols: ['TLSv1.2'] } })",
      'updateRequestOrigin(): customOriginConfig.port must be an integer from 1 to 65535, got 70000'
    ],
    [
      "selectRequestOriginById('')",
      'selectRequestOriginById(): the origin id must be a non-empty string'
    ],
    [
      "createRequestOriginGroup({ originIds: ['only-one'], failoverCriteria: { statusCodes: [500] } })",
      'createRequestOriginGroup(): originIds must list exactly two origins: the primary, then the failover'
    ],
    [
      "createRequestOriginGroup({ originIds: ['a', 'b'], failoverCriteria: { statusCodes: [418] } })",
      'createRequestOriginGroup(): failoverCriteria.statusCodes[] must be one of 400, 403, 404, 416, 500, 502, 503, 504, got 418'
    ],
    [
      "createRequestOriginGroup({ originIds: ['a', 'b'], failoverCriteria: { statusCodes: [500] }, selectionCriteria: 'fastest' })",
      'createRequestOriginGroup(): selectionCriteria must be one of "default", "media-quality-based", got "fastest"'
    ]
  ])('%s throws a TypeError', async (call, message) => {
    const outcome = await run(`${prelude}
      function handler(event) { cf.${call}; return event.request; }`)
    expect(outcome.error).toBe(`TypeError: ${message}`)
  })

  test.each([
    ['updateRequestOrigin', "{ domainName: 'x.example.com' }"],
    ['selectRequestOriginById', "'origin-1'"],
    [
      'createRequestOriginGroup',
      "{ originIds: ['a', 'b'], failoverCriteria: { statusCodes: [500] } }"
    ]
  ])('%s() throws in viewer response functions', async (helper, argument) => {
    const outcome = await run(
      `${prelude} function handler(event) { cf.${helper}(${argument}); return event.response; }`,
      { event: viewerResponse() }
    )
    expect(outcome.error).toBe(`Error: ${helper}() can only be used in viewer request functions`)
  })

  test('the helpers throw in connection functions', async () => {
    const outcome = await run(
      `${prelude} function connectionHandler(connection) { cf.selectRequestOriginById('o'); connection.allow(); }`,
      { kind: 'connection-function', event: { clientIp: '203.0.113.1' } }
    )
    expect(outcome.error).toBe(
      'Error: selectRequestOriginById() can only be used in viewer request functions'
    )
  })

  test('an event without a context counts as a viewer request', async () => {
    const event = viewerRequest()
    delete event.context
    const outcome = await run(
      `${prelude} function handler(event) { cf.selectRequestOriginById('o'); return event.request; }`,
      { event }
    )
    expect(outcome.error).toBeUndefined()
  })
})

describe('edgeLocation', () => {
  const read = `result = [cf.edgeLocation, Object.isFrozen(cf.edgeLocation)];`

  test("viewer request functions see the guide's example values, frozen", async () => {
    expect(await evaluate(read, { prelude })).toEqual([
      { name: 'SEA', serverIp: '1.2.3.4', region: 'us-west-2' },
      true
    ])
  })

  test('viewer response functions see an empty frozen object', async () => {
    expect(await evaluate(read, { prelude, event: viewerResponse() })).toEqual([{}, true])
  })

  test('connection functions see an empty frozen object', async () => {
    const outcome = await run(
      `${prelude} function connectionHandler(connection) {
        connection.logCustomData(JSON.stringify([cf.edgeLocation, Object.isFrozen(cf.edgeLocation)]));
        connection.allow();
      }`,
      { kind: 'connection-function', event: { clientIp: '203.0.113.1' } }
    )
    expect(JSON.parse(outputOf(outcome).customData as string)).toEqual([{}, true])
  })

  test('cannot be changed by the function', async () => {
    const result = await evaluate(
      `const changes = [];
       try { cf.edgeLocation.name = 'LHR'; } catch (e) { changes.push(e.name); }
       try { cf.edgeLocation = {}; } catch (e) { changes.push(e.name); }
       result = [changes, cf.edgeLocation.name];`,
      { prelude }
    )
    expect(result).toEqual([['TypeError', 'TypeError'], 'SEA'])
  })
})
