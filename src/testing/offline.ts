// Offline mode: every test case of every function runs in the embedded runtime, for the
// declared type and runtime. No request reaches AWS and no credentials are needed, so fork
// pull requests (which get no secrets) can run the same test gate.
import { InputError } from '../errors.js'
import { parseJsonFile } from '../inputs/json.js'
import { readJobFile, resolveJobFile, type JobRoots } from '../inputs/files.js'
import type { FunctionOutcome, Job } from '../deploy/orchestrate.js'
import { inPool } from '../deploy/orchestrate.js'
import { NOTHING_DONE, type RunResult } from '../deploy/result.js'
import { BufferedLog, inGroup, type Log } from '../report/log.js'
import { plural } from '../report/words.js'
import type { KeyValueStores } from '../runtime/index.js'
import type { Plan } from '../types.js'
import { runTestGate, PARALLEL_TESTS } from './gate.js'
import { Limiter, localRunner, type FunctionRunner } from './runner.js'
import { singleStore } from '../runtime/stores.js'

const STORE_INPUT = 'offline-store-data'
/** CloudFront's limit on the data of one key value store. */
export const MAX_STORE_DATA_BYTES = 5 * 1024 * 1024

/** Runs of a case whose compute estimate is over the limit, before the case fails. */
export const ESTIMATE_ATTEMPTS = 3

/** Said in the log and the summary: these results are not CloudFront's. */
export const OFFLINE_NOTE = `Offline: these results come from the embedded CloudFront Functions runtime, not from CloudFront. Compute utilization is an estimate from CPU time; a case over max-compute-utilization runs up to ${ESTIMATE_ATTEMPTS} times and keeps its lowest estimate.`

/** Reads the JSON object of keys and values the store holds in offline mode. */
export function loadStoreData(path: string, roots: JobRoots): KeyValueStores | undefined {
  if (path === '') return undefined
  const file = resolveJobFile(STORE_INPUT, path, roots)
  const text = readJobFile(
    STORE_INPUT,
    file,
    MAX_STORE_DATA_BYTES,
    'A key value store holds at most 5 MB: keep the keys the tests need.'
  ).toString('utf8')
  const data = parseJsonFile(STORE_INPUT, file.name, text, 'Invalid store data JSON')
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(
      STORE_INPUT,
      `${file.name} must hold one JSON object of keys and their values, like {"/old": "/new"}.`
    )
  }
  return singleStore(data as Record<string, unknown>)
}

/**
 * CPU time measured on a busy runner jitters: a garbage collection or a cold child process can
 * make a trivial function read as 100%. A case over the limit runs again, up to
 * ESTIMATE_ATTEMPTS times in all, and keeps the run with the lowest estimate; a function that
 * really is too slow stays over the limit every time.
 */
export function steadyEstimates(
  runner: FunctionRunner,
  maxComputeUtilization: number
): FunctionRunner {
  return {
    run: async event => {
      let best = await runner.run(event)
      for (
        let attempt = 1;
        attempt < ESTIMATE_ATTEMPTS && best.computeUtilization > maxComputeUtilization;
        attempt++
      ) {
        const again = await runner.run(event)
        if (again.computeUtilization < best.computeUtilization) best = again
      }
      return best
    }
  }
}

export interface OfflineOptions {
  maxParallel: number
  stores: KeyValueStores | undefined
  log: Log
}

/** Runs every function's test cases locally; one function's failure does not stop the rest. */
export async function testAllOffline(
  jobs: readonly Job[],
  options: OfflineOptions
): Promise<FunctionOutcome[]> {
  const limiter = new Limiter(PARALLEL_TESTS)
  options.log.info(OFFLINE_NOTE)
  return inPool(jobs, options.maxParallel, async job => {
    const buffer = jobs.length > 1 ? new BufferedLog(job.fn.name) : undefined
    const log = buffer ?? options.log
    const runner = steadyEstimates(
      localRunner({
        kind: job.fn.kind,
        runtime: job.fn.runtime,
        code: job.desired.code,
        stores: options.stores
      }),
      job.fn.maxComputeUtilization
    )
    const plan: Plan = { kind: job.fn.kind, name: job.fn.name, changes: [] }
    const base: RunResult = {
      ...NOTHING_DONE,
      firstPlan: plan,
      plan,
      desired: job.desired,
      before: undefined,
      after: undefined,
      tests: [],
      notes: [OFFLINE_NOTE]
    }
    try {
      const tests = await inGroup(
        log,
        `Test locally (${plural(job.testCases.length, 'case')})`,
        async () => {
          const results = await runTestGate(
            runner,
            job.testCases,
            job.fn.maxComputeUtilization,
            limiter
          )
          for (const test of results) {
            const failures = test.failures.map(failure => `\n  ${failure}`).join('')
            log.info(
              `${test.passed ? 'PASS' : 'FAIL'} ${test.name} (compute ${test.computeUtilization}%, estimated)${failures}`
            )
          }
          return results
        }
      )
      const failed = tests.filter(test => !test.passed).length
      return {
        fn: job.fn,
        result: { ...base, tests },
        reference: undefined,
        failure:
          failed > 0
            ? `${failed} of ${plural(tests.length, 'test case')} failed in the local runtime.`
            : undefined,
        held: false
      }
    } finally {
      buffer?.flushTo(options.log)
    }
  })
}
