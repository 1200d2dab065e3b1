// The querystring module ("Built-in modules" of both runtime pages): parse, stringify, escape,
// unescape, with the separator, assignment and codec options the guide lists.

import { V1, V2, evaluate } from './helpers.js'

describe.each([
  [V1, "var querystring = require('querystring');"],
  [V2, "import querystring from 'querystring';"]
])('%s', (runtime, prelude) => {
  const options = { runtime, prelude }

  test('parse() decodes, turns + into spaces and gathers repeated keys in an array', async () => {
    const result = await evaluate(
      `result = querystring.parse('a=1&b=two+words&a=2&empty=&flag&c=%E2%82%AC%20x');`,
      options
    )
    expect(result).toEqual({ a: ['1', '2'], b: 'two words', empty: '', flag: '', c: '€ x' })
  })

  test('parse() takes a separator, an assignment character and maxKeys', async () => {
    const result = await evaluate(
      `result = [
         querystring.parse('a:1;b:2;c:3', ';', ':'),
         querystring.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })
       ];`,
      options
    )
    expect(result).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: '1', b: '2' }
    ])
  })

  test('parse() uses a decodeURIComponent option, and keeps what does not decode', async () => {
    const result = await evaluate(
      `result = [
         querystring.parse('a=X&b=Y', null, null, { decodeURIComponent: function (s) { return s.toLowerCase(); } }),
         querystring.parse('bad=%E0%A4%A&ok=%41&z=%zz')
       ];`,
      options
    )
    // As Node does: the valid bytes of a broken sequence decode (to U+FFFD), the rest stays.
    expect(result).toEqual([
      { a: 'x', b: 'y' },
      { bad: '\ufffd%A', ok: 'A', z: '%zz' }
    ])
  })

  test('stringify() encodes values, repeats array keys and empties what is not a primitive', async () => {
    const result = await evaluate(
      `result = [
         querystring.stringify({ q: 'a b&c', n: 42, yes: true, list: ['x', 'y'], nested: { z: 1 }, none: null }),
         querystring.stringify({ a: 1, b: 2 }, ';', ':'),
         querystring.stringify({ a: 'B' }, null, null, { encodeURIComponent: function (s) { return s.toLowerCase(); } })
       ];`,
      options
    )
    expect(result).toEqual([
      'q=a%20b%26c&n=42&yes=true&list=x&list=y&nested=&none=',
      'a:1;b:2',
      'a=b'
    ])
  })

  test('escape() and unescape() are the URL component codecs', async () => {
    const result = await evaluate(
      `result = [querystring.escape('a b/ü?'), querystring.unescape('a%20b%2F%C3%BC%3F'), querystring.unescape('100%')];`,
      options
    )
    expect(result).toEqual(['a%20b%2F%C3%BC%3F', 'a b/ü?', '100%'])
  })

  test('decode() and encode() are aliases of parse() and stringify()', async () => {
    const result = await evaluate(
      `result = [querystring.decode('x=1'), querystring.encode({ y: 2 })];`,
      options
    )
    expect(result).toEqual([{ x: '1' }, 'y=2'])
  })
})
