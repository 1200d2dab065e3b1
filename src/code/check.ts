// Static checks of function code against what the CloudFront Functions runtimes support,
// run before any request so that a deploy fails with an annotation on the offending line.
//
// The rules follow the CloudFront developer guide: "JavaScript runtime 1.0 features",
// "JavaScript runtime 2.0 features" (core features, globals, built-in modules, restricted
// features), "Helper methods for key value stores" and the connection function pages
// ("Create CloudFront Connection Functions", "Associate a CloudFront Connection Function").
// Syntax the guide does not mention is allowed: a check that rejects working code is as
// harmful as one that lets broken code through.

import type { Node } from 'acorn'
import * as walk from 'acorn-walk'
import { parseProgram, patternNames, type AnyNode } from './ast.js'
import type { FunctionKind, Runtime } from '../types.js'

export interface CodeFinding {
  /** Stable identifier of the rule, for filtering and tests. */
  rule: string
  /** What is wrong and how to fix it. */
  message: string
  /** 1-based, as GitHub annotations expect. */
  line: number
  /** 1-based, as GitHub annotations expect. */
  column: number
}

export interface CodeCheckOptions {
  runtime: Runtime
  kind: FunctionKind
}

/** The entry point each kind of function must declare at the top level. */
export const ENTRY_POINTS: Record<FunctionKind, string> = {
  function: 'handler',
  'connection-function': 'connectionHandler'
}

/** Modules each runtime provides ("Built-in modules" and the key value store helpers). */
const MODULES: Record<Runtime, ReadonlySet<string>> = {
  'cloudfront-js-1.0': new Set(['crypto', 'querystring']),
  'cloudfront-js-2.0': new Set(['crypto', 'querystring', 'buffer', 'cloudfront'])
}

/** Node.js modules a function might reach for, with the restriction that rules them out. */
const NODE_MODULE_REASONS: Record<string, string> = {
  fs: 'there is no file system access',
  'fs/promises': 'there is no file system access',
  path: 'there is no file system access',
  http: 'there is no network access',
  https: 'there is no network access',
  http2: 'there is no network access',
  net: 'there is no network access',
  dgram: 'there is no network access',
  dns: 'there is no network access',
  tls: 'there is no network access',
  child_process: 'there is no process access',
  process: 'there is no process access',
  os: 'there is no process access',
  timers: 'timers are not supported',
  vm: 'dynamic code evaluation is not supported'
}

/** Globals the guide's "Restricted features" rule out, with the reason to give. */
const TIMERS = 'timers are not supported; a function must run synchronously to completion'
const NETWORK = 'there is no network access from CloudFront Functions'
const FORBIDDEN_GLOBALS: Record<string, string> = {
  eval: 'dynamic code evaluation throws an error in CloudFront Functions; write the code out instead',
  setTimeout: TIMERS,
  setInterval: TIMERS,
  setImmediate: TIMERS,
  clearTimeout: TIMERS,
  clearInterval: TIMERS,
  clearImmediate: TIMERS,
  fetch: NETWORK,
  XMLHttpRequest: NETWORK,
  WebSocket: NETWORK,
  process:
    'there is no process access and no environment variables; use a key value store for configuration'
}

/** Globals that exist only in runtime 2.0 ("new in JavaScript runtime 2.0"). */
const GLOBALS_2_0_ONLY = new Set(['Buffer', 'atob', 'btoa'])

/** Methods that exist only in runtime 2.0. */
const METHODS_2_0_ONLY: Record<string, string> = {
  replaceAll: 'String.prototype.replaceAll()'
}

/** Static Promise methods that exist only in runtime 2.0. */
const PROMISE_METHODS_2_0_ONLY = new Set(['all', 'allSettled', 'any', 'race'])

/** Nonstandard string methods of runtime 1.0 that runtime 2.0 dropped. */
const METHODS_1_0_ONLY = new Set(['bytesFrom', 'fromBytes', 'fromUTF8', 'toBytes', 'toUTF8'])

const V1: Runtime = 'cloudfront-js-1.0'
const V2: Runtime = 'cloudfront-js-2.0'

export interface Position {
  line: number
  column: number
}

/**
 * Checks function code for the given runtime and kind. Returns the findings in source order;
 * an empty array means the code passed every check.
 */
