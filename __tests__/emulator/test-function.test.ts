import {
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  PublishFunctionCommand,
  TestFunctionCommand,
  UpdateFunctionCommand,
  type CloudFrontClient
} from '@aws-sdk/client-cloudfront'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { REQUEST_FN, bytes, client, config, failure, viewerRequest } from './helpers.js'

let emu: Emulator
let cf: CloudFrontClient

beforeAll(async () => {
  emu = await startEmulator()
  cf = client(emu.url)
})
afterAll(async () => {
  cf.destroy()
  await emu.close()
})
beforeEach(() => emu.reset())

async function testCode(code: string, runtime = 'cloudfront-js-1.0', event = viewerRequest()) {
  const created = await cf.send(
    new CreateFunctionCommand({
      Name: 'under-test',
      FunctionConfig: config('t', runtime),
      FunctionCode: bytes(code)
    })
  )
  const out = await cf.send(
    new TestFunctionCommand({ Name: 'under-test', IfMatch: created.ETag, EventObject: event })
  )
  return out.TestResult!
}

describe('TestFunction', () => {
  test('a returned request comes back as {"request": …} with logs and compute', async () => {
    const r = await testCode(`function handler(event) {
      console.log('uri', event.request.uri);
      console.log({ a: 1 });
      event.request.headers['x-seen'] = { value: 'yes' };
      return event.request;
    }`)
    const out = JSON.parse(r.FunctionOutput!)
    expect(out.request.headers['x-seen']).toEqual({ value: 'yes' })
    expect(out.request.uri).toBe('/index.html')
    expect(r.FunctionExecutionLogs).toEqual(['uri /index.html', '{"a":1}'])
    expect(r.FunctionErrorMessage).toBeUndefined()
    expect(r.ComputeUtilization).toMatch(/^(\d|[1-9]\d|100)$/)
    expect(r.FunctionSummary?.Name).toBe('under-test')
    expect(r.FunctionSummary?.FunctionMetadata?.Stage).toBe('DEVELOPMENT')
  })

  test('a returned response (statusCode) comes back as {"response": …}', async () => {
    const r = await testCode(`function handler(event) {
      return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/new' } } };
    }`)
    expect(JSON.parse(r.FunctionOutput!)).toEqual({
      response: {
        statusCode: 302,
        statusDescription: 'Found',
        headers: { location: { value: '/new' } },
        // CloudFront adds the fields a generated response leaves out.
        cookies: {}
      }
    })
  })

  test('viewer-response events report {"response": …}', async () => {
    const event = bytes(
      JSON.stringify({
        version: '1.0',
        context: { eventType: 'viewer-response' },
        viewer: { ip: '198.51.100.1' },
        request: { method: 'GET', uri: '/', querystring: {}, headers: {}, cookies: {} },
        response: { statusCode: 200, statusDescription: 'OK', headers: {}, cookies: {} }
      })
    )
    const r = await testCode(
      `function handler(event) { event.response.headers['x-r'] = { value: '1' }; return event.response; }`,
      'cloudfront-js-1.0',
      event
    )
    expect(JSON.parse(r.FunctionOutput!).response.headers['x-r']).toEqual({ value: '1' })
  })

  test('a thrown exception is FunctionErrorMessage, not an API error', async () => {
    const r = await testCode(
      `function handler(event) { console.log('before'); throw new TypeError('boom'); }`
    )
    expect(r.FunctionErrorMessage).toBe('TypeError: boom')
    expect(r.FunctionOutput).toBeUndefined()
    expect(r.FunctionExecutionLogs).toEqual(['before'])
  })

  test('syntax errors and a missing handler are reported the same way', async () => {
    expect((await testCode('function handler( {')).FunctionErrorMessage).toMatch(/SyntaxError/)
    emu.reset()
    expect((await testCode('function other() {}')).FunctionErrorMessage).toMatch(/handler/)
  })

  test('strict mode, no process/timers/eval; require only for the runtime modules', async () => {
    const probe = `function handler(event) {
      var seen = [typeof require, typeof process, typeof setTimeout, typeof fetch, typeof globalThis.Buffer];
      var evalBlocked = false;
      try { eval('1'); } catch (e) { evalBlocked = e.name; }
      var fnBlocked = false;
      try { (function () {}).constructor('return 1')(); } catch (e) { fnBlocked = e.name; }
      var strict = (function () { return this === undefined; })();
      event.request.headers.probe = { value: JSON.stringify([seen, evalBlocked, fnBlocked, strict]) };
      return event.request;
    }`
    const r = await testCode(probe)
    const [seen, evalBlocked, fnBlocked, strict] = JSON.parse(
      JSON.parse(r.FunctionOutput!).request.headers.probe.value
    )
    // js-1.0 has require('crypto') and require('querystring'), nothing else of Node.
    expect(seen).toEqual(['function', 'undefined', 'undefined', 'undefined', 'undefined'])
    expect(evalBlocked).toBe('EvalError')
    expect(fnBlocked).toBe('EvalError')
    expect(strict).toBe(true)
    emu.reset()
    const sloppy = await testCode(`function handler(e) { undeclared = 1; return e.request; }`)
    expect(sloppy.FunctionErrorMessage).toMatch(/ReferenceError/)
  })

  test('an endless loop hits the time limit with 100% compute', async () => {
    const r = await testCode('function handler(event) { for (;;) {} }')
    expect(r.FunctionErrorMessage).toMatch(/maximum allowed execution time/)
    expect(r.ComputeUtilization).toBe('100')
  })

  test('ComputeUtilization is run time as a percent of the compute budget', async () => {
    // Date.now() stands still during a run, as in CloudFront: burn CPU by counting instead.
    const busy = `function handler(event) { var n = 0; for (var i = 0; i < 3e6; i++) { n += i % 7 } event.request.n = n; return event.request; }`
    emu.setComputeBudget(1)
    expect((await testCode(busy)).ComputeUtilization).toBe('100')
    emu.reset()
    emu.setComputeBudget(1000)
    expect(Number((await testCode(busy)).ComputeUtilization)).toBeLessThan(10)
  })

  test('js-2.0: async handlers, const/let and the cloudfront module with key values', async () => {
    const store = await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
    emu.putKeyValue('kv', 'greeting', 'hello')
    emu.putKeyValue('kv', 'obj', '{"n":2}')
    const code = `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  const g = await kvs.get('greeting');
  const o = await kvs.get('obj', { format: 'json' });
  const has = await kvs.exists('nope');
  const bytes = await cf.kvs('${store.KeyValueStore!.Id}').get('greeting', { format: 'bytes' });
  let missing = 'none';
  try { await kvs.get('nope'); } catch (e) { missing = e.message; }
  event.request.headers.kv = { value: [g, o.n, has, bytes.length, missing].join('|') };
  return event.request;
}`
    await cf.send(
      new CreateFunctionCommand({
        Name: 'kv-fn',
        FunctionConfig: {
          ...config('kv', 'cloudfront-js-2.0'),
          KeyValueStoreAssociations: {
            Quantity: 1,
            Items: [{ KeyValueStoreARN: store.KeyValueStore!.ARN }]
          }
        },
        FunctionCode: bytes(code)
      })
    )
    const etag = (await cf
      .send(new PublishFunctionCommand({ Name: 'kv-fn', IfMatch: 'x' }))
      .catch(e => e)) as Error
    expect(etag.name).toBe('PreconditionFailed')
    const state = emu.state().functions.find(f => f.name === 'kv-fn')!
    const out = await cf.send(
      new TestFunctionCommand({
        Name: 'kv-fn',
        IfMatch: state.development.etag,
        EventObject: viewerRequest()
      })
    )
    expect(out.TestResult?.FunctionErrorMessage).toBeUndefined()
    expect(JSON.parse(out.TestResult!.FunctionOutput!).request.headers.kv.value).toBe(
      'hello|2|false|5|KeyNotFound: the key "nope" does not exist in the key value store'
    )
  })

  test('js-1.0 has no cloudfront module', async () => {
    const r = await testCode(
      `import cf from 'cloudfront';\nfunction handler(e) { return e.request; }`,
      'cloudfront-js-1.0'
    )
    expect(r.FunctionErrorMessage).toMatch(/SyntaxError/)
  })

  test('Stage=LIVE runs the published code; before publish it is 404', async () => {
    const created = await cf.send(
      new CreateFunctionCommand({
        Name: 'staged',
        FunctionConfig: config(),
        FunctionCode: bytes(REQUEST_FN)
      })
    )
    const notYet = await failure(
      cf.send(
        new TestFunctionCommand({
          Name: 'staged',
          IfMatch: created.ETag,
          Stage: 'LIVE',
          EventObject: viewerRequest()
        })
      )
    )
    expect(notYet.name).toBe('NoSuchFunctionExists')
    await cf.send(new PublishFunctionCommand({ Name: 'staged', IfMatch: created.ETag }))
    const v2 = await cf.send(
      new UpdateFunctionCommand({
        Name: 'staged',
        IfMatch: created.ETag,
        FunctionConfig: config(),
        FunctionCode: bytes(REQUEST_FN.replace("'yes'", "'dev'"))
      })
    )
    const run = async (Stage: 'LIVE' | 'DEVELOPMENT') =>
      JSON.parse(
        (
          await cf.send(
            new TestFunctionCommand({
              Name: 'staged',
              IfMatch: v2.ETag,
              Stage,
              EventObject: viewerRequest()
            })
          )
        ).TestResult!.FunctionOutput!
      ).request.headers['x-seen'].value
    expect(await run('LIVE')).toBe('yes')
    expect(await run('DEVELOPMENT')).toBe('dev')
  })

  test('If-Match and event validation', async () => {
    const created = await cf.send(
      new CreateFunctionCommand({
        Name: 'v',
        FunctionConfig: config(),
        FunctionCode: bytes(REQUEST_FN)
      })
    )
    const stale = await failure(
      cf.send(
        new TestFunctionCommand({ Name: 'v', IfMatch: 'ENOPE', EventObject: viewerRequest() })
      )
    )
    expect(stale.name).toBe('PreconditionFailed')
    const missing = await failure(
      cf.send(new TestFunctionCommand({ Name: 'v', IfMatch: '', EventObject: viewerRequest() }))
    )
    expect(missing.name).toBe('InvalidIfMatchVersion')
    const notJson = await failure(
      cf.send(
        new TestFunctionCommand({ Name: 'v', IfMatch: created.ETag, EventObject: bytes('{') })
      )
    )
    expect(notJson.name).toBe('InvalidArgument')
    const tooBig = await failure(
      cf.send(
        new TestFunctionCommand({
          Name: 'v',
          IfMatch: created.ETag,
          EventObject: bytes(JSON.stringify({ pad: 'x'.repeat(41_000) }))
        })
      )
    )
    expect(tooBig.name).toBe('InvalidArgument')
  })
})
