// cf.cwt of the cloudfront module ("CWT support for CloudFront Functions"): COSE_Mac0 tokens
// with HMAC-SHA256. Tokens are checked against bytes built here by hand with node:crypto and
// against the example of RFC 8392 (A.4), not only against the module itself.

import { createHmac } from 'node:crypto'
import { singleStore } from '../../src/runtime/index.js'
import { evaluate, outputOf, run, viewerRequest } from './helpers.js'

const prelude = "import cf from 'cloudfront';"

/** A CBOR head (major type and length or value), for the lengths these tests use. */
function head(major: number, value: number): string {
  const m = major << 5
  const hex = (n: number, bytes: number): string => n.toString(16).padStart(bytes * 2, '0')
  if (value < 24) return hex(m | value, 1)
  if (value < 0x100) return hex(m | 24, 1) + hex(value, 1)
  return hex(m | 25, 1) + hex(value, 2)
}

const bstr = (hex: string): string => head(2, hex.length / 2) + hex
const text = (value: string): string => {
  const utf8 = Buffer.from(value).toString('hex')
  return head(3, utf8.length / 2) + utf8
}

/** A COSE_Mac0 token, its MAC computed with node:crypto over the RFC 8152 MAC_structure. */
function mac0Token(parts: {
  protectedHex: string
  unprotectedHex: string
  payloadHex: string
  key: string | Buffer
  tagBytes?: number
  tagsHex?: string
}): Buffer {
  const macStructure =
    '84' + text('MAC0') + bstr(parts.protectedHex) + '40' + bstr(parts.payloadHex)
  const mac = createHmac('sha256', parts.key).update(Buffer.from(macStructure, 'hex')).digest('hex')
  const tag = mac.slice(0, (parts.tagBytes ?? 32) * 2)
  const array =
    '84' + bstr(parts.protectedHex) + parts.unprotectedHex + bstr(parts.payloadHex) + bstr(tag)
  return Buffer.from((parts.tagsHex ?? 'd1') + array, 'hex')
}

const KEY = 'my-secret-key'
const PROTECTED_ALG_5 = 'a10105' // { 1: 5 }
const UNPROTECTED_KID = 'a104' + bstr('6b31') // { 4: h'6b31' } (kid "k1")
// { 1: "example", 4: 1700000000, "role": "admin" }
const CLAIMS = 'a3' + '01' + text('example') + '04' + '1a6553f100' + text('role') + text('admin')
const HAND_BUILT = mac0Token({
  protectedHex: PROTECTED_ALG_5,
  unprotectedHex: UNPROTECTED_KID,
  payloadHex: CLAIMS,
  key: KEY
})

// RFC 8392, A.4: a MACed CWT (tags 61 and 17, HMAC 256/64) with the key of A.2.2.
const RFC_KEY = '403697de87af64611c1d32a05dab0fe1fcb715a86ab435f1ec99192d79569388'
const RFC_TOKEN =
  'd83dd18443a10104a1044c53796d6d65747269633235365850a70175636f61703a2f2f61732e6578616d706c652e636f6d02656572696b77037818636f61703a2f2f6c696768742e6578616d706c652e636f6d041a5612aeb0051a5610d9f0061a5610d9f007420b7148093101ef6d789200'

const bufferJson = (hex: string): { type: string; data: number[] } => ({
  type: 'Buffer',
  data: [...Buffer.from(hex, 'hex')]
})

/** What validateToken() returns for a token, or the error it throws, as [name, message]. */
function validate(tokenHex: string, keyExpression = JSON.stringify(KEY)): Promise<unknown> {
  return evaluate(
    `try {
       result = cf.cwt.validateToken(Buffer.from('${tokenHex}', 'hex'), { key: ${keyExpression} });
     } catch (e) {
       result = [e instanceof Error, e.name, e.message];
     }`,
    { prelude }
  )
}

