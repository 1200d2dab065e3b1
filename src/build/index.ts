// The build: TypeScript and local modules in, the one file CloudFront runs (and its source
// map) out. The action imports this module only when a run builds, since it loads the
// bundler and the minifier; `needs-build.ts` answers whether one does.
import { realpathSync } from 'node:fs'
import { InputError } from '../errors.js'
import type { CompiledCode } from './bundle.js'
import { entryPointName, removeExports, verifyEntryPoint } from './entry-point.js'
import { checkBuildRuntime, CODE_SIZE_LIMIT } from './needs-build.js'
import { isInside } from '../inputs/files.js'
import { workspacePath } from './resolve.js'
import { compileFile, identityMap } from './single-file.js'
import { readSourceMap } from './source-map.js'
import type { BuildOptions, BuildResult, FileBytes } from './types.js'

export { checkBuildRuntime, CODE_SIZE_LIMIT, needsBuild } from './needs-build.js'
export { checkSize } from './size.js'
export { SourceError } from './errors.js'
export type { BuildOptions, BuildResult, BuildSizes, FileBytes, SourcePosition } from './types.js'

/**
 * Builds the entry. Throws an InputError (a SourceError when it concerns a line of a source)
 * for anything the sources must fix; the result is deterministic for the same sources,
 * wherever the workspace is.
 */
export async function buildFunction(options: BuildOptions): Promise<BuildResult> {
  const workspace = realpathSync(options.workspace)
  const entry = realpathSync(options.entry)
  if (!isInside(entry, workspace)) {
    throw new InputError(
      'code',
      `${options.entry} resolves to ${entry}, outside the workspace ${workspace}: keep the function's sources in the repository.`
    )
  }
  const file = workspacePath(entry, workspace)
  checkBuildRuntime(file, options.runtime, options)

  // The bundler and the minifier load only when asked for: a TypeScript build without them
  // starts much faster.
  const compiled: CompiledCode = options.bundle
    ? await (await import('./bundle.js')).bundleModules({ entry, workspace, kind: options.kind })
    : compileFile(entry, workspace, options.kind)

  let code = removeExports(compiled.code)
  let map: string
  if (options.minify) {
    const { minifyCode } = await import('./minify.js')
    ;({ code, map } = await minifyCode(code, compiled.map, file, entryPointName(options.kind)))
  } else {
    map = compiled.map ?? identityMap(code, file)
  }
  verifyEntryPoint(code, options.kind, file)

  const view = readSourceMap(map, code)
  const sources = sourceSizes(compiled, file)
  const built = Buffer.from(code, 'utf8')
  return {
    code: built,
    map,
    entry: file,
    bundled: options.bundle,
    minified: options.minify,
    sources,
    contributors: view.contributors(),
    sizes: {
      entry: sources[0].bytes,
      sources: sources.reduce((total, source) => total + source.bytes, 0),
      built: built.length,
      limit: CODE_SIZE_LIMIT
    },
    warnings: compiled.warnings,
    originalPosition: (line, column) => view.originalPosition(line, column)
  }
}

/** The entry first, then the other files by path. */
function sourceSizes(compiled: CompiledCode, entry: string): FileBytes[] {
  const all = compiled.modules.map(({ file, bytes }) => ({ file, bytes }))
  const others = all.filter(source => source.file !== entry)
  others.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  return [...all.filter(source => source.file === entry), ...others]
}
