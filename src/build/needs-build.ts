// Whether a deploy goes through the build, and whether the declared runtime allows one.
// A plain `.js` deploy imports only this module, so it never loads the bundler or minifier.
import { extname } from 'node:path'
import { InputError } from '../errors.js'
import type { Runtime } from '../types.js'

/** CloudFront's limit for the code of a function or connection function (not adjustable). */
export const CODE_SIZE_LIMIT = 10_240

/** The most a source file the build reads may hold: minifying shrinks it, but not from any size. */
export const MAX_SOURCE_BYTES = 1024 * 1024

const TYPESCRIPT_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.mts'])

export interface BuildSwitches {
  bundle: boolean
  minify: boolean
}

/** True for the TypeScript files the build accepts (`.ts`, `.mts`). */
export function isTypeScript(file: string): boolean {
  return TYPESCRIPT_EXTENSIONS.has(extname(file).toLowerCase())
}

/**
 * A TypeScript entry is always built, since CloudFront cannot run TypeScript; a JavaScript
 * entry is deployed byte for byte unless `bundle` or `minify` asks for a build.
 */
export function needsBuild(entry: string, options: BuildSwitches): boolean {
  return isTypeScript(entry) || options.bundle || options.minify
}

/**
 * Refuses a build for cloudfront-js-1.0, before any request. The build keeps the code's own
 * ES2015+ syntax (`const`, `let`, classes, `import` of the runtime's modules) and only
 * removes types, so its output targets cloudfront-js-2.0; js-1.0 accepts none of that.
 * `file` is the entry as the user wrote it (workspace-relative).
 */
export function checkBuildRuntime(file: string, runtime: Runtime, options: BuildSwitches): void {
  if (runtime !== 'cloudfront-js-1.0' || !needsBuild(file, options)) return
  const reasons = [
    isTypeScript(file) ? 'it is TypeScript' : undefined,
    options.bundle ? 'bundle is set' : undefined,
    options.minify ? 'minify is set' : undefined
  ].filter(reason => reason !== undefined)
  throw new InputError(
    'code',
    `${file} must be built (${reasons.join(', ')}), and the build targets cloudfront-js-2.0: ` +
      'it keeps const, let and the import statements of the runtime modules, which ' +
      'cloudfront-js-1.0 does not support. Set runtime: cloudfront-js-2.0 (key value stores ' +
      'need it too), or deploy a plain JavaScript file without bundle and minify.'
  )
}
