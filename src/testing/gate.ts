// The test gate: runs each case through a FunctionRunner and decides whether the function
// may be published.
import type { TestOutcome } from '../types.js'
import { plural } from '../report/words.js'
import { matchExpectation, missingLog, presentPaths, type TestCase } from './cases.js'
import { Limiter, type FunctionRunner } from './runner.js'

export interface TestCaseResult {
  name: string
  file: string
  passed: boolean
  computeUtilization: number
  /** Why the case failed, one line per problem; empty when it passed. */
  failures: string[]
  /** The function's output, parsed from JSON when it is JSON. */
  output: unknown
  /** The error the function threw, when it threw. */
  error?: string
  logs: string[]
}

/** Thrown when at least one case failed: nothing may be published. */
export class TestGateError extends Error {
  constructor(readonly results: TestCaseResult[]) {
    super(describeFailures(results))
    this.name = 'TestGateError'
  }
}

/** A few cases at a time: fast, without tripping CloudFront's rate limits. */
export const PARALLEL_TESTS = 4

export async function runTestGate(
  runner: FunctionRunner,
  cases: readonly TestCase[],
  maxComputeUtilization: number,
  limiter: Limiter = new Limiter(PARALLEL_TESTS)
): Promise<TestCaseResult[]> {
  return Promise.all(
    cases.map(testCase =>
      limiter.run(async () =>
        judge(testCase, await runner.run(testCase.event), maxComputeUtilization)
      )
    )
  )
}

/** Compares one outcome with what its case expects. */
export function judge(
  testCase: TestCase,
  outcome: TestOutcome,
  maxComputeUtilization: number
): TestCaseResult {
  const output = parseOutput(outcome.output)
  const failures: string[] = []
  if (testCase.expectError !== undefined) {
    if (!outcome.errorMessage) {
      failures.push(
        `expected the function to throw an error containing ${JSON.stringify(testCase.expectError)}, but it returned`
      )
    } else if (!outcome.errorMessage.includes(testCase.expectError)) {
      failures.push(
        `expected an error containing ${JSON.stringify(testCase.expectError)}, but the function threw: ${outcome.errorMessage}`
      )
    }
  } else if (outcome.errorMessage) {
    failures.push(`the function threw: ${outcome.errorMessage}`)
  } else {
    if (testCase.expect !== undefined) {
      failures.push(
        ...matchExpectation(testCase.expect, output).map(mismatch => `output ${mismatch}`)
      )
    }
    for (const present of presentPaths(testCase.expectAbsent ?? [], output)) {
      failures.push(`output ${present}: expected absent, but it is there`)
    }
  }
  const missing = missingLog(testCase.expectLogs ?? [], outcome.logs)
  if (missing !== undefined) {
    failures.push(
      `logs: expected a line containing ${JSON.stringify(missing)}${
        (testCase.expectLogs?.length ?? 0) > 1 ? ' (after the lines expected before it)' : ''
      }, got ${plural(outcome.logs.length, 'line')}`
    )
  }
  if (outcome.computeUtilization > maxComputeUtilization) {
    failures.push(
      `compute utilization ${outcome.computeUtilization}% is over max-compute-utilization ${maxComputeUtilization}%`
    )
  }
  return {
    name: testCase.name,
    file: testCase.file,
    passed: failures.length === 0,
    computeUtilization: outcome.computeUtilization,
    failures,
    output,
    ...(outcome.errorMessage ? { error: outcome.errorMessage } : {}),
    logs: outcome.logs
  }
}

function parseOutput(output: string): unknown {
  if (output === '') return undefined
  try {
    return JSON.parse(output)
  } catch {
    return output
  }
}

function describeFailures(results: TestCaseResult[]): string {
  const failed = results.filter(result => !result.passed)
  const lines = [
    `${failed.length} of ${plural(results.length, 'test case')} failed, so nothing was published:`
  ]
  for (const result of failed) {
    lines.push(`- ${result.name} (${result.file}):`)
    for (const failure of result.failures) lines.push(`    ${failure}`)
    if (result.output !== undefined) lines.push(`    returned: ${JSON.stringify(result.output)}`)
    if (result.logs.length > 0) lines.push(`    logs: ${result.logs.join(' | ')}`)
  }
  return lines.join('\n')
}