describe('validateToken()', () => {
  test('accepts the RFC 8392 example token (CWT tag, HMAC 256/64) with claim keys as strings', async () => {
    const result = await validate(RFC_TOKEN, `Buffer.from('${RFC_KEY}', 'hex')`)
    expect(result).toEqual({
      protectedHeaders: { '1': 4 },
      unprotectedHeaders: { '4': bufferJson('53796d6d6574726963323536') },
      payload: {
        '1': 'coap://as.example.com',
        '2': 'erikw',
        '3': 'coap://light.example.com',
        '4': 1444064944,
        '5': 1443944944,
        '6': 1443944944,
        '7': bufferJson('0b71')
      }
    })
  })

  test('accepts a token built with node:crypto (no CWT tag, HMAC 256/256), key as string or Buffer', async () => {
    const expected = {
      protectedHeaders: { '1': 5 },
      unprotectedHeaders: { '4': bufferJson('6b31') },
      payload: { '1': 'example', '4': 1700000000, role: 'admin' }
    }
    expect(await validate(HAND_BUILT.toString('hex'))).toEqual(expected)
    expect(await validate(HAND_BUILT.toString('hex'), `Buffer.from('${KEY}')`)).toEqual(expected)
  })

  test('claims read with a number or a string key: payload[4] and payload["4"]', async () => {
    const result = await evaluate(
      `const cwt = cf.cwt.validateToken(Buffer.from('${HAND_BUILT.toString('base64url')}', 'base64url'), { key: '${KEY}' });
       result = [cwt.payload[4], cwt.payload['4'], cwt.payload.role, Buffer.isBuffer(cwt.unprotectedHeaders[4])];`,
      { prelude }
    )
    expect(result).toEqual([1700000000, 1700000000, 'admin', true])
  })

  test('decodes half, single and double floats, null, undefined and tags inside the claims', async () => {
    // { 1: 1.5 (half), 2: -2.5 (single), 3: 0.1 (double), 4: null, 5: undefined, 6: 1(1444064944) }
    const claims =
      'a6' +
      '01f93e00' +
      '02fac0200000' +
      '03fb3fb999999999999a' +
      '04f6' +
      '05f7' +
      '06c11a5612aeb0'
    const token = mac0Token({
      protectedHex: PROTECTED_ALG_5,
      unprotectedHex: 'a0',
      payloadHex: claims,
      key: KEY
    })
    const result = await evaluate(
      `const claims = cf.cwt.validateToken(Buffer.from('${token.toString('hex')}', 'hex'), { key: '${KEY}' }).payload;
       result = [claims[1], claims[2], claims[3], claims[4], '5' in claims && claims[5] === undefined, claims[6]];`,
      { prelude }
    )
    expect(result).toEqual([1.5, -2.5, 0.1, null, true, 1444064944])
  })

  test('a public sample flow: base64url token in a header, key from the key value store', async () => {
    const token = mac0Token({
      protectedHex: PROTECTED_ALG_5,
      unprotectedHex: 'a0',
      payloadHex: 'a2' + '04' + '1a6553f100' + '07' + text('session-42'),
      key: 'kvs-key',
      tagsHex: 'd83dd1'
    })
    const outcome = await run(
      `${prelude}
      async function handler(event) {
        var request = event.request;
        var signingKey = await cf.kvs().get('key:default');
        try {
          var cwt = cf.cwt.validateToken(Buffer.from(request.headers['cta-common-access-token'].value, 'base64url'), { key: signingKey });
          request.headers['x-session'] = { value: cwt.payload[7] };
          return request;
        } catch (e) {
          return { statusCode: 401, body: e.message };
        }
      }`,
      {
        stores: singleStore({ 'key:default': 'kvs-key' }),
        event: viewerRequest({
          headers: { 'cta-common-access-token': { value: token.toString('base64url') } }
        })
      }
    )
    expect(outputOf(outcome).request.headers['x-session']).toEqual({ value: 'session-42' })
  })

  const tampered = Buffer.from(HAND_BUILT)
  tampered[HAND_BUILT.indexOf(Buffer.from('admin'))] ^= 1
  const deep = '81'.repeat(20) + '00' // [[[…[0]…]]], 20 levels
  const oversize = mac0Token({
    protectedHex: PROTECTED_ALG_5,
    unprotectedHex: 'a0',
    payloadHex: 'a1' + '01' + head(3, 1100) + '61'.repeat(1100),
    key: KEY
  })
  const failures: [string, string, string][] = [
    ['a tampered payload', tampered.toString('hex'), 'the MAC does not match'],
    [
      'a wrong key',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: CLAIMS,
        key: 'other-key'
      }).toString('hex'),
      'the MAC does not match'
    ],
    [
      'no COSE_Mac0 tag (17)',
      HAND_BUILT.subarray(1).toString('hex'),
      'COSE_Mac0 structure (CBOR tag 17)'
    ],
    [
      'the CWT tag (61) alone',
      'd83d' + HAND_BUILT.subarray(1).toString('hex'),
      'COSE_Mac0 structure (CBOR tag 17)'
    ],
    [
      'another COSE tag (COSE_Sign1, 18)',
      'd2' + HAND_BUILT.subarray(1).toString('hex'),
      'COSE_Mac0 structure (CBOR tag 17)'
    ],
    [
      'alg 6 (HMAC 384/384)',
      mac0Token({
        protectedHex: 'a10106',
        unprotectedHex: 'a0',
        payloadHex: CLAIMS,
        key: KEY
      }).toString('hex'),
      'unsupported algorithm 6'
    ],
    [
      'alg -7 (ES256)',
      mac0Token({
        protectedHex: 'a10126',
        unprotectedHex: 'a0',
        payloadHex: CLAIMS,
        key: KEY
      }).toString('hex'),
      'unsupported algorithm -7'
    ],
    [
      'alg in the unprotected headers only',
      mac0Token({
        protectedHex: '',
        unprotectedHex: 'a10105',
        payloadHex: CLAIMS,
        key: KEY
      }).toString('hex'),
      'must name the algorithm'
    ],
    [
      'an 8-byte tag with alg 5',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: CLAIMS,
        key: KEY,
        tagBytes: 8
      }).toString('hex'),
      'algorithm 5 is 32 bytes, not 8'
    ],
    [
      'a token over 1 KB',
      oversize.toString('hex'),
      `the token is ${oversize.length} bytes, more than the 1024 allowed`
    ],
    [
      'a truncated token',
      HAND_BUILT.subarray(0, HAND_BUILT.length - 5).toString('hex'),
      'invalid CBOR: the data ends too early'
    ],
    [
      'bytes after the token',
      HAND_BUILT.toString('hex') + '00',
      'invalid CBOR: unexpected bytes after the data item'
    ],
    [
      'garbage',
      Buffer.from('not a token at all').toString('hex'),
      'COSE_Mac0 structure (CBOR tag 17)'
    ],
    ['an empty buffer', '', 'COSE_Mac0 structure (CBOR tag 17)'],
    [
      'an array of 3 items',
      'd183' + bstr(PROTECTED_ALG_5) + 'a0' + bstr(CLAIMS),
      'an array of 4 items'
    ],
    [
      'a text string where the payload goes',
      'd184' + bstr(PROTECTED_ALG_5) + 'a0' + text('x') + bstr('00'),
      'the payload must be a byte string'
    ],
    [
      'an indefinite-length array',
      'd19f' + bstr(PROTECTED_ALG_5) + 'a0' + bstr(CLAIMS) + bstr('00') + 'ff',
      'indefinite lengths are not supported'
    ],
    [
      'nesting deeper than 16 levels',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a101' + deep,
        payloadHex: CLAIMS,
        key: KEY
      }).toString('hex'),
      'nested deeper than 16 levels'
    ],
    [
      'a claim key given twice',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: 'a2' + '0401' + '0402',
        key: KEY
      }).toString('hex'),
      'the map key 4 appears twice'
    ],
    [
      'a count larger than the data',
      'd184' + bstr(PROTECTED_ALG_5) + 'bb00000000ffffffff',
      'the data ends too early'
    ],
    [
      'invalid UTF-8 in a claim',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: 'a10162c328',
        key: KEY
      }).toString('hex'),
      'not valid UTF-8'
    ],
    [
      'an integer of 2^53',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: 'a1011b0020000000000000',
        key: KEY
      }).toString('hex'),
      'integers above 2^53 - 1 are not supported'
    ],
    [
      'a byte string as a claim key',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: 'a1' + bstr('01') + '01',
        key: KEY
      }).toString('hex'),
      'map keys must be integers or text strings'
    ],
    [
      'reserved additional information',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: 'a1011c',
        key: KEY
      }).toString('hex'),
      'reserved additional information 28'
    ],
    [
      'claims that are not a map',
      mac0Token({
        protectedHex: PROTECTED_ALG_5,
        unprotectedHex: 'a0',
        payloadHex: '8101',
        key: KEY
      }).toString('hex'),
      'the payload must be a CBOR map'
    ]
  ]
  test.each(failures)('%s throws an Error', async (_case, tokenHex, message) => {
    const result = (await validate(tokenHex)) as [boolean, string, string]
    expect(result[0]).toBe(true)
    expect(result[1]).toBe('Error')
    expect(result[2]).toMatch(/^validateToken\(\): /)
    expect(result[2]).toContain(message)
  })

  test.each([
    [
      'a token given as a string',
      `'${HAND_BUILT.toString('base64url')}'`,
      `{ key: '${KEY}' }`,
      'the token must be a Buffer'
    ],
    [
      'a token given as a Uint8Array',
      `new Uint8Array(4)`,
      `{ key: '${KEY}' }`,
      'the token must be a Buffer'
    ],
    [
      'no context',
      `Buffer.from('${HAND_BUILT.toString('hex')}', 'hex')`,
      'undefined',
      'the context must be an object with a key'
    ],
    [
      'a key that is a number',
      `Buffer.from('${HAND_BUILT.toString('hex')}', 'hex')`,
      '{ key: 42 }',
      'key must be a string or a Buffer'
    ],
    [
      'an empty key',
      `Buffer.from('${HAND_BUILT.toString('hex')}', 'hex')`,
      "{ key: '' }",
      'key must not be empty'
    ]
  ])('%s throws a TypeError', async (_case, token, context, message) => {
    const result = await evaluate(
      `try { cf.cwt.validateToken(${token}, ${context}); } catch (e) { result = [e instanceof Error, e.name, e.message]; }`,
      { prelude }
    )
    expect(result).toEqual([true, 'TypeError', `validateToken(): ${message}`])
  })

  test('an uncaught failure fails the run with the message', async () => {
    const outcome = await run(`${prelude}
      function handler(event) { cf.cwt.validateToken(Buffer.from('garbage'), { key: 'k' }); return event.request; }`)
    expect(outcome.error).toBe(
      'Error: validateToken(): the token must be a COSE_Mac0 structure (CBOR tag 17)'
    )
  })
})

