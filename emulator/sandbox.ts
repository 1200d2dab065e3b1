// Runs stored function code for TestFunction / TestConnectionFunction in a node:vm
// context: strict mode, no require/process/timers, no eval or Function (code
// generation from strings is off), a hard time limit. Host values cross the
// boundary only as primitives or through closures created inside the context, so
// user code never holds a host object (whose constructor would be the host Function).
import vm from 'node:vm'
import type { Kind } from './validation.js'

export const TIME_LIMIT_MS = 1000

export interface RunInput {
  kind: Kind
  code: string
  runtime: string
  /** The EventObject / ConnectionObject as sent (JSON text). */
  event: string
  /** Store Id used by `cf.kvs()` without an argument: the associated store. */
  defaultStoreId?: string
  /** undefined: no such store; null: no such key; string: the value. */
  readKey: (storeId: string, key: string) => string | null | undefined
  computeBudgetMs: number
  timeLimitMs?: number
}

export interface RunResult {
  output?: string
  error?: string
  logs: string[]
  computeUtilization: string
}

// Built inside the context so that console and the cloudfront module are
// context-realm objects; the host callbacks stay hidden in the closure.
const BOOTSTRAP = `(function (hostLog, hostKv, defaultStore) {
  'use strict';
  const fmt = v => {
    if (typeof v === 'string') return v;
    try { const s = JSON.stringify(v); return s === undefined ? String(v) : s; } catch (e) { return String(v); }
  };
  const log = (...args) => { hostLog(args.map(fmt).join(' ')); };
  Object.defineProperty(globalThis, 'console', {
    value: Object.freeze({ log, info: log, warn: log, error: log, debug: log }),
    configurable: false, writable: false
  });
  const utf8 = s => Uint8Array.from(unescape(encodeURIComponent(s)), c => c.charCodeAt(0));
  const kvs = id => {
    const store = id === undefined ? defaultStore : String(id);
    if (store === undefined) throw new Error('No key value store is associated with this function');
    const read = key => {
      const v = hostKv(store, String(key));
      if (v === undefined) throw new Error('Key value store ' + store + ' does not exist');
      return v;
    };
    return Object.freeze({
      get: async (key, options) => {
        const v = read(key);
        if (v === null) throw new Error('Key ' + key + ' does not exist');
        const format = (options && options.format) || 'string';
        if (format === 'json') return JSON.parse(v);
        if (format === 'bytes') return utf8(v);
        return v;
      },
      exists: async key => read(key) !== null
    });
  };
  return Object.freeze({ kvs });
})`

// Calls the entry point and settles into a plain record the host can read.
function runner(kind: Kind): string {
  const entry =
    kind === 'connection-function'
      ? `typeof connectionHandler === 'function' ? connectionHandler : typeof handler === 'function' ? handler : undefined`
      : `typeof handler === 'function' ? handler : undefined`
  const name = kind === 'connection-function' ? 'connectionHandler' : 'handler'
  return `'use strict';
(function () {
  const out = { done: false, value: undefined, error: undefined };
  const fail = e => { out.done = true; out.error = (e && typeof e === 'object' && 'message' in e) ? String(e.name || 'Error') + ': ' + String(e.message) : String(e); };
  try {
    const fn = ${entry};
    if (!fn) throw new Error('The function code must define a function named ${name}');
    const ev = JSON.parse(globalThis.__cfEmuEvent);
    let decision;
    if (${kind === 'connection-function'}) {
      ev.allow = () => { if (!decision) decision = { action: 'allow' }; };
      ev.deny = reason => { if (!decision) decision = reason === undefined ? { action: 'deny' } : { action: 'deny', reason: String(reason) }; };
    }
    Promise.resolve(fn(ev)).then(v => {
      out.done = true;
      const result = ${kind === 'connection-function'} ? decision : v;
      out.value = result === undefined ? undefined : JSON.stringify(result);
    }, fail);
  } catch (e) { fail(e); }
  return out;
})()`
}

const runnerScripts = new Map<Kind, vm.Script>()

