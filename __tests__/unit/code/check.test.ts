import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkCode, findKeyValueStoreUse, type CodeFinding } from '../../../src/code/check.js'
import type { FunctionKind, Runtime } from '../../../src/types.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixture = (name: string) =>
  readFileSync(path.join(here, '..', '..', 'fixtures', 'code-check', name), 'utf8')

const V1: Runtime = 'cloudfront-js-1.0'
const V2: Runtime = 'cloudfront-js-2.0'
const FN: FunctionKind = 'function'
const CONN: FunctionKind = 'connection-function'

/** Wraps a statement in a minimal valid handler so that only the statement is under test. */
const inHandler = (body: string) =>
  `function handler(event) {\n  ${body}\n  return event.request\n}\n`

const where = (findings: CodeFinding[]) => findings.map(f => `${f.rule}@${f.line}:${f.column}`)

describe('checkCode accepts valid code', () => {
  it.each<[string, Runtime, FunctionKind]>([
    ['v1-url-rewrite.js', V1, FN],
    ['v1-url-rewrite.js', V2, FN],
    ['v1-security-headers.js', V1, FN],
    ['v1-security-headers.js', V2, FN],
    ['v1-redirect.js', V1, FN],
    ['v1-redirect.js', V2, FN],
    ['v2-kvs.js', V2, FN],
    ['v2-auth.js', V2, FN],
    ['connection-revocation.js', V2, CONN],
    ['connection-subject.js', V2, CONN]
  ])('%s on %s (%s)', (file, runtime, kind) => {
    expect(checkCode(fixture(file), { runtime, kind })).toEqual([])
  })

  it.each<[string, Runtime, string]>([
    ['template literals with nesting', V1, 'var a = `x${`y${1}`}z`'],
    ['multiline template literals', V1, 'var a = `line one\n  line two`'],
    ['arrow functions and rest parameters', V1, 'var f = (a, ...rest) => rest.length + a'],
    ['the exponentiation operator', V1, 'var x = 2 ** 10'],
    ['named capture groups', V1, "var m = /(?<y>\\d{4})/.exec('2024').groups.y"],
    ['labels, do-while, for-in', V1, 'l: do { for (var k in event) { break l } } while (false)'],
    ['nonstandard byte string methods', V1, "var b = ''.toUTF8() + ''.fromUTF8()"],
    ['require of querystring', V1, "var qs = require('querystring')"],
    ['const and let', V2, 'const a = 1; let b = a'],
    ['numeric separators', V2, 'var n = 1_000_000'],
    ['Buffer, atob and btoa', V2, "var s = Buffer.from(atob(btoa('x'))).toString('hex')"],
    [
      'Promise combinators',
      V2,
      'var p = Promise.allSettled([Promise.any([1]), Promise.race([2])])'
    ],
    ['import of crypto', V2, ''],
    [
      'a local binding that shadows a restricted global',
      V1,
      'var setTimeout = 1; var eval2 = setTimeout'
    ],
    ['a parameter named like a timer', V1, 'var f = function (setTimeout) { return setTimeout }'],
    [
      'a property named like a restricted global',
      V1,
      'var o = { eval: 1, process: 2 }; o.setTimeout = o.fetch'
    ],
    ['a method named replaceAll on 2.0', V2, "var s = 'a'.replaceAll('a', 'b')"],
    ['Function.prototype methods', V1, 'var f = Function.prototype.call'],
    ['a label named like a timer', V1, 'setTimeout: for (;;) { break setTimeout }'],
    ['a local class named like a global', V2, 'class process {}; var p = new process()'],
    [
      'a destructured local shadowing a global',
      V2,
      'const { fetch, ...rest } = event; const [process = 1] = [fetch]'
    ],
    [
      'optional catch binding and nullish coalescing',
      V2,
      'try { x() } catch { var y = event.a ?? 1 }'
    ]
  ])('%s on %s', (_label, runtime, body) => {
    const source =
      body === ''
        ? "import crypto from 'crypto'\nfunction handler(event) { return crypto }\n"
        : inHandler(body)
    expect(checkCode(source, { runtime, kind: FN })).toEqual([])
  })

  it('accepts an async handler on 2.0', () => {
    const source = 'async function handler(event) { return event.request }'
    expect(checkCode(source, { runtime: V2, kind: FN })).toEqual([])
  })

  it.each([
    'export function handler(event) { return event.request }',
    'export default function handler(event) { return event.request }',
    'function handler(event) { return event.request }\nexport { handler }'
  ])('refuses export on 2.0 too: %s', source => {
    expect(checkCode(source, { runtime: V2, kind: FN }).map(f => f.rule)).toEqual([
      'unsupported-syntax'
    ])
  })

  it('accepts a top-level async arrow function and async object methods on 2.0', () => {
    const source = [
      'const load = async key => key',
      'const api = { async get(key) { return await load(key) } }',
      'async function handler(event) { return await api.get(event.request) }'
    ].join('\n')
    expect(checkCode(source, { runtime: V2, kind: FN })).toEqual([])
  })
})