// The guide's generateToken example, in the form the page writes it.
const GUIDE_TOKEN = `{
  protected: { 1: "5" },
  unprotected: {},
  payload: {
    1: "cloudfront-documentation",
    2: "cwt-support-on-cloudfront-functions",
    4: 1740000000,
    401: { 1: { 2: ".cloudfront.net" }, 2: { 1: "/media/live-stream/cf-4k/" }, 3: { 3: [".m3u8", ".ts", ".mpd"] } },
    402: ["[IP_ADDRESS]", "[IP_ADDRESS]"],
    403: ["GET", "HEAD"],
    404: { 1: "header_renewal", 2: 1750000000, 3: 5 }
  }
}`

describe('generateToken()', () => {
  test('the guide example (payload first, protected { 1: "5" }) round-trips through validateToken()', async () => {
    const result = (await evaluate(
      `const genContext = { cwtTag: true, coseTag: 'MAC0', key: 'secret' };
       const token = cf.cwt.generateToken(${GUIDE_TOKEN}, genContext);
       const encoded = token.toString('base64url');
       result = [Buffer.isBuffer(token), token.toString('hex', 0, 3), cf.cwt.validateToken(Buffer.from(encoded, 'base64url'), { key: 'secret' })];`,
      { prelude }
    )) as [boolean, string, unknown]
    expect(result[0]).toBe(true)
    expect(result[1]).toBe('d83dd1') // tag 61, then tag 17
    expect(result[2]).toEqual({
      protectedHeaders: { '1': 5 },
      unprotectedHeaders: {},
      payload: {
        '1': 'cloudfront-documentation',
        '2': 'cwt-support-on-cloudfront-functions',
        '4': 1740000000,
        '401': {
          '1': { '2': '.cloudfront.net' },
          '2': { '1': '/media/live-stream/cf-4k/' },
          '3': { '3': ['.m3u8', '.ts', '.mpd'] }
        },
        '402': ['[IP_ADDRESS]', '[IP_ADDRESS]'],
        '403': ['GET', 'HEAD'],
        '404': { '1': 'header_renewal', '2': 1750000000, '3': 5 }
      }
    })
  })

  test('writes the bytes of the token built by hand: integer labels for numeric keys, text for others', async () => {
    const result = await evaluate(
      `result = cf.cwt.generateToken(
         { protected: { 1: 5 }, unprotected: { 4: Buffer.from('k1') }, payload: { 1: 'example', 4: 1700000000, role: 'admin' } },
         { coseTag: 'MAC0', key: '${KEY}' }
       ).toString('hex');`,
      { prelude }
    )
    expect(result).toBe(HAND_BUILT.toString('hex'))
  })

  test('takes the context first or second, and protectedHeaders/unprotectedHeaders or protected/unprotected', async () => {
    const result = (await evaluate(
      `const context = { coseTag: 'MAC0', key: Buffer.from('${KEY}') };
       const claims = { 1: 'example', 4: 1700000000, role: 'admin' };
       result = [
         cf.cwt.generateToken({ protected: { 1: 5 }, unprotected: { 4: Buffer.from('k1') }, payload: claims }, context),
         cf.cwt.generateToken(context, { protected: { 1: 5 }, unprotected: { 4: Buffer.from('k1') }, payload: claims }),
         cf.cwt.generateToken({ protectedHeaders: { 1: 5 }, unprotectedHeaders: { 4: Buffer.from('k1') }, payload: claims }, context),
         cf.cwt.generateToken(context, { protectedHeaders: { '1': '5' }, unprotectedHeaders: { '4': Buffer.from('k1') }, payload: claims })
       ].map(function (token) { return token.toString('hex'); });`,
      { prelude }
    )) as string[]
    expect(result).toEqual(Array(4).fill(HAND_BUILT.toString('hex')))
  })

  test('the guide refresh example: validateToken() output, a claim changed, back into generateToken()', async () => {
    const result = await evaluate(
      `const key = 'refresh-key';
       const first = cf.cwt.generateToken({ protected: { 1: 5 }, unprotected: { 4: Buffer.from('k1') }, payload: { 4: 1000, 7: 'id' } }, { coseTag: 'MAC0', key: key });
       const cwtJSON = cf.cwt.validateToken(first, { key: key });
       cwtJSON.payload[4] = 2000;
       const renewed = cf.cwt.generateToken(cwtJSON, { coseTag: 'MAC0', key: key });
       const again = cf.cwt.validateToken(Buffer.from(renewed.toString('base64url'), 'base64url'), { key: key });
       result = [again.payload, again.unprotectedHeaders[4].toString()];`,
      { prelude }
    )
    expect(result).toEqual([{ '4': 2000, '7': 'id' }, 'k1'])
  })

  test('alg 4 (HMAC 256/64) writes an 8-byte tag; no alg writes 5; values of every CBOR kind round-trip', async () => {
    const result = (await evaluate(
      `const claims = { 1: -1, 2: -1000000, 3: 1.5, 4: 2 ** 40, 5: true, 6: false, 7: null, 8: 'ünï', 9: [1, [2]], name: { nested: 'x' }, '-2': 'negative label' };
       const alg4 = cf.cwt.generateToken({ protected: { 1: 4 }, payload: claims }, { coseTag: 'MAC0', key: 'k' });
       const none = cf.cwt.generateToken({ payload: { 1: 'x' } }, { coseTag: 'MAC0', key: 'k' });
       result = [
         alg4.toString('hex', alg4.length - 9, alg4.length - 8),
         cf.cwt.validateToken(alg4, { key: 'k' }),
         none.toString('hex', 0, 6),
         cf.cwt.validateToken(none, { key: 'k' }).protectedHeaders
       ];`,
      { prelude }
    )) as unknown[]
    expect(result[0]).toBe('48') // a byte string of 8 bytes
    expect(result[1]).toEqual({
      protectedHeaders: { '1': 4 },
      unprotectedHeaders: {},
      payload: {
        '1': -1,
        '2': -1000000,
        '3': 1.5,
        '4': 2 ** 40,
        '5': true,
        '6': false,
        '7': null,
        '8': 'ünï',
        '9': [1, [2]],
        name: { nested: 'x' },
        '-2': 'negative label'
      }
    })
    expect(result[2]).toBe('d18443a10105') // tag 17, [h'a10105' (alg 5), …
    expect(result[3]).toEqual({ '1': 5 })
  })

  test.each([
    [
      'no context',
      'cf.cwt.generateToken({ payload: {} })',
      'TypeError',
      'pass the token object and a context'
    ],
    [
      'coseTag other than MAC0',
      "cf.cwt.generateToken({ payload: {} }, { coseTag: 'Sign1', key: 'k' })",
      'TypeError',
      'coseTag must be "MAC0"'
    ],
    [
      'no coseTag',
      "cf.cwt.generateToken({ payload: {} }, { key: 'k' })",
      'TypeError',
      'coseTag must be "MAC0"'
    ],
    [
      'no key',
      "cf.cwt.generateToken({ payload: {} }, { coseTag: 'MAC0' })",
      'TypeError',
      'key must be a string or a Buffer'
    ],
    [
      'cwtTag not a boolean',
      "cf.cwt.generateToken({ payload: {} }, { coseTag: 'MAC0', key: 'k', cwtTag: 'yes' })",
      'TypeError',
      'cwtTag must be true or false'
    ],
    [
      'no payload',
      "cf.cwt.generateToken({ protected: { 1: 5 } }, { coseTag: 'MAC0', key: 'k' })",
      'TypeError',
      'payload must be an object'
    ],
    [
      'alg 6',
      "cf.cwt.generateToken({ protected: { 1: 6 }, payload: {} }, { coseTag: 'MAC0', key: 'k' })",
      'Error',
      'unsupported algorithm 6'
    ],
    [
      'a token over 1 KB',
      "cf.cwt.generateToken({ payload: { 1: 'a'.repeat(1100) } }, { coseTag: 'MAC0', key: 'k' })",
      'Error',
      'larger than 1024 bytes'
    ],
    [
      'a function in the payload',
      "cf.cwt.generateToken({ payload: { 1: function () {} } }, { coseTag: 'MAC0', key: 'k' })",
      'TypeError',
      'cannot encode a function'
    ],
    [
      'a cycle in the payload',
      "var claims = {}; claims.self = claims; cf.cwt.generateToken({ payload: claims }, { coseTag: 'MAC0', key: 'k' })",
      'Error',
      'nested deeper than 16 levels'
    ]
  ])('%s throws', async (_case, call, name, message) => {
    const result = (await evaluate(
      `try { ${call}; result = 'no error'; } catch (e) { result = [e instanceof Error, e.name, e.message]; }`,
      { prelude }
    )) as [boolean, string, string]
    expect(result.slice(0, 2)).toEqual([true, name])
    expect(result[2]).toMatch(/^generateToken\(\): /)
    expect(result[2]).toContain(message)
  })
})

