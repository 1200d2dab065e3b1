// Functions of both kinds with their DEVELOPMENT and LIVE stages. Every method
// either succeeds or throws ApiError, so the HTTP layer only translates.
import { randomBytes } from 'node:crypto'
import { ApiError, invalid } from './errors.js'
import { byName, paginate, type Page } from './pagination.js'
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
import { checkIfMatch, etagOf } from './versions.js'

export type Stage = 'DEVELOPMENT' | 'LIVE'
export type Tags = Record<string, string>
/** Tags as a request lists them: a key may appear twice, which validation refuses. */
export type TagList = { key: string; value: string }[]

/** One version of a function: what DEVELOPMENT holds, and what a publish copies to LIVE. */
export interface Version {
  /** 1 for the version made by create, then one more per change of DEVELOPMENT. */
  number: number
  etag: string
  code: Buffer
  config: FunctionConfig
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

export interface FunctionsDeps {
  storeExists(arn: string): boolean
  publishingDelayMs(): number
  changed(): void
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
function opaqueId(): string {
  const bytes = randomBytes(13)
  return 'F' + Array.from(bytes, b => ID_CHARS[b % ID_CHARS.length]).join('')
}

export function newVersion(number: number, code: Buffer, config: FunctionConfig): Version {
  return { number, etag: etagOf(number), code, config, lastModified: Date.now() }
}

export function statusOf(rec: FunctionRecord, now = Date.now()): string {
  if (!rec.live) return 'UNPUBLISHED'
  if (rec.publishingUntil !== undefined && now < rec.publishingUntil) return 'PUBLISHING'
  return rec.associated ? 'DEPLOYED' : 'UNASSOCIATED'
}

/** A stage of a function; LIVE before the first publish does not exist. */
export function stageOf(rec: FunctionRecord, stage: Stage = 'DEVELOPMENT'): Version {
  const v = stage === 'LIVE' ? rec.live : rec.development
  if (!v) {
    throw new ApiError(CODES[rec.kind].notFound, `The ${rec.kind} ${rec.id} has no LIVE stage.`)
  }
  return v
}

const recordKey = (kind: Kind, id: string): string => `${kind}/${id}`

export class Functions {
  private records = new Map<string, FunctionRecord>()

  constructor(private readonly deps: FunctionsDeps) {}

  all(kind?: Kind): FunctionRecord[] {
    const all = [...this.records.values()]
    return kind ? all.filter(f => f.kind === kind) : all
  }

  /** Replaces every function, for reset and for loading a state file. */
  replaceAll(records: FunctionRecord[]): void {
    this.records = new Map(records.map(r => [recordKey(r.kind, r.id), r]))
  }

  private checkStores(config: FunctionConfig): void {
    for (const arn of config.keyValueStoreArns) {
      if (!this.deps.storeExists(arn)) throw invalid(`The key value store ${arn} does not exist.`)
    }
  }

  create(
    kind: Kind,
    input: { name?: string; config?: FunctionConfig; code?: Buffer; tags?: TagList }
  ): FunctionRecord {
    const name = checkName(input.name)
    const config = checkConfig(kind, input.config)
    const code = checkCode(kind, input.code)
    this.checkStores(config)
    const tags = input.tags ?? []
    checkTags(tags)
    if (this.all(kind).some(f => f.name === name)) {
      throw new ApiError(CODES[kind].exists, `A ${kind} named ${name} already exists.`)
    }
    if (this.all(kind).length >= MAX_FUNCTIONS) {
      throw new ApiError(CODES[kind].tooMany, `You can create at most ${MAX_FUNCTIONS} ${kind}s.`)
    }
    const id = kind === 'function' ? name : opaqueId()
    const rec: FunctionRecord = {
      kind,
      name,
      id,
      arn: `arn:aws:cloudfront::${ACCOUNT}:${kind}/${id}`,
      created: Date.now(),
      associated: false,
      development: newVersion(1, code, config),
      tags: Object.fromEntries(tags.map(t => [t.key, t.value]))
    }
    this.records.set(recordKey(kind, id), rec)
    this.deps.changed()
    return rec
  }