describe('checkCode rejects', () => {
  it.each<[string, Runtime, FunctionKind, string, string, string]>([
    // label, runtime, kind, source, rule@line:column, message fragment
    [
      'a syntax error',
      V2,
      FN,
      'function handler(event) {\n  return event.request\n}}\n',
      'syntax@3:2',
      'Syntax error: Unexpected token'
    ],
    [
      'an unterminated string',
      V1,
      FN,
      "function handler(event) {\n  var a = 'x\n}\n",
      'syntax@2:11',
      'Syntax error: Unterminated string constant'
    ],
    [
      'a with statement (strict mode)',
      V1,
      FN,
      inHandler('with (event) {}'),
      'syntax@2:3',
      'Syntax error:'
    ],
    [
      'const on 1.0',
      V1,
      FN,
      inHandler('const a = 1'),
      'unsupported-syntax@2:3',
      '`const` is not supported by cloudfront-js-1.0: use var, or set runtime: cloudfront-js-2.0'
    ],
    [
      'let on 1.0',
      V1,
      FN,
      inHandler('for (let i = 0; i < 1; i++) {}'),
      'unsupported-syntax@2:8',
      '`let` is not supported by cloudfront-js-1.0'
    ],
    [
      'an async handler on 1.0',
      V1,
      FN,
      'async function handler(event) {\n  return event.request\n}\n',
      'unsupported-syntax@1:1',
      '`async` functions are not supported by cloudfront-js-1.0: set runtime: cloudfront-js-2.0'
    ],
    [
      'await on 1.0',
      V1,
      FN,
      'function handler(event) {\n  return event.request\n}\nawait 1\n',
      'unsupported-syntax@4:1',
      '`await` is not supported by cloudfront-js-1.0'
    ],
    [
      'top-level await on 2.0',
      V2,
      FN,
      "import cf from 'cloudfront'\nconst v = await cf.kvs().get('k')\nfunction handler(event) { return event.request }\n",
      'unsupported-syntax@2:11',
      '`await` can be used inside async functions only'
    ],
    [
      'top-level for await on 2.0',
      V2,
      FN,
      'for await (const x of []) {}\nfunction handler(event) { return event.request }\n',
      'unsupported-syntax@1:1',
      '`await` can be used inside async functions only'
    ],
    [
      'an async callback on 2.0',
      V2,
      FN,
      'async function handler(event) {\n  await Promise.all([1].map(async x => x))\n  return event.request\n}\n',
      'unsupported-syntax@2:29',
      'Async functions passed as arguments are not supported by cloudfront-js-2.0'
    ],
    [
      'an async closure on 2.0',
      V2,
      FN,
      'function handler(event) {\n  var f = async function () {}\n  return event.request\n}\n',
      'unsupported-syntax@2:11',
      'Async closures are not supported by cloudfront-js-2.0: move the async function to the top level'
    ],
    [
      'a nested async function declaration on 2.0',
      V2,
      FN,
      'function handler(event) {\n  async function inner() {}\n  return event.request\n}\n',
      'unsupported-syntax@2:3',
      'Async closures are not supported'
    ],
    [
      'eval',
      V2,
      FN,
      inHandler("eval('1 + 1')"),
      'forbidden-global@2:3',
      '`eval` is not available: dynamic code evaluation throws an error'
    ],
    [
      'new Function',
      V1,
      FN,
      inHandler("var sum = new Function('a', 'b', 'return a + b')"),
      'forbidden-global@2:13',
      'The `Function` constructor is not supported'
    ],
    [
      'Function called without new',
      V2,
      FN,
      inHandler("var f = Function('return 1')"),
      'forbidden-global@2:11',
      'The `Function` constructor is not supported'
    ],
    [
      'setTimeout',
      V1,
      FN,
      inHandler('setTimeout(function () {}, 10)'),
      'forbidden-global@2:3',
      '`setTimeout` is not available: timers are not supported; a function must run synchronously'
    ],
    [
      'setInterval',
      V2,
      FN,
      inHandler('var t = setInterval'),
      'forbidden-global@2:11',
      '`setInterval` is not available: timers are not supported'
    ],
    [
      'setImmediate',
      V2,
      FN,
      inHandler('setImmediate(() => 1)'),
      'forbidden-global@2:3',
      '`setImmediate` is not available'
    ],
    [
      'clearTimeout',
      V2,
      FN,
      inHandler('clearTimeout(1)'),
      'forbidden-global@2:3',
      '`clearTimeout` is not available'
    ],
    [
      'fetch',
      V2,
      CONN,
      'async function connectionHandler(connection) {\n  await fetch("https://example.com")\n  connection.allow()\n}\n',
      'forbidden-global@2:9',
      '`fetch` is not available: there is no network access'
    ],
    [
      'XMLHttpRequest',
      V1,
      FN,
      inHandler('var x = new XMLHttpRequest()'),
      'forbidden-global@2:15',
      'no network access'
    ],
    [
      'process.env',
      V2,
      FN,
      inHandler('var key = process.env.KEY'),
      'forbidden-global@2:13',
      '`process` is not available: there is no process access and no environment variables; use a key value store'
    ],
    [
      'require of fs',
      V2,
      FN,
      "var fs = require('fs')\n" + inHandler(''),
      'unknown-module@1:18',
      "Module 'fs' is not available in CloudFront Functions: there is no file system access"
    ],
    [
      'import of https',
      V2,
      FN,
      "import https from 'https'\n" + inHandler(''),
      'unknown-module@1:19',
      "Module 'https' is not available in CloudFront Functions: there is no network access"
    ],
    [
      'a node: module name',
      V2,
      FN,
      "import crypto from 'node:crypto'\n" + inHandler(''),
      'unknown-module@1:20',
      "Module 'node:crypto' is not a CloudFront Functions module: load 'crypto' instead"
    ],
    [
      'an unknown npm module',
      V2,
      FN,
      "const jwt = require('jsonwebtoken')\n" + inHandler(''),
      'unknown-module@1:21',
      "Module 'jsonwebtoken' is not provided by cloudfront-js-2.0 (built-in modules: 'crypto', 'querystring', 'buffer', 'cloudfront'): bundle"
    ],
    [
      'an unknown module on 1.0',
      V1,
      FN,
      "var uuid = require('uuid')\n" + inHandler(''),
      'unknown-module@1:20',
      "(built-in modules: 'crypto', 'querystring')"
    ],
    [
      'require of cloudfront on 1.0',
      V1,
      FN,
      "var cf = require('cloudfront')\n" + inHandler(''),
      'unknown-module@1:18',
      "Module 'cloudfront' is not provided by cloudfront-js-1.0: set runtime: cloudfront-js-2.0"
    ],
    [
      'import of cloudfront on 1.0',
      V1,
      FN,
      "import cf from 'cloudfront'\n" + inHandler(''),
      'unsupported-syntax@1:1',
      'the `cloudfront` module (key value store helpers) needs cloudfront-js-2.0'
    ],
    [
      'import of crypto on 1.0',
      V1,
      FN,
      "import crypto from 'crypto'\n" + inHandler(''),
      'unsupported-syntax@1:1',
      "`import` is not supported by cloudfront-js-1.0: use `var crypto = require('crypto')`"
    ],
    [
      'import of another module on 1.0',
      V1,
      FN,
      "import x from 'buffer'\n" + inHandler(''),
      'unsupported-syntax@1:1',
      '`import` is not supported by cloudfront-js-1.0: set runtime: cloudfront-js-2.0'
    ],
    [
      'export on 1.0',
      V1,
      FN,
      'export function handler(event) {\n  return event.request\n}\n',
      'unsupported-syntax@1:1',
      '`export` is not supported: CloudFront does not load code that exports'
    ],
    [
      'dynamic import',
      V2,
      FN,
      "async function handler(event) {\n  await import('./x.js')\n  return event.request\n}\n",
      'unsupported-syntax@2:9',
      'Dynamic `import()` is not supported'
    ],
    [
      'numeric separators on 1.0',
      V1,
      FN,
      inHandler('var max = 86_400'),
      'unsupported-syntax@2:13',
      'Numeric separators are not supported by cloudfront-js-1.0: write 86400'
    ],
    [
      'Buffer on 1.0',
      V1,
      FN,
      inHandler("var b = Buffer.from('x')"),
      'unsupported-api@2:11',
      '`Buffer` is not available in cloudfront-js-1.0: set runtime: cloudfront-js-2.0'
    ],
    [
      'btoa on 1.0',
      V1,
      FN,
      inHandler("var b = btoa('x')"),
      'unsupported-api@2:11',
      '`btoa` is not available in cloudfront-js-1.0'
    ],
    [
      'replaceAll on 1.0',
      V1,
      FN,
      inHandler("var u = event.request.uri.replaceAll('//', '/')"),
      'unsupported-api@2:29',
      'String.prototype.replaceAll() is not available in cloudfront-js-1.0: use replace() with a global regular expression'
    ],
    [
      'Promise.all on 1.0',
      V1,
      FN,
      inHandler('var p = Promise.all([])'),
      'unsupported-api@2:19',
      'Promise.all() is not available in cloudfront-js-1.0'
    ],
    [
      'a 1.0-only string method on 2.0',
      V2,
      FN,
      inHandler("var s = ''.bytesFrom('aGk=', 'base64')"),
      'unsupported-api@2:14',
      'String.prototype.bytesFrom() is not available in cloudfront-js-2.0: use Buffer'
    ]
  ])('%s (%s, %s)', (_label, runtime, kind, source, at, fragment) => {
    const findings = checkCode(source, { runtime, kind })
    expect(where(findings)).toEqual([at])
    expect(findings[0].message).toContain(fragment)
  })
})

