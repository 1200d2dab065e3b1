// The code check and the runtime agree: what the check accepts, the runtime runs; what the
// runtime cannot run, the check refuses first. Each snippet goes through both.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkCode, findUnlistedSyntax } from '../../../src/code/check.js'
import { runFunction } from '../../../src/runtime/index.js'
import type { FunctionKind, Runtime } from '../../../src/types.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const V1: Runtime = 'cloudfront-js-1.0'
const V2: Runtime = 'cloudfront-js-2.0'

const EVENT = JSON.stringify({
  version: '1.0',
  context: { eventType: 'viewer-request' },
  viewer: { ip: '198.51.100.7' },
  request: { method: 'GET', uri: '/a', querystring: {}, headers: {}, cookies: {} }
})

/** A handler around `body`, which must leave the request in `request`. */
const handler = (body: string): string =>
  `function handler(event) {\n  var request = event.request\n${body}\n  return request\n}\n`

async function loads(code: string, runtime: Runtime, kind: FunctionKind = 'function') {
  const event = kind === 'function' ? EVENT : JSON.stringify({ clientIp: '198.51.100.7' })
  const outcome = await runFunction({ kind, runtime, code, event })
  return (
    outcome.error === undefined ||
    !/SyntaxError|not supported|cannot be loaded/i.test(outcome.error)
  )
}

const ACCEPTED: [string, Runtime, string][] = [
  [
    'var, template literals, arrows, rest, **',
    V1,
    handler("  var f = (...xs) => `${xs.length ** 2}`\n  request.uri = '/' + f(1, 2)")
  ],
  [
    'require of crypto and querystring',
    V1,
    handler(
      "  var c = require('crypto'), q = require('querystring')\n  request.uri = '/' + q.escape(c.createHash('md5').update('x').digest('hex'))"
    )
  ],
  [
    'const, let, async/await',
    V2,
    `async function handler(event) {\n  const r = event.request\n  let n = await Promise.resolve(1)\n  r.uri = '/' + n\n  return r\n}\n`
  ],
  [
    'import of the runtime modules',
    V2,
    `import crypto from 'crypto'\nimport qs from 'querystring'\nimport cf from 'cloudfront'\n${handler("  request.uri = '/' + qs.escape(crypto.createHash('sha256').update('x').digest('hex'))")}`
  ],
  [
    'optional chaining and nullish coalescing',
    V2,
    handler("  request.uri = request.headers?.host?.value ?? '/none'")
  ],
  [
    'spread, destructuring, defaults',
    V2,
    handler(
      "  const { uri, ...rest } = request\n  const parts = [...uri.split('/')]\n  const pick = (a = 1, [b] = [2]) => a + b\n  request.uri = '/' + parts.length + pick() + Object.keys(rest).length"
    )
  ],
  [
    'for…of and classes',
    V2,
    handler(
      "  class P { constructor(u) { this.u = u } }\n  for (const c of [1]) request.uri = new P('/x').u + c"
    )
  ]
]

const REFUSED: [string, Runtime, string][] = [
  ['export', V2, `export ${handler('')}`],
  ['dynamic import()', V2, handler("  import('crypto')")],
  ['import in 1.0', V1, `import crypto from 'crypto'\n${handler('')}`],
  ['const in 1.0', V1, handler('  const x = 1')],
  ['a module the runtime does not provide', V2, `import fs from 'fs'\n${handler('')}`],
  ['eval', V2, handler("  eval('1')")]
]

describe('the code check and the runtime agree', () => {
  it.each(ACCEPTED)('accepted and run: %s', async (_label, runtime, code) => {
    expect(checkCode(code, { runtime, kind: 'function' })).toEqual([])
    const outcome = await runFunction({ kind: 'function', runtime, code, event: EVENT })
    expect(outcome.error).toBeUndefined()
  })

  it.each(REFUSED)(
    'refused by the check before the runtime could fail: %s',
    async (_label, runtime, code) => {
      expect(checkCode(code, { runtime, kind: 'function' }).length).toBeGreaterThan(0)
      const outcome = await runFunction({ kind: 'function', runtime, code, event: EVENT })
      expect(outcome.error).toBeDefined()
    }
  )

  it('accepts every real-world fixture, and the runtime loads each', async () => {
    const root = path.join(here, '..', '..', 'fixtures', 'real-world')
    for (const name of readdirSync(root)) {
      const { kind, runtime } = JSON.parse(readFileSync(path.join(root, name, 'case.json'), 'utf8'))
      const code = readFileSync(path.join(root, name, 'function.js'), 'utf8')
      expect([name, checkCode(code, { runtime, kind })]).toEqual([name, []])
      expect([name, await loads(code, runtime, kind)]).toEqual([name, true])
    }
  })
})

describe('findUnlistedSyntax', () => {
  it('warns once per feature the guide does not list, naming the guide page', () => {
    const code = ACCEPTED.filter(([, runtime]) => runtime === V2)
      .map(([, , source]) =>
        source
          .replace(/^import .*$/gm, '')
          .replace('function handler', 'function h' + Math.random().toString(36).slice(2))
      )
      .join('\n')
    const features = findUnlistedSyntax(code, V2).map(
      finding => /does not list this syntax: (.*?)\. /.exec(finding.message)?.[1]
    )
    expect(features).toEqual([
      'Optional chaining (`?.`)',
      'Nullish coalescing and logical assignment (`??`, `??=`, `||=`, `&&=`)',
      'Destructuring',
      'Spread (`...`) in arrays, calls and objects',
      'Default parameter values',
      'Classes',
      '`for…of` loops'
    ])
    expect(findUnlistedSyntax(code, V2)[0].message).toContain(
      '"JavaScript runtime 2.0 features for CloudFront Functions"'
    )
  })

  it('says nothing about the listed features', () => {
    for (const [, runtime, code] of ACCEPTED.slice(0, 4)) {
      expect(findUnlistedSyntax(code, runtime)).toEqual([])
    }
  })
})
