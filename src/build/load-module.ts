// Reading one source file for the build: its bytes, its JavaScript (types removed), and
// where each of its imports leads (refused imports fail here, with their line).
import { statSync } from 'node:fs'
import { readJobFile } from '../inputs/files.js'
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
  // Read like every file an input names: measured first, opened without following a link or
  // blocking, and checked again once open, so a file swapped for a pipe is never read.
  const source = readJobFile(
    'code',
    { path, name: file, size: statSync(path).size },
    MAX_SOURCE_BYTES,
    'Keep function sources and the modules they import small: CloudFront runs at most 10,240 bytes.'
  )
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
