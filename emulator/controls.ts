// The one table of controls. Each row is both an in-process method of Emulator and
// an HTTP endpoint under /__emulator/, so a control cannot exist in one and not the
// other. The README's controls table is checked against this one.
import { checkFault, type Fault } from './faults.js'
import type { Faults } from './faults.js'
import type { RequestLog, RequestLogEntry } from './request-log.js'
import { checkSetting, type Settings } from './settings.js'
import type { State, StateSnapshot } from './state.js'
import type { Kind } from './validation.js'

/** The controls as in-process methods; Emulator adds url, port and close(). */
export interface Controls {
  reset(): void
  settings(): Settings
  setLatency(ms: number): void
  setComputeBudget(ms: number): void
  setPublishingDelay(ms: number): void
  injectFault(fault: Fault): void
  faults(): Fault[]
  clearFaults(): void
  markAssociated(kind: Kind, nameOrId: string, associated?: boolean): void
  putKeyValue(storeName: string, key: string, value: string): void
  requestLog(): RequestLogEntry[]
  clearRequestLog(): void
  state(): StateSnapshot
}

/** What the controls act on: the running server. */
export interface ControlTarget {
  readonly state: State
  readonly faults: Faults
  readonly log: RequestLog
  readonly settings: Settings
  reset(): void
}

type Param =
  | { name: string; type: 'number' | 'string' | 'boolean'; optional?: boolean }
  /** The whole JSON body is the argument. */
  | { name: string; type: 'body' }

interface Control<K extends keyof Controls> {
  method: 'GET' | 'POST' | 'DELETE'
  /** Under /__emulator/. */
  path: string
  params: Param[]
  /** One line for the README. */
  does: string
  run(target: ControlTarget, ...args: Parameters<Controls[K]>): ReturnType<Controls[K]>
}

const ms: Param = { name: 'ms', type: 'number' }
const KINDS: Kind[] = ['function', 'connection-function']

function checkKind(kind: unknown): Kind {
  if (!KINDS.includes(kind as Kind)) throw new Error(`kind must be one of ${KINDS.join(', ')}`)
  return kind as Kind
}

function setSetting(target: ControlTarget, name: keyof Settings, value: number): void {
  target.settings[name] = checkSetting(name, value)
}

/** The mapped type makes every method of Controls have exactly one row. */
export const CONTROLS: { readonly [K in keyof Controls]: Control<K> } = {
  reset: {
    method: 'POST',
    path: 'reset',
    params: [],
    does: 'Forgets every resource, fault and logged request; settings return to their start values.',
    run: t => t.reset()
  },
  settings: {
    method: 'GET',
    path: 'settings',
    params: [],
    does: 'Returns the current settings: `{latencyMs, computeBudgetMs, publishingDelayMs}`.',
    run: t => ({ ...t.settings })
  },
  setLatency: {
    method: 'POST',
    path: 'latency',
    params: [ms],
    does: 'Delays every API answer by `ms` (>= 0).',
    run: (t, value) => setSetting(t, 'latencyMs', value)
  },
  setComputeBudget: {
    method: 'POST',
    path: 'compute-budget',
    params: [ms],
    does: 'Sets the handler CPU time that reads as 100% ComputeUtilization (> 0).',
    run: (t, value) => setSetting(t, 'computeBudgetMs', value)
  },
  setPublishingDelay: {
    method: 'POST',
    path: 'publishing-delay',
    params: [ms],
    does: 'Sets how long a published connection function reports PUBLISHING (>= 0).',
    run: (t, value) => setSetting(t, 'publishingDelayMs', value)
  },
  injectFault: {
    method: 'POST',
    path: 'faults',
    params: [{ name: 'fault', type: 'body' }],
    does: 'Adds a fault; see Faults.',
    run: (t, fault) => t.faults.inject(checkFault(fault))
  },
  faults: {
    method: 'GET',
    path: 'faults',
    params: [],
    does: 'Returns the pending faults with the firings each has left.',
    run: t => t.faults.list()
  },
  clearFaults: {
    method: 'DELETE',
    path: 'faults',
    params: [],
    does: 'Drops every pending fault.',
    run: t => t.faults.clear()
  },
  markAssociated: {
    method: 'POST',
    path: 'associate',
    params: [
      { name: 'kind', type: 'string' },
      { name: 'nameOrId', type: 'string' },
      { name: 'associated', type: 'boolean', optional: true }
    ],
    does: 'Marks a function as used by a distribution (DEPLOYED, cannot be deleted) or not.',
    run: (t, kind, nameOrId, associated = true) =>
      t.state.functions.markAssociated(checkKind(kind), nameOrId, associated)
  },
  putKeyValue: {
    method: 'POST',
    path: 'key-value',
    params: [
      { name: 'store', type: 'string' },
      { name: 'key', type: 'string' },
      { name: 'value', type: 'string' }
    ],
    does: 'Sets a key in a key value store (by name), for TestFunction to read.',
    run: (t, store, key, value) => t.state.stores.putKeyValue(store, key, value)
  },
  requestLog: {
    method: 'GET',
    path: 'requests',
    params: [],
    does: 'Returns the request log: operation, method, path, status, start, end, write.',
    run: t => t.log.list()
  },
  clearRequestLog: {
    method: 'DELETE',
    path: 'requests',
    params: [],
    does: 'Empties the request log.',
    run: t => t.log.clear()
  },
  state: {
    method: 'GET',
    path: 'state',
    params: [],
    does: 'Returns every function (both stages, versions, ETags, tags) and key value store.',
    run: t => t.state.snapshot()
  }
}

