// The HTTP server: latency, faults, routing, the error envelope, the request log,
// and the /__emulator/ control endpoints for out-of-process users.
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { runControl, UnknownControl, type ControlTarget } from './controls.js'
import { ApiError } from './errors.js'
import { Faults, WRITE_OPERATIONS, type Fault } from './faults.js'
import type { FunctionRecord } from './functions.js'
import { actOnFunction, editFunction, editStore } from './other-writer.js'
import { now, RequestLog, type RequestLogEntry } from './request-log.js'
import { resourceOf, route, type ApiResponse, type Matched, type Subject } from './routes.js'
import { resolveSettings, type Settings } from './settings.js'
import { State } from './state.js'
import { doc, leaf, el } from './xml.js'
import { setMaxListeners } from 'node:events'

const CONTROL_PREFIX = '/__emulator/'

function errorResponse(err: ApiError, requestId: string): ApiResponse {
  const body = doc(
    'ErrorResponse',
    el('Error', leaf('Type', err.type), leaf('Code', err.code), leaf('Message', err.message)),
    leaf('RequestId', requestId)
  )
  return { status: err.status, headers: { 'Content-Type': 'text/xml' }, body }
}

const serverError = (status: 500 | 503 | undefined): ApiError =>
  status === 503
    ? new ApiError('ServiceUnavailable', 'Service unavailable', 503)
    : new ApiError('InternalError', 'We encountered an internal error.', 500)

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** One API request on its way through the fault pipeline. */
interface Exchange {
  req: http.IncomingMessage
  res: http.ServerResponse
  url: URL
  body: Buffer
  entry: RequestLogEntry
  requestId: string
}

/** An abort signal that many requests wait on at once (latency, stalls): no listener limit. */
function abortController(): AbortController {
  const controller = new AbortController()
  setMaxListeners(0, controller.signal)
  return controller
}

export class EmulatorServer implements ControlTarget {
  readonly settings: Settings
  readonly state: State
  readonly faults = new Faults()
  readonly log = new RequestLog()
  /** What reset() returns to: the values the emulator was started with. */
  private readonly initial: Readonly<Settings>
  /** Aborts latency and stall waits when the server closes. */
  private readonly closing = abortController()
  // A failure inside the emulator must not take the process down: drop that connection.
  private readonly server = http.createServer(
    (req, res) => void this.handle(req, res).catch(() => req.socket.destroy())
  )
  private readonly sockets = new Set<Socket>()

