// HTTP routes of the 2020-05-31 API mapped to operations on the state.
import { ApiError, invalid } from './errors.js'
import { runFunction, type KeyValueStore } from '../src/runtime/index.js'
import type { Runtime } from '../src/types.js'
import { stageOf, type FunctionRecord } from './functions.js'
import type { State } from './state.js'
import { checkMaxItems, checkStage, MAX_EVENT_BYTES, type Kind } from './validation.js'
import { parseBody, readBlob, readConfig, readTags, storeXml, summaryXml, tagsXml } from './wire.js'
import { child, childText, children, doc, el, leaf } from './xml.js'

export interface ApiRequest {
  method: string
  params: Record<string, string>
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  baseUrl: string
}

/** The resource a request addressed: a name or Id for its kind, or an ARN. */
export interface Subject {
  kind: Kind | 'key-value-store'
  key: string
}

export interface ApiResponse {
  status: number
  headers: Record<string, string>
  body?: string | Buffer
  /** Set by handlers whose request names its resource only in the body or the query. */
  subject?: Subject
}

export interface Env {
  state: State
  computeBudgetMs: number
}

/** May be async: running function code for TestFunction can be. */
type Handler = (req: ApiRequest, env: Env) => ApiResponse | Promise<ApiResponse>

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
    const rec = state.functions.create(kind, {
      name: childText(body, 'Name'),
      config: readConfig(child(body, CONFIG[kind])),
      code: readBlob(body, CODE[kind]),
      tags: readTags(child(body, 'Tags'))
    })
    return {
      ...xml(201, doc(ROOT[kind], summaryXml(rec, 'DEVELOPMENT')), {
        ETag: rec.development.etag,
        Location: `${req.baseUrl}/2020-05-31/${kind}/${kind === 'function' ? rec.arn : rec.id}`
      }),
      subject: { kind, key: rec.id }
    }
  }
}

function describe(kind: Kind): Handler {
  return (req, { state }) => {
    const stage = checkStage(req.query.get('Stage') ?? undefined) ?? 'DEVELOPMENT'
    const rec = state.functions.get(kind, req.params.key)
    const v = stageOf(rec, stage)
    return xml(200, doc(ROOT[kind], summaryXml(rec, stage)), { ETag: v.etag })
  }
}

function getCode(kind: Kind): Handler {
  return (req, { state }) => {
    const stage = checkStage(req.query.get('Stage') ?? undefined) ?? 'DEVELOPMENT'
    const v = stageOf(state.functions.get(kind, req.params.key), stage)
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
    const rec = state.functions.update(kind, req.params.key, header(req, 'If-Match'), {
      config: readConfig(child(body, CONFIG[kind])),
      code: readBlob(body, CODE[kind])
    })
    const etag = rec.development.etag
    // The model names UpdateFunction's header "ETtag" and the SDK reads it there.
    const headers: Record<string, string> =
      kind === 'function' ? { ETtag: etag, ETag: etag } : { ETag: etag }
    return xml(200, doc(ROOT[kind], summaryXml(rec, 'DEVELOPMENT')), headers)
  }
}

function publish(kind: Kind): Handler {
  return (req, { state }) => {
    const rec = state.functions.publish(kind, req.params.key, header(req, 'If-Match'))
    // No ETag header, as the service.
    return xml(200, doc(ROOT[kind], summaryXml(rec, 'LIVE')))
  }
}

function remove(kind: Kind): Handler {
  return (req, { state }) => {
    state.functions.delete(kind, req.params.key, header(req, 'If-Match'))
    return { status: 204, headers: {} }
  }
}