function runnerScript(kind: Kind): vm.Script {
  let script = runnerScripts.get(kind)
  if (!script) {
    script = new vm.Script(runner(kind), { filename: 'runner.js' })
    runnerScripts.set(kind, script)
  }
  return script
}

const IMPORT_CF = /^[ \t]*import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])cloudfront\2\s*;?/gm

function describeError(e: unknown): string {
  if ((e as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
    return 'The function exceeded the maximum allowed execution time.'
  }
  if (e && typeof e === 'object' && 'message' in e) {
    return `${String((e as Error).name ?? 'Error')}: ${String((e as Error).message)}`
  }
  return String(e)
}

export function runFunction(input: RunInput): RunResult {
  const logs: string[] = []
  const timeout = input.timeLimitMs ?? TIME_LIMIT_MS
  const context = vm.createContext(Object.create(null), {
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate'
  })
  const finish = (r: Omit<RunResult, 'logs' | 'computeUtilization'>, elapsed: number) => {
    const pct = Math.min(100, Math.max(0, Math.round((elapsed / input.computeBudgetMs) * 100)))
    return { ...r, logs, computeUtilization: String(pct) }
  }

  let source = input.code
  if (input.runtime === 'cloudfront-js-2.0') {
    source = source.replace(IMPORT_CF, 'const $1 = globalThis.__cfEmuModule;')
  }
  try {
    const boot = vm.runInContext(BOOTSTRAP, context, { timeout }) as (
      log: (line: string) => void,
      kv: (store: string, key: string) => string | null | undefined,
      defaultStore: string | undefined
    ) => unknown
    const cfModule = boot(
      line => {
        if (logs.length < 1000) logs.push(String(line))
      },
      (store, key) => {
        const v = input.readKey(String(store), String(key))
        return v === null || v === undefined ? v : String(v)
      },
      input.defaultStoreId
    )
    Object.defineProperty(context, '__cfEmuModule', { value: cfModule })
    Object.defineProperty(context, '__cfEmuEvent', { value: input.event })
    vm.runInContext(`'use strict';\n${source}`, context, { timeout, filename: 'function.js' })
  } catch (e) {
    return finish({ error: describeError(e) }, 0)
  }

  // Only the handler's run counts: the runner is compiled once per kind, and CPU
  // time (not wall time) keeps the figure steady on a busy machine.
  const script = runnerScript(input.kind)
  const start = process.cpuUsage()
  const cpuMs = () => {
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1000
  }
  let out: { done: boolean; value?: string; error?: string }
  try {
    out = script.runInContext(context, { timeout })
  } catch (e) {
    return finish({ error: describeError(e) }, cpuMs())
  }
  const elapsed = cpuMs()
  if (!out.done) {
    return finish(
      { error: 'Error: The function did not settle: it awaits a promise that never resolves.' },
      elapsed
    )
  }
  if (out.error !== undefined) return finish({ error: String(out.error) }, elapsed)
  if (out.value === undefined) {
    const msg =
      input.kind === 'connection-function'
        ? 'Error: connectionHandler must call connection.allow() or connection.deny().'
        : 'Error: The function must return a request or response object.'
    return finish({ error: msg }, elapsed)
  }
  return finish({ output: shapeOutput(input.kind, input.event, String(out.value)) }, elapsed)
}

/**
 * FunctionOutput wraps the handler's result the way the service reports it:
 * viewer-request → {"request": …} or {"response": …} when a response (statusCode)
 * came back; viewer-response → {"response": …}. Connection functions report the decision.
 */
function shapeOutput(kind: Kind, eventJson: string, valueJson: string): string {
  const value = JSON.parse(valueJson) as unknown
  if (kind === 'connection-function') return JSON.stringify(value)
  let eventType = 'viewer-request'
  try {
    const ev = JSON.parse(eventJson) as { context?: { eventType?: string } }
    eventType = ev?.context?.eventType ?? eventType
  } catch {
    // the event was validated as JSON before the run; keep the default
  }
  const isResponse =
    eventType === 'viewer-response' ||
    (typeof value === 'object' && value !== null && 'statusCode' in value)
  return JSON.stringify(isResponse ? { response: value } : { request: value })
}
