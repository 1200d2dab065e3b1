import { describe, expect, it, jest } from '@jest/globals'
import type { FunctionOutcome } from '../../src/deploy/orchestrate.js'
import type { RunResult } from '../../src/deploy/result.js'
import type { FunctionInputs } from '../../src/inputs/parse.js'
import { outputsOf, writeOutputs, type OutputValues } from '../../src/report/outputs.js'
import { CONNECTION_ARN, CONNECTION_ID, FUNCTION_ARN, NAME } from '../../__fixtures__/cloudfront.js'
import { functionState, runResult, testResult } from '../../__fixtures__/results.js'

function fn(name = NAME, kind: FunctionInputs['kind'] = 'function'): FunctionInputs {
  return { name, kind } as FunctionInputs
}

function outcome(
  result: RunResult | undefined,
  more: Partial<FunctionOutcome> = {}
): FunctionOutcome {
  return { fn: fn(), result, reference: undefined, failure: undefined, held: false, ...more }
}

function values(overrides: Partial<OutputValues> = {}): OutputValues {
  return {
    outcomes: [outcome(runResult())],
    manifest: false,
    mode: 'deploy',
    diff: '',
    summaryMarkdown: '### summary',
    codeSize: 51,
    ...overrides
  }
}

const NAMES = [
  'arn',
  'etag',
  'live-etag',
  'id',
  'status',
  'changed',
  'created',
  'published',
  'has-changes',
  'test-results',
  'plan',
  'diff',
  'results',
  'code-size',
  'summary-markdown'
]

const createPlan = {
  kind: 'function' as const,
  name: NAME,
  changes: [{ action: 'create' as const }, { action: 'publish' as const }]
}

describe('outputsOf', () => {
  it('gives every output as a string, booleans as true/false', () => {
    const tests = [testResult()]
    const outputs = outputsOf(
      values({
        diff: '--- a\n+++ b\n',
        outcomes: [
          outcome(
            runResult({
              plan: createPlan,
              before: undefined,
              after: functionState({ etag: 'ETAG1', liveEtag: 'ETAG1' }),
              created: true,
              published: true,
              tests
            })
          )
        ]
      })
    )
    expect(Object.keys(outputs).sort()).toEqual([...NAMES].sort())
    expect(outputs).toEqual({
      arn: FUNCTION_ARN,
      etag: 'ETAG1',
      'live-etag': 'ETAG1',
      id: NAME,
      status: 'UNASSOCIATED',
      changed: 'true',
      created: 'true',
      published: 'true',
      'has-changes': 'true',
      'test-results': JSON.stringify(tests),
      plan: JSON.stringify(createPlan),
      diff: '--- a\n+++ b\n',
      results: JSON.stringify({
        [NAME]: {
          type: 'function',
          arn: FUNCTION_ARN,
          etag: 'ETAG1',
          'live-etag': 'ETAG1',
          id: NAME,
          status: 'UNASSOCIATED',
          changed: true,
          created: true,
          published: true,
          'has-changes': true
        }
      }),
      'code-size': '51',
      'summary-markdown': '### summary'
    })
  })

  it('says has-changes in a dry run that would change something, while changed stays false', () => {
    const outputs = outputsOf(values({ outcomes: [outcome(runResult({ plan: createPlan }))] }))
    expect(outputs).toMatchObject({ changed: 'false', 'has-changes': 'true' })
  })

  it('reports a no-op with has-changes false', () => {
    expect(outputsOf(values())).toMatchObject({ changed: 'false', 'has-changes': 'false' })
  })

  it('gives an empty id after any delete, whether the function existed or not', () => {
    const deleted = runResult({ after: undefined, deleted: true })
    const missing = runResult({ before: undefined, after: undefined })
    expect(outputsOf(values({ mode: 'delete', outcomes: [outcome(deleted)] })).id).toBe('')
    expect(outputsOf(values({ mode: 'delete', outcomes: [outcome(missing)] })).id).toBe('')
  })

  it('gives no id in an offline run, which never asked CloudFront', () => {
    expect(
      outputsOf(values({ mode: 'offline', outcomes: [outcome(runResult({ after: undefined }))] }))
        .id
    ).toBe('')
  })

  it('gives the name as the id of a CloudFront Function a dry run would create', () => {
    expect(outputsOf(values({ outcomes: [outcome(runResult({ after: undefined }))] })).id).toBe(
      NAME
    )
  })

  it('gives the Id of a connection function', () => {
    const result = runResult({
      after: functionState({ id: CONNECTION_ID, arn: CONNECTION_ARN })
    })
    const outputs = outputsOf(
      values({ outcomes: [outcome(result, { fn: fn(NAME, 'connection-function') })] })
    )
    expect(outputs).toMatchObject({ id: CONNECTION_ID, arn: CONNECTION_ARN })
  })

  describe('with a manifest', () => {
    const many = (): OutputValues =>
      values({
        manifest: true,
        codeSize: undefined,
        outcomes: [
          outcome(runResult({ updated: true, tests: [testResult()] }), { fn: fn('a') }),
          outcome(runResult(), { fn: fn('b') }),
          outcome(runResult({ after: functionState({ id: CONNECTION_ID }) }), {
            fn: fn('b', 'connection-function')
          })
        ]
      })

    it('sets results for every function, and the single-function outputs to empty', () => {
      const outputs = outputsOf(many())
      expect(Object.keys(JSON.parse(outputs.results))).toEqual([
        'a',
        'function/b',
        'connection-function/b'
      ])
      expect(outputs).toMatchObject({ arn: '', etag: '', id: '', 'code-size': '' })
    })

    it('is true for changed when any function changed, and lists plans and tests', () => {
      const outputs = outputsOf(many())
      expect(outputs.changed).toBe('true')
      expect(outputs.published).toBe('false')
      expect(JSON.parse(outputs.plan)).toHaveLength(3)
      expect(JSON.parse(outputs['test-results'])).toEqual([
        expect.objectContaining({ function: 'a', name: testResult().name })
      ])
    })

    it('sets the single-function outputs when the manifest has exactly one function', () => {
      const outputs = outputsOf(values({ manifest: true }))
      expect(outputs.arn).toBe(FUNCTION_ARN)
      expect(JSON.parse(outputs.plan)).toEqual([runResult().plan])
    })
  })
})

describe('writeOutputs', () => {
  it('sets each output once', () => {
    const set = jest.fn<(name: string, value: string) => void>()
    writeOutputs(set, values())
    expect(set.mock.calls.map(([name]) => name).sort()).toEqual([...NAMES].sort())
  })
})
