import { describe, expect, it, jest } from '@jest/globals'
import type { TestCase } from '../../src/testing/cases.js'
import { runTestGate, TestGateError, type TestCaseResult } from '../../src/testing/gate.js'
import { Limiter, type FunctionRunner } from '../../src/testing/runner.js'
import type { TestOutcome } from '../../src/types.js'

function outcome(overrides: Partial<TestOutcome> = {}): TestOutcome {
  return { computeUtilization: 10, logs: [], errorMessage: '', output: '', ...overrides }
}

type Run = (event: unknown) => Promise<TestOutcome>

/** A runner that answers every event with `run`. */
function runnerOf(run: Run): FunctionRunner {
  return { run }
}

function testCase(name: string, event: unknown, expect?: unknown): TestCase {
  return { name, file: `tests/${name}.json`, event, expect }
}

describe('runTestGate', () => {
  it('runs every case on the target ETag and keeps the order of the cases', async () => {
    const test = jest.fn<Run>(async event => {
      const { uri, delay } = event as { uri: string; delay: number }
      await new Promise(resolve => setTimeout(resolve, delay))
      return outcome({ output: JSON.stringify({ uri }) })
    })
    const cases = [
      testCase('slow', { uri: '/a', delay: 20 }, { uri: '/a' }),
      testCase('fast', { uri: '/b', delay: 0 }, { uri: '/b' })
    ]
    const results = await runTestGate(runnerOf(test), cases, 80)
    expect(results.map(result => [result.name, result.passed])).toEqual([
      ['slow', true],
      ['fast', true]
    ])
    expect(test).toHaveBeenCalledWith({ uri: '/a', delay: 20 })
  })

  it('runs at most four cases at a time by default', async () => {
    let running = 0
    let most = 0
    const test = jest.fn<Run>(async () => {
      running++
      most = Math.max(most, running)
      await new Promise(resolve => setTimeout(resolve, 2))
      running--
      return outcome()
    })
    const cases = Array.from({ length: 10 }, (_, index) => testCase(`case-${index}`, {}))
    const results = await runTestGate(runnerOf(test), cases, 80)
    expect(results).toHaveLength(10)
    expect(test).toHaveBeenCalledTimes(10)
    expect(most).toBe(4)
  })

  it('shares one bound between gates', async () => {
    let running = 0
    let most = 0
    const test = jest.fn<Run>(async () => {
      running++
      most = Math.max(most, running)
      await new Promise(resolve => setTimeout(resolve, 2))
      running--
      return outcome()
    })
    const limiter = new Limiter(3)
    const cases = Array.from({ length: 6 }, (_, index) => testCase(`case-${index}`, {}))
    await Promise.all([
      runTestGate(runnerOf(test), cases, 80, limiter),
      runTestGate(runnerOf(test), cases, 80, limiter)
    ])
    expect(test).toHaveBeenCalledTimes(12)
    expect(most).toBe(3)
  })

  it('returns no results without cases', async () => {
    const test = jest.fn<Run>()
    expect(await runTestGate(runnerOf(test), [], 80)).toEqual([])
    expect(test).not.toHaveBeenCalled()
  })

  it('fails a case whose output does not match, and reports the parsed output', async () => {
    const api = runnerOf(async () =>
      outcome({
        computeUtilization: 12,
        logs: ['rewriting'],
        output: JSON.stringify({ request: { uri: '/' } })
      })
    )
    const [result] = await runTestGate(
      api,
      [testCase('index', {}, { request: { uri: '/index.html' } })],
      80
    )
    expect(result).toEqual({
      name: 'index',
      file: 'tests/index.json',
      passed: false,
      computeUtilization: 12,
      failures: ['output $.request.uri: expected "/index.html", got "/"'],
      output: { request: { uri: '/' } },
      logs: ['rewriting']
    })
  })

  it('fails a case whose function threw, whatever it expected', async () => {
    const api = runnerOf(async () => outcome({ errorMessage: 'TypeError: x is undefined' }))
    const [result] = await runTestGate(api, [testCase('throws', {}, { a: 1 })], 80)
    expect(result.passed).toBe(false)
    expect(result.failures).toEqual(['the function threw: TypeError: x is undefined'])
    expect(result.output).toBeUndefined()
  })

  it('passes a case without an expectation, keeping non-JSON output as text', async () => {
    const api = runnerOf(async () => outcome({ output: 'not json' }))
    const [result] = await runTestGate(api, [testCase('smoke', {})], 80)
    expect(result).toMatchObject({ passed: true, failures: [], output: 'not json' })
  })

  it('fails a case over the compute budget, and passes one exactly at it', async () => {
    const api = runnerOf(async event =>
      outcome({ computeUtilization: (event as { compute: number }).compute })
    )
    const results = await runTestGate(
      api,
      [testCase('at', { compute: 50 }), testCase('over', { compute: 51 })],
      50
    )
    expect(results.map(result => result.passed)).toEqual([true, false])
    expect(results[1].failures).toEqual([
      'compute utilization 51% is over max-compute-utilization 50%'
    ])
  })

  it('lets API errors through', async () => {
    const api = runnerOf(async () => {
      throw new Error('TestFunction failed')
    })
    await expect(runTestGate(api, [testCase('a', {})], 80)).rejects.toThrow('TestFunction failed')
  })
})

