// Runtime 1.0's nonstandard String methods (bytesFrom, fromBytes, fromUTF8, toBytes, toUTF8),
// which runtime 2.0 no longer has ("JavaScript runtime features for CloudFront Functions").

import { V1, V2, evaluate } from './helpers.js'

describe('runtime 1.0 byte strings', () => {
  test('String.bytesFrom() makes byte strings from octets, hex and base64', async () => {
    const result = await evaluate(
      `var fromArray = String.bytesFrom([0x68, 0xc3, 0xa9, 0x1ff]);
       result = [
         fromArray.length,
         fromArray.fromUTF8(0, 3),
         String.bytesFrom('68c3a9', 'hex').fromUTF8(),
         String.bytesFrom('aMOp', 'base64').fromUTF8(),
         String.bytesFrom('aMOp', 'base64url').fromUTF8()
       ];`,
      { runtime: V1 }
    )
    expect(result).toEqual([4, 'hé', 'hé', 'hé', 'hé'])
  })

  test('toUTF8() encodes text as UTF-8 bytes and fromUTF8() decodes it back', async () => {
    const result = await evaluate(
      `var bytes = 'été €'.toUTF8();
       result = [bytes.length, bytes.fromUTF8(), String.bytesFrom([0xff, 0xfe]).fromUTF8(), 'abcdef'.toUTF8(1, 3)];`,
      { runtime: V1 }
    )
    expect(result).toEqual([9, 'été €', null, 'bc'])
  })

  test('toBytes() keeps characters up to U+00FF as bytes and gives null beyond', async () => {
    const result = await evaluate(
      `result = ['café'.toBytes().length, 'snow ☃'.toBytes(), 'abc'.toBytes(-2)];`,
      { runtime: V1 }
    )
    expect(result).toEqual([4, null, 'bc'])
  })

  test('fromBytes() turns each byte into the character of the same code', async () => {
    const result = await evaluate(
      `var bytes = String.bytesFrom([0x63, 0x61, 0x66, 0xe9]);
       result = [bytes.fromBytes(), bytes.fromBytes(1, 3), 'snow ☃'.fromBytes()];`,
      { runtime: V1 }
    )
    expect(result).toEqual(['café', 'af', null])
  })

  test('hex and base64 digests of a byte string round-trip through bytesFrom()', async () => {
    const result = await evaluate(
      `var crypto = require('crypto');
       var raw = crypto.createHash('sha1').update('x').digest();
       var hex = crypto.createHash('sha1').update('x').digest('hex');
       result = String.bytesFrom(hex, 'hex') === raw;`,
      { runtime: V1 }
    )
    expect(result).toBe(true)
  })
})

test('runtime 2.0 has none of the String byte methods', async () => {
  const result = await evaluate(
    `result = [typeof String.bytesFrom, typeof ''.fromBytes, typeof ''.fromUTF8, typeof ''.toBytes, typeof ''.toUTF8];`,
    { runtime: V2 }
  )
  expect(result).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined'])
})
