// Bundling with rollup (its WebAssembly build): the entry and the local modules it imports
// become one ES module, scope-hoisted (no module wrapper), with imports of the runtime's
// modules kept as import statements.
import { rollup, type RollupError, type RollupLog } from '@rollup/wasm-node'
import { sep } from 'node:path'
import { InputError } from '../errors.js'
import type { FunctionKind } from '../types.js'
import { keepEntryPoint } from './entry-point.js'
import { SourceError } from './errors.js'
import { loadModule, type LoadedModule } from './load-module.js'
import { workspacePath } from './resolve.js'

export interface CompiledCode {
  code: string
  /** Source map (JSON) with workspace-relative sources; none when `code` is the entry as is. */
  map: string | undefined
  /** The modules the build read, in the order it read them. */
  modules: LoadedModule[]
  warnings: string[]
}

export interface BundleOptions {
  /** Real path of the entry. */
  entry: string
  /** Real path of the workspace. */
  workspace: string
  kind: FunctionKind
}

export async function bundleModules(options: BundleOptions): Promise<CompiledCode> {
  const { entry, workspace, kind } = options
  const context = { workspace, bundle: true }
  const modules = new Map<string, LoadedModule>()
  const warnings: string[] = []
  // Rollup wraps what a plugin throws; the build's own errors are rethrown as they are.
  let failure: unknown

  const plugin = {
    name: 'cloudfront-function',
    resolveId(specifier: string, importer: string | undefined) {
      if (importer === undefined) return specifier
      const target = modules.get(importer)?.targets.get(specifier)
      if (target === undefined) throw new Error(`${importer} imports '${specifier}' unresolved`)
      return target.kind === 'runtime' ? { id: target.name, external: true } : target.path
    },
    load(path: string) {
      try {
        const loaded = loadModule(path, context)
        modules.set(path, loaded)
        const keep = path === entry ? keepEntryPoint(loaded.info, kind, loaded.file) : ''
        return { code: loaded.code + keep, map: loaded.map }
      } catch (error) {
        failure ??= error
        throw error
      }
    }
  }

  try {
    const bundle = await rollup({
      input: entry,
      plugins: [plugin],
      onLog: (level: string, log: RollupLog) => {
        if (level === 'warn') warnings.push(log.message)
      }
    })
    try {
      const { output } = await bundle.generate({
        format: 'es',
        // Sources in the map are relative to this directory.
        dir: workspace,
        entryFileNames: '[name].js',
        sourcemap: 'hidden',
        sourcemapExcludeSources: true,
        // Plain objects for namespace imports; CloudFront code never mutates them.
        freeze: false
      })
      const chunks = output.filter(file => file.type === 'chunk')
      if (chunks.length !== 1 || !chunks[0].map) {
        throw new Error(`Bundling ${entry} gave ${chunks.length} chunks, not one with a map`)
      }
      const { code, map } = chunks[0]
      map.sources = map.sources.map(source => source.split(sep).join('/'))
      return { code, map: map.toString(), modules: [...modules.values()], warnings }
    } finally {
      await bundle.close()
    }
  } catch (error) {
    if (failure !== undefined) throw failure
    // Rollup's own errors carry a code; anything else is a defect, passed on as it is.
    if (typeof (error as RollupError).code !== 'string') throw error
    throw bundlerError(error as RollupError, workspace)
  }
}

/** A bundler error (a name that is not exported, say), located in the file it is about. */
function bundlerError(error: RollupError, workspace: string): InputError {
  const path = error.loc?.file ?? error.id
  const message = `${error.message.replace(/\.$/, '')}. Fix the import or the export it names.`
  if (path !== undefined && error.loc !== undefined) {
    const file = workspacePath(path, workspace)
    return new SourceError(file, error.loc.line, error.loc.column + 1, message)
  }
  return new InputError('code', `bundling failed: ${message}`)
}
