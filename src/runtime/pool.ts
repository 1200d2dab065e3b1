// Child processes that run the functions, reused from run to run, and how a run is bounded.
//
// Memory: a child starts with a small V8 heap limit. A run that allocates past it ends the
// child (V8 aborts it), and the host reports the memory error and starts a new child when one
// is needed. CloudFront allows a function 2 MB; a child cannot be that small (Node itself needs
// a few MB), so the limit is Node's own needs plus a little room: the README gives the figure.
//
// Time: the child interrupts the code when a step (loading, then the handler) runs longer than
// the time limit; a watchdog in the host kills the child if it still has not answered.
//
// Each run gets fresh vm contexts, so nothing of one run is visible to the next; a child is
// retired after a number of runs all the same, to keep its heap from creeping up.

import { spawn, type ChildProcess } from 'node:child_process'
import type { FunctionKind, Runtime } from '../types.js'
import { BOOTSTRAP } from './sandbox/bootstrap.js'
import { CHILD_SOURCE } from './sandbox/child.js'
import { storeHeapBytes, type WorkerStores } from './stores.js'

/** CloudFront's memory quota for a function, in MB ("Quotas on CloudFront Functions"). */
export const MEMORY_LIMIT_MB = 2
/** The V8 heap limit of a child: what Node needs for itself, plus the function's allowance. */
const CHILD_HEAP_MB = 12
/** Runs wait for a free child beyond this many at once. */
const MAX_CHILDREN = 2
const RUNS_PER_CHILD = 50
/** How long a child may take to start and answer beyond the time limits of a run's steps. */
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
  | { status: 'ok' | 'empty' | 'error' | 'crashed'; payload: string }
  | { status: 'timeout' | 'unsettled' | 'memory' }
)

interface Child {
  process: ChildProcess
  heapMb: number
  runs: number
  /** Settles the run in progress when the child dies. */
  onExit?: (signal: NodeJS.Signals | null, code: number | null) => void
}

const idle: Child[] = []
const waiting: (() => void)[] = []
let running = 0
let nextId = 1

export async function runInWorker(job: WorkerJob): Promise<WorkerReport> {
  // Large key value stores live in the child's heap too: such a run gets a child of its own.
  const heapMb = CHILD_HEAP_MB + Math.ceil(storeHeapBytes(job.stores) / (1024 * 1024))
  if (running >= MAX_CHILDREN) await new Promise<void>(resolve => waiting.push(resolve))
  running++
  const child = takeChild(heapMb)
  try {
    return await runOn(child, job)
  } finally {
    running--
    release(child)
    waiting.shift()?.()
  }
}

function takeChild(heapMb: number): Child {
  const index = idle.findIndex(child => child.heapMb === heapMb)
  const child = index >= 0 ? idle.splice(index, 1)[0] : startChild(heapMb)
  setReferenced(child, true)
  return child
}

function release(child: Child): void {
  const alive = child.process.exitCode === null && child.process.signalCode === null
  if (alive && child.runs < RUNS_PER_CHILD && child.heapMb === CHILD_HEAP_MB) {
    setReferenced(child, false)
    idle.push(child)
  } else {
    child.process.kill('SIGKILL')
  }
}

function startChild(heapMb: number): Child {
  const process_ = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=1', '-e', CHILD_SOURCE],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      // Nothing of the job's environment (tokens, credentials, a TypeScript loader, jest's
      // flags) reaches the code under test: the child needs none of it.
      env: {}
    }
  )
  const child: Child = { process: process_, heapMb, runs: 0 }
  process_.on('exit', (code, signal) => {
    const index = idle.indexOf(child)
    if (index >= 0) idle.splice(index, 1)
    child.onExit?.(signal, code)
  })
  // An error (it could not start, say) is followed by 'exit', which settles the run.
  process_.on('error', () => undefined)
  process_.send({ bootstrap: BOOTSTRAP })
  return child
}

function runOn(child: Child, job: WorkerJob): Promise<WorkerReport> {
  child.runs++
  const id = nextId++
  return new Promise(resolve => {
    const finish = (report: WorkerReport): void => {
      clearTimeout(watchdog)
      child.process.off('message', onMessage)
      child.onExit = undefined
      resolve(report)
    }
    const onMessage = (message: { id: number; report: WorkerReport }): void => {
      if (message.id === id) finish(message.report)
    }
    const watchdog = setTimeout(
      () => {
        finish({ status: 'timeout', logs: [], cpuMs: job.timeLimitMs })
        child.process.kill('SIGKILL')
      },
      STARTUP_ALLOWANCE_MS + 4 * job.timeLimitMs
    )
    child.onExit = (signal, code) => {
      // V8 aborts a process whose heap is full; anything else is a failure of the runtime.
      finish(
        signal === 'SIGABRT' || code === 134
          ? { status: 'memory', logs: [], cpuMs: 0 }
          : {
              status: 'crashed',
              payload: `the child process ended (${signal ?? `exit code ${code}`})`,
              logs: [],
              cpuMs: 0
            }
      )
    }
    child.process.on('message', onMessage)
    child.process.send({ id, job })
  })
}

/** An idle child must not keep the host process alive. */
function setReferenced(child: Child, referenced: boolean): void {
  const channel = child.process.channel as { ref(): void; unref(): void } | null | undefined
  if (referenced) {
    child.process.ref()
    channel?.ref()
  } else {
    child.process.unref()
    channel?.unref()
  }
}
