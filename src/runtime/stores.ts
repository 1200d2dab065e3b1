// Key value stores as the worker reads them: a flat, cloneable description of which store
// `cf.kvs()` and `cf.kvs(id)` resolve to, and each store's keys and `meta()`.

import type { KeyValueStore, KeyValueStores } from './types.js'

export interface StoreMeta {
  creationDateTime: string
  lastUpdatedDateTime: string
  keyCount: number
}

export interface WorkerStores {
  /** What `cf.kvs()` reads; null when no store is associated. */
  defaultId: string | null
  /** True when `cf.kvs(<any id>)` reads the default store (single mode). */
  anyId: boolean
  stores: { id: string; keys: [string, string][]; meta: StoreMeta }[]
}

/** The id a single store goes by inside the worker. */
const SINGLE_STORE_ID = 'store'

/** Offline mode's one store: `cf.kvs()` and `cf.kvs(<any id>)` read `keys`. */
export function singleStore(keys: Readonly<Record<string, unknown>>): KeyValueStores {
  return { mode: 'single', store: { keys } }
}

export function toWorkerStores(stores: KeyValueStores | undefined, now: number): WorkerStores {
  if (stores === undefined) return { defaultId: null, anyId: false, stores: [] }
  if (stores.mode === 'single') {
    return {
      defaultId: SINGLE_STORE_ID,
      anyId: true,
      stores: [describeStore(SINGLE_STORE_ID, stores.store, now)]
    }
  }
  const associated = stores.associatedId
  return {
    defaultId:
      associated !== undefined && Object.prototype.hasOwnProperty.call(stores.stores, associated)
        ? associated
        : null,
    anyId: false,
    stores: Object.entries(stores.stores).map(([id, store]) => describeStore(id, store, now))
  }
}

function describeStore(
  id: string,
  store: KeyValueStore,
  now: number
): WorkerStores['stores'][number] {
  const keys = Object.entries(store.keys).map(([key, value]): [string, string] => [
    key,
    typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  ])
  const created = store.creationDateTime ?? new Date(now).toISOString()
  return {
    id,
    keys,
    meta: {
      creationDateTime: created,
      lastUpdatedDateTime: store.lastUpdatedDateTime ?? created,
      keyCount: keys.length
    }
  }
}

/** Rough size of the stores in the worker's heap (UTF-16 strings plus map entries). */
export function storeHeapBytes(stores: WorkerStores): number {
  let bytes = 0
  for (const store of stores.stores) {
    for (const [key, value] of store.keys) bytes += 2 * (key.length + value.length) + 128
  }
  return bytes
}