  /** Looks a function up by its key: the name for functions, the Id for connection functions. */
  get(kind: Kind, key: string): FunctionRecord {
    const rec = this.records.get(recordKey(kind, key))
    if (!rec) throw new ApiError(CODES[kind].notFound, `The ${kind} ${key} does not exist.`)
    return rec
  }

  /** Finds a function by name, Id or ARN: controls and faults are for humans and tests. */
  find(kind: Kind, nameOrId: string): FunctionRecord | undefined {
    return this.all(kind).find(f => f.id === nameOrId || f.name === nameOrId || f.arn === nameOrId)
  }

  byArn(arn: string): FunctionRecord | undefined {
    return this.all().find(f => f.arn === arn)
  }

  /** Writes and TestFunction name the DEVELOPMENT ETag they were based on. */
  checkIfMatch(rec: FunctionRecord, ifMatch: string | undefined): void {
    checkIfMatch(rec.development.etag, ifMatch, `the DEVELOPMENT stage of ${rec.kind} ${rec.id}`)
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
    this.commit(rec, code, config)
    return rec
  }

  /** A new DEVELOPMENT version, identical content or not: ETags count versions. */
  commit(rec: FunctionRecord, code: Buffer, config: FunctionConfig): void {
    rec.development = newVersion(rec.development.number + 1, code, config)
    this.deps.changed()
  }

  publish(kind: Kind, key: string, ifMatch: string | undefined): FunctionRecord {
    const rec = this.get(kind, key)
    this.checkIfMatch(rec, ifMatch)
    // Reported behaviour (Terraform #49572): publishing what LIVE already holds is a 412.
    if (rec.live?.number === rec.development.number) {
      throw new ApiError('PreconditionFailed', 'The DEVELOPMENT stage is already LIVE.')
    }
    this.publishNow(rec)
    return rec
  }

  /** LIVE becomes a copy of DEVELOPMENT, with its version number and ETag. */
  publishNow(rec: FunctionRecord): void {
    rec.live = { ...rec.development, lastModified: Date.now() }
    const delay = this.deps.publishingDelayMs()
    if (rec.kind === 'connection-function' && delay > 0) {
      rec.publishingUntil = Date.now() + delay
    } else {
      delete rec.publishingUntil
    }
    this.deps.changed()
  }

  delete(kind: Kind, key: string, ifMatch: string | undefined): void {
    const rec = this.get(kind, key)
    this.checkIfMatch(rec, ifMatch)
    if (rec.associated) {
      throw new ApiError(CODES[kind].inUse, `The ${kind} ${key} is associated with a distribution.`)
    }
    this.remove(rec)
  }

  remove(rec: FunctionRecord): void {
    this.records.delete(recordKey(rec.kind, rec.id))
    this.deps.changed()
  }

  /** Entries for both stages unless a stage is given, ordered by name then stage. */
  list(
    kind: Kind,
    stage: Stage | undefined,
    marker: string | undefined,
    max: number
  ): Page<{ rec: FunctionRecord; stage: Stage }> {
    const rows: { rec: FunctionRecord; stage: Stage }[] = []
    for (const rec of this.all(kind).sort(byName)) {
      if (stage !== 'LIVE') rows.push({ rec, stage: 'DEVELOPMENT' })
      if (stage !== 'DEVELOPMENT' && rec.live) rows.push({ rec, stage: 'LIVE' })
    }
    return paginate(rows, r => `${r.rec.name}\u0000${r.stage}`, marker, max)
  }

  /** Whether either stage of any function names the store: such a store is in use. */
  usesStore(arn: string): boolean {
    return this.all().some(
      f =>
        f.development.config.keyValueStoreArns.includes(arn) ||
        (f.live?.config.keyValueStoreArns.includes(arn) ?? false)
    )
  }

  markAssociated(kind: Kind, nameOrId: string, associated: boolean): void {
    const rec = this.find(kind, nameOrId)
    if (!rec) throw new ApiError(CODES[kind].notFound, `The ${kind} ${nameOrId} does not exist.`)
    rec.associated = associated
    this.deps.changed()
  }
}
