// TypeScript to JavaScript by removing the types: sucrase keeps every line where it was
// (so positions stay meaningful even without the map), compiles enums, drops type-only
// imports, and leaves the JavaScript syntax itself as written.
import { transform } from 'sucrase'
import { positionAt, SourceError } from './errors.js'

export interface StrippedModule {
  code: string
  /** Source map (version 3) from the JavaScript back to the TypeScript. */
  map: { version: number; mappings: string; names: string[]; sources: string[]; file: string }
}

/** `path` is where the file is (it names the map's source); `file` names it in errors. */
export function stripTypes(source: string, path: string, file: string): StrippedModule {
  try {
    const result = transform(source, {
      transforms: ['typescript'],
      // Optional chaining and friends stay as written; the code check judges them.
      disableESTransforms: true,
      filePath: path,
      sourceMapOptions: { compiledFilename: file.replace(/\.m?ts$/i, '.js') }
    })
    if (result.sourceMap === undefined) throw new Error('sucrase returned no source map')
    return { code: result.code, map: result.sourceMap }
  } catch (error) {
    const { pos, message } = error as { pos?: number; message?: string }
    if (typeof pos !== 'number') throw error
    const { line, column } = positionAt(source, pos)
    const reason = String(message)
      .replace(/^Error transforming [^:]*: /, '')
      .replace(/\s*\(\d+:\d+\)$/, '')
    throw new SourceError(file, line, column, `TypeScript syntax error: ${reason}. Fix the syntax.`)
  }
}
