// The function CloudFront calls is a top-level declaration nothing else uses, so a bundler
// would tree-shake it away. The build exports it from the entry for the bundler, removes
// every export from the output (CloudFront refuses `export`), and verifies that the result
// declares the entry point under its own name.
import { ENTRY_POINTS } from '../code/check.js'
import type { FunctionKind } from '../types.js'
import { SourceError } from './errors.js'
import type { ModuleInfo } from './module-info.js'
import { RUNTIME_MODULES } from './resolve.js'
import { parseProgram, type AnyNode } from '../code/ast.js'

export function entryPointName(kind: FunctionKind): string {
  return ENTRY_POINTS[kind]
}

/**
 * The line to append to the entry so the bundler keeps the entry point, or '' when the
 * entry exports it already. Throws when the entry does not declare it at all.
 */
export function keepEntryPoint(info: ModuleInfo, kind: FunctionKind, file: string): string {
  const name = entryPointName(kind)
  if (info.exports.has(name)) return ''
  if (info.locals.has(name)) return `\nexport { ${name} };\n`
  const parameter = kind === 'function' ? 'event' : 'connection'
  throw new SourceError(
    file,
    1,
    1,
    `no entry point: CloudFront calls a top-level \`function ${name}(${parameter})\`; declare ` +
      `it in this file, or re-export it from a local module: export { ${name} } from './module.js'.`
  )
}

/**
 * Removes the export statements of bundled code. Each is blanked with spaces, so every
 * position before and after it stays where the source map says it is; trailing blanks
 * (the bundler puts its `export { … }` last) are trimmed.
 */
export function removeExports(code: string): string {
  const program = parseOutput(code)
  let result = code
  for (const statement of program.body as AnyNode[]) {
    if (!statement.type.startsWith('Export')) continue
    // `export function f` keeps `function f`; `export { … }` and re-exports go entirely.
    const declaration = statement.declaration as AnyNode | null | undefined
    const named = declaration?.type === 'VariableDeclaration' || Boolean(declaration?.id)
    const end = declaration && named ? declaration.start : statement.end
    result =
      result.slice(0, statement.start) + blank(code, statement.start, end) + result.slice(end)
  }
  return result.replace(/\s+$/, '') + '\n'
}

/** Keeps line breaks so line numbers do not move. */
function blank(code: string, start: number, end: number): string {
  return code.slice(start, end).replace(/[^\n]/g, ' ')
}

/**
 * Checks what CloudFront will load: a top-level function declaration with the entry
 * point's own name, no `export`, and imports of the runtime's modules only. A failure here
 * is a defect of the build, not of the sources, except for an entry point that is not a
 * function declaration.
 */
export function verifyEntryPoint(code: string, kind: FunctionKind, entry: string): void {
  const name = entryPointName(kind)
  const program = parseOutput(code)
  const body = program.body as AnyNode[]
  for (const statement of body) {
    if (statement.type.startsWith('Export')) {
      throw new Error(`The built code of ${entry} still has an export statement`)
    }
    if (statement.type === 'ImportDeclaration') {
      const source = (statement.source as AnyNode).value as string
      if (!RUNTIME_MODULES.includes(source)) {
        throw new Error(`The built code of ${entry} imports '${source}'`)
      }
    }
  }
  const declared = body.some(
    statement =>
      statement.type === 'FunctionDeclaration' && (statement.id as AnyNode | null)?.name === name
  )
  if (!declared) {
    const parameter = kind === 'function' ? 'event' : 'connection'
    throw new SourceError(
      entry,
      1,
      1,
      `the built code has no top-level \`function ${name}(${parameter})\`, the declaration ` +
        `CloudFront calls: declare ${name} with \`function ${name}(${parameter}) { … }\` ` +
        '(not as a variable, an arrow function or a class).'
    )
  }
}

function parseOutput(code: string): AnyNode {
  return parseProgram(code)
}
