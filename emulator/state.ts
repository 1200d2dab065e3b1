// Domain state: functions of both kinds with their DEVELOPMENT and LIVE stages,
// key value stores, tags. Every method either succeeds or throws ApiError, so the
// HTTP layer only translates.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { ApiError, invalid } from './errors.js'
import {
  ACCOUNT,
  CODES,
  MAX_FUNCTIONS,
  checkCode,
  checkConfig,
  checkName,
  checkTags,
  type FunctionConfig,
  type Kind
} from './validation.js'

export type Stage = 'DEVELOPMENT' | 'LIVE'
export type Tags = Record<string, string>

export interface Version {
  code: Buffer
  config: FunctionConfig
  etag: string
  lastModified: number
}

export interface FunctionRecord {
  kind: Kind
  name: string
  /** Connection functions are addressed by an opaque Id; functions by name. */
  id: string
  arn: string
  created: number
  associated: boolean
  development: Version
  live?: Version
  /** Until this time (ms since epoch) a connection function reports PUBLISHING. */
  publishingUntil?: number
  tags: Tags
}

export interface KeyValueStoreRecord {
  name: string
  id: string
  arn: string
  comment: string
  etag: string
  lastModified: number
  tags: Tags
  values: Record<string, string>
}

export interface Page<T> {
  items: T[]
  nextMarker?: string
}

export interface StateSnapshot {
  functions: {
    kind: Kind
    name: string
    id: string
    arn: string
    status: string
    associated: boolean
    development: VersionSnapshot
    live?: VersionSnapshot
    tags: Tags
  }[]
  keyValueStores: {
    name: string
    id: string
    arn: string
    comment: string
    status: string
    tags: Tags
    values: Record<string, string>
  }[]
}

export interface VersionSnapshot {
  etag: string
  code: string
  config: { comment: string; runtime: string; keyValueStoreArns: string[] }
}

/**
 * ETags are content hashes (same code and config → same ETag), so a LIVE ETag equal to
 * the DEVELOPMENT one means there is nothing left to publish.
 */
