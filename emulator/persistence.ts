// The state file (--state): what survives a restart, version counters included,
// so the ETags a client holds stay valid across restarts.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { newVersion, type FunctionRecord, type Version } from './functions.js'
import type { KeyValueStoreRecord } from './key-value-stores.js'
import type { State } from './state.js'
import type { FunctionConfig } from './validation.js'
import { etagOf } from './versions.js'

/** Format 2 stores version numbers; ETags are derived from them on load. */
const FORMAT = 2

interface StoredVersion {
  number: number
  code: string // base64
  config: FunctionConfig
  lastModified: number
}

type StoredFunction = Omit<FunctionRecord, 'development' | 'live'> & {
  development: StoredVersion
  live?: StoredVersion
}

type StoredStore = Omit<KeyValueStoreRecord, 'etag'>

interface StateFile {
  version: typeof FORMAT
  functions: StoredFunction[]
  stores: StoredStore[]
}

/** Format 1 kept content-hash ETags and no version numbers. */
interface StateFileV1 {
  version: 1
  functions?: (Omit<StoredFunction, 'development' | 'live'> & {
    development: Omit<StoredVersion, 'number'> & { etag: string }
    live?: Omit<StoredVersion, 'number'> & { etag: string }
  })[]
  stores?: Omit<StoredStore, 'version'>[]
}

export function serialize(state: State): StateFile {
  const ver = (v: Version): StoredVersion => ({
    number: v.number,
    code: v.code.toString('base64'),
    config: v.config,
    lastModified: v.lastModified
  })
  return {
    version: FORMAT,
    functions: state.functions.all().map(f => ({
      ...f,
      development: ver(f.development),
      live: f.live ? ver(f.live) : undefined
    })),
    stores: state.stores.all().map(({ etag: _etag, ...s }) => s)
  }
}

/** Format 1 had no version numbers: LIVE is version 1, DEVELOPMENT 2 when it differs. */
function upgrade(data: StateFileV1): StateFile {
  return {
    version: FORMAT,
    functions: (data.functions ?? []).map(({ development, live, ...f }) => {
      const devNumber = live && live.etag !== development.etag ? 2 : 1
      const strip = ({ etag: _etag, ...v }: { etag: string } & Omit<StoredVersion, 'number'>) => v
      return {
        ...f,
        development: { ...strip(development), number: devNumber },
        live: live ? { ...strip(live), number: 1 } : undefined
      }
    }),
    stores: (data.stores ?? []).map(s => ({ ...s, version: 1 }))
  }
}

export function deserialize(state: State, raw: unknown): void {
  const format = (raw as { version?: unknown } | null)?.version
  let data: StateFile
  if (format === FORMAT) data = raw as StateFile
  else if (format === 1) data = upgrade(raw as StateFileV1)
  else throw new Error(`unsupported state file format ${JSON.stringify(format)}`)
  const ver = (v: StoredVersion): Version => ({
    ...newVersion(v.number, Buffer.from(v.code, 'base64'), v.config),
    lastModified: v.lastModified
  })
  state.functions.replaceAll(
    data.functions.map(f => ({
      ...f,
      development: ver(f.development),
      live: f.live ? ver(f.live) : undefined
    }))
  )
  state.stores.replaceAll(data.stores.map(s => ({ ...s, etag: etagOf(s.version) })))
}

/** Write then rename, so a crash never leaves half a file behind. */
export function saveStateFile(file: string, state: State): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(serialize(state), null, 2))
  renameSync(tmp, file)
}

/** Loads the file when it exists, then saves on every change; returns the final save. */
export function attachStateFile(file: string, state: State): () => void {
  if (existsSync(file)) deserialize(state, JSON.parse(readFileSync(file, 'utf8')))
  state.onChange(() => saveStateFile(file, state))
  return () => saveStateFile(file, state)
}
