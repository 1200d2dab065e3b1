// A run is bounded in time and memory: an infinite loop or an allocation loop ends the run with
// an error, and the host process carries on. Compute utilization is the handler's CPU time
// against the budget.

import {
  DEFAULT_COMPUTE_BUDGET_MS,
  MEMORY_LIMIT_ERROR,
  TIME_LIMIT_ERROR
} from '../../src/runtime/index.js'
import { V1, outputOf, run } from './helpers.js'

describe('time limit', () => {
  test.each([
    ['in the handler', 'function handler(event) { for (;;) {} }'],
    ['while the code loads', 'for (;;) {}\nfunction handler(event) { return event.request; }'],
    ['in a chain of promises', 'async function handler(event) { for (;;) { await null; } }']
  ])('an endless loop %s ends the run with an error', async (_where, code) => {
    const started = Date.now()
    const outcome = await run(code, { timeLimitMs: 200 })
    expect(outcome.error).toBe(TIME_LIMIT_ERROR)
    expect(outcome.computeUtilization).toBe(100)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  test('the default limit stops an endless loop too', async () => {
    const outcome = await run('function handler(event) { while (true) {} }', { runtime: V1 })
    expect(outcome.error).toBe(TIME_LIMIT_ERROR)
  })

  test('endless recursion is a RangeError of the function', async () => {
    const outcome = await run('function f() { return f() + 1; }\nfunction handler(event) { f(); }')
    expect(outcome.error).toBe('RangeError: Maximum call stack size exceeded')
  })
})

describe('memory limit', () => {
  test.each([
    [
      'objects',
      'var kept = []; for (;;) kept.push({ index: kept.length, label: "item-" + kept.length });'
    ],
    ['strings', 'var kept = []; for (var i = 0; ; i++) kept.push(("x" + i).repeat(100));'],
    ['arrays', 'var kept = []; for (;;) kept.push(new Array(1000).fill(kept.length));']
  ])('an allocation loop of %s ends the run with an error', async (_what, loop) => {
    const outcome = await run(`function handler(event) { ${loop} }`, { timeLimitMs: 5000 })
    expect(outcome.error).toBe(MEMORY_LIMIT_ERROR)
  })

  test('a function within the allowance runs', async () => {
    // About 1 MB held at once, well within CloudFront's 2 MB.
    const outcome = await run(`function handler(event) {
      var kept = [];
      for (var i = 0; i < 10000; i++) kept.push({ i: i, s: 'v' + i });
      event.request.headers['x-count'] = { value: String(kept.length) };
      return event.request;
    }`)
    expect(outputOf(outcome).request.headers['x-count']).toEqual({ value: '10000' })
  })

  test('the host process carries on after a run that ran out of memory', async () => {
    await run('function handler(event) { var a = []; for (;;) a.push([a.length]); }')
    const outcome = await run('function handler(event) { return event.request; }')
    expect(outputOf(outcome).request.uri).toBe('/index.html')
  })
})

describe('compute utilization', () => {
  test('the default budget is 5 ms of CPU', () => {
    expect(DEFAULT_COMPUTE_BUDGET_MS).toBe(5)
  })

  test('is a whole percentage from 0 to 100', async () => {
    const outcome = await run('function handler(event) { return event.request; }')
    expect(Number.isInteger(outcome.computeUtilization)).toBe(true)
    expect(outcome.computeUtilization).toBeGreaterThanOrEqual(0)
    expect(outcome.computeUtilization).toBeLessThanOrEqual(100)
  })

  test('grows with the work the handler does, against the budget given', async () => {
    const busy = `function handler(event) {
      var x = 0;
      for (var i = 0; i < 3e6; i++) x = (x + i * 7) % 1000003;
      event.request.headers['x-sum'] = { value: String(x) };
      return event.request;
    }`
    const tight = await run(busy, { computeBudgetMs: 0.01 })
    expect(tight.computeUtilization).toBe(100)
    const generous = await run(busy, { computeBudgetMs: 1e6 })
    expect(generous.computeUtilization).toBe(0)
  })

  test('a budget or time limit that is not positive is refused', async () => {
    const outcome = await run('function handler(event) { return event.request; }', {
      computeBudgetMs: 0
    })
    expect(outcome.error).toBe('computeBudgetMs and timeLimitMs must be positive numbers')
  })
})
