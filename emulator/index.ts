// Local emulator of the CloudFront 2020-05-31 API for functions, connection
// functions, key value stores and tags. Start it in-process with startEmulator()
// or as a process with `npm run emulator -- --port <n>`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { Fault, RequestLogEntry } from './faults.js'
import { EmulatorServer } from './server.js'
import type { StateSnapshot } from './state.js'
import type { Kind } from './validation.js'

export type { Fault, FaultType, RequestLogEntry } from './faults.js'
export type { StateSnapshot } from './state.js'
export type { Kind } from './validation.js'

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Only loopback addresses make sense; default 127.0.0.1. */
  host?: string
  latencyMs?: number
  /** Loaded at start when present, saved on every change and on close. */
  stateFile?: string
  /** How long a published connection function reports PUBLISHING; default 300. */
  publishingDelayMs?: number
  /** CPU time of the handler that counts as 100% ComputeUtilization in test runs; default 5. */
  computeBudgetMs?: number
}

export interface Emulator {
  url: string
  port: number
  close(): Promise<void>
  reset(): void
  setLatency(ms: number): void
  injectFault(fault: Fault): void
  clearFaults(): void
  markAssociated(kind: Kind, nameOrId: string, associated?: boolean): void
  putKeyValue(storeName: string, key: string, value: string): void
  setComputeBudget(ms: number): void
  setPublishingDelay(ms: number): void
  requestLog(): RequestLogEntry[]
  clearRequestLog(): void
  state(): StateSnapshot
}

function saveState(file: string, data: unknown): void {
  // Write then rename, so a crash never leaves half a file behind.
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(data, null, 2))
  renameSync(tmp, file)
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const server = new EmulatorServer({
    latencyMs: options.latencyMs ?? 0,
    computeBudgetMs: options.computeBudgetMs ?? 5,
    publishingDelayMs: options.publishingDelayMs ?? 300
  })
  const { state } = server
  const file = options.stateFile
  if (file) {
    if (existsSync(file)) state.load(JSON.parse(readFileSync(file, 'utf8')))
    state.onChange(() => saveState(file, state.toJSON()))
  }
  const host = options.host ?? '127.0.0.1'
  const port = await server.listen(options.port ?? 0, host)
  const nonNegative = (ms: number) => {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('milliseconds must be >= 0')
    return ms
  }
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      await server.close()
      if (file) saveState(file, state.toJSON())
    },
    reset: () => void server.reset(),
    setLatency: ms => void (server.settings.latencyMs = nonNegative(ms)),
    injectFault: fault => server.faults.inject(fault),
    clearFaults: () => server.faults.clear(),
    markAssociated: (kind, nameOrId, associated = true) =>
      state.markAssociated(kind, nameOrId, associated),
    putKeyValue: (store, key, value) => state.putKeyValue(store, key, value),
    setComputeBudget: ms => {
      if (!(ms > 0)) throw new Error('the compute budget must be > 0 ms')
      server.settings.computeBudgetMs = ms
    },
    setPublishingDelay: ms => void (state.publishingDelayMs = nonNegative(ms)),
    requestLog: () => server.requestLog(),
    clearRequestLog: () => server.clearRequestLog(),
    state: () => state.snapshot()
  }
}