describe('TestGateError', () => {
  it('lists each failed case with its failures, output and logs', () => {
    const results: TestCaseResult[] = [
      {
        name: 'ok',
        file: 'tests/ok.json',
        passed: true,
        computeUtilization: 5,
        failures: [],
        output: {},
        logs: []
      },
      {
        name: 'bad',
        file: 'tests/bad.json',
        passed: false,
        computeUtilization: 95,
        failures: [
          'output $.status: expected 302, got 200',
          'compute utilization 95% is over max-compute-utilization 80%'
        ],
        output: { status: 200 },
        logs: ['a', 'b']
      },
      {
        name: 'threw',
        file: 'tests/threw.json',
        passed: false,
        computeUtilization: 1,
        failures: ['the function threw: boom'],
        output: undefined,
        logs: []
      }
    ]
    const error = new TestGateError(results)
    expect(error.name).toBe('TestGateError')
    expect(error.results).toBe(results)
    expect(error.message).toBe(
      [
        '2 of 3 test cases failed, so nothing was published:',
        '- bad (tests/bad.json):',
        '    output $.status: expected 302, got 200',
        '    compute utilization 95% is over max-compute-utilization 80%',
        '    returned: {"status":200}',
        '    logs: a | b',
        '- threw (tests/threw.json):',
        '    the function threw: boom'
      ].join('\n')
    )
  })
})

describe('richer expectations', () => {
  const run = (result: Partial<TestOutcome>) => runnerOf(async () => outcome(result))
  const base = { name: 'case', file: 'tests/case.json', event: {} }

  it('expectError passes only when the function throws an error containing the text', async () => {
    const cases: TestCase[] = [{ ...base, expectError: 'missing token' }]
    const [threw] = await runTestGate(run({ errorMessage: 'Error: missing token here' }), cases, 80)
    expect(threw).toMatchObject({ passed: true, error: 'Error: missing token here' })
    const [other] = await runTestGate(run({ errorMessage: 'Error: boom' }), cases, 80)
    expect(other.failures).toEqual([
      'expected an error containing "missing token", but the function threw: Error: boom'
    ])
    const [returned] = await runTestGate(run({ output: '{}' }), cases, 80)
    expect(returned.failures).toEqual([
      'expected the function to throw an error containing "missing token", but it returned'
    ])
  })

  it('expectAbsent fails for each path that exists in the output', async () => {
    const cases: TestCase[] = [
      {
        ...base,
        expectAbsent: [
          ['response', 'headers', 'server'],
          ['response', 'headers', 'x.y']
        ]
      }
    ]
    const output = JSON.stringify({ response: { headers: { server: { value: 'x' } } } })
    const [result] = await runTestGate(run({ output }), cases, 80)
    expect(result.failures).toEqual([
      'output $.response.headers.server: expected absent, but it is there'
    ])
  })

  it('expectLogs wants each text in a later line than the one before', async () => {
    const cases: TestCase[] = [{ ...base, expectLogs: ['start', 'done'] }]
    const [inOrder] = await runTestGate(run({ logs: ['start: /', 'x', 'done in 1ms'] }), cases, 80)
    expect(inOrder.passed).toBe(true)
    const [reversed] = await runTestGate(run({ logs: ['done', 'start'] }), cases, 80)
    expect(reversed.failures).toEqual([
      'logs: expected a line containing "done" (after the lines expected before it), got 2 lines'
    ])
  })
})
