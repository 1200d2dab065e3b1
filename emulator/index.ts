// Local emulator of the CloudFront 2020-05-31 API for functions, connection
// functions, key value stores and tags. Start it in-process with startEmulator()
// or as a process with `npm run emulator -- --port <n>`.
import { bindControls, type Controls } from './controls.js'
import { attachStateFile } from './persistence.js'
import { EmulatorServer } from './server.js'

export type { Controls } from './controls.js'
export { CONTROLS } from './controls.js'
export type { Fault, FaultType, WriterAction } from './faults.js'
export type { RequestLogEntry } from './request-log.js'
export { DEFAULT_SETTINGS, type Settings } from './settings.js'
export type { StateSnapshot, VersionSnapshot } from './state.js'
export type { Kind } from './validation.js'
export { etagOf, FIRST_ETAG, SECOND_ETAG } from './versions.js'

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Only loopback addresses make sense; default 127.0.0.1. */
  host?: string
  /** Loaded at start when present, saved on every change and on close. */
  stateFile?: string
  /** Delay before every API answer; default 0 (DEFAULT_SETTINGS). */
  latencyMs?: number
  /** How long a published connection function reports PUBLISHING; default 300. */
  publishingDelayMs?: number
  /** CPU time of the handler that counts as 100% ComputeUtilization in test runs; default 5. */
  computeBudgetMs?: number
}

/** A running emulator: its address, close(), and every control of the CONTROLS table. */
export interface Emulator extends Controls {
  url: string
  port: number
  /** Ends every connection, stalled ones included, and saves the state file. */
  close(): Promise<void>
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const server = new EmulatorServer({
    latencyMs: options.latencyMs,
    computeBudgetMs: options.computeBudgetMs,
    publishingDelayMs: options.publishingDelayMs
  })
  const save = options.stateFile ? attachStateFile(options.stateFile, server.state) : undefined
  const host = options.host ?? '127.0.0.1'
  const port = await server.listen(options.port ?? 0, host)
  return {
    ...bindControls(server),
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      await server.close()
      save?.()
    }
  }
}
