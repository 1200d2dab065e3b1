// Starts the worker thread of a run, bounds it in memory and time, and collects its report.
//
// Memory: CloudFront gives a function 2 MB. A worker's heap cannot be that small (Node itself
// needs a few MB), so the first run of the process measures the heap of a worker that has loaded
// a trivial function, and every worker gets that much plus the function's allowance, a margin
// for garbage and the size of its key value stores. Past it, V8 ends the worker and the run
// fails with a memory error; the host process is never at risk.
//
// Time: the code is interrupted inside the worker when a step (loading, then the handler) runs
// longer than the time limit; a watchdog terminates the worker if it still has not reported.

import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { FunctionKind, Runtime } from '../types.js'
import { BOOTSTRAP } from './sandbox/bootstrap.js'
import { WORKER_SOURCE } from './sandbox/worker.js'
import { storeHeapBytes, toWorkerStores, type WorkerStores } from './stores.js'

/** CloudFront's memory quota for a function, in MB ("Quotas on CloudFront Functions"). */
export const MEMORY_LIMIT_MB = 2
/** Room for garbage the collector has not reclaimed yet, on top of the function's allowance. */
const HEAP_MARGIN_MB = 2
/** Used when the calibration run itself fails (it should not). */
const FALLBACK_BASELINE_MB = 16
/** How long a worker may take to start and finish beyond the time limits of its steps. */
const STARTUP_ALLOWANCE_MS = 10_000

export interface WorkerJob {
  kind: FunctionKind
  runtime: Runtime
  /** The prepared script (see source.ts). */
  code: string
  /** The prepared event, JSON text (see event.ts). */
  event: string
  eventType: string
  stores: WorkerStores
  timeLimitMs: number
  /** The run's fixed time: what `Date.now()` returns throughout. */
  now: number
}

export type WorkerReport = {
  logs: string[]
  cpuMs: number
} & (
  | { status: 'ok' | 'empty' | 'error'; payload: string }
  | { status: 'timeout' | 'unsettled' | 'memory' }
  | { status: 'calibrated'; heapBytes: number }
  | { status: 'crashed'; payload: string }
)

export async function runInWorker(job: WorkerJob): Promise<WorkerReport> {
  const baselineMb = await heapBaselineMb()
  const storesMb = storeHeapBytes(job.stores) / (1024 * 1024)
  const heapMb = Math.ceil(baselineMb + MEMORY_LIMIT_MB + HEAP_MARGIN_MB + storesMb)
  return withSlot(() => spawn(job, heapMb))
}

let baseline: Promise<number> | undefined

/** The heap a worker uses with a trivial function loaded, measured once per process. */
function heapBaselineMb(): Promise<number> {
  baseline ??= spawn(
    {
      kind: 'function',
      runtime: 'cloudfront-js-2.0',
      code: "'use strict'; function handler(event) { return event.request; }",
      event: JSON.stringify({ request: { uri: '/' } }),
      eventType: 'viewer-request',
      stores: toWorkerStores(undefined, 0),
      timeLimitMs: 5_000,
      now: 0
    },
    64,
    true
  ).then(report =>
    report.status === 'calibrated' ? report.heapBytes / (1024 * 1024) : FALLBACK_BASELINE_MB
  )
  return baseline
}

function spawn(job: WorkerJob, heapMb: number, calibrate = false): Promise<WorkerReport> {
  return new Promise(resolve => {
    let done = false
    const finish = (report: WorkerReport): void => {
      if (done) return
      done = true
      clearTimeout(watchdog)
      void worker.terminate()
      resolve(report)
    }
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...job, bootstrap: BOOTSTRAP, calibrate },
      // The host's flags (a TypeScript loader, jest's) have no business in the sandbox.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 4 },
      stdout: true,
      stderr: true
    })
    const watchdog = setTimeout(
      () => finish({ status: 'timeout', logs: [], cpuMs: job.timeLimitMs }),
      STARTUP_ALLOWANCE_MS + 4 * job.timeLimitMs
    )
    worker.on('message', (report: WorkerReport) => finish(report))
    worker.on('error', (error: Error & { code?: string }) => {
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { status: 'memory', logs: [], cpuMs: 0 }
          : { status: 'crashed', payload: error.message, logs: [], cpuMs: 0 }
      )
    })
    worker.on('exit', code => {
      finish({
        status: 'crashed',
        payload: `the worker exited with code ${code}`,
        logs: [],
        cpuMs: 0
      })
    })
  })
}

// Runs wait for a free slot, so that a burst of runs does not start a thread each at once.
const MAX_WORKERS = Math.max(2, availableParallelism())
let active = 0
const waiting: (() => void)[] = []

async function withSlot<T>(task: () => Promise<T>): Promise<T> {
  if (active >= MAX_WORKERS) await new Promise<void>(resolve => waiting.push(resolve))
  active++
  try {
    return await task()
  } finally {
    active--
    waiting.shift()?.()
  }
}
