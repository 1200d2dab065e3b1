// Typed builders for the results of a run, for the summary and outputs tests.
import type { FunctionState, RunResult } from '../src/deploy/result.js'
import type { TestCaseResult } from '../src/testing/gate.js'
import { FUNCTION_ARN, NAME, currentFunction } from './cloudfront.js'

export function functionState(overrides: Partial<FunctionState> = {}): FunctionState {
  return {
    id: NAME,
    arn: FUNCTION_ARN,
    status: 'UNASSOCIATED',
    etag: 'ETAG2',
    liveEtag: 'ETAG1',
    ...overrides
  }
}

export function runResult(overrides: Partial<RunResult> = {}): RunResult {
  const plan = overrides.plan ?? { kind: 'function', name: NAME, changes: [] }
  return {
    firstPlan: plan,
    plan,
    desired: undefined,
    notes: [],
    before: currentFunction(),
    after: functionState({ etag: 'ETAG1' }),
    created: false,
    updated: false,
    tagged: false,
    published: false,
    deleted: false,
    tests: [],
    ...overrides
  }
}

export function testResult(overrides: Partial<TestCaseResult> = {}): TestCaseResult {
  return {
    name: 'rewrites to index.html',
    file: 'tests/index.json',
    passed: true,
    computeUtilization: 14,
    failures: [],
    output: { request: { uri: '/index.html' } },
    logs: [],
    ...overrides
  }
}