type AnyControl = {
  method: string
  path: string
  params: Param[]
  does: string
  run(target: ControlTarget, ...args: unknown[]): unknown
}

const entries = (): [string, AnyControl][] =>
  Object.entries(CONTROLS) as unknown as [string, AnyControl][]

/** The in-process methods, each running its row of the table. */
export function bindControls(target: ControlTarget): Controls {
  const api: Record<string, (...args: unknown[]) => unknown> = {}
  for (const [name, control] of entries()) api[name] = (...args) => control.run(target, ...args)
  return api as unknown as Controls
}

/** Reads the method's arguments from a JSON body, checking each field's type. */
function argsFromJson(params: Param[], body: unknown): unknown[] {
  if (params.some(p => p.type === 'body')) return [body]
  if (params.length === 0) return []
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error(`the body must be a JSON object with ${params.map(p => p.name).join(', ')}`)
  }
  const input = body as Record<string, unknown>
  return params.map(p => {
    const value = input[p.name]
    if (value === undefined && p.type !== 'body' && p.optional) return undefined
    if (typeof value !== p.type) throw new Error(`${p.name} must be a ${p.type}`)
    return value
  })
}

export class UnknownControl extends Error {}

/** Runs the control at METHOD /__emulator/<path> with a parsed JSON body. */
export function runControl(
  target: ControlTarget,
  method: string,
  path: string,
  body: unknown
): unknown {
  const found = entries().find(([, c]) => c.method === method && c.path === path)
  if (!found) throw new UnknownControl(`no control ${method} /__emulator/${path}`)
  const [, control] = found
  return control.run(target, ...argsFromJson(control.params, body))
}

// ---- documentation ---------------------------------------------------------------

/** The rows of the README's controls table: in-process, HTTP, JSON body, what it does. */
export function controlRows(): [string, string, string, string][] {
  return entries().map(([name, c]) => {
    const plain = c.params.filter(p => p.type !== 'body')
    const shown = c.params.map(p => (p.type !== 'body' && p.optional ? `${p.name}?` : p.name))
    const body = plain.length ? `\`{${shown.join(', ')}}\`` : c.params.length ? 'the fault' : ''
    return [
      `\`${name}(${shown.join(', ')})\``,
      `\`${c.method} /__emulator/${c.path}\``,
      body,
      c.does
    ]
  })
}
