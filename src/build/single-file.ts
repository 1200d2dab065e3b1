// Building one file without bundling: types removed (sucrase keeps every line in place),
// imports checked (only the runtime's modules), nothing else touched.
import type { FunctionKind } from '../types.js'
import type { CompiledCode } from './bundle.js'
import { keepEntryPoint } from './entry-point.js'
import { loadModule } from './load-module.js'

export function compileFile(entry: string, workspace: string, kind: FunctionKind): CompiledCode {
  const loaded = loadModule(entry, { workspace, bundle: false })
  // Throws when the entry point is missing; nothing is tree-shaken, so nothing to append.
  keepEntryPoint(loaded.info, kind, loaded.file)
  const map = loaded.map && JSON.stringify({ ...loaded.map, sources: [loaded.file] })
  return { code: loaded.code, map: map ?? undefined, modules: [loaded], warnings: [] }
}

/** A map of a file onto itself: the start of every line maps to the same line. */
export function identityMap(code: string, file: string): string {
  // 'AAAA' is line 0, column 0 of source 0; each next 'AACA' moves one line down.
  const mappings = code
    .split('\n')
    .map((_, index) => (index === 0 ? 'AAAA' : 'AACA'))
    .join(';')
  return JSON.stringify({ version: 3, file, sources: [file], names: [], mappings })
}