export function contentEtag(code: Buffer, config: FunctionConfig): string {
  const h = createHash('sha256')
  h.update(code)
  h.update(JSON.stringify([config.comment, config.runtime, config.keyValueStoreArns]))
  return 'E' + h.digest('hex').slice(0, 13).toUpperCase()
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
function opaqueId(): string {
  const bytes = randomBytes(13)
  return 'F' + Array.from(bytes, b => ID_CHARS[b % ID_CHARS.length]).join('')
}

const arnOf = (kind: Kind | 'key-value-store', key: string): string =>
  `arn:aws:cloudfront::${ACCOUNT}:${kind}/${key}`

// Markers are opaque to clients; inside they are the sort key of the last item returned.
const encodeMarker = (key: string): string => Buffer.from(key).toString('base64url')
const decodeMarker = (m: string): string => Buffer.from(m, 'base64url').toString()

export function paginate<T>(
  sorted: T[],
  keyOf: (t: T) => string,
  marker: string | undefined,
  max: number
): Page<T> {
  const after = marker ? decodeMarker(marker) : undefined
  const rest = after === undefined ? sorted : sorted.filter(t => keyOf(t) > after)
  const items = rest.slice(0, max)
  const nextMarker = rest.length > max ? encodeMarker(keyOf(items[items.length - 1])) : undefined
  return { items, nextMarker }
}

export class State {
  private functions = new Map<string, FunctionRecord>() // key: `${kind}/${id}`
  private stores = new Map<string, KeyValueStoreRecord>() // key: name
  publishingDelayMs = 300
  private listeners: (() => void)[] = []

  onChange(fn: () => void): void {
    this.listeners.push(fn)
  }

  private changed(): void {
    for (const fn of this.listeners) fn()
  }

  reset(): void {
    this.functions.clear()
    this.stores.clear()
    this.changed()
  }

  // ---- functions -------------------------------------------------------------

  status(rec: FunctionRecord, now = Date.now()): string {
    if (!rec.live) return 'UNPUBLISHED'
    if (rec.publishingUntil !== undefined && now < rec.publishingUntil) return 'PUBLISHING'
    return rec.associated ? 'DEPLOYED' : 'UNASSOCIATED'
  }

  private all(kind: Kind): FunctionRecord[] {
    return [...this.functions.values()].filter(f => f.kind === kind)
  }

  private checkStores(config: FunctionConfig): void {
    for (const arn of config.keyValueStoreArns) {
      if (![...this.stores.values()].some(s => s.arn === arn)) {
        throw invalid(`The key value store ${arn} does not exist.`)
      }
    }
  }

  create(
    kind: Kind,
    input: { name?: string; config?: FunctionConfig; code?: Buffer; tags?: Tags }
  ): FunctionRecord {
    const name = checkName(input.name)
    const config = checkConfig(kind, input.config)
    const code = checkCode(kind, input.code)
    this.checkStores(config)
    const tags = input.tags ?? {}
    checkTags(Object.entries(tags).map(([key, value]) => ({ key, value })))
    if (this.all(kind).some(f => f.name === name)) {
      throw new ApiError(CODES[kind].exists, `A ${kind} named ${name} already exists.`)
    }
    if (this.all(kind).length >= MAX_FUNCTIONS) {
      throw new ApiError(CODES[kind].tooMany, `You can create at most ${MAX_FUNCTIONS} ${kind}s.`)
    }
    const id = kind === 'function' ? name : opaqueId()
    const now = Date.now()
    const rec: FunctionRecord = {
      kind,
      name,
      id,
      arn: arnOf(kind, id),
      created: now,
      associated: false,
      development: { code, config, etag: contentEtag(code, config), lastModified: now },
      tags: { ...tags }
    }
    this.functions.set(`${kind}/${id}`, rec)
    this.changed()
    return rec
  }

  /** Looks a function up by its key: the name for functions, the Id for connection functions. */
  get(kind: Kind, key: string): FunctionRecord {
    const rec = this.functions.get(`${kind}/${key}`)
    if (!rec) throw new ApiError(CODES[kind].notFound, `The ${kind} ${key} does not exist.`)
    return rec
  }

  /** A stage of a function; LIVE before the first publish does not exist. */
  version(rec: FunctionRecord, stage: Stage = 'DEVELOPMENT'): Version {
    const v = stage === 'LIVE' ? rec.live : rec.development
    if (!v) {
      throw new ApiError(CODES[rec.kind].notFound, `The ${rec.kind} ${rec.id} has no LIVE stage.`)
    }
    return v
  }

  /** Writes name the DEVELOPMENT ETag they were based on. */
  checkIfMatch(rec: FunctionRecord, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch === '') {
      throw new ApiError('InvalidIfMatchVersion', 'The If-Match version is missing or not valid.')
    }
    if (ifMatch !== rec.development.etag) {
      throw new ApiError(
        'PreconditionFailed',
        'The If-Match version does not match the current DEVELOPMENT ETag.'
      )
    }
  }

  update(
    kind: Kind,
    key: string,
    ifMatch: string | undefined,
    input: { config?: FunctionConfig; code?: Buffer }
  ): FunctionRecord {
    const rec = this.get(kind, key)
    this.checkIfMatch(rec, ifMatch)
    const config = checkConfig(kind, input.config)
    const code = checkCode(kind, input.code)
    this.checkStores(config)
    rec.development = { code, config, etag: contentEtag(code, config), lastModified: Date.now() }
    this.changed()
    return rec
  }

  publish(kind: Kind, key: string, ifMatch: string | undefined): FunctionRecord {
    const rec = this.get(kind, key)
    this.checkIfMatch(rec, ifMatch)
    if (rec.live?.etag === rec.development.etag) {
      throw new ApiError('PreconditionFailed', 'The DEVELOPMENT stage is already LIVE.')
    }
    rec.live = { ...rec.development, lastModified: Date.now() }
    if (kind === 'connection-function' && this.publishingDelayMs > 0) {
      rec.publishingUntil = Date.now() + this.publishingDelayMs
    } else {
      delete rec.publishingUntil
    }
    this.changed()
    return rec
  }

  delete(kind: Kind, key: string, ifMatch: string | undefined): void {
    const rec = this.get(kind, key)
    this.checkIfMatch(rec, ifMatch)
    if (rec.associated) {
      throw new ApiError(CODES[kind].inUse, `The ${kind} ${key} is associated with a distribution.`)
    }
    this.functions.delete(`${kind}/${rec.id}`)
    this.changed()
  }

  /** Entries for both stages unless a stage is given, ordered by name then stage. */
  list(kind: Kind, stage: Stage | undefined, marker: string | undefined, max: number) {
    const rows: { rec: FunctionRecord; stage: Stage }[] = []
    for (const rec of this.all(kind).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (stage !== 'LIVE') rows.push({ rec, stage: 'DEVELOPMENT' })
      if (stage !== 'DEVELOPMENT' && rec.live) rows.push({ rec, stage: 'LIVE' })
    }
    return paginate(rows, r => `${r.rec.name}\u0000${r.stage}`, marker, max)
  }

  // ---- key value stores ----------------------------------------------------

  createStore(input: { name?: string; comment?: string; tags?: Tags }): KeyValueStoreRecord {
    const name = checkName(input.name, 'key value store')
    const comment = input.comment ?? ''
    if (comment.length > 128) throw invalid('The comment can be at most 128 characters.')
    const tags = input.tags ?? {}
    checkTags(Object.entries(tags).map(([key, value]) => ({ key, value })))
    if (this.stores.has(name)) {
      throw new ApiError('EntityAlreadyExists', `A key value store named ${name} already exists.`)
    }
    const id = randomUUID()
    const rec: KeyValueStoreRecord = {
      name,
      id,
      arn: arnOf('key-value-store', id),
      comment,
      etag: 'E' + randomBytes(7).toString('hex').slice(0, 13).toUpperCase(),
      lastModified: Date.now(),
      tags: { ...tags },
      values: {}
    }
    this.stores.set(name, rec)
    this.changed()
    return rec
  }

  store(name: string): KeyValueStoreRecord {
    const rec = this.stores.get(name)
    if (!rec) throw new ApiError('EntityNotFound', `The key value store ${name} does not exist.`)
    return rec
  }

  storeById(id: string): KeyValueStoreRecord | undefined {
    return [...this.stores.values()].find(s => s.id === id || s.arn === id)
  }

  listStores(marker: string | undefined, max: number): Page<KeyValueStoreRecord> {
    const sorted = [...this.stores.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
    return paginate(sorted, s => s.name, marker, max)
  }

  // ---- tags ------------------------------------------------------------------

  private taggable(arn: string | undefined): { tags: Tags } {
    if (!arn || !/^arn:aws(-cn)?:cloudfront::[0-9]+:.+/.test(arn)) {
      throw invalid('The resource ARN is not valid.')
    }
    const found =
      [...this.functions.values()].find(f => f.arn === arn) ??
      [...this.stores.values()].find(s => s.arn === arn)
    if (!found) throw new ApiError('NoSuchResource', `The resource ${arn} does not exist.`)
    return found
  }

  tagResource(arn: string | undefined, tags: { key: string; value: string }[]): void {
    const res = this.taggable(arn)
    checkTags(tags)
    const merged = { ...res.tags }
    for (const t of tags) merged[t.key] = t.value
    if (Object.keys(merged).length > 50) {
      throw new ApiError('InvalidTagging', 'At most 50 tags per resource.')
    }
    res.tags = merged
    this.changed()
  }

  untagResource(arn: string | undefined, keys: string[]): void {
    const res = this.taggable(arn)
    for (const k of keys) delete res.tags[k]
    this.changed()
  }

  listTags(arn: string | undefined): Tags {
    return this.taggable(arn).tags
  }

  // ---- controls --------------------------------------------------------------

  /** Finds a function by name, Id or ARN: controls are for humans and tests. */
  find(kind: Kind, nameOrId: string): FunctionRecord {
    const rec = this.all(kind).find(
      f => f.id === nameOrId || f.name === nameOrId || f.arn === nameOrId
    )
    if (!rec) throw new ApiError(CODES[kind].notFound, `The ${kind} ${nameOrId} does not exist.`)
    return rec
  }

  markAssociated(kind: Kind, nameOrId: string, associated: boolean): void {
    this.find(kind, nameOrId).associated = associated
    this.changed()
  }

  putKeyValue(storeName: string, key: string, value: string): void {
    const store = this.store(storeName)
    store.values[key] = value
    this.changed()
  }

  /** Another writer edits the DEVELOPMENT stage, so a pending If-Match becomes stale. */
  concurrentEdit(rec: FunctionRecord): void {
    const d = rec.development
    const config = { ...d.config, comment: `${d.config.comment} (edited concurrently)` }
    rec.development = { ...d, config, etag: contentEtag(d.code, config), lastModified: Date.now() }
    this.changed()
  }

  snapshot(now = Date.now()): StateSnapshot {
    const ver = (v: Version): VersionSnapshot => ({
      etag: v.etag,
      code: v.code.toString('utf8'),
      config: {
        comment: v.config.comment,
        runtime: v.config.runtime,
        keyValueStoreArns: [...v.config.keyValueStoreArns]
      }
    })
    return {
      functions: [...this.functions.values()].map(f => ({
        kind: f.kind,
        name: f.name,
        id: f.id,
        arn: f.arn,
        status: this.status(f, now),
        associated: f.associated,
        development: ver(f.development),
        live: f.live ? ver(f.live) : undefined,
        tags: { ...f.tags }
      })),
      keyValueStores: [...this.stores.values()].map(s => ({
        name: s.name,
        id: s.id,
        arn: s.arn,
        comment: s.comment,
        status: 'READY',
        tags: { ...s.tags },
        values: { ...s.values }
      }))
    }
  }

  // ---- persistence -----------------------------------------------------------

  toJSON(): unknown {
    const ver = (v: Version) => ({ ...v, code: v.code.toString('base64') })
    return {
      version: 1,
      functions: [...this.functions.values()].map(f => ({
        ...f,
        development: ver(f.development),
        live: f.live ? ver(f.live) : undefined
      })),
      stores: [...this.stores.values()]
    }
  }

  load(data: unknown): void {
    const d = data as {
      functions?: (Omit<FunctionRecord, 'development' | 'live'> & {
        development: Omit<Version, 'code'> & { code: string }
        live?: Omit<Version, 'code'> & { code: string }
      })[]
      stores?: KeyValueStoreRecord[]
    }
    const ver = (v: Omit<Version, 'code'> & { code: string }): Version => ({
      ...v,
      code: Buffer.from(v.code, 'base64')
    })
    this.functions.clear()
    this.stores.clear()
    for (const f of d.functions ?? []) {
      const rec: FunctionRecord = {
        ...f,
        development: ver(f.development),
        live: f.live ? ver(f.live) : undefined
      }
      this.functions.set(`${rec.kind}/${rec.id}`, rec)
    }
    for (const s of d.stores ?? []) this.stores.set(s.name, s)
  }
}
