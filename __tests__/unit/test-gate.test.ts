import { describe, expect, it, jest } from '@jest/globals'
import type { FunctionsApi, TestOutcome } from '../../src/cloudfront/api.js'
import type { TestCase } from '../../src/testing/cases.js'
import { runTestGate, TestGateError, type TestCaseResult } from '../../src/testing/gate.js'

const target = { id: 'viewer-request', etag: 'ETAG2' }

function outcome(overrides: Partial<TestOutcome> = {}): TestOutcome {
  return { computeUtilization: 10, logs: [], errorMessage: '', output: '', ...overrides }
}

/** A FunctionsApi whose only working method is `test`. */
function apiTesting(test: FunctionsApi['test']): FunctionsApi {
  const unused = (): never => {
    throw new Error('not used by the test gate')
  }
  return {
    kind: 'function',
    read: unused,
    describe: unused,
    create: unused,
    update: unused,
    publish: unused,
    test,
    delete: unused,
    tag: unused,
    untag: unused
  }
}

function testCase(name: string, event: unknown, expect?: unknown): TestCase {
  return { name, file: `tests/${name}.json`, event, expect }
}

describe('runTestGate', () => {
  it('runs every case on the target ETag and keeps the order of the cases', async () => {
    const test = jest.fn<FunctionsApi['test']>(async (_id, _etag, event) => {
      const { uri, delay } = event as { uri: string; delay: number }
      await new Promise(resolve => setTimeout(resolve, delay))
      return outcome({ output: JSON.stringify({ uri }) })
    })
    const cases = [
      testCase('slow', { uri: '/a', delay: 20 }, { uri: '/a' }),
      testCase('fast', { uri: '/b', delay: 0 }, { uri: '/b' })
    ]
    const results = await runTestGate(apiTesting(test), target, cases, 80)
    expect(results.map(result => [result.name, result.passed])).toEqual([
      ['slow', true],
      ['fast', true]
    ])
    expect(test).toHaveBeenCalledWith('viewer-request', 'ETAG2', { uri: '/a', delay: 20 })
  })

  it('runs at most four cases at a time', async () => {
    let running = 0
    let most = 0
    const test = jest.fn<FunctionsApi['test']>(async () => {
      running++
      most = Math.max(most, running)
      await new Promise(resolve => setTimeout(resolve, 2))
      running--
      return outcome()
    })
    const cases = Array.from({ length: 10 }, (_, index) => testCase(`case-${index}`, {}))
    const results = await runTestGate(apiTesting(test), target, cases, 80)
    expect(results).toHaveLength(10)
    expect(test).toHaveBeenCalledTimes(10)
    expect(most).toBe(4)
  })

  it('returns no results without cases', async () => {
    const test = jest.fn<FunctionsApi['test']>()
    expect(await runTestGate(apiTesting(test), target, [], 80)).toEqual([])
    expect(test).not.toHaveBeenCalled()
  })

  it('fails a case whose output does not match, and reports the parsed output', async () => {
    const api = apiTesting(async () =>
      outcome({
        computeUtilization: 12,
        logs: ['rewriting'],
        output: JSON.stringify({ request: { uri: '/' } })
      })
    )
    const [result] = await runTestGate(
      api,
      target,
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
    const api = apiTesting(async () => outcome({ errorMessage: 'TypeError: x is undefined' }))
    const [result] = await runTestGate(api, target, [testCase('throws', {}, { a: 1 })], 80)
    expect(result.passed).toBe(false)
    expect(result.failures).toEqual(['the function threw: TypeError: x is undefined'])
    expect(result.output).toBeUndefined()
  })

  it('passes a case without an expectation, keeping non-JSON output as text', async () => {
    const api = apiTesting(async () => outcome({ output: 'not json' }))
    const [result] = await runTestGate(api, target, [testCase('smoke', {})], 80)
    expect(result).toMatchObject({ passed: true, failures: [], output: 'not json' })
  })

  it('fails a case over the compute budget, and passes one exactly at it', async () => {
    const api = apiTesting(async (_id, _etag, event) =>
      outcome({ computeUtilization: (event as { compute: number }).compute })
    )
    const results = await runTestGate(
      api,
      target,
      [testCase('at', { compute: 50 }), testCase('over', { compute: 51 })],
      50
    )
    expect(results.map(result => result.passed)).toEqual([true, false])
    expect(results[1].failures).toEqual([
      'compute utilization 51 is over max-compute-utilization 50'
    ])
  })

  it('lets API errors through', async () => {
    const api = apiTesting(async () => {
      throw new Error('TestFunction failed')
    })
    await expect(runTestGate(api, target, [testCase('a', {})], 80)).rejects.toThrow(
      'TestFunction failed'
    )
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
          'compute utilization 95 is over max-compute-utilization 80'
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
        '2 of 3 test cases failed, so the function was not published:',
        '- bad (tests/bad.json):',
        '    output $.status: expected 302, got 200',
        '    compute utilization 95 is over max-compute-utilization 80',
        '    returned: {"status":200}',
        '    logs: a | b',
        '- threw (tests/threw.json):',
        '    the function threw: boom'
      ].join('\n')
    )
  })
})