export function checkCode(source: string, options: CodeCheckOptions): CodeFinding[] {
  // A connection function on runtime 1.0 never gets here: the runtime input refuses it.
  const { runtime, kind } = options
  const findings: CodeFinding[] = []

  let program: AnyNode
  try {
    program = parseProgram(source)
  } catch (error) {
    findings.push(syntaxFinding(error))
    return findings
  }

  const checker = new Checker(source, runtime, findings)
  checker.run(program)
  checkEntryPoint(program, kind, findings)

  return findings.sort((a, b) => a.line - b.line || a.column - b.column)
}

function syntaxFinding(error: unknown): CodeFinding {
  const err = error as { message?: string; loc?: Position }
  const message = String(err.message ?? error).replace(/\s*\(\d+:\d+\)$/, '')
  return {
    rule: 'syntax',
    message: `Syntax error: ${message}`,
    line: err.loc?.line ?? 1,
    column: (err.loc?.column ?? 0) + 1
  }
}

class Checker {
  private readonly declared = new Set<string>()

  constructor(
    private readonly source: string,
    private readonly runtime: Runtime,
    private readonly findings: CodeFinding[]
  ) {}

  run(program: AnyNode): void {
    this.collectDeclarations(program)
    walk.fullAncestor(program, (node, _state, ancestors) => {
      this.visit(node as AnyNode, ancestors as AnyNode[])
    })
  }

  private report(rule: string, node: Node, message: string): void {
    const loc = (node as Node & { loc?: { start: Position } }).loc
    this.findings.push({
      rule,
      message,
      line: loc?.start.line ?? 1,
      column: (loc?.start.column ?? 0) + 1
    })
  }

  /** Names bound anywhere in the program: those are not references to the runtime's globals. */
  private collectDeclarations(program: AnyNode): void {
    const add = (pattern: unknown): void => {
      for (const name of patternNames(pattern)) this.declared.add(name)
    }
    walk.full(program, raw => {
      const node = raw as AnyNode
      switch (node.type) {
        case 'VariableDeclarator':
          add(node.id)
          break
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          add(node.id)
          for (const param of node.params as unknown[]) add(param)
          break
        case 'ClassDeclaration':
        case 'ClassExpression':
          add(node.id)
          break
        case 'CatchClause':
          add(node.param)
          break
        case 'ImportSpecifier':
        case 'ImportDefaultSpecifier':
        case 'ImportNamespaceSpecifier':
          add(node.local)
          break
      }
    })
  }

  private visit(node: AnyNode, ancestors: AnyNode[]): void {
    switch (node.type) {
      case 'VariableDeclaration':
        this.checkDeclarationKind(node)
        break
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (node.async) this.checkAsync(node, ancestors)
        break
      case 'AwaitExpression':
        this.checkAwait(node, ancestors)
        break
      case 'ForOfStatement':
        if (node.await) this.checkAwait(node, ancestors)
        break
      case 'ImportDeclaration':
        this.checkImport(node)
        break
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        // The runtime loads the code as a script with a top-level handler, not as a module.
        this.report(
          'unsupported-syntax',
          node,
          '`export` is not supported: CloudFront does not load code that exports. Remove `export` and keep the top-level handler declaration (or set bundle: true to build the code from modules)'
        )
        break
      case 'ImportExpression':
        this.report(
          'unsupported-syntax',
          node,
          'Dynamic `import()` is not supported: dynamic code loading is restricted in CloudFront Functions; use a static import or bundle the code'
        )
        break
      case 'CallExpression':
      case 'NewExpression':
        this.checkCall(node)
        break
      case 'Identifier':
        this.checkIdentifier(node)
        break
      case 'Literal':
        this.checkNumericSeparator(node)
        break
    }
  }

  private checkDeclarationKind(node: AnyNode): void {
    const kind = node.kind as string
    if (this.runtime === V1 && (kind === 'const' || kind === 'let')) {
      this.report(
        'unsupported-syntax',
        node,
        `\`${kind}\` is not supported by ${V1}: use var, or set runtime: ${V2}`
      )
    }
  }

