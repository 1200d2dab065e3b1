import { describe, expect, it, jest } from '@jest/globals'
import { outputsOf, writeOutputs, type OutputValues } from '../../src/report/outputs.js'
import { CONNECTION_ARN, CONNECTION_ID, FUNCTION_ARN, NAME } from '../../__fixtures__/cloudfront.js'
import { functionState, runResult, testResult } from '../../__fixtures__/results.js'

function values(overrides: Partial<OutputValues> = {}): OutputValues {
  return {
    kind: 'function',
    name: NAME,
    result: runResult(),
    diff: '',
    summaryMarkdown: '### summary',
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
  'test-results',
  'plan',
  'diff',
  'summary-markdown'
]

describe('outputsOf', () => {
  it('gives every output as a string, booleans as true/false', () => {
    const plan = {
      kind: 'function' as const,
      name: NAME,
      changes: [{ action: 'create' as const }, { action: 'publish' as const }]
    }
    const tests = [testResult()]
    const outputs = outputsOf(
      values({
        diff: '--- a\n+++ b\n',
        result: runResult({
          plan,
          before: undefined,
          after: functionState({ etag: 'ETAG1', liveEtag: 'ETAG1' }),
          created: true,
          published: true,
          tests
        })
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
      'test-results': JSON.stringify(tests),
      plan: JSON.stringify(plan),
      diff: '--- a\n+++ b\n',
      'summary-markdown': '### summary'
    })
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string')
  })

  it("gives 'false' and [] for a no-op", () => {
    const outputs = outputsOf(values())
    expect(outputs).toMatchObject({
      changed: 'false',
      created: 'false',
      published: 'false',
      'test-results': '[]',
      plan: JSON.stringify({ kind: 'function', name: NAME, changes: [] }),
      diff: ''
    })
  })

  it.each([
    ['updated', { updated: true }],
    ['tagged', { tagged: true }],
    ['deleted', { deleted: true, after: undefined }]
  ])("says changed 'true' when %s", (_label, overrides) => {
    expect(outputsOf(values({ result: runResult(overrides) })).changed).toBe('true')
  })

  it('gives the Id of a connection function', () => {
    const outputs = outputsOf(
      values({
        kind: 'connection-function',
        result: runResult({ after: functionState({ id: CONNECTION_ID, arn: CONNECTION_ARN }) })
      })
    )
    expect(outputs).toMatchObject({ id: CONNECTION_ID, arn: CONNECTION_ARN })
  })

  it('leaves ARN and ETags empty for a dry run that would create, with the name as id', () => {
    const outputs = outputsOf(
      values({ result: runResult({ before: undefined, after: undefined }) })
    )
    expect(outputs).toMatchObject({ arn: '', etag: '', 'live-etag': '', status: '', id: NAME })
  })

  it('leaves the id of a connection function empty when it does not exist', () => {
    const outputs = outputsOf(
      values({ kind: 'connection-function', result: runResult({ after: undefined }) })
    )
    expect(outputs.id).toBe('')
  })

  it('leaves everything about the function empty after a delete', () => {
    const outputs = outputsOf(values({ result: runResult({ after: undefined, deleted: true }) }))
    expect(outputs).toMatchObject({ arn: '', etag: '', 'live-etag': '', id: '', status: '' })
  })
})

describe('writeOutputs', () => {
  it('sets each output once through the writer', () => {
    const setOutput = jest.fn<(name: string, value: string) => void>()
    writeOutputs(setOutput, values())
    expect(setOutput.mock.calls.map(([name]) => name).sort()).toEqual([...NAMES].sort())
    expect(setOutput).toHaveBeenCalledWith('changed', 'false')
  })
})
