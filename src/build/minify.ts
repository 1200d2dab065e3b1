// Minification with terser. The entry point keeps its name and its declaration, imports of
// the runtime's modules stay import statements, and property names (`cf.kvs().get`) are
// never mangled. No newer syntax is introduced than the code already uses (terser's ecma 5
// default), so minifying cannot make code the runtime accepted unacceptable.
import { minify as terser } from 'terser'
import { parseProgram, type AnyNode } from '../code/ast.js'

export interface MinifiedCode {
  code: string
  /** Source map (JSON) to the original sources, through `map`. */
  map: string
}

/**
 * `map` is the source map of `code`, and the result maps to the same sources; without one,
 * `code` is the file `file` itself.
 */
export async function minifyCode(
  code: string,
  map: string | undefined,
  file: string,
  entryPoint: string
): Promise<MinifiedCode> {
  const result = await terser(
    { [file]: code },
    {
      // Module scope: top-level names are private to the file, so unused ones can go and the
      // rest can be shortened, all but the entry point.
      module: true,
      compress: {
        // Terser inlines a function called once at its call site; for an async function that
        // makes an async closure, which cloudfront-js-2.0 does not support. Retained
        // top-level functions are never inlined.
        top_retain: [entryPoint, ...topLevelAsyncFunctions(code)]
      },
      mangle: { reserved: [entryPoint] },
      sourceMap: { content: map, includeSources: false }
    }
  )
  if (result.code === undefined || typeof result.map !== 'string') {
    throw new Error('terser returned no code or no source map')
  }
  return { code: result.code.endsWith('\n') ? result.code : result.code + '\n', map: result.map }
}

/** Names of top-level async functions: declarations, and variables holding one. */
function topLevelAsyncFunctions(code: string): string[] {
  const program = parseProgram(code)
  const names: string[] = []
  const isAsync = (node: unknown): boolean => Boolean((node as AnyNode | null)?.async)
  for (const statement of program.body as AnyNode[]) {
    const id = statement.id as AnyNode | null | undefined
    if (statement.type === 'FunctionDeclaration' && isAsync(statement) && id) {
      names.push(id.name as string)
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations as AnyNode[]) {
        const target = declarator.id as AnyNode
        if (target.type === 'Identifier' && isAsync(declarator.init)) {
          names.push(target.name as string)
        }
      }
    }
  }
  return names
}