describe('checkCode entry points', () => {
  it.each<[string, Runtime, FunctionKind, string, string]>([
    [
      'no handler at all',
      V2,
      FN,
      'function main(event) { return event.request }',
      'No entry point: CloudFront calls a top-level `function handler(event) { ... }` that returns the request or a response'
    ],
    [
      'a handler bound to a variable',
      V1,
      FN,
      'var handler = function (event) { return event.request }',
      '`handler` must be a top-level function declaration: write `function handler(event) { ... }`'
    ],
    [
      'a handler nested in a block',
      V1,
      FN,
      '{\n  function handler(event) { return event.request }\n}',
      'No entry point: CloudFront calls a top-level `function handler(event) { ... }` that returns the request or a response'
    ],
    [
      'a connection handler in a CloudFront Function',
      V2,
      FN,
      'function connectionHandler(connection) { connection.allow() }',
      'CloudFront Functions are called through `handler`; `connectionHandler` is the entry point of connection functions: rename it to `function handler(event) { ... }`, or set type: connection-function'
    ],
    [
      'a handler in a connection function',
      V2,
      CONN,
      'function handler(connection) { connection.allow() }',
      'Connection functions are called through `connectionHandler`, not `handler`: rename it to `function connectionHandler(connection) { ... }`'
    ],
    [
      'no connection handler',
      V2,
      CONN,
      'var x = 1',
      'No entry point: CloudFront calls a top-level `function connectionHandler(connection) { ... }` that calls connection.allow() or connection.deny()'
    ]
  ])('reports %s', (_label, runtime, kind, source, message) => {
    expect(checkCode(source, { runtime, kind })).toEqual([
      { rule: 'missing-handler', message, line: 1, column: 1 }
    ])
  })

  it('still finds an exported handler, so the only finding is the export', () => {
    const source = 'export default function handler(event) { return event.request }'
    expect(checkCode(source, { runtime: V2, kind: FN }).map(f => f.rule)).toEqual([
      'unsupported-syntax'
    ])
  })

  it('reports only the syntax error when the code does not parse', () => {
    const findings = checkCode('function connectionHandler(c) {', { runtime: V2, kind: CONN })
    expect(where(findings)).toEqual(['syntax@1:32'])
  })
})

