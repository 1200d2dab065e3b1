// Reading one source file for the build: its bytes, its JavaScript (types removed), and
// where each of its imports leads (refused imports fail here, with their line).
import { readFileSync, statSync } from 'node:fs'
import { InputError } from '../errors.js'
import { formatBytes } from '../inputs/files.js'
import { analyzeModule, type ModuleInfo } from './module-info.js'
import { isTypeScript, MAX_SOURCE_BYTES } from './needs-build.js'
import { resolveImport, workspacePath, type ImportTarget, type ResolveContext } from './resolve.js'
import { stripTypes, type StrippedModule } from './strip-types.js'

export interface LoadedModule {
  /** Real path. */
  path: string
  /** Workspace-relative, '/' separators. */
  file: string
  /** Size of the file as written. */
  bytes: number
  /** JavaScript: the file itself, or the TypeScript with its types removed. */
  code: string
  /** From `code` back to the file; `null` when `code` is the file. */
  map: StrippedModule['map'] | null
  info: ModuleInfo
  /** Where each import specifier leads. */
  targets: Map<string, ImportTarget>
}

export function loadModule(path: string, context: ResolveContext): LoadedModule {
  const file = workspacePath(path, context.workspace)
  // Measured before it is read: a huge import must not be read into memory.
  const size = statSync(path).size
  if (size > MAX_SOURCE_BYTES) {
    throw new InputError(
      'code',
      `${file} (imported by the bundle) is ${formatBytes(size)}, over the ${formatBytes(MAX_SOURCE_BYTES)} a source file may have. Bundle smaller modules.`
    )
  }
  const source = readFileSync(path)
  // A checkout with CRLF line endings (Windows runners) builds the same bytes as one with LF.
  const text = source
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
  const { code, map } = isTypeScript(path)
    ? stripTypes(text, path, file)
    : { code: text, map: null }
  const info = analyzeModule(code, file)
  const targets = new Map<string, ImportTarget>()
  for (const site of info.imports) {
    targets.set(site.specifier, resolveImport(site, path, context))
  }
  return { path, file, bytes: source.length, code, map, info, targets }
}