  constructor(overrides: Partial<Settings> = {}) {
    this.initial = Object.freeze(resolveSettings(overrides))
    this.settings = { ...this.initial }
    this.state = new State(this.settings)
    this.server.on('connection', s => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, host, () => resolve((this.server.address() as AddressInfo).port))
    })
  }

  /** Stalled and slow requests are dropped: closing never waits for them. */
  close(): Promise<void> {
    this.closing.abort()
    return new Promise(resolve => {
      this.server.close(() => resolve())
      for (const s of this.sockets) s.destroy()
    })
  }

  /** Forgets all resources, faults and the log; settings return to their start values. */
  reset(): void {
    Object.assign(this.settings, this.initial)
    this.state.reset()
    this.faults.clear()
    this.log.clear()
  }

  /** Waits unless the server closes first; false when it did. */
  private async pause(ms: number): Promise<boolean> {
    if (ms > 0) {
      try {
        await delay(ms, undefined, { signal: this.closing.signal })
      } catch {
        return false
      }
    }
    return !this.closing.signal.aborted
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const start = now()
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = req.method ?? 'GET'
    let body: Buffer
    try {
      body = await readBody(req)
    } catch {
      return
    }
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      this.control(method, url.pathname.slice(CONTROL_PREFIX.length), body, res)
      return
    }
    const matched = route(method, url.pathname, url.searchParams)
    const operation = matched?.operation ?? 'Unknown'
    const entry = this.log.open({
      operation,
      method,
      path: url.pathname + url.search,
      start,
      write: WRITE_OPERATIONS.has(operation)
    })
    await this.serve({ req, res, url, body, entry, requestId: randomUUID() }, matched)
  }

  /** The fault pipeline around one API request; faults fire in the order of this method. */
  private async serve(x: Exchange, matched: Matched | undefined): Promise<void> {
    const { operation } = x.entry
    if (!(await this.pause(this.settings.latencyMs))) return

    const early = this.faults.take(operation, ['reset', 'throttle', 'server-error', 'stall'])
    switch (early?.type) {
      case 'reset':
        return this.drop(x)
      case 'throttle':
        return this.answer(
          x,
          errorResponse(new ApiError('Throttling', 'Rate exceeded', 400), x.requestId)
        )
      case 'server-error':
        return this.answer(x, errorResponse(serverError(early.status), x.requestId))
      case 'stall':
        if (early.ms === undefined) {
          // No answer at all: the request stays open until the client or close() ends it.
          x.req.socket.once('close', () => (x.entry.end = now()))
          return
        }
        if (!(await this.pause(early.ms))) return
    }
    if (!matched) {
      const what = `${x.entry.method} ${x.url.pathname}`
      const err = new ApiError('UnsupportedOperation', `No operation for ${what}`)
      return this.answer(x, errorResponse(err, x.requestId))
    }

    if (matched.subject) this.concurrentWrite(operation, matched.subject)
    let out = await this.dispatch(x, matched)
    const committed = out.status < 300
    if (committed && this.faults.take(operation, ['omit-etag'])) {
      delete out.headers.ETag
      delete out.headers.ETtag
    }
    const lost = committed ? this.faults.take(operation, ['lost-answer']) : undefined
    // The other writer acts before the answer leaves, so the client's next request
    // can only see its change; the answer itself was computed before it.
    this.writeAfter(operation, out.subject ?? matched.subject)
    if (lost?.answer === 'reset') return this.drop(x)
    if (lost) out = errorResponse(serverError(lost.status), x.requestId)
    this.answer(x, out)
  }

  private async dispatch(x: Exchange, matched: Matched): Promise<ApiResponse> {
    try {
      return await matched.handler(
        {
          method: x.entry.method,
          params: matched.params,
          query: x.url.searchParams,
          headers: x.req.headers,
          body: x.body,
          baseUrl: `http://${x.req.headers.host ?? 'localhost'}`
        },
        { state: this.state, computeBudgetMs: this.settings.computeBudgetMs }
      )
    } catch (e) {
      const err =
        e instanceof ApiError ? e : new ApiError('InternalError', `Internal error: ${String(e)}`)
      return errorResponse(err, x.requestId)
    }
  }

  private answer(x: Exchange, out: ApiResponse): void {
    x.entry.status = out.status
    x.res.on('finish', () => (x.entry.end = now()))
    x.res.writeHead(out.status, { ...out.headers, 'x-amzn-RequestId': x.requestId })
    x.res.end(out.body)
  }

  /** The connection ends without an answer; the log keeps status 0. */
  private drop(x: Exchange): void {
    x.entry.end = now()
    x.req.socket.destroy()
  }

  /** Another writer edits the resource just before the write, so its If-Match is stale. */
  private concurrentWrite(operation: string, subject: Subject): void {
    if (subject.kind === 'key-value-store') {
      const store = () => this.state.stores.all().find(s => s.name === subject.key)
      if (this.faults.take(operation, ['concurrent-write'], () => store() !== undefined)) {
        editStore(this.state, store()!)
      }
      return
    }
    const kind = subject.kind
    const rec = () => this.state.functions.find(kind, subject.key)
    if (this.faults.take(operation, ['concurrent-write'], () => rec() !== undefined)) {
      editFunction(this.state, rec()!)
    }
  }

  private writeAfter(operation: string, subject: Subject | undefined): void {
    const target = (f: Extract<Fault, { type: 'write-after' }>): FunctionRecord | undefined => {
      if (f.target !== undefined) {
        const own = resourceOf(operation)
        const kind = f.kind ?? (own === 'connection-function' ? own : 'function')
        return this.state.functions.find(kind, f.target)
      }
      if (!subject || subject.kind === 'key-value-store') return undefined
      if (f.kind !== undefined && f.kind !== subject.kind) return undefined
      return this.state.functions.find(subject.kind, subject.key)
    }
    const fault = this.faults.take(operation, ['write-after'], f => target(f) !== undefined)
    if (fault) actOnFunction(this.state, fault.action, target(fault)!)
  }

  // ---- controls ----------------------------------------------------------------

  private control(method: string, path: string, body: Buffer, res: http.ServerResponse): void {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(value ?? { ok: true }))
    }
    try {
      const input: unknown = body.length ? JSON.parse(body.toString('utf8')) : undefined
      send(200, runControl(this, method, path, input))
    } catch (e) {
      const status = e instanceof UnknownControl ? 404 : 400
      send(status, { error: e instanceof Error ? e.message : String(e) })
    }
  }
}
