// What the build needs to know about one module: where it imports from, and which names it
// declares and exports at the top level (to keep the entry point alive through tree-shaking).
import { parseProgram, patternNames, type AnyNode } from '../code/ast.js'
import { positionAt, SourceError } from './errors.js'

/** One import (or re-export) of a module; line and column are 1-based. */
export interface ImportSite {
  specifier: string
  line: number
  column: number
  /** `import('…')`, which CloudFront Functions cannot run. */
  dynamic: boolean
}

export interface ModuleInfo {
  imports: ImportSite[]
  /** Names bound at the top level: declarations and imports. */
  locals: Set<string>
  /** Names the module exports. */
  exports: Set<string>
}

/** Reads a module's JavaScript (types already removed); `file` names it in errors. */
export function analyzeModule(code: string, file: string): ModuleInfo {
  let program: AnyNode
  try {
    program = parseProgram(code)
  } catch (error) {
    const { pos, message } = error as { pos?: number; message?: string }
    const { line, column } = positionAt(code, pos ?? 0)
    const reason = String(message ?? error).replace(/\s*\(\d+:\d+\)$/, '')
    throw new SourceError(file, line, column, `syntax error: ${reason}. Fix the syntax.`)
  }

  const info: ModuleInfo = { imports: [], locals: new Set(), exports: new Set() }
  for (const statement of program.body as AnyNode[]) collectTopLevel(statement, info)
  collectImports(program, info)
  info.imports.sort((a, b) => a.line - b.line || a.column - b.column)
  return info
}

function collectTopLevel(statement: AnyNode, info: ModuleInfo): void {
  switch (statement.type) {
    case 'ImportDeclaration':
      for (const specifier of statement.specifiers as AnyNode[]) {
        info.locals.add(name(specifier.local))
      }
      break
    case 'ExportNamedDeclaration': {
      const declaration = statement.declaration as AnyNode | null
      if (declaration) {
        for (const declared of declaredNames(declaration)) {
          info.locals.add(declared)
          info.exports.add(declared)
        }
      }
      for (const specifier of statement.specifiers as AnyNode[]) {
        info.exports.add(name(specifier.exported))
      }
      break
    }
    case 'ExportDefaultDeclaration': {
      info.exports.add('default')
      const declaration = statement.declaration as AnyNode
      for (const declared of declaredNames(declaration)) info.locals.add(declared)
      break
    }
    case 'ExportAllDeclaration':
      if (statement.exported) info.exports.add(name(statement.exported))
      break
    default:
      for (const declared of declaredNames(statement)) info.locals.add(declared)
  }
}

/** Every import site, also nested `import()` expressions. */
function collectImports(program: AnyNode, info: ModuleInfo): void {
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    const current = node as AnyNode
    if (typeof current.type !== 'string') return
    const source = current.source as AnyNode | null | undefined
    const isStatic =
      current.type === 'ImportDeclaration' ||
      current.type === 'ExportAllDeclaration' ||
      current.type === 'ExportNamedDeclaration'
    if ((isStatic || current.type === 'ImportExpression') && source) {
      const loc = (current as { loc?: { start: { line: number; column: number } } }).loc
      info.imports.push({
        specifier:
          source.type === 'Literal' && typeof source.value === 'string' ? source.value : '',
        line: loc?.start.line ?? 1,
        column: (loc?.start.column ?? 0) + 1,
        dynamic: current.type === 'ImportExpression'
      })
    }
    for (const [key, child] of Object.entries(current)) {
      if (key !== 'loc' && key !== 'source') visit(child)
    }
  }
  visit(program.body)
}

/** Names a top-level statement declares (functions, classes, variables). */
function declaredNames(node: AnyNode | null): string[] {
  if (!node) return []
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      return node.id ? [name(node.id)] : []
    case 'VariableDeclaration':
      return (node.declarations as AnyNode[]).flatMap(d => patternNames(d.id))
    default:
      return []
  }
}

/** The name of an identifier, or the value of a string literal (`export { a as 'b' }`). */
function name(node: unknown): string {
  const n = node as AnyNode
  return n.type === 'Identifier' ? (n.name as string) : String(n.value)
}
