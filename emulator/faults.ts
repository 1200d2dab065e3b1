// Injected faults, consumed as they fire, and the request log.

export type FaultType = 'throttle' | 'server-error' | 'reset' | 'concurrent-write' | 'omit-etag'

export interface Fault {
  type: FaultType
  /** SDK operation name(s), e.g. 'UpdateFunction'; absent means any operation. */
  operation?: string | string[]
  /** How many matching requests the fault hits; default 1. */
  count?: number
  /** server-error only: 500 (InternalError, default) or 503 (ServiceUnavailable). */
  status?: 500 | 503
}

export const FAULT_TYPES: FaultType[] = [
  'throttle',
  'server-error',
  'reset',
  'concurrent-write',
  'omit-etag'
]

/** Operations that change state; TestFunction is not one of them. */
export const WRITE_OPERATIONS = new Set([
  'CreateFunction',
  'UpdateFunction',
  'PublishFunction',
  'DeleteFunction',
  'CreateConnectionFunction',
  'UpdateConnectionFunction',
  'PublishConnectionFunction',
  'DeleteConnectionFunction',
  'CreateKeyValueStore',
  'TagResource',
  'UntagResource'
])

/** Writes that carry an If-Match, the only ones a concurrent writer can make stale. */
export const IF_MATCH_WRITES = new Set([
  'UpdateFunction',
  'PublishFunction',
  'DeleteFunction',
  'UpdateConnectionFunction',
  'PublishConnectionFunction',
  'DeleteConnectionFunction'
])

export class Faults {
  private pending: (Fault & { count: number })[] = []

  inject(fault: Fault): void {
    if (!FAULT_TYPES.includes(fault.type)) throw new Error(`unknown fault type ${fault.type}`)
    const count = fault.count ?? 1
    if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer')
    this.pending.push({ ...fault, count })
  }

  clear(): void {
    this.pending = []
  }

  list(): Fault[] {
    return this.pending.map(f => ({ ...f }))
  }

  /** Takes one shot of the first pending fault of these types matching the operation. */
  take(operation: string, types: FaultType[]): Fault | undefined {
    const i = this.pending.findIndex(f => {
      if (!types.includes(f.type)) return false
      if (f.type === 'concurrent-write' && !IF_MATCH_WRITES.has(operation)) return false
      if (f.type === 'omit-etag' && !WRITE_OPERATIONS.has(operation)) return false
      if (f.operation === undefined) return true
      const ops = Array.isArray(f.operation) ? f.operation : [f.operation]
      return ops.includes(operation)
    })
    if (i < 0) return undefined
    const f = this.pending[i]
    f.count -= 1
    if (f.count === 0) this.pending.splice(i, 1)
    return { ...f }
  }
}

export interface RequestLogEntry {
  operation: string
  method: string
  path: string
  /** HTTP status sent; 0 when the connection was reset without an answer. */
  status: number
  /** Milliseconds since the epoch, sub-millisecond precision. */
  start: number
  end: number
  write: boolean
}