  private checkAsync(node: AnyNode, ancestors: AnyNode[]): void {
    if (this.runtime === V1) {
      this.report(
        'unsupported-syntax',
        node,
        `\`async\` functions are not supported by ${V1}: set runtime: ${V2}, or make the function synchronous`
      )
      return
    }
    const parent = ancestors[ancestors.length - 2]
    const isArgument =
      parent !== undefined &&
      (parent.type === 'CallExpression' || parent.type === 'NewExpression') &&
      (parent.arguments as unknown[]).includes(node)
    if (isArgument) {
      this.report(
        'unsupported-syntax',
        node,
        `Async functions passed as arguments are not supported by ${V2}: declare an async function at the top level and await it inside the caller`
      )
    } else if (enclosingFunction(ancestors) !== undefined) {
      this.report(
        'unsupported-syntax',
        node,
        `Async closures are not supported by ${V2}: move the async function to the top level of the code`
      )
    }
  }

  private checkAwait(node: AnyNode, ancestors: AnyNode[]): void {
    if (this.runtime === V1) {
      this.report(
        'unsupported-syntax',
        node,
        `\`await\` is not supported by ${V1}: set runtime: ${V2}, or make the code synchronous`
      )
      return
    }
    if (enclosingFunction(ancestors) === undefined) {
      this.report(
        'unsupported-syntax',
        node,
        `\`await\` can be used inside async functions only: move it into an async function such as \`async function handler(event)\``
      )
    }
  }

  private checkImport(node: AnyNode): void {
    const source = (node.source as AnyNode).value as string
    if (this.runtime === V1) {
      const hint =
        source === 'cloudfront'
          ? `the \`cloudfront\` module (key value store helpers) needs ${V2}: set runtime: ${V2}`
          : MODULES[V1].has(source)
            ? `use \`var ${identifierFor(source)} = require('${source}')\`, or set runtime: ${V2}`
            : `set runtime: ${V2}`
      this.report('unsupported-syntax', node, `\`import\` is not supported by ${V1}: ${hint}`)
      return
    }
    this.checkModule(source, node.source as AnyNode)
  }

  private checkModule(name: string, node: Node): void {
    if (MODULES[this.runtime].has(name)) return
    const bare = name.startsWith('node:') ? name.slice('node:'.length) : name
    const reason = NODE_MODULE_REASONS[bare]
    let message: string
    if (reason !== undefined) {
      message = `Module '${name}' is not available in CloudFront Functions: ${reason}`
    } else if (this.runtime === V1 && MODULES[V2].has(bare)) {
      message = `Module '${name}' is not provided by ${V1}: set runtime: ${V2}`
    } else if (bare !== name && MODULES[this.runtime].has(bare)) {
      message = `Module '${name}' is not a CloudFront Functions module: load '${bare}' instead`
    } else {
      const known = [...MODULES[this.runtime]].map(m => `'${m}'`).join(', ')
      message = `Module '${name}' is not provided by ${this.runtime} (built-in modules: ${known}): bundle the code it provides into the function`
    }
    this.report('unknown-module', node, message)
  }

  private checkCall(node: AnyNode): void {
    const callee = node.callee as AnyNode
    if (callee.type === 'Identifier') {
      const name = callee.name as string
      if (name === 'Function' && !this.declared.has(name)) {
        this.report(
          'forbidden-global',
          node,
          'The `Function` constructor is not supported: dynamic code evaluation throws an error in CloudFront Functions; write the function out instead'
        )
      }
      if (name === 'require' && node.type === 'CallExpression' && !this.declared.has(name)) {
        const arg = (node.arguments as AnyNode[])[0]
        if (arg !== undefined && arg.type === 'Literal' && typeof arg.value === 'string') {
          this.checkModule(arg.value, arg)
        }
      }
      return
    }
    if (callee.type !== 'MemberExpression' || callee.computed) return
    const property = (callee.property as AnyNode).name as string
    const object = callee.object as AnyNode
    if (this.runtime === V1) {
      if (METHODS_2_0_ONLY[property] !== undefined) {
        this.report(
          'unsupported-api',
          callee.property as Node,
          `${METHODS_2_0_ONLY[property]} is not available in ${V1}: use replace() with a global regular expression, or set runtime: ${V2}`
        )
      } else if (
        object.type === 'Identifier' &&
        object.name === 'Promise' &&
        PROMISE_METHODS_2_0_ONLY.has(property) &&
        !this.declared.has('Promise')
      ) {
        this.report(
          'unsupported-api',
          callee.property as Node,
          `Promise.${property}() is not available in ${V1}: set runtime: ${V2}`
        )
      }
    } else if (METHODS_1_0_ONLY.has(property)) {
      this.report(
        'unsupported-api',
        callee.property as Node,
        `String.prototype.${property}() is not available in ${V2}: use Buffer (for example Buffer.from(s, 'base64').toString()) instead`
      )
    }
  }

