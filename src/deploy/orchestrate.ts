// Many functions, one release: every function is staged (read, plan, write DEVELOPMENT,
// test) with a bounded number at once, and only when all of them staged does any of them
// publish. One function is the same run with a list of one. Each function keeps every
// guarantee of deploy.ts; this module only adds the bound, the gate and the report of who
// did what.
import type { FunctionsApi } from '../cloudfront/api.js'
import { errorMessage } from '../errors.js'
import type { FunctionInputs } from '../inputs/parse.js'
import { BufferedLog, type Log } from '../report/log.js'
import { listing, plural } from '../report/words.js'
import type { TestCase } from '../testing/cases.js'
import { Limiter } from '../testing/runner.js'
import { PARALLEL_TESTS } from '../testing/gate.js'
import type { CurrentFunction, DesiredFunction } from '../types.js'
import { release, remove, stage, type DeployOptions, type Staged } from './deploy.js'
import { RunError, type RunResult } from './result.js'
import { hasChange } from './plan.js'

/** One function, checked before any request and ready to deploy. */
export interface Job {
  fn: FunctionInputs
  /** The declared state; store names are resolved when the function is read. */
  desired: DesiredFunction
  testCases: TestCase[]
}

/** What `diff-against` found: the other function, as production runs it. */
export type Reference =
  | { name: string; found: true; current: CurrentFunction }
  | { name: string; found: false; reason: string }

/** What happened to one function. */
export interface FunctionOutcome {
  fn: FunctionInputs
  result: RunResult | undefined
  reference: Reference | undefined
  /** Why this function failed; undefined when it did not. */
  failure: string | undefined
  /** Staged, but not published because other functions failed (the release gate). */
  held: boolean
}

export interface OrchestrateOptions {
  dryRun: boolean
  maxParallel: number
  apiFor(kind: FunctionInputs['kind']): FunctionsApi
  /** Completes a declared state (store names to ARNs). */
  resolve(desired: DesiredFunction): Promise<DesiredFunction>
  log: Log
}

/** Runs `work` for every item, at most `limit` at once; results keep the items' order. */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** A log per function: the run's own log for one function, a buffer each for several. */
function logs(count: number, log: Log): (fn: FunctionInputs) => { log: Log; flush(): void } {
  if (count === 1) return () => ({ log, flush: () => undefined })
  return fn => {
    const buffer = new BufferedLog(fn.name)
    return { log: buffer, flush: () => buffer.flushTo(log) }
  }
}

type StageOutcome =
  | { ok: true; job: Job; staged: Staged; reference: Reference | undefined }
  | { ok: false; job: Job; outcome: FunctionOutcome }

export async function deployAll(
  jobs: readonly Job[],
  options: OrchestrateOptions
): Promise<FunctionOutcome[]> {
  // One bound on TestFunction calls for the whole run, whichever function makes them.
  const limiter = new Limiter(PARALLEL_TESTS)
  const logFor = logs(jobs.length, options.log)
  const deployOptions = (job: Job, log: Log): DeployOptions => ({
    dryRun: options.dryRun,
    testCases: options.dryRun ? [] : job.testCases,
    maxComputeUtilization: job.fn.maxComputeUtilization,
    log,
    resolve: options.resolve,
    readLive: job.desired.publish,
    limiter
  })

  const staged = await inPool(jobs, options.maxParallel, async (job): Promise<StageOutcome> => {
    const { log, flush } = logFor(job.fn)
    const api = options.apiFor(job.fn.kind)
    try {
      const [result, reference] = await Promise.all([
        stage(api, job.desired, deployOptions(job, log)),
        readReference(api, job.fn)
      ])
      if (options.dryRun && job.testCases.length > 0) {
        log.info(
          `Dry run: ${plural(job.testCases.length, 'test case')} loaded but not run (DEVELOPMENT is not updated in a dry run).`
        )
      }
      return { ok: true, job, staged: result, reference }
    } catch (error) {
      return { ok: false, job, outcome: failed(job.fn, error) }
    } finally {
      flush()
    }
  })

  const failures = staged.filter(item => !item.ok)
  if (failures.length > 0) {
    // The release gate: one failure and nothing is published.
    const names = failures.map(item => item.job.fn.name)
    return staged.map(item => (item.ok ? held(item, names) : item.outcome))
  }
  // Every function staged: each one narrows to its staged form.
  const ready = staged.filter((item): item is Extract<StageOutcome, { ok: true }> => item.ok)
  return inPool(ready, options.maxParallel, async item => {
    const { log, flush } = logFor(item.job.fn)
    try {
      const result = await release(
        options.apiFor(item.job.fn.kind),
        item.staged,
        deployOptions(item.job, log)
      )
      return { fn: item.job.fn, result, reference: item.reference, failure: undefined, held: false }
    } catch (error) {
      return { ...failed(item.job.fn, error), reference: item.reference }
    } finally {
      flush()
    }
  })
}

/** A staged function that may not publish because others failed. */
function held(item: Extract<StageOutcome, { ok: true }>, failedNames: string[]): FunctionOutcome {
  const { result } = item.staged
  const wouldPublish = hasChange(result.plan, 'publish')
  return {
    fn: item.job.fn,
    result: wouldPublish
      ? {
          ...result,
          notes: [
            ...result.notes,
            `Not published: ${listing(failedNames)} failed, and a run publishes all of its functions or none.`
          ]
        }
      : result,
    reference: item.reference,
    failure: undefined,
    held: wouldPublish
  }
}

function failed(fn: FunctionInputs, error: unknown): FunctionOutcome {
  return {
    fn,
    result: error instanceof RunError ? error.result : undefined,
    reference: undefined,
    failure: errorMessage(error),
    held: false
  }
}

/** Reads the function `diff-against` names, read-only; never fails the run. */
async function readReference(
  api: FunctionsApi,
  fn: FunctionInputs
): Promise<Reference | undefined> {
  if (fn.diffAgainst === '') return undefined
  try {
    const current = await api.read(fn.diffAgainst, { tags: fn.tags !== undefined, live: true })
    if (!current) {
      return {
        name: fn.diffAgainst,
        found: false,
        reason: `no ${fn.kind} named ${fn.diffAgainst} exists`
      }
    }
    return { name: fn.diffAgainst, found: true, current }
  } catch (error) {
    return {
      name: fn.diffAgainst,
      found: false,
      reason: `it could not be read: ${errorMessage(error)}`
    }
  }
}

/** Deletes every function, at most `maxParallel` at once; one failure does not stop the rest. */
export async function deleteAll(
  functions: readonly FunctionInputs[],
  options: Pick<OrchestrateOptions, 'dryRun' | 'maxParallel' | 'apiFor' | 'log'>
): Promise<FunctionOutcome[]> {
  const logFor = logs(functions.length, options.log)
  return inPool(functions, options.maxParallel, async fn => {
    const { log, flush } = logFor(fn)
    try {
      const result = await remove(options.apiFor(fn.kind), fn.name, { dryRun: options.dryRun, log })
      return { fn, result, reference: undefined, failure: undefined, held: false }
    } catch (error) {
      return failed(fn, error)
    } finally {
      flush()
    }
  })
}
