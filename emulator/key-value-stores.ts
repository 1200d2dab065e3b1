// Key value stores: the CloudFront resource (name, comment, ETag) and the data
// TestFunction reads from it. The data is set through a control, as the service
// keeps it behind a separate API (cloudfront-keyvaluestore) the emulator does not serve.
import { randomUUID } from 'node:crypto'
import { ApiError, invalid } from './errors.js'
import type { TagList, Tags } from './functions.js'
import { byName, paginate, type Page } from './pagination.js'
import { ACCOUNT, checkComment, checkName, checkTags } from './validation.js'
import { checkIfMatch, etagOf } from './versions.js'

export interface KeyValueStoreRecord {
  name: string
  id: string
  arn: string
  comment: string
  /** Counts versions like a function's: 1 after create, one more per update. */
  version: number
  etag: string
  lastModified: number
  tags: Tags
  values: Record<string, string>
}

export interface KeyValueStoresDeps {
  /** Whether a function names the store in either stage. */
  inUse(arn: string): boolean
  changed(): void
}

export class KeyValueStores {
  private records = new Map<string, KeyValueStoreRecord>() // key: name

  constructor(private readonly deps: KeyValueStoresDeps) {}

  all(): KeyValueStoreRecord[] {
    return [...this.records.values()]
  }

  replaceAll(records: KeyValueStoreRecord[]): void {
    this.records = new Map(records.map(r => [r.name, r]))
  }

  create(input: { name?: string; comment?: string; tags?: TagList }): KeyValueStoreRecord {
    const name = checkName(input.name, 'key value store')
    const comment = checkComment(input.comment ?? '')
    const tags = input.tags ?? []
    checkTags(tags)
    if (this.records.has(name)) {
      throw new ApiError('EntityAlreadyExists', `A key value store named ${name} already exists.`)
    }
    const id = randomUUID()
    const rec: KeyValueStoreRecord = {
      name,
      id,
      arn: `arn:aws:cloudfront::${ACCOUNT}:key-value-store/${id}`,
      comment,
      version: 1,
      etag: etagOf(1),
      lastModified: Date.now(),
      tags: Object.fromEntries(tags.map(t => [t.key, t.value])),
      values: {}
    }
    this.records.set(name, rec)
    this.deps.changed()
    return rec
  }

  get(name: string): KeyValueStoreRecord {
    const rec = this.records.get(name)
    if (!rec) throw new ApiError('EntityNotFound', `The key value store ${name} does not exist.`)
    return rec
  }

  /** By Id or ARN: functions name their store by ARN, `cf.kvs(id)` by Id. */
  byIdOrArn(idOrArn: string): KeyValueStoreRecord | undefined {
    return this.all().find(s => s.id === idOrArn || s.arn === idOrArn)
  }

  list(marker: string | undefined, max: number): Page<KeyValueStoreRecord> {
    return paginate(this.all().sort(byName), s => s.name, marker, max)
  }

  update(
    name: string,
    ifMatch: string | undefined,
    comment: string | undefined
  ): KeyValueStoreRecord {
    const rec = this.get(name)
    checkIfMatch(rec.etag, ifMatch, `the key value store ${name}`)
    if (comment === undefined) throw invalid('UpdateKeyValueStore needs a Comment.')
    this.commit(rec, checkComment(comment))
    return rec
  }

  /** A new version of the store's settings, identical or not. */
  commit(rec: KeyValueStoreRecord, comment: string): void {
    rec.comment = comment
    rec.version += 1
    rec.etag = etagOf(rec.version)
    rec.lastModified = Date.now()
    this.deps.changed()
  }

  delete(name: string, ifMatch: string | undefined): void {
    const rec = this.get(name)
    checkIfMatch(rec.etag, ifMatch, `the key value store ${name}`)
    if (this.deps.inUse(rec.arn)) {
      throw new ApiError(
        'CannotDeleteEntityWhileInUse',
        `The key value store ${name} is associated with a function.`
      )
    }
    this.records.delete(name)
    this.deps.changed()
  }

  putKeyValue(storeName: string, key: string, value: string): void {
    this.get(storeName).values[key] = value
    this.deps.changed()
  }
}
