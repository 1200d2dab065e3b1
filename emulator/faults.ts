// Injected faults, consumed as they fire. Every fault has `operation?` (SDK
// operation name or names; absent means any operation it applies to) and `count?`
// (how many matching requests it hits; default 1).
import type { Kind } from './validation.js'

interface Matching {
  /** SDK operation name(s), e.g. 'UpdateFunction'; absent means any operation. */
  operation?: string | string[]
  /** How many matching requests the fault hits; default 1. */
  count?: number
}

/** What another writer does to a function between two of the client's requests. */
export type WriterAction = 'update' | 'publish' | 'delete'

export type Fault = Matching &
  (
    | { type: 'throttle' }
    /** status: 500 (InternalError, default) or 503 (ServiceUnavailable). */
    | { type: 'server-error'; status?: 500 | 503 }
    | { type: 'reset' }
    | { type: 'concurrent-write' }
    | { type: 'omit-etag' }
    /** The write is applied, then the answer is lost: a reset connection or a 500/503. */
    | { type: 'lost-answer'; answer?: 'reset' | 'server-error'; status?: 500 | 503 }
    /** No answer at all, or one only after `ms` milliseconds. */
    | { type: 'stall'; ms?: number }
    /**
     * After the answer, another writer acts on a function: the one the request
     * addressed, or `target` (name, Id or ARN; `kind` defaults to the operation's).
     */
    | { type: 'write-after'; action: WriterAction; target?: string; kind?: Kind }
  )

export type FaultType = Fault['type']

export const FAULT_TYPES: readonly FaultType[] = [
  'throttle',
  'server-error',
  'reset',
  'concurrent-write',
  'omit-etag',
  'lost-answer',
  'stall',
  'write-after'
]

/** Operations that change state; TestFunction is not one of them. */
export const WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'CreateFunction',
  'UpdateFunction',
  'PublishFunction',
  'DeleteFunction',
  'CreateConnectionFunction',
  'UpdateConnectionFunction',
  'PublishConnectionFunction',
  'DeleteConnectionFunction',
  'CreateKeyValueStore',
  'UpdateKeyValueStore',
  'DeleteKeyValueStore',
  'TagResource',
  'UntagResource'
])

/** Writes that carry an If-Match, the only ones a concurrent writer can make stale. */
export const IF_MATCH_WRITES: ReadonlySet<string> = new Set([
  'UpdateFunction',
  'PublishFunction',
  'DeleteFunction',
  'UpdateConnectionFunction',
  'PublishConnectionFunction',
  'DeleteConnectionFunction',
  'UpdateKeyValueStore',
  'DeleteKeyValueStore'
])

/** The operations a fault type can hit at all; undefined means every operation. */
const APPLIES_TO: Partial<Record<FaultType, ReadonlySet<string>>> = {
  'concurrent-write': IF_MATCH_WRITES,
  'omit-etag': WRITE_OPERATIONS,
  'lost-answer': WRITE_OPERATIONS
}

const FIELDS: Record<FaultType, readonly string[]> = {
  throttle: [],
  'server-error': ['status'],
  reset: [],
  'concurrent-write': [],
  'omit-etag': [],
  'lost-answer': ['answer', 'status'],
  stall: ['ms'],
  'write-after': ['action', 'target', 'kind']
}

const isStatus = (v: unknown) => v === undefined || v === 500 || v === 503

/** Checks a fault from either caller, in-process or a JSON body, and returns a clean copy. */
export function checkFault(input: unknown): Fault & { count: number } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('a fault is an object with a type')
  }
  const f = input as Record<string, unknown>
  const type = f.type as FaultType
  if (!FAULT_TYPES.includes(type)) {
    throw new Error(
      `unknown fault type ${JSON.stringify(f.type)}; one of ${FAULT_TYPES.join(', ')}`
    )
  }
  const allowed = ['type', 'operation', 'count', ...FIELDS[type]]
  const extra = Object.keys(f).filter(k => !allowed.includes(k) && f[k] !== undefined)
  if (extra.length) throw new Error(`a ${type} fault has no field ${extra.join(', ')}`)

  const count = f.count ?? 1
  if (!Number.isInteger(count) || (count as number) < 1) {
    throw new Error('count must be a positive integer')
  }
  const ops = f.operation === undefined ? [] : [f.operation].flat()
  if (ops.length === 0 && f.operation !== undefined) throw new Error('operation must not be empty')
  if (ops.some(op => typeof op !== 'string' || op === '')) {
    throw new Error('operation must be an operation name or a list of them')
  }
  const scope = APPLIES_TO[type]
  const outside = scope ? (ops as string[]).filter(op => !scope.has(op)) : []
  if (outside.length) {
    throw new Error(
      `a ${type} fault never fires for ${outside.join(', ')}; it applies to ${[...scope!].join(', ')}`
    )
  }
  if (!isStatus(f.status)) throw new Error('status must be 500 or 503')
  if (
    type === 'lost-answer' &&
    f.answer !== undefined &&
    f.answer !== 'reset' &&
    f.answer !== 'server-error'
  ) {
    throw new Error("answer must be 'reset' or 'server-error'")
  }
  if (type === 'lost-answer' && f.status !== undefined && f.answer === 'reset') {
    throw new Error("status goes with answer: 'server-error'")
  }
  if (f.ms !== undefined && !(typeof f.ms === 'number' && Number.isFinite(f.ms) && f.ms >= 0)) {
    throw new Error('ms must be a number of milliseconds >= 0')
  }
  if (type === 'write-after') {
    if (!['update', 'publish', 'delete'].includes(f.action as string)) {
      throw new Error("action must be 'update', 'publish' or 'delete'")
    }
    if (f.target !== undefined && (typeof f.target !== 'string' || f.target === '')) {
      throw new Error('target must be a function name, Id or ARN')
    }
    if (f.kind !== undefined && f.kind !== 'function' && f.kind !== 'connection-function') {
      throw new Error("kind must be 'function' or 'connection-function'")
    }
  }
  const clean = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined))
  // A status alone means the answer is lost as that server error.
  if (type === 'lost-answer') clean.answer ??= f.status === undefined ? 'reset' : 'server-error'
  return { ...clean, count } as Fault & { count: number }
}

const matches = (f: Fault, operation: string): boolean => {
  if (APPLIES_TO[f.type] && !APPLIES_TO[f.type]!.has(operation)) return false
  if (f.operation === undefined) return true
  return [f.operation].flat().includes(operation)
}

export class Faults {
  private pending: (Fault & { count: number })[] = []

  inject(fault: Fault): void {
    this.pending.push(checkFault(fault))
  }

  clear(): void {
    this.pending = []
  }

  list(): Fault[] {
    return this.pending.map(f => ({ ...f }))
  }

  /**
   * Takes one shot of the first pending fault of these types that matches the
   * operation and that `accept` takes (a fault it refuses stays pending).
   */
  take<T extends FaultType>(
    operation: string,
    types: readonly T[],
    accept: (f: Extract<Fault, { type: T }>) => boolean = () => true
  ): Extract<Fault, { type: T }> | undefined {
    const i = this.pending.findIndex(
      f =>
        (types as readonly FaultType[]).includes(f.type) &&
        matches(f, operation) &&
        accept(f as Extract<Fault, { type: T }>)
    )
    if (i < 0) return undefined
    const f = this.pending[i]
    f.count -= 1
    if (f.count === 0) this.pending.splice(i, 1)
    return { ...f } as Extract<Fault, { type: T }>
  }
}
