// The HTTP server: latency, faults, routing, the error envelope, the request log,
// and the /__emulator/ control endpoints for out-of-process users.
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { ApiError } from './errors.js'
import { Faults, WRITE_OPERATIONS, type Fault, type RequestLogEntry } from './faults.js'
import { route, targetKind, type ApiResponse } from './routes.js'
import { State } from './state.js'
import type { Kind } from './validation.js'
import { doc, leaf, el } from './xml.js'

export interface Settings {
  latencyMs: number
  computeBudgetMs: number
}

const now = (): number => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms))

function errorResponse(err: ApiError, requestId: string): ApiResponse {
  const body = doc(
    'ErrorResponse',
    el('Error', leaf('Type', err.type), leaf('Code', err.code), leaf('Message', err.message)),
    leaf('RequestId', requestId)
  )
  return { status: err.status, headers: { 'Content-Type': 'text/xml' }, body }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export class EmulatorServer {
  readonly state = new State()
  readonly faults = new Faults()
  readonly settings: Settings = { latencyMs: 0, computeBudgetMs: 1 }
  /** What reset() returns to: the values the emulator was started with. */
  private defaults = { latencyMs: 0, computeBudgetMs: 1, publishingDelayMs: 300 }
  private log: RequestLogEntry[] = []
  private server = http.createServer((req, res) => void this.handle(req, res))
  private sockets = new Set<import('node:net').Socket>()

  constructor(options: Partial<Settings & { publishingDelayMs: number }> = {}) {
    this.defaults = { ...this.defaults, ...options }
    this.applyDefaults()
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

  close(): Promise<void> {
    return new Promise(resolve => {
      this.server.close(() => resolve())
      for (const s of this.sockets) s.destroy()
    })
  }

  requestLog(): RequestLogEntry[] {
    return this.log.map(e => ({ ...e }))
  }

  clearRequestLog(): void {
    this.log = []
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
    if (url.pathname.startsWith('/__emulator/')) {
      this.control(method, url.pathname.slice('/__emulator/'.length), body, res)
      return
    }

    const matched = route(method, url.pathname, url.searchParams)
    const operation = matched?.operation ?? 'Unknown'
    const requestId = randomUUID()
    const entry: RequestLogEntry = {
      operation,
      method,
      path: url.pathname + url.search,
      status: 0,
      start,
      end: start,
      write: WRITE_OPERATIONS.has(operation)
    }
    this.log.push(entry)

    if (this.settings.latencyMs > 0) await sleep(this.settings.latencyMs)

    const early = this.faults.take(operation, ['reset', 'throttle', 'server-error'])
    if (early?.type === 'reset') {
      entry.end = now()
      req.socket.destroy()
      return
    }
    let out: ApiResponse
    if (early?.type === 'throttle') {
      out = errorResponse(new ApiError('Throttling', 'Rate exceeded', 400), requestId)
    } else if (early?.type === 'server-error') {
      const err =
        early.status === 503
          ? new ApiError('ServiceUnavailable', 'Service unavailable', 503)
          : new ApiError('InternalError', 'We encountered an internal error.', 500)
      out = errorResponse(err, requestId)
    } else if (!matched) {
      out = errorResponse(
        new ApiError('UnsupportedOperation', `No operation for ${method} ${url.pathname}`),
        requestId
      )
    } else {
      if (this.faults.take(operation, ['concurrent-write'])) {
        try {
          this.state.concurrentEdit(this.state.get(targetKind(operation), matched.params.key))
        } catch {
          // nothing to edit: the write will answer 404 on its own
        }
      }
      try {
        out = matched.handler(
          {
            method,
            params: matched.params,
            query: url.searchParams,
            headers: req.headers,
            body,
            baseUrl: `http://${req.headers.host ?? 'localhost'}`
          },
          { state: this.state, computeBudgetMs: this.settings.computeBudgetMs }
        )
      } catch (e) {
        const err =
          e instanceof ApiError ? e : new ApiError('InternalError', `Internal error: ${String(e)}`)
        out = errorResponse(err, requestId)
      }
      if (out.status < 300 && this.faults.take(operation, ['omit-etag'])) {
        delete out.headers.ETag
        delete out.headers.ETtag
      }
    }
    entry.status = out.status
    res.on('finish', () => (entry.end = now()))
    res.writeHead(out.status, { ...out.headers, 'x-amzn-RequestId': requestId })
    res.end(out.body)
  }

  // ---- controls ----------------------------------------------------------------

  private control(method: string, path: string, body: Buffer, res: http.ServerResponse): void {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(value ?? { ok: true }))
    }
    let input: Record<string, unknown> = {}
    try {
      input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {}
      const result = this.runControl(method, path, input)
      send(200, result)
    } catch (e) {
      send(e instanceof NotFound ? 404 : 400, { error: e instanceof Error ? e.message : String(e) })
    }
  }

  private runControl(method: string, path: string, input: Record<string, unknown>): unknown {
    const num = (k: string) => {
      const v = Number(input[k])
      if (!Number.isFinite(v) || v < 0) throw new Error(`${k} must be a non-negative number`)
      return v
    }
    const str = (k: string) => {
      if (typeof input[k] !== 'string') throw new Error(`${k} must be a string`)
      return input[k] as string
    }
    switch (`${method} ${path}`) {
      case 'POST reset':
        return this.reset()
      case 'POST latency':
        this.settings.latencyMs = num('ms')
        return undefined
      case 'POST faults':
        this.faults.inject(input as unknown as Fault)
        return undefined
      case 'GET faults':
        return this.faults.list()
      case 'DELETE faults':
        this.faults.clear()
        return undefined
      case 'POST associate':
        this.state.markAssociated(
          str('kind') as Kind,
          str('nameOrId'),
          input.associated === undefined ? true : Boolean(input.associated)
        )
        return undefined
      case 'POST key-value':
        this.state.putKeyValue(str('store'), str('key'), str('value'))
        return undefined
      case 'POST compute-budget':
        if (!(num('ms') > 0)) throw new Error('ms must be > 0')
        this.settings.computeBudgetMs = num('ms')
        return undefined
      case 'POST publishing-delay':
        this.state.publishingDelayMs = num('ms')
        return undefined
      case 'GET requests':
        return this.requestLog()
      case 'DELETE requests':
        this.clearRequestLog()
        return undefined
      case 'GET state':
        return this.state.snapshot()
      default:
        throw new NotFound(`no control ${method} /__emulator/${path}`)
    }
  }

  private applyDefaults(): void {
    this.settings.latencyMs = this.defaults.latencyMs
    this.settings.computeBudgetMs = this.defaults.computeBudgetMs
    this.state.publishingDelayMs = this.defaults.publishingDelayMs
  }

  /** Forgets all resources, faults and the log; settings return to their start values. */
  reset(): undefined {
    this.applyDefaults()
    this.state.reset()
    this.faults.clear()
    this.clearRequestLog()
    return undefined
  }
}

class NotFound extends Error {}
