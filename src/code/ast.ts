// The JavaScript syntax tree, as every reader of function code sees it: parsed once the same
// way (the latest ECMAScript, as a module: strict like both runtimes, and `import` allowed),
// with the few helpers the readers share.
import { parse, type Node } from 'acorn'

/** An acorn node whose fields are read by name. */
export type AnyNode = Node & Record<string, unknown>

/** Parses code as the runtimes read it; throws acorn's SyntaxError (with `loc`) on bad code. */
export function parseProgram(source: string): AnyNode {
  return parse(source, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    locations: true
  }) as unknown as AnyNode
}

/** The names a binding pattern declares (`a`, `{ b, c: [d] }`, `...e`, `f = 1`). */
export function patternNames(pattern: unknown): string[] {
  if (pattern === null || typeof pattern !== 'object') return []
  const node = pattern as AnyNode
  switch (node.type) {
    case 'Identifier':
      return [node.name as string]
    case 'ObjectPattern':
      return (node.properties as AnyNode[]).flatMap(p =>
        patternNames(p.type === 'RestElement' ? p.argument : p.value)
      )
    case 'ArrayPattern':
      return (node.elements as unknown[]).flatMap(patternNames)
    case 'RestElement':
      return patternNames(node.argument)
    case 'AssignmentPattern':
      return patternNames(node.left)
    default:
      return []
  }
}
