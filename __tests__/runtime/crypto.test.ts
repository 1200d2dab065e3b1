// The crypto module ("Built-in modules" of both runtime pages): createHash with md5, sha1 and
// sha256, createHmac, and digest with hex, base64 and base64url; runtime 2.0 returns a Buffer
// from digest() without an encoding, runtime 1.0 a byte string.

import { createHash, createHmac } from 'node:crypto'
import { V1, V2, evaluate, run } from './helpers.js'

const ALGORITHMS = ['md5', 'sha1', 'sha256'] as const
const ENCODINGS = ['hex', 'base64', 'base64url'] as const
const MESSAGE = 'GET /index.html ünïcødé'

describe.each([
  [V1, "var crypto = require('crypto');"],
  [V2, "import crypto from 'crypto';"]
])('%s', (runtime, prelude) => {
  test.each(ALGORITHMS)('createHash(%s) digests in hex, base64 and base64url', async algorithm => {
    const result = await evaluate(
      `result = ${JSON.stringify(ENCODINGS)}.map(function (e) {
        return crypto.createHash('${algorithm}').update(${JSON.stringify(MESSAGE)}).digest(e);
      });`,
      { runtime, prelude }
    )
    expect(result).toEqual(
      ENCODINGS.map(e => createHash(algorithm).update(MESSAGE, 'utf8').digest(e))
    )
  })

  test.each(ALGORITHMS)('createHmac(%s) digests in hex, base64 and base64url', async algorithm => {
    const result = await evaluate(
      `result = ${JSON.stringify(ENCODINGS)}.map(function (e) {
        return crypto.createHmac('${algorithm}', 'secret-key').update('part one,').update(' part two').digest(e);
      });`,
      { runtime, prelude }
    )
    expect(result).toEqual(
      ENCODINGS.map(e => createHmac(algorithm, 'secret-key').update('part one, part two').digest(e))
    )
  })

  test('an algorithm outside md5, sha1 and sha256 throws', async () => {
    const outcome = await run(
      `${prelude}
      function handler(event) { crypto.createHash('sha512'); return event.request; }`,
      {
        runtime
      }
    )
    expect(outcome.error).toBe('TypeError: not supported algorithm: "sha512"')
  })

  test('a second digest() throws', async () => {
    const outcome = await run(
      `${prelude}
      function handler(event) {
        var hash = crypto.createHash('sha1').update('x');
        hash.digest('hex');
        hash.digest('hex');
        return event.request;
      }`,
      { runtime }
    )
    expect(outcome.error).toBe('Error: Digest already called')
  })

  test('an unknown digest encoding throws', async () => {
    const outcome = await run(
      `${prelude}
      function handler(event) { crypto.createHash('md5').update('x').digest('latin2'); return event.request; }`,
      {
        runtime
      }
    )
    expect(outcome.error).toBe('TypeError: Unknown digest encoding: "latin2"')
  })
})

describe('digest() without an encoding', () => {
  test('returns a Buffer in runtime 2.0', async () => {
    const result = await evaluate(
      `var digest = crypto.createHmac('sha256', 'k').update('message').digest();
       result = { isBuffer: Buffer.isBuffer(digest), length: digest.length, hex: digest.toString('hex') };`,
      { runtime: V2, prelude: "import crypto from 'crypto';" }
    )
    expect(result).toEqual({
      isBuffer: true,
      length: 32,
      hex: createHmac('sha256', 'k').update('message').digest('hex')
    })
  })

  test('returns a byte string in runtime 1.0, usable as the key of a chained HMAC', async () => {
    // The pattern of AWS Signature Version 4: each HMAC's raw digest keys the next one.
    const result = await evaluate(
      `var kDate = crypto.createHmac('sha256', 'AWS4secret').update('20250101').digest();
       var kRegion = crypto.createHmac('sha256', kDate).update('us-east-1').digest();
       result = {
         type: typeof kDate,
         length: kDate.length,
         signature: crypto.createHmac('sha256', kRegion).update('payload').digest('hex')
       };`,
      { runtime: V1, prelude: "var crypto = require('crypto');" }
    )
    const kDate = createHmac('sha256', 'AWS4secret').update('20250101').digest()
    const kRegion = createHmac('sha256', kDate).update('us-east-1').digest()
    expect(result).toEqual({
      type: 'string',
      length: 32,
      signature: createHmac('sha256', kRegion).update('payload').digest('hex')
    })
  })
})

test('runtime 2.0 hashes Buffers and typed arrays as bytes, and strings in other encodings', async () => {
  const result = await evaluate(
    `result = [
       crypto.createHash('sha256').update(Buffer.from([0, 255, 128])).digest('hex'),
       crypto.createHash('sha256').update(new Uint8Array([0, 255, 128])).digest('hex'),
       crypto.createHash('sha256').update('00ff80', 'hex').digest('hex'),
       crypto.createHmac('sha1', Buffer.from('6b6579', 'hex')).update('v').digest('base64')
     ];`,
    { prelude: "import crypto from 'crypto';" }
  )
  const bytes = Buffer.from([0, 255, 128])
  const digest = createHash('sha256').update(bytes).digest('hex')
  expect(result).toEqual([
    digest,
    digest,
    digest,
    createHmac('sha1', 'key').update('v').digest('base64')
  ])
})

test('hash.copy() digests the data so far without ending the original', async () => {
  const result = await evaluate(
    `var hash = crypto.createHash('md5').update('a');
     var copy = hash.copy();
     hash.update('b');
     result = [copy.digest('hex'), hash.digest('hex')];`,
    { prelude: "import crypto from 'crypto';" }
  )
  expect(result).toEqual([
    createHash('md5').update('a').digest('hex'),
    createHash('md5').update('ab').digest('hex')
  ])
})
