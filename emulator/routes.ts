// HTTP routes of the 2020-05-31 API mapped to operations on the state.
import { ApiError, invalid } from './errors.js'
import { runFunction } from './sandbox.js'
import type { FunctionRecord, State } from './state.js'
import { checkMaxItems, checkStage, MAX_EVENT_BYTES, type Kind } from './validation.js'
import {
  parseBody,
  readBlob,
  readConfig,
  readTags,
  storeXml,
  summaryXml,
  tagsRecord,
  tagsXml
} from './wire.js'
import { child, childText, children, doc, el, leaf } from './xml.js'

export interface ApiRequest {
  method: string
  params: Record<string, string>
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  baseUrl: string
}

export interface ApiResponse {
  status: number
  headers: Record<string, string>
  body?: string | Buffer
}

export interface Env {
  state: State
  computeBudgetMs: number
}

type Handler = (req: ApiRequest, env: Env) => ApiResponse

const XML = 'text/xml'
const xml = (status: number, body: string, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  headers: { 'Content-Type': XML, ...headers },
  body
})

const header = (req: ApiRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

// ---- functions of both kinds ---------------------------------------------------

const ROOT = { function: 'FunctionSummary', 'connection-function': 'ConnectionFunctionSummary' }
const CONFIG = { function: 'FunctionConfig', 'connection-function': 'ConnectionFunctionConfig' }
const CODE = { function: 'FunctionCode', 'connection-function': 'ConnectionFunctionCode' }

function create(kind: Kind): Handler {
  return (req, { state }) => {
    const body = parseBody(req.body)
    const rec = state.create(kind, {
      name: childText(body, 'Name'),
      config: readConfig(child(body, CONFIG[kind])),
      code: readBlob(body, CODE[kind]),
      tags: tagsRecord(readTags(child(body, 'Tags')))
    })
    return xml(201, doc(ROOT[kind], summaryXml(state, rec, 'DEVELOPMENT')), {
      ETag: rec.development.etag,
      Location: `${req.baseUrl}/2020-05-31/${kind}/${kind === 'function' ? rec.arn : rec.id}`
    })
  }
}

function describe(kind: Kind): Handler {
  return (req, { state }) => {
    const stage = checkStage(req.query.get('Stage') ?? undefined) ?? 'DEVELOPMENT'
    const rec = state.get(kind, req.params.key)
    const v = state.version(rec, stage)
    return xml(200, doc(ROOT[kind], summaryXml(state, rec, stage)), { ETag: v.etag })
  }
}

function getCode(kind: Kind): Handler {
  return (req, { state }) => {
    const stage = checkStage(req.query.get('Stage') ?? undefined) ?? 'DEVELOPMENT'
    const v = state.version(state.get(kind, req.params.key), stage)
    return {
      status: 200,
      headers: { 'Content-Type': 'application/octet-stream', ETag: v.etag },
      body: v.code
    }
  }
}

function update(kind: Kind): Handler {
  return (req, { state }) => {
    const body = parseBody(req.body)
    const rec = state.update(kind, req.params.key, header(req, 'If-Match'), {
      config: readConfig(child(body, CONFIG[kind])),
      code: readBlob(body, CODE[kind])
    })
    const etag = rec.development.etag
    // The model names UpdateFunction's header "ETtag" and the SDK reads it there.
    const headers: Record<string, string> =
      kind === 'function' ? { ETtag: etag, ETag: etag } : { ETag: etag }
    return xml(200, doc(ROOT[kind], summaryXml(state, rec, 'DEVELOPMENT')), headers)
  }
}

function publish(kind: Kind): Handler {
  return (req, { state }) => {
    const rec = state.publish(kind, req.params.key, header(req, 'If-Match'))
    // No ETag header, as the service.
    return xml(200, doc(ROOT[kind], summaryXml(state, rec, 'LIVE')))
  }
}

function remove(kind: Kind): Handler {
  return (req, { state }) => {
    state.delete(kind, req.params.key, header(req, 'If-Match'))
    return { status: 204, headers: {} }
  }
}

function test(kind: Kind): Handler {
  return (req, env) => {
    const { state } = env
    const body = parseBody(req.body)
    const rec: FunctionRecord = state.get(kind, req.params.key)
    state.checkIfMatch(rec, header(req, 'If-Match'))
    const stage = checkStage(childText(body, 'Stage')) ?? 'DEVELOPMENT'
    const v = state.version(rec, stage)
    const eventName = kind === 'function' ? 'EventObject' : 'ConnectionObject'
    const event = readBlob(body, eventName)
    if (!event) throw invalid(`${eventName} is required.`)
    if (event.length > MAX_EVENT_BYTES) {
      throw invalid(`${eventName} can be at most ${MAX_EVENT_BYTES} bytes.`)
    }
    const eventText = event.toString('utf8')
    try {
      JSON.parse(eventText)
    } catch {
      throw invalid(`${eventName} is not valid JSON.`)
    }
    const storeArn = v.config.keyValueStoreArns[0]
    const result = runFunction({
      kind,
      code: v.code.toString('utf8'),
      runtime: v.config.runtime,
      event: eventText,
      defaultStoreId: storeArn ? state.storeById(storeArn)?.id : undefined,
      readKey: (storeId, key) => {
        const store = state.storeById(storeId)
        if (!store) return undefined
        return Object.hasOwn(store.values, key) ? store.values[key] : null
      },
      computeBudgetMs: env.computeBudgetMs
    })
    const p = kind === 'function' ? 'Function' : 'ConnectionFunction'
    const logs = result.logs.map(l => leaf('member', l))
    const inner = [
      el(ROOT[kind], summaryXml(state, rec, stage)),
      leaf('ComputeUtilization', result.computeUtilization),
      el(`${p}ExecutionLogs`, ...logs),
      leaf(`${p}ErrorMessage`, result.error),
      leaf(`${p}Output`, result.output)
    ]
    const root = kind === 'function' ? 'TestResult' : 'ConnectionFunctionTestResult'
    return xml(200, doc(root, ...inner))
  }
}

const listFunctions: Handler = (req, { state }) => {
  const max = checkMaxItems(req.query.get('MaxItems') ?? undefined)
  const stage = checkStage(req.query.get('Stage') ?? undefined)
  const page = state.list('function', stage, req.query.get('Marker') || undefined, max)
  const items = page.items.map(r => el('FunctionSummary', summaryXml(state, r.rec, r.stage)))
  return xml(
    200,
    doc(
      'FunctionList',
      leaf('NextMarker', page.nextMarker),
      leaf('MaxItems', max),
      leaf('Quantity', items.length),
      items.length > 0 && el('Items', ...items)
    )
  )
}

const listConnectionFunctions: Handler = (req, { state }) => {
  const body = parseBody(req.body)
  const max = checkMaxItems(childText(body, 'MaxItems'))
  const stage = checkStage(childText(body, 'Stage'))
  const page = state.list('connection-function', stage, childText(body, 'Marker') || undefined, max)
  const items = page.items.map(r =>
    el('ConnectionFunctionSummary', summaryXml(state, r.rec, r.stage))
  )
  return xml(
    200,
    doc(
      'ListConnectionFunctionsResult',
      leaf('NextMarker', page.nextMarker),
      el('ConnectionFunctions', ...items)
    )
  )
}

// ---- key value stores and tags ---------------------------------------------------

const createStore: Handler = (req, { state }) => {
  const body = parseBody(req.body)
  if (child(body, 'ImportSource')) {
    throw new ApiError('UnsupportedOperation', 'Importing from S3 is not supported here.')
  }
  const s = state.createStore({
    name: childText(body, 'Name'),
    comment: childText(body, 'Comment'),
    tags: tagsRecord(readTags(child(body, 'Tags')))
  })
  return xml(201, doc('KeyValueStore', storeXml(s)), {
    ETag: s.etag,
    Location: `${req.baseUrl}/2020-05-31/key-value-store/${s.arn}`
  })
}

const describeStore: Handler = (req, { state }) => {
  const s = state.store(req.params.key)
  return xml(200, doc('KeyValueStore', storeXml(s)), { ETag: s.etag })
}

const listStores: Handler = (req, { state }) => {
  const max = checkMaxItems(req.query.get('MaxItems') ?? undefined)
  const status = req.query.get('Status')
  const page =
    status && status !== 'READY'
      ? { items: [], nextMarker: undefined }
      : state.listStores(req.query.get('Marker') || undefined, max)
  const items = page.items.map(s => el('KeyValueStore', storeXml(s)))
  return xml(
    200,
    doc(
      'KeyValueStoreList',
      leaf('NextMarker', page.nextMarker),
      leaf('MaxItems', max),
      leaf('Quantity', items.length),
      items.length > 0 && el('Items', ...items)
    )
  )
}

const tagResource: Handler = (req, { state }) => {
  state.tagResource(req.query.get('Resource') ?? undefined, readTags(parseBody(req.body)))
  return { status: 204, headers: {} }
}

const untagResource: Handler = (req, { state }) => {
  const keys = children(child(parseBody(req.body), 'Items'), 'Key').map(k => k.text)
  state.untagResource(req.query.get('Resource') ?? undefined, keys)
  return { status: 204, headers: {} }
}

const listTags: Handler = (req, { state }) => {
  const tags = state.listTags(req.query.get('Resource') ?? undefined)
  return xml(200, doc('Tags', tagsXml(tags)))
}

// ---- routing ---------------------------------------------------------------------

interface Route {
  method: string
  path: RegExp
  operation: string
  handler: Handler
  /** Tagging operations share a path and differ by the Operation query parameter. */
  queryOperation?: string
}

const P = '^/2020-05-31'
const SEG = '([^/]+)'
const routes: Route[] = [
  ...(['function', 'connection-function'] as const).flatMap(kind => {
    const base = `${P}/${kind}`
    const n = kind === 'function' ? 'Function' : 'ConnectionFunction'
    return [
      {
        method: 'POST',
        path: new RegExp(`${base}$`),
        operation: `Create${n}`,
        handler: create(kind)
      },
      {
        method: 'GET',
        path: new RegExp(`${base}/${SEG}/describe$`),
        operation: `Describe${n}`,
        handler: describe(kind)
      },
      {
        method: 'GET',
        path: new RegExp(`${base}/${SEG}$`),
        operation: `Get${n}`,
        handler: getCode(kind)
      },
      {
        method: 'PUT',
        path: new RegExp(`${base}/${SEG}$`),
        operation: `Update${n}`,
        handler: update(kind)
      },
      {
        method: 'POST',
        path: new RegExp(`${base}/${SEG}/publish$`),
        operation: `Publish${n}`,
        handler: publish(kind)
      },
      {
        method: 'POST',
        path: new RegExp(`${base}/${SEG}/test$`),
        operation: `Test${n}`,
        handler: test(kind)
      },
      {
        method: 'DELETE',
        path: new RegExp(`${base}/${SEG}$`),
        operation: `Delete${n}`,
        handler: remove(kind)
      }
    ]
  }),
  {
    method: 'GET',
    path: new RegExp(`${P}/function$`),
    operation: 'ListFunctions',
    handler: listFunctions
  },
  {
    method: 'POST',
    path: new RegExp(`${P}/connection-functions$`),
    operation: 'ListConnectionFunctions',
    handler: listConnectionFunctions
  },
  {
    method: 'POST',
    path: new RegExp(`${P}/key-value-store$`),
    operation: 'CreateKeyValueStore',
    handler: createStore
  },
  {
    method: 'GET',
    path: new RegExp(`${P}/key-value-store$`),
    operation: 'ListKeyValueStores',
    handler: listStores
  },
  {
    method: 'GET',
    path: new RegExp(`${P}/key-value-store/${SEG}$`),
    operation: 'DescribeKeyValueStore',
    handler: describeStore
  },
  {
    method: 'POST',
    path: new RegExp(`${P}/tagging$`),
    operation: 'TagResource',
    handler: tagResource,
    queryOperation: 'Tag'
  },
  {
    method: 'POST',
    path: new RegExp(`${P}/tagging$`),
    operation: 'UntagResource',
    handler: untagResource,
    queryOperation: 'Untag'
  },
  {
    method: 'GET',
    path: new RegExp(`${P}/tagging$`),
    operation: 'ListTagsForResource',
    handler: listTags
  }
]

export interface Matched {
  operation: string
  handler: Handler
  params: Record<string, string>
}

export function route(method: string, path: string, query: URLSearchParams): Matched | undefined {
  for (const r of routes) {
    if (r.method !== method) continue
    if (r.queryOperation && query.get('Operation') !== r.queryOperation) continue
    const m = r.path.exec(path)
    if (!m) continue
    const params: Record<string, string> = {}
    if (m[1] !== undefined) params.key = decodeURIComponent(m[1])
    return { operation: r.operation, handler: r.handler, params }
  }
  return undefined
}

/** Which kind of function an operation addresses. */
export function targetKind(operation: string): Kind {
  return operation.includes('ConnectionFunction') ? 'connection-function' : 'function'
}
