// The local CloudFront Functions runtime: runs function and connection function code the way
// CloudFront's TestFunction / TestConnectionFunction do, with the modules, globals and limits
// of the chosen runtime. See README.md beside this file for what it covers and its choices.

import type { Runtime } from '../types.js'
import { prepareEvent } from './event.js'
import { NO_RESULT, shapeFunctionOutput } from './output.js'
import { runInWorker, type WorkerReport } from './pool.js'
import { prepareSource } from './source.js'
import { toWorkerStores } from './stores.js'
import type { RunInput, RunOutcome } from './types.js'

export type { KeyValueStore, KeyValueStores, RunInput, RunOutcome } from './types.js'
export { singleStore } from './stores.js'
export { MEMORY_LIMIT_MB } from './pool.js'

/** CPU time of the handler that counts as 100 % compute utilization. */
export const DEFAULT_COMPUTE_BUDGET_MS = 5
/** Longest the code may run, once while it loads and once in the handler. */
export const DEFAULT_TIME_LIMIT_MS = 1000

export const TIME_LIMIT_ERROR = 'The function exceeded the maximum allowed execution time.'
export const MEMORY_LIMIT_ERROR = 'The function exceeded the maximum allowed memory.'
const UNSETTLED_ERROR =
  'Error: The function did not settle: it awaits a promise that never resolves.'

const RUNTIMES: readonly Runtime[] = ['cloudfront-js-1.0', 'cloudfront-js-2.0']

export async function runFunction(input: RunInput): Promise<RunOutcome> {
  const budget = input.computeBudgetMs ?? DEFAULT_COMPUTE_BUDGET_MS
  const timeLimitMs = input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
  const failed = (error: string): RunOutcome => ({ error, logs: [], computeUtilization: 0 })

  if (!RUNTIMES.includes(input.runtime)) {
    return failed(
      `Unsupported runtime ${JSON.stringify(input.runtime)}: use ${RUNTIMES.join(' or ')}`
    )
  }
  if (!(budget > 0) || !(timeLimitMs > 0)) {
    return failed('computeBudgetMs and timeLimitMs must be positive numbers')
  }
  const event = prepareEvent(input.kind, input.event)
  if ('error' in event) return failed(event.error)
  const source = prepareSource(input.code, input.runtime)
  if ('error' in source) return failed(source.error)

  const now = Date.now()
  const report = await runInWorker({
    kind: input.kind,
    runtime: input.runtime,
    code: source.script,
    event: event.json,
    eventType: event.eventType,
    stores: toWorkerStores(input.stores, now),
    timeLimitMs,
    now
  })
  return {
    ...settle(report, input.kind === 'connection-function', event.eventType),
    logs: report.logs,
    computeUtilization: utilization(report, budget)
  }
}

function settle(
  report: WorkerReport,
  connection: boolean,
  eventType: string
): { output: string } | { error: string } {
  switch (report.status) {
    case 'ok':
      return connection
        ? { output: report.payload }
        : shapeFunctionOutput(eventType, report.payload)
    case 'empty':
      return { error: NO_RESULT }
    case 'error':
      return { error: report.payload }
    case 'timeout':
      return { error: TIME_LIMIT_ERROR }
    case 'memory':
      return { error: MEMORY_LIMIT_ERROR }
    case 'unsettled':
      return { error: UNSETTLED_ERROR }
    case 'crashed':
      return { error: `The runtime failed: ${report.payload}` }
  }
}

/** The handler's CPU time against the budget; a run stopped by a limit used it all. */
function utilization(report: WorkerReport, budget: number): number {
  if (report.status === 'timeout' || report.status === 'memory') return 100
  return Math.min(100, Math.max(0, Math.round((report.cpuMs / budget) * 100)))
}
