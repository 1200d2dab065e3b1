// Another writer: what the concurrent-write and write-after faults do to a resource
// behind the client's back. Its changes follow the service's rules, as any client's.
import type { WriterAction } from './faults.js'
import type { FunctionRecord } from './functions.js'
import type { KeyValueStoreRecord } from './key-value-stores.js'
import type { State } from './state.js'

/** A comment no client wrote, so the change shows in the content, within 128 characters. */
const editedComment = (version: number): string => `edited by another writer (version ${version})`

/** A new DEVELOPMENT version whose comment differs, so any If-Match held before is stale. */
export function editFunction(state: State, rec: FunctionRecord): void {
  const d = rec.development
  const config = { ...d.config, comment: editedComment(d.number + 1) }
  state.functions.commit(rec, d.code, config)
}

export function editStore(state: State, store: KeyValueStoreRecord): void {
  state.stores.commit(store, editedComment(store.version + 1))
}

/**
 * What the writer can do under the service's rules: publishing what LIVE already
 * holds and deleting a function a distribution uses are refused, so they change nothing.
 */
export function actOnFunction(state: State, action: WriterAction, rec: FunctionRecord): void {
  switch (action) {
    case 'update':
      editFunction(state, rec)
      return
    case 'publish':
      if (rec.live?.number !== rec.development.number) state.functions.publishNow(rec)
      return
    case 'delete':
      if (!rec.associated) state.functions.remove(rec)
      return
  }
}
