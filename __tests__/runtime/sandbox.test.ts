// The sandbox keeps host values out of the function's reach: no object the code can touch
// leads to the host's Function constructor, `process` or Node's `require`.

import { singleStore } from '../../src/runtime/index.js'
import { V1, V2, evaluate, run } from './helpers.js'

// Each attempt returns what it reached; 'process' would mean the host was reached.
const ESCAPES: [string, string][] = [
  ['the global object', 'return this.constructor.constructor("return process")()'],
  ['globalThis', 'return globalThis.constructor.constructor("return process")()'],
  ['a function of the runtime', 'return console.log.constructor("return process")()'],
  ['a module function', 'return require("crypto").createHash.constructor("return process")()'],
  [
    'the prototype chain',
    'return Object.getPrototypeOf(console.log).constructor("return process")()'
  ],
  ['the event', 'return event.constructor.constructor("return process")()'],
  [
    'an error of the runtime',
    'try { require("nope") } catch (e) { return e.constructor.constructor("return process")() }'
  ],
  [
    'a digest',
    'return require("crypto").createHash("md5").digest().constructor.constructor("return process")()'
  ],
  [
    'a stack trace hook',
    'Error.prepareStackTrace = function (e, frames) { return frames.map(function (f) { return f.getFunction && f.getFunction() }) }; return new Error().stack'
  ],
  ['captureStackTrace', 'var o = {}; Error.captureStackTrace(o); return o.stack'],
  [
    'a stack overflow at a host call',
    'function deep(n) { try { return deep(n + 1) } catch (e) { try { console.log("x") } catch (inner) { return inner.constructor.constructor("return process")() } return e.constructor.constructor("return process")() } } return deep(0)'
  ],
  ['process', 'return process'],
  ['module', 'return module.require("fs")'],
  ['Node require', 'return require("child_process")']
]

describe.each([V1, V2])('%s', runtime => {
  test.each(ESCAPES)('an escape through %s is refused', async (_route, attempt) => {
    const result = await evaluate(
      `try {
         var reached = (function () { ${attempt} })();
         result = typeof reached === 'object' && reached !== null && typeof reached.exit === 'function' ? 'process' : 'nothing: ' + typeof reached;
       } catch (e) {
         result = 'refused: ' + e.name;
       }`,
      { runtime }
    )
    expect(result).not.toBe('process')
    expect(String(result)).toMatch(/^(refused|nothing)/)
  })
})

test('the kvs handle and the cloudfront module lead nowhere either', async () => {
  const result = await evaluate(
    `const handle = cf.kvs();
     const routes = [handle.get, handle.exists, handle.meta, cf.kvs, cf.updateRequestOrigin];
     result = routes.map(function (fn) {
       try { return typeof fn.constructor('return process')(); } catch (e) { return e.name; }
     });
     try { await handle.get('missing'); } catch (e) {
       try { result.push(typeof e.constructor.constructor('return process')()); } catch (inner) { result.push(inner.name); }
     }`,
    { prelude: "import cf from 'cloudfront';", stores: singleStore({}) }
  )
  expect(result).toEqual(Array(6).fill('EvalError'))
})

test('a run cannot see what an earlier run left behind', async () => {
  await run(`globalThis.leftover = 'secret'; Object.prototype.polluted = true;
    function handler(event) { return event.request; }`)
  const result = await evaluate(`result = [typeof leftover, typeof ({}).polluted];`)
  expect(result).toEqual(['undefined', 'undefined'])
})
