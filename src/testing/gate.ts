// The test gate: runs each test case through TestFunction on DEVELOPMENT and
// decides whether the function may be published.
import type { FunctionsApi } from '../cloudfront/api.js'
import { matchExpectation, type TestCase } from './cases.js'

export interface TestCaseResult {
  name: string
  file: string
  passed: boolean
  computeUtilization: number
  /** Why the case failed, one line per problem; empty when it passed. */
  failures: string[]
  /** The function's output, parsed from JSON when it is JSON. */
  output: unknown
  logs: string[]
}

/** Thrown when at least one case failed: nothing may be published. */
export class TestGateError extends Error {
  constructor(readonly results: TestCaseResult[]) {
    super(describeFailures(results))
    this.name = 'TestGateError'
  }
}

const PARALLEL_TESTS = 4

export async function runTestGate(
  api: FunctionsApi,
  target: { id: string; etag: string },
  cases: readonly TestCase[],
  maxComputeUtilization: number
): Promise<TestCaseResult[]> {
  const results: TestCaseResult[] = new Array(cases.length)
  let next = 0
  // A few cases at a time: fast, without tripping CloudFront's rate limits.
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++
      results[index] = await runCase(api, target, cases[index], maxComputeUtilization)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_TESTS, cases.length) }, worker))
  return results
}

async function runCase(
  api: FunctionsApi,
  target: { id: string; etag: string },
  testCase: TestCase,
  maxComputeUtilization: number
): Promise<TestCaseResult> {
  const outcome = await api.test(target.id, target.etag, testCase.event)
  const output = parseOutput(outcome.output)
  const failures: string[] = []
  if (outcome.errorMessage) {
    failures.push(`the function threw: ${outcome.errorMessage}`)
  } else if (testCase.expect !== undefined) {
    failures.push(
      ...matchExpectation(testCase.expect, output).map(mismatch => `output ${mismatch}`)
    )
  }
  if (outcome.computeUtilization > maxComputeUtilization) {
    failures.push(
      `compute utilization ${outcome.computeUtilization} is over max-compute-utilization ${maxComputeUtilization}`
    )
  }
  return {
    name: testCase.name,
    file: testCase.file,
    passed: failures.length === 0,
    computeUtilization: outcome.computeUtilization,
    failures,
    output,
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
    `${failed.length} of ${results.length} test cases failed, so the function was not published:`
  ]
  for (const result of failed) {
    lines.push(`- ${result.name} (${result.file}):`)
    for (const failure of result.failures) lines.push(`    ${failure}`)
    if (result.output !== undefined) lines.push(`    returned: ${JSON.stringify(result.output)}`)
    if (result.logs.length > 0) lines.push(`    logs: ${result.logs.join(' | ')}`)
  }
  return lines.join('\n')
}
