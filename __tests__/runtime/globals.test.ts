// Globals per runtime: Buffer, atob/btoa and TextEncoder/TextDecoder in 2.0 and not in 1.0;
// console with log only; Date fixed for the run; the restricted features of both runtime pages.

import { V1, V2, evaluate, run } from './helpers.js'

describe('Buffer (runtime 2.0)', () => {
  test('converts between strings and bytes in utf8, hex, base64, base64url, latin1 and utf16le', async () => {
    const result = await evaluate(
      `var b = Buffer.from('héllo ☃');
       result = [
         b.length, b.toString(), b.toString('hex'), b.toString('base64'), b.toString('base64url'),
         Buffer.from('68c3a9', 'hex').toString(), Buffer.from('aMOp', 'base64').toString('utf8'),
         Buffer.from('-_8', 'base64url').toString('hex'), Buffer.from('é', 'latin1').toString('hex'),
         Buffer.from('hi', 'utf16le').toString('hex'), Buffer.from([0xe2, 0x82]).toString()
       ];`
    )
    const b = Buffer.from('héllo ☃')
    expect(result).toEqual([
      b.length,
      'héllo ☃',
      b.toString('hex'),
      b.toString('base64'),
      b.toString('base64url'),
      'hé',
      'hé',
      'fbff',
      'e9',
      '68006900',
      '\ufffd'
    ])
  })

  test('allocates, concatenates, compares, searches and slices like Node', async () => {
    const result = await evaluate(
      `var a = Buffer.alloc(3, 'ab');
       var joined = Buffer.concat([a, Buffer.from([1, 2])]);
       var view = joined.slice(1, 3);
       view[0] = 0x7a;
       result = [
         a.toString(), joined.length, joined.toString('hex'), Buffer.compare(a, Buffer.from('abb')),
         joined.indexOf('a'), joined.lastIndexOf(0x61), joined.includes(Buffer.from([1, 2])),
         Buffer.isBuffer(view), Buffer.isBuffer(new Uint8Array(1)), Buffer.byteLength('€'),
         Buffer.from('abc').equals(Buffer.from('abc')), JSON.stringify(Buffer.from([7]))
       ];`
    )
    expect(result).toEqual([
      'aba',
      5,
      '617a610102',
      -1,
      0,
      2,
      true,
      true,
      false,
      3,
      true,
      '{"type":"Buffer","data":[7]}'
    ])
  })

  test('reads and writes integers and floats in both byte orders', async () => {
    const result = await evaluate(
      `var b = Buffer.alloc(8);
       b.writeUInt16BE(0x1234, 0);
       b.writeInt32LE(-2, 2);
       var f = Buffer.alloc(8);
       f.writeDoubleBE(1.5, 0);
       var out = [b.toString('hex'), b.readUInt16LE(0), b.readInt32LE(2), b.readUInt8(0), f.readDoubleBE(0)];
       try { b.readUInt32BE(6); } catch (e) { out.push(e.name); }
       result = out;`
    )
    expect(result).toEqual(['1234feffffff0000', 0x3412, -2, 0x12, 1.5, 'RangeError'])
  })

  test('reads and writes integers of 1 to 6 bytes and swaps byte order, as Node does', async () => {
    const bytes = [0x12, 0x34, 0x56, 0x78, 0x90, 0xab, 0xcd, 0xef]
    const script = `var b = Buffer.from(${JSON.stringify(bytes)});
       var out = [];
       [1, 2, 3, 4, 5, 6].forEach(function (n) {
         out.push(b.readUIntBE(1, n), b.readUIntLE(1, n), b.readIntBE(1, n), b.readIntLE(1, n));
       });
       var w = Buffer.alloc(8);
       out.push(w.writeIntBE(-123456789, 0, 5), w.writeUIntLE(0xabcdef, 5, 3), w.toString('hex'));
       out.push(Buffer.from(b).swap16().toString('hex'), Buffer.from(b).swap32().toString('hex'),
         Buffer.from(b).swap64().toString('hex'), b.readUintBE(0, 2));
       [
         function () { return b.readUIntBE(3, 6); },
         function () { return b.readIntLE(0, 7); },
         function () { return b.writeUIntBE(256, 0, 1); },
         function () { return b.writeIntLE(-129, 0, 1); }
       ].forEach(function (call) {
         try { call(); out.push('no error: ' + call); } catch (e) { out.push(e.name); }
       });
       try { Buffer.alloc(3).swap16(); } catch (e) { out.push(e.name); }
       result = out;`
    const b = Buffer.from(bytes)
    const expected: unknown[] = []
    for (const n of [1, 2, 3, 4, 5, 6]) {
      expected.push(b.readUIntBE(1, n), b.readUIntLE(1, n), b.readIntBE(1, n), b.readIntLE(1, n))
    }
    const w = Buffer.alloc(8)
    expected.push(w.writeIntBE(-123456789, 0, 5), w.writeUIntLE(0xabcdef, 5, 3), w.toString('hex'))
    expected.push(
      Buffer.from(b).swap16().toString('hex'),
      Buffer.from(b).swap32().toString('hex'),
      Buffer.from(b).swap64().toString('hex'),
      b.readUintBE(0, 2)
    )
    expected.push('RangeError', 'RangeError', 'RangeError', 'RangeError', 'RangeError')
    expect(await evaluate(script)).toEqual(expected)
  })

  test('writes fractions and NaN as Node does, and needs the offset of a variable-width read', async () => {
    const script = `var out = [];
       [[-1.5, 0, 2, 'writeIntBE'], [-129.2, 0, 3, 'writeIntLE'], [NaN, 0, 2, 'writeUIntBE'], [2.9, 0, 2, 'writeUIntLE']].forEach(function (call) {
         var b = Buffer.alloc(3);
         b[call[3]](call[0], call[1], call[2]);
         out.push(b.toString('hex'));
       });
       try { Buffer.alloc(2).readUIntBE(undefined, 2); } catch (e) { out.push(e.name); }
       result = out;`
    const expected: unknown[] = []
    for (const [value, offset, size, method] of [
      [-1.5, 0, 2, 'writeIntBE'],
      [-129.2, 0, 3, 'writeIntLE'],
      [NaN, 0, 2, 'writeUIntBE'],
      [2.9, 0, 2, 'writeUIntLE']
    ] as const) {
      const b = Buffer.alloc(3)
      b[method](value, offset, size)
      expected.push(b.toString('hex'))
    }
    expected.push('TypeError')
    expect(await evaluate(script)).toEqual(expected)
  })

  test('Buffer.from(buffer) copies, as in Node', async () => {
    const result = await evaluate(
      `var a = Buffer.from([1, 2]);
       var b = Buffer.from(a);
       b[0] = 9;
       result = [a[0], b[0], Buffer.from(new Uint8Array([5]))[0]];`
    )
    expect(result).toEqual([1, 9, 5])
  })

  test("is also the 'buffer' module", async () => {
    const result = await evaluate(
      `result = [BufferFromModule === Buffer, require('buffer').Buffer === Buffer];`,
      { prelude: "import { Buffer as BufferFromModule } from 'buffer';" }
    )
    expect(result).toEqual([true, true])
  })
})