  private checkIdentifier(node: AnyNode): void {
    // acorn-walk visits identifiers in reference and binding positions only, never property
    // names (`o.setTimeout`, `{ eval: 1 }`) or labels, so a free name here is a global.
    const name = node.name as string
    if (this.declared.has(name)) return
    const forbidden = FORBIDDEN_GLOBALS[name]
    if (forbidden !== undefined) {
      this.report('forbidden-global', node, `\`${name}\` is not available: ${forbidden}`)
    } else if (this.runtime === V1 && GLOBALS_2_0_ONLY.has(name)) {
      this.report(
        'unsupported-api',
        node,
        `\`${name}\` is not available in ${V1}: set runtime: ${V2}`
      )
    }
  }

  private checkNumericSeparator(node: AnyNode): void {
    if (this.runtime !== V1 || (typeof node.value !== 'number' && typeof node.value !== 'bigint')) {
      return
    }
    const raw = this.source.slice(node.start, node.end)
    if (raw.includes('_')) {
      this.report(
        'unsupported-syntax',
        node,
        `Numeric separators are not supported by ${V1}: write ${raw.replace(/_/g, '')}, or set runtime: ${V2}`
      )
    }
  }
}

/** The innermost function among the ancestors of the current node (excluding the node). */
function enclosingFunction(ancestors: AnyNode[]): AnyNode | undefined {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const type = ancestors[i].type
    if (
      type === 'FunctionDeclaration' ||
      type === 'FunctionExpression' ||
      type === 'ArrowFunctionExpression'
    ) {
      return ancestors[i]
    }
  }
  return undefined
}

function identifierFor(moduleName: string): string {
  return moduleName.replace(/[^A-Za-z0-9_$]/g, '_')
}

