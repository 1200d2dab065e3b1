// Where an import leads: one of the runtime's own modules, which stays an import, or a file
// of the workspace, which the bundle inlines. Anything else is refused with the reason.
import { existsSync, realpathSync, statSync } from 'node:fs'
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { isInside } from '../inputs/files.js'
import { SourceError } from './errors.js'
import type { ImportSite } from './module-info.js'
import { isTypeScript } from './needs-build.js'

/** Modules cloudfront-js-2.0 provides; imports of them stay in the built code. */
export const RUNTIME_MODULES: readonly string[] = ['cloudfront', 'crypto', 'querystring', 'buffer']

export type ImportTarget = { kind: 'runtime'; name: string } | { kind: 'file'; path: string }

export interface ResolveContext {
  /** Real path (symlinks followed) of the workspace. */
  workspace: string
  bundle: boolean
}

/** Candidates for a specifier without a known extension, in the order TypeScript tries them. */
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs']
/** A `.js` specifier in TypeScript means the `.ts` file that compiles to it. */
const TYPESCRIPT_FOR: Record<string, string> = { '.js': '.ts', '.mjs': '.mts' }

/**
 * Resolves one import of `importer` (a real path inside the workspace). Throws a
 * SourceError naming the import, the importing file and its line when it is refused.
 */
export function resolveImport(
  site: ImportSite,
  importer: string,
  context: ResolveContext
): ImportTarget {
  const file = workspacePath(importer, context.workspace)
  const fail = (message: string): never => {
    throw new SourceError(file, site.line, site.column, message)
  }
  const { specifier } = site
  if (site.dynamic) {
    fail(
      `dynamic import(${specifier ? `'${specifier}'` : ''}) is not supported by CloudFront ` +
        'Functions: use a static import at the top of the file.'
    )
  }
  if (RUNTIME_MODULES.includes(specifier)) return { kind: 'runtime', name: specifier }
  if (!isPath(specifier)) fail(bareImportMessage(specifier))
  if (!context.bundle) {
    fail(
      `imports '${specifier}', a local module, and CloudFront runs one file: set bundle: true ` +
        'to inline it, or move its code into this file.'
    )
  }

  const base = isAbsolute(specifier) ? specifier : resolve(dirname(importer), specifier)
  const found = candidates(base, isTypeScript(importer)).find(isFile)
  if (found === undefined) {
    fail(
      `imports '${specifier}', which is not a file (looked for ${displayCandidates(base, importer, context.workspace)}). ` +
        'Check the path; the build inlines .ts, .mts, .js and .mjs files.'
    )
  }
  const real = realpathSync(found as string)
  if (!isInside(real, context.workspace)) {
    fail(
      `imports '${specifier}', which resolves to ${real}, outside the workspace. The build ` +
        'inlines files of the repository only: move the module into the repository.'
    )
  }
  const extension = extname(real).toLowerCase()
  if (!EXTENSIONS.includes(extension)) {
    fail(
      `imports '${specifier}' (${workspacePath(real, context.workspace)}), which is not JavaScript ` +
        'or TypeScript: the build inlines .ts, .mts, .js and .mjs files only.'
    )
  }
  return { kind: 'file', path: real }
}

/** A path relative to the workspace with '/' separators, as messages and the map show it. */
export function workspacePath(path: string, workspace: string): string {
  return relative(workspace, path).split(sep).join('/')
}

function isPath(specifier: string): boolean {
  return (
    specifier.startsWith('./') ||
    specifier.startsWith('../') ||
    specifier === '.' ||
    specifier === '..' ||
    isAbsolute(specifier)
  )
}

function bareImportMessage(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier
  if (bare !== specifier && RUNTIME_MODULES.includes(bare)) {
    return `imports '${specifier}': CloudFront Functions name the module '${bare}'; import it from '${bare}'.`
  }
  if (bare !== specifier) {
    return `imports '${specifier}', a Node.js module that CloudFront Functions do not have (their modules: ${RUNTIME_MODULES.join(', ')}). Remove the import.`
  }
  const parts = specifier.split('/')
  const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  return (
    `imports '${specifier}' from the npm package '${pkg}', which CloudFront cannot load: a ` +
    `function can import only the runtime's modules (${RUNTIME_MODULES.join(', ')}), and the ` +
    'build inlines local files only. Copy the code you need into a local module and import ' +
    'it with a relative path, or remove the import.'
  )
}

/** The files a specifier may mean, most likely first. */
function candidates(base: string, fromTypeScript: boolean): string[] {
  const extension = extname(base).toLowerCase()
  const typescript = TYPESCRIPT_FOR[extension]
  if (typescript !== undefined) {
    const stem = base.slice(0, -extension.length)
    // Both files may exist (sources next to compiled output): prefer the importer's language.
    return fromTypeScript ? [stem + typescript, base] : [base, stem + typescript]
  }
  if (EXTENSIONS.includes(extension)) return [base]
  return [
    base,
    ...EXTENSIONS.map(ext => base + ext),
    ...EXTENSIONS.map(ext => `${base}${sep}index${ext}`)
  ]
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}

function displayCandidates(base: string, importer: string, workspace: string): string {
  const shown = candidates(base, isTypeScript(importer)).map(path =>
    isInside(path, workspace) ? workspacePath(path, workspace) : path
  )
  return shown.join(', ')
}