describe('the cwt module', () => {
  test('is frozen and reached only through the cloudfront module', async () => {
    const result = await evaluate(
      `let assigned;
       try { cf.cwt.validateToken = null; assigned = 'assigned'; } catch (e) { assigned = e.name; }
       result = [Object.isFrozen(cf.cwt), Object.isFrozen(cf), assigned, typeof cwt, typeof globalThis.cwtModule,
         Object.keys(cf.cwt).sort(), require('cloudfront').cwt === cf.cwt];`,
      { prelude }
    )
    expect(result).toEqual([
      true,
      true,
      'TypeError',
      'undefined',
      'undefined',
      ['generateToken', 'validateToken'],
      true
    ])
  })

  test('its functions and errors lead nowhere', async () => {
    const result = await evaluate(
      `result = [cf.cwt.validateToken, cf.cwt.generateToken].map(function (fn) {
         try { return typeof fn.constructor('return process')(); } catch (e) { return e.name; }
       });
       try { cf.cwt.validateToken(Buffer.from('x'), { key: 'k' }); } catch (e) {
         try { result.push(typeof e.constructor.constructor('return process')()); } catch (inner) { result.push(inner.name); }
       }`,
      { prelude }
    )
    expect(result).toEqual(Array(3).fill('EvalError'))
  })
})
