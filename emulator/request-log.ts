// The request log: one entry per API request, in arrival order, for tests that
// count requests, rounds and time.
import { performance } from 'node:perf_hooks'

export interface RequestLogEntry {
  operation: string
  method: string
  path: string
  /** HTTP status sent; 0 when no answer was sent (a reset connection or a stall). */
  status: number
  /** Milliseconds since the epoch, sub-millisecond precision. */
  start: number
  end: number
  write: boolean
}

/** Epoch milliseconds with sub-millisecond precision. */
export const now = (): number => performance.timeOrigin + performance.now()

export class RequestLog {
  private entries: RequestLogEntry[] = []

  /** Adds an entry still without an answer; the caller fills status and end. */
  open(entry: Omit<RequestLogEntry, 'status' | 'end'>): RequestLogEntry {
    const opened = { ...entry, status: 0, end: entry.start }
    this.entries.push(opened)
    return opened
  }

  list(): RequestLogEntry[] {
    return this.entries.map(e => ({ ...e }))
  }

  clear(): void {
    this.entries = []
  }
}