/** The top-level function declaration named `name`, also when it is exported. */
function findTopLevelFunction(program: AnyNode, name: string): AnyNode | undefined {
  for (const statement of program.body as AnyNode[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? (statement.declaration as AnyNode | null)
        : statement
    if (
      declaration?.type === 'FunctionDeclaration' &&
      (declaration.id as AnyNode | null)?.name === name
    ) {
      return declaration
    }
  }
  return undefined
}

/** A top-level `var|let|const name = ...` binding, to explain why it does not count. */
function findTopLevelBinding(program: AnyNode, name: string): boolean {
  return (program.body as AnyNode[]).some(
    statement =>
      statement.type === 'VariableDeclaration' &&
      (statement.declarations as AnyNode[]).some(d => patternNames(d.id).includes(name))
  )
}

function checkEntryPoint(program: AnyNode, kind: FunctionKind, findings: CodeFinding[]): void {
  const name = ENTRY_POINTS[kind]
  if (findTopLevelFunction(program, name) !== undefined) return

  const parameter = kind === 'function' ? 'event' : 'connection'
  const example = `\`function ${name}(${parameter}) { ... }\``
  let message: string
  if (findTopLevelBinding(program, name)) {
    message = `\`${name}\` must be a top-level function declaration: write ${example}`
  } else if (kind === 'connection-function' && findTopLevelFunction(program, 'handler')) {
    message = `Connection functions are called through \`connectionHandler\`, not \`handler\`: rename it to ${example}`
  } else if (kind === 'function' && findTopLevelFunction(program, 'connectionHandler')) {
    message = `CloudFront Functions are called through \`handler\`; \`connectionHandler\` is the entry point of connection functions: rename it to ${example}, or set type: connection-function`
  } else {
    message = `No entry point: CloudFront calls a top-level ${example} that ${
      kind === 'function'
        ? 'returns the request or a response'
        : 'calls connection.allow() or connection.deny()'
    }`
  }
  findings.push({ rule: 'missing-handler', message, line: 1, column: 1 })
}

/**
 * Where the code first reaches for a key value store, or `undefined` when it never does (or
 * does not parse). The `cloudfront` module is the only way to a store, so once the code loads
 * it (import or require, under any name), any `kvs` it touches counts: `cf.kvs()`,
 * `require('cloudfront').kvs()`, an alias, `{ kvs }`, `cf['kvs']`. Erring towards "reads a
 * store" is safe: the guard it feeds stops a deploy that would detach a store.
 */
export function findKeyValueStoreUse(source: string): Position | undefined {
  let program: AnyNode
  try {
    program = parseProgram(source)
  } catch {
    return undefined
  }
  let loadsCloudfront = false
  const uses: Node[] = []
  const named = (node: AnyNode): unknown =>
    node.type === 'Identifier' ? node.name : node.type === 'Literal' ? node.value : undefined
  walk.full(program, raw => {
    const node = raw as AnyNode
    switch (node.type) {
      case 'ImportDeclaration':
        if ((node.source as AnyNode).value === 'cloudfront') loadsCloudfront = true
        break
      case 'CallExpression': {
        const callee = node.callee as AnyNode
        const arg = (node.arguments as AnyNode[])[0]
        if (
          callee.type === 'Identifier' &&
          callee.name === 'require' &&
          arg?.value === 'cloudfront'
        ) {
          loadsCloudfront = true
        }
        break
      }
      case 'MemberExpression':
        if (named(node.property as AnyNode) === 'kvs') uses.push(node)
        break
      case 'ObjectPattern':
        // `{ kvs } = cf`: the walker passes patterns, not their properties.
        for (const property of node.properties as AnyNode[]) {
          if (property.type === 'Property' && named(property.key as AnyNode) === 'kvs') {
            uses.push(property)
          }
        }
        break
      case 'ImportSpecifier':
        if (named(node.imported as AnyNode) === 'kvs') uses.push(node)
        break
    }
  })
  if (!loadsCloudfront) return undefined
  const first = uses
    .map(node => (node as Node & { loc: { start: Position } }).loc.start)
    .sort((a, b) => a.line - b.line || a.column - b.column)[0]
  return first && { line: first.line, column: first.column + 1 }
}

/** Syntax real functions use that the guide's feature lists do not mention. */
const UNLISTED_SYNTAX: { test: (node: AnyNode) => boolean; feature: string }[] = [
  { test: node => node.type === 'ChainExpression', feature: 'Optional chaining (`?.`)' },
  {
    test: node =>
      (node.type === 'LogicalExpression' && node.operator === '??') ||
      (node.type === 'AssignmentExpression' &&
        ['??=', '||=', '&&='].includes(node.operator as string)),
    feature: 'Nullish coalescing and logical assignment (`??`, `??=`, `||=`, `&&=`)'
  },
  {
    test: node => node.type === 'SpreadElement',
    feature: 'Spread (`...`) in arrays, calls and objects'
  },
  {
    test: node => node.type === 'ObjectPattern' || node.type === 'ArrayPattern',
    feature: 'Destructuring'
  },
  { test: node => node.type === 'AssignmentPattern', feature: 'Default parameter values' },
  { test: node => node.type === 'ForOfStatement', feature: '`for…of` loops' },
  {
    test: node => node.type === 'ClassDeclaration' || node.type === 'ClassExpression',
    feature: 'Classes'
  },
  {
    test: node =>
      (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') &&
      node.generator === true,
    feature: 'Generator functions (`function*`)'
  }
]

/**
 * Warnings, not errors: syntax that the runtime feature pages of the developer guide do not
 * list, although public functions use it and reports disagree on whether CloudFront accepts
 * it. One finding per feature, at its first use; `undefined` positions never occur.
 */
export function findUnlistedSyntax(source: string, runtime: Runtime): CodeFinding[] {
  let program: AnyNode
  try {
    program = parseProgram(source)
  } catch {
    return []
  }
  const first = new Map<string, { node: Node; count: number }>()
  walk.full(program, raw => {
    const node = raw as AnyNode
    for (const { test, feature } of UNLISTED_SYNTAX) {
      if (!test(node)) continue
      const seen = first.get(feature)
      if (seen) seen.count++
      else first.set(feature, { node, count: 1 })
    }
  })
  const page = `"JavaScript runtime ${runtime === V1 ? '1.0' : '2.0'} features for CloudFront Functions"`
  return [...first.entries()]
    .map(([feature, { node, count }]) => {
      const start = (node as Node & { loc: { start: Position } }).loc.start
      const uses = count > 1 ? ` It is used ${count} times; this is the first.` : ''
      return {
        rule: 'unlisted-syntax',
        message: `The developer guide's page ${page} does not list this syntax: ${feature}.${uses} Public functions use it and the local runtime runs it, but CloudFront's support is not documented: if CloudFront refuses the function, rewrite it with the listed features.`,
        line: start.line,
        column: start.column + 1
      }
    })
    .sort((a, b) => a.line - b.line || a.column - b.column)
}
