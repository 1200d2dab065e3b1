// Turns function code as deployed into a script the sandbox can run.
//
// CloudFront loads runtime 2.0 code with top-level `import x from 'crypto'` (and 'querystring',
// 'buffer', 'cloudfront'), which a vm script cannot contain: each import declaration becomes a
// `const` bound to the built-in module, on the same lines, so error positions stay right.
// `export`, `import()` and `import.meta` fail the load, as the service cannot load such code.

import type { Node } from 'acorn'
import * as walk from 'acorn-walk'
import type { Runtime } from '../types.js'
import { parseProgram, type AnyNode } from '../code/ast.js'
import { checkCode } from '../code/check.js'
import { IMPORT_ENTRY } from './sandbox/bootstrap.js'

export type PreparedSource = { script: string } | { error: string }

export function prepareSource(code: string, runtime: Runtime): PreparedSource {
  let program: AnyNode
  try {
    program = parseProgram(code)
  } catch (error) {
    return { error: `SyntaxError: ${(error as Error).message}` }
  }

  const refusal = findUnsupported(program, runtime) ?? findUnsupportedSyntax(code, runtime)
  if (refusal !== undefined) return { error: refusal }

  let script = ''
  let at = 0
  for (const statement of program.body as AnyNode[]) {
    if (statement.type !== 'ImportDeclaration') continue
    const original = code.slice(statement.start, statement.end)
    const lineBreaks = original.split('\n').length - 1
    script += code.slice(at, statement.start) + importBindings(statement) + '\n'.repeat(lineBreaks)
    at = statement.end
  }
  script += code.slice(at)
  // Both runtimes always run in strict mode; the directive shares line 1 to keep line numbers.
  return { script: `'use strict'; ${script}` }
}

function findUnsupported(program: AnyNode, runtime: Runtime): string | undefined {
  let refusal: string | undefined
  const refuse = (node: AnyNode, message: string): void => {
    if (refusal !== undefined) return
    const line = (node.loc as { start: { line: number } } | undefined)?.start.line
    refusal = `SyntaxError: ${message} (line ${line})`
  }
  walk.full(program as Node, raw => {
    const node = raw as AnyNode
    switch (node.type) {
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        refuse(
          node,
          '`export` is not supported: CloudFront Functions load the code as a script, not a module; remove `export`'
        )
        break
      case 'ImportDeclaration':
        if (runtime === 'cloudfront-js-1.0') {
          refuse(
            node,
            '`import` is not supported by cloudfront-js-1.0: use `require()`, or runtime cloudfront-js-2.0'
          )
        }
        break
      case 'ImportExpression':
        refuse(node, '`import()` is not supported: import built-in modules at the top of the code')
        break
      case 'MetaProperty':
        if ((node.meta as AnyNode).name === 'import') refuse(node, '`import.meta` is not supported')
        break
    }
  })
  return refusal
}

function importBindings(declaration: AnyNode): string {
  const load = `${IMPORT_ENTRY}(${JSON.stringify((declaration.source as AnyNode).value)})`
  const specifiers = declaration.specifiers as AnyNode[]
  if (specifiers.length === 0) return `${load};`
  const named: string[] = []
  const statements: string[] = []
  for (const specifier of specifiers) {
    const local = (specifier.local as AnyNode).name as string
    if (specifier.type === 'ImportSpecifier') {
      const imported = specifier.imported as AnyNode
      const name = (imported.type === 'Identifier' ? imported.name : imported.value) as string
      named.push(`${JSON.stringify(name)}: ${local}`)
    } else {
      // Default and namespace imports both bind the module object.
      statements.push(`const ${local} = ${load};`)
    }
  }
  if (named.length > 0) statements.push(`const { ${named.join(', ')} } = ${load};`)
  return statements.join(' ')
}

/**
 * The language level of the runtime (`const` in 1.0, async closures in 2.0...): the code
 * check's rules, so that what the check refuses the runtime cannot load, as CloudFront would
 * not. Restricted globals (eval, timers) stay run-time errors, as they are in CloudFront.
 */
function findUnsupportedSyntax(code: string, runtime: Runtime): string | undefined {
  const finding = checkCode(code, { runtime, kind: 'function' }).find(
    item => item.rule === 'unsupported-syntax'
  )
  return finding && `SyntaxError: ${finding.message} (line ${finding.line})`
}