test('atob() and btoa() convert between binary strings and base64 (runtime 2.0)', async () => {
  const result = await evaluate(
    `var out = [btoa('hello'), atob('aGVsbG8='), atob(' aGVs bG8 '), btoa(String.fromCharCode(255))];
     try { btoa('☃'); } catch (e) { out.push(e.name); }
     try { atob('a'); } catch (e) { out.push(e.name); }
     result = out;`
  )
  expect(result).toEqual([
    'aGVsbG8=',
    'hello',
    'hello',
    '/w==',
    'InvalidCharacterError',
    'InvalidCharacterError'
  ])
})

test('TextEncoder and TextDecoder convert UTF-8 (runtime 2.0)', async () => {
  const result = await evaluate(
    `var bytes = new TextEncoder().encode('né ☃');
     var into = new Uint8Array(3);
     var written = new TextEncoder().encodeInto('ééé', into);
     var out = [Array.from(bytes), new TextDecoder().decode(bytes), new TextDecoder('utf-8').decode(new Uint8Array([0xff, 0x41])),
       written.read, written.written, new TextDecoder().encoding];
     try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { out.push(e.name); }
     result = out;`
  )
  expect(result).toEqual([
    Array.from(Buffer.from('né ☃')),
    'né ☃',
    '\ufffdA',
    1,
    2,
    'utf-8',
    'TypeError'
  ])
})