function test(kind: Kind): Handler {
  return async (req, env) => {
    const { state } = env
    const body = parseBody(req.body)
    const rec: FunctionRecord = state.functions.get(kind, req.params.key)
    state.functions.checkIfMatch(rec, header(req, 'If-Match'))
    const stage = checkStage(childText(body, 'Stage')) ?? 'DEVELOPMENT'
    const v = stageOf(rec, stage)
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
    // The function reads its associated store with cf.kvs(), and any store by Id.
    const storeArn = v.config.keyValueStoreArns[0]
    const stores: Record<string, KeyValueStore> = {}
    for (const store of state.stores.all()) {
      const time = new Date(store.lastModified).toISOString()
      stores[store.id] = { keys: store.values, creationDateTime: time, lastUpdatedDateTime: time }
    }
    const result = await runFunction({
      kind,
      code: v.code.toString('utf8'),
      runtime: v.config.runtime as Runtime,
      event: eventText,
      stores: {
        mode: 'by-id',
        stores,
        associatedId: storeArn ? state.stores.byIdOrArn(storeArn)?.id : undefined
      },
      computeBudgetMs: env.computeBudgetMs
    })
    const p = kind === 'function' ? 'Function' : 'ConnectionFunction'
    const logs = result.logs.map(l => leaf('member', l))
    const inner = [
      el(ROOT[kind], summaryXml(rec, stage)),
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
  const page = state.functions.list('function', stage, req.query.get('Marker') || undefined, max)
  const items = page.items.map(r => el('FunctionSummary', summaryXml(r.rec, r.stage)))
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
  const marker = childText(body, 'Marker') || undefined
  const page = state.functions.list('connection-function', stage, marker, max)
  const items = page.items.map(r => el('ConnectionFunctionSummary', summaryXml(r.rec, r.stage)))
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
  const s = state.stores.create({
    name: childText(body, 'Name'),
    comment: childText(body, 'Comment'),
    tags: readTags(child(body, 'Tags'))
  })
  return {
    ...xml(201, doc('KeyValueStore', storeXml(s)), {
      ETag: s.etag,
      Location: `${req.baseUrl}/2020-05-31/key-value-store/${s.arn}`
    }),
    subject: { kind: 'key-value-store', key: s.name }
  }
}

const describeStore: Handler = (req, { state }) => {
  const s = state.stores.get(req.params.key)
  return xml(200, doc('KeyValueStore', storeXml(s)), { ETag: s.etag })
}

const updateStore: Handler = (req, { state }) => {
  const body = parseBody(req.body)
  const s = state.stores.update(req.params.key, header(req, 'If-Match'), childText(body, 'Comment'))
  return xml(200, doc('KeyValueStore', storeXml(s)), { ETag: s.etag })
}

const deleteStore: Handler = (req, { state }) => {
  state.stores.delete(req.params.key, header(req, 'If-Match'))
  return { status: 204, headers: {} }
}

const listStores: Handler = (req, { state }) => {
  const max = checkMaxItems(req.query.get('MaxItems') ?? undefined)
  const status = req.query.get('Status')
  const page =
    status && status !== 'READY'
      ? { items: [], nextMarker: undefined }
      : state.stores.list(req.query.get('Marker') || undefined, max)
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

/** The resource a tagging request names by ARN. */
function arnSubject(arn: string | undefined): Subject | undefined {
  const m = /:(function|connection-function|key-value-store)\/([^/]+)$/.exec(arn ?? '')
  return m ? { kind: m[1] as Subject['kind'], key: arn! } : undefined
}

const tagResource: Handler = (req, { state }) => {
  const arn = req.query.get('Resource') ?? undefined
  state.tags.tag(arn, readTags(parseBody(req.body)))
  return { status: 204, headers: {}, subject: arnSubject(arn) }
}

const untagResource: Handler = (req, { state }) => {
  const arn = req.query.get('Resource') ?? undefined
  const keys = children(child(parseBody(req.body), 'Items'), 'Key').map(k => k.text)
  state.tags.untag(arn, keys)
  return { status: 204, headers: {}, subject: arnSubject(arn) }
}

const listTags: Handler = (req, { state }) => {
  const arn = req.query.get('Resource') ?? undefined
  const tags = state.tags.list(arn)
  return { ...xml(200, doc('Tags', tagsXml(tags))), subject: arnSubject(arn) }
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
    method: 'PUT',
    path: new RegExp(`${P}/key-value-store/${SEG}$`),
    operation: 'UpdateKeyValueStore',
    handler: updateStore
  },
  {
    method: 'DELETE',
    path: new RegExp(`${P}/key-value-store/${SEG}$`),
    operation: 'DeleteKeyValueStore',
    handler: deleteStore
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
  /** The resource the path names, when it names one. */
  subject?: Subject
}

export function route(method: string, path: string, query: URLSearchParams): Matched | undefined {
  for (const r of routes) {
    if (r.method !== method) continue
    if (r.queryOperation && query.get('Operation') !== r.queryOperation) continue
    const m = r.path.exec(path)
    if (!m) continue
    if (m[1] === undefined) return { operation: r.operation, handler: r.handler, params: {} }
    const key = decodePath(m[1])
    const subject: Subject = { kind: resourceOf(r.operation), key }
    return { operation: r.operation, handler: r.handler, params: { key }, subject }
  }
  return undefined
}

/** A malformed escape names no resource rather than failing the request outright. */
function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Which kind of resource an operation addresses. */
export function resourceOf(operation: string): Subject['kind'] {
  if (operation.includes('KeyValueStore')) return 'key-value-store'
  return operation.includes('ConnectionFunction') ? 'connection-function' : 'function'
}
