// The runtime's public types: what a run takes and what it gives back.

import type { FunctionKind, Runtime } from '../types.js'

/**
 * One key value store's contents. A value that is not a string is stored as its JSON text, so
 * that `get(key, { format: 'json' })` reads it back as it was written in a case file.
 */
export interface KeyValueStore {
  keys: Readonly<Record<string, unknown>>
  /** ISO 8601, reported by `meta()`; defaults to the time the run starts. */
  creationDateTime?: string
  /** ISO 8601, reported by `meta()`; defaults to `creationDateTime`. */
  lastUpdatedDateTime?: string
}

/**
 * What `cf.kvs()` and `cf.kvs(id)` can read.
 *
 * - `single`: one store that `cf.kvs()` and `cf.kvs(<any id>)` read (offline mode, where a case
 *   file gives one object of keys and no store ids).
 * - `by-id`: stores by Id; `cf.kvs()` reads `associatedId`, `cf.kvs(id)` reads `stores[id]`
 *   (the emulator; pass the stores associated with the function, at most one in CloudFront).
 */
export type KeyValueStores =
  | { mode: 'single'; store: KeyValueStore }
  | { mode: 'by-id'; stores: Readonly<Record<string, KeyValueStore>>; associatedId?: string }

export interface RunInput {
  kind: FunctionKind
  runtime: Runtime
  /** The function source, as deployed. */
  code: string
  /** JSON text: the EventObject (functions) or ConnectionObject (connection functions). */
  event: string
  /** What `cf.kvs()` / `cf.kvs(id)` can read; absent: no store is associated. */
  stores?: KeyValueStores
  /** CPU time of the handler that counts as 100 % compute utilization (default 5 ms). */
  computeBudgetMs?: number
  /** Longest the code may run, at load and again in the handler (default 1000 ms). */
  timeLimitMs?: number
}

export interface RunOutcome {
  /** FunctionOutput JSON text, shaped as TestFunction returns it. */
  output?: string
  /** FunctionErrorMessage. */
  error?: string
  /** FunctionExecutionLogs. */
  logs: string[]
  /** 0..100: the handler's CPU time against the compute budget (an estimate). */
  computeUtilization: number
}
