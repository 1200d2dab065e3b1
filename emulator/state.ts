// Domain state: functions of both kinds, key value stores and their tags, with one
// change signal for persistence, and the read-only snapshot that controls hand out.
import { Functions, statusOf, type FunctionRecord, type Tags, type Version } from './functions.js'
import { KeyValueStores } from './key-value-stores.js'
import type { Settings } from './settings.js'
import { Tagging } from './tags.js'
import type { Kind } from './validation.js'

export type { FunctionRecord, Stage, Tags, Version } from './functions.js'
export type { KeyValueStoreRecord } from './key-value-stores.js'

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
    version: number
    etag: string
    tags: Tags
    values: Record<string, string>
  }[]
}

export interface VersionSnapshot {
  /** The version number the ETag stands for. */
  version: number
  etag: string
  code: string
  config: { comment: string; runtime: string; keyValueStoreArns: string[] }
}

export class State {
  readonly functions: Functions
  readonly stores: KeyValueStores
  readonly tags: Tagging
  private listeners: (() => void)[] = []

  constructor(settings: Pick<Settings, 'publishingDelayMs'>) {
    const changed = () => this.changed()
    this.functions = new Functions({
      storeExists: arn => this.stores.byIdOrArn(arn)?.arn === arn,
      publishingDelayMs: () => settings.publishingDelayMs,
      changed
    })
    this.stores = new KeyValueStores({ inUse: arn => this.functions.usesStore(arn), changed })
    this.tags = new Tagging(arn => this.functions.byArn(arn) ?? this.stores.byIdOrArn(arn), changed)
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn)
  }

  private changed(): void {
    for (const fn of this.listeners) fn()
  }

  reset(): void {
    this.functions.replaceAll([])
    this.stores.replaceAll([])
    this.changed()
  }

  snapshot(now = Date.now()): StateSnapshot {
    const ver = (v: Version): VersionSnapshot => ({
      version: v.number,
      etag: v.etag,
      code: v.code.toString('utf8'),
      config: {
        comment: v.config.comment,
        runtime: v.config.runtime,
        keyValueStoreArns: [...v.config.keyValueStoreArns]
      }
    })
    return {
      functions: this.functions.all().map((f: FunctionRecord) => ({
        kind: f.kind,
        name: f.name,
        id: f.id,
        arn: f.arn,
        status: statusOf(f, now),
        associated: f.associated,
        development: ver(f.development),
        live: f.live ? ver(f.live) : undefined,
        tags: { ...f.tags }
      })),
      keyValueStores: this.stores.all().map(s => ({
        name: s.name,
        id: s.id,
        arn: s.arn,
        comment: s.comment,
        status: 'READY',
        version: s.version,
        etag: s.etag,
        tags: { ...s.tags },
        values: { ...s.values }
      }))
    }
  }
}