test('runtime 1.0 has no Buffer, atob, btoa, TextEncoder or TextDecoder', async () => {
  const result = await evaluate(
    `result = [typeof Buffer, typeof atob, typeof btoa, typeof TextEncoder, typeof TextDecoder];`,
    { runtime: V1 }
  )
  expect(result).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined'])
})

test('runtime 1.0 lacks what arrived with 2.0: replaceAll and the Promise combinators', async () => {
  const result = await evaluate(
    `result = [typeof ''.replaceAll, typeof Promise.all, typeof Promise.any, typeof Promise.resolve];`,
    { runtime: V1 }
  )
  expect(result).toEqual(['undefined', 'undefined', 'undefined', 'function'])
})

describe('console', () => {
  test('log() writes one line per call, strings as they are and other values as JSON', async () => {
    const outcome = await run(`function handler(event) {
      console.log('uri', event.request.uri, 3, { a: [1] }, null);
      console.log();
      return event.request;
    }`)
    expect(outcome.logs).toEqual(['uri /index.html 3 {"a":[1]} null', ''])
  })

  test('has no method but log', async () => {
    const result = await evaluate(
      `result = Object.getOwnPropertyNames(console).concat([typeof console.error, typeof console.info]);`
    )
    expect(result).toEqual(['log', 'undefined', 'undefined'])
  })

  test('logs are truncated at 10 KB', async () => {
    const outcome = await run(`function handler(event) {
      for (var i = 0; i < 30; i++) console.log(i + ':' + 'x'.repeat(500));
      return event.request;
    }`)
    expect(Buffer.byteLength(outcome.logs.join(''))).toBe(10240)
    expect(outcome.logs.length).toBeLessThan(30)
  })
})

test('Date returns the same time for the whole run', async () => {
  const before = Date.now()
  const result = (await evaluate(
    `var first = Date.now();
     var spin = 0;
     for (var i = 0; i < 2e6; i++) spin += i;
     result = [first, Date.now(), new Date().getTime(), new Date(0).getTime(), new Date() instanceof Date,
       typeof Date(), Date.UTC(2020, 0, 1), Date.parse('2020-01-01T00:00:00Z')];`,
    { runtime: V1 }
  )) as unknown[]
  const [first, later, constructed, epoch, isDate, called, utc, parsed] = result
  expect(first).toBe(later)
  expect(constructed).toBe(first)
  expect(first as number).toBeGreaterThanOrEqual(before)
  expect([epoch, isDate, called, utc, parsed]).toEqual([
    0,
    true,
    'string',
    Date.UTC(2020, 0, 1),
    Date.UTC(2020, 0, 1)
  ])
})

describe.each([V1, V2])('restricted features (%s)', runtime => {
  test('dynamic code evaluation throws: eval and the Function constructor', async () => {
    const result = await evaluate(
      `var out = [];
       try { eval('1 + 1'); out.push('eval ran'); } catch (e) { out.push(e.name); }
       try { new Function('return 1'); out.push('Function ran'); } catch (e) { out.push(e.name); }
       try { (function () {}).constructor('return 1'); out.push('constructor ran'); } catch (e) { out.push(e.name); }
       result = out;`,
      { runtime }
    )
    expect(result).toEqual(['EvalError', 'EvalError', 'EvalError'])
  })

  test('there are no timers, no network, no file system and no process', async () => {
    const result = await evaluate(
      `result = [typeof setTimeout, typeof setInterval, typeof setImmediate, typeof queueMicrotask,
        typeof fetch, typeof XMLHttpRequest, typeof process, typeof module, typeof exports];
       ['fs', 'http', 'child_process', 'node:crypto'].forEach(function (name) {
         try { require(name); result.push('loaded ' + name); } catch (e) { result.push(e.message); }
       });`,
      { runtime }
    )
    expect(result).toEqual([
      ...Array(9).fill('undefined'),
      'Cannot find module "fs"',
      'Cannot find module "http"',
      'Cannot find module "child_process"',
      'Cannot find module "node:crypto"'
    ])
  })

  test('a timer call fails the run with a ReferenceError', async () => {
    const outcome = await run(
      `function handler(event) { setTimeout(function () {}, 1); return event.request; }`,
      { runtime }
    )
    expect(outcome.error).toBe('ReferenceError: setTimeout is not defined')
  })
})