describe('checkCode findings', () => {
  it('come in source order, several per file', () => {
    const source = [
      'const a = 1',
      'var fs = require("fs")',
      'function handler(event) {',
      '  setTimeout(() => 1, 1); let b = eval("a")',
      '  return event.request',
      '}'
    ].join('\n')
    expect(where(checkCode(source, { runtime: V1, kind: FN }))).toEqual([
      'unsupported-syntax@1:1',
      'unknown-module@2:18',
      'forbidden-global@4:3',
      'unsupported-syntax@4:27',
      'forbidden-global@4:35'
    ])
  })

  it('carry 1-based columns for code on the first column', () => {
    const [finding] = checkCode('setTimeout()\nfunction handler(e) { return e }', {
      runtime: V2,
      kind: FN
    })
    expect(finding).toMatchObject({ line: 1, column: 1 })
  })
})

describe('findKeyValueStoreUse', () => {
  it.each([
    ["import cf from 'cloudfront'\nconst s = cf.kvs()", { line: 2, column: 11 }],
    ["import * as cf from 'cloudfront'\nconst s = cf['kvs']('id')", { line: 2, column: 11 }],
    ["import { kvs } from 'cloudfront'", { line: 1, column: 10 }],
    ["import cf from 'cloudfront'\nconst { kvs } = cf", { line: 2, column: 9 }],
    ["const cf = require('cloudfront')\nvar k = cf.kvs()", { line: 2, column: 9 }],
    ["const { kvs } = require('cloudfront')", { line: 1, column: 9 }],
    ["var s = require('cloudfront').kvs()", { line: 1, column: 9 }],
    ["import cf from 'cloudfront'\nconst c = cf\nc.kvs()", { line: 3, column: 1 }]
  ])('finds the store read in %j', (source, position) => {
    expect(findKeyValueStoreUse(source)).toEqual(position)
  })

  it.each([
    'function handler(e) { return e.request }',
    "import cf from 'cloudfront'\ncf.updateRequestOrigin({})",
    // Without the cloudfront module there is no store to read.
    'var other = { kvs: () => 1 }; other.kvs()',
    'not valid javascript {'
  ])('finds none in %j', source => {
    expect(findKeyValueStoreUse(source)).toBeUndefined()
  })
})
