import { parse, type Node } from 'acorn'
import { createHash } from 'node:crypto'
import { cpSync, readFileSync, statSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { checkCode } from '../../src/code/check.js'
import { checkSize, SourceError } from '../../src/build/index.js'
import { InputError } from '../../src/errors.js'
import { build, cleanUp, rejectionOf, scratchWorkspace, WORKSPACE } from './helpers.js'
import { runBuilt } from './run-built.js'

afterEach(cleanUp)

type AnyNode = Node & Record<string, unknown>

function topLevel(code: string): AnyNode[] {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AnyNode
  return program.body as AnyNode[]
}

function importedModules(code: string): string[] {
  return topLevel(code)
    .filter(node => node.type === 'ImportDeclaration')
    .map(node => (node.source as AnyNode).value as string)
}

function topLevelFunctions(code: string): string[] {
  return topLevel(code)
    .filter(node => node.type === 'FunctionDeclaration')
    .map(node => (node.id as AnyNode).name as string)
}

function fileSize(file: string): number {
  return statSync(join(WORKSPACE, file)).size
}

/** 1-based line of the first line of a fixture that contains `text`. */
function sourceLine(file: string, text: string): number {
  const lines = readFileSync(join(WORKSPACE, file), 'utf8').split('\n')
  const index = lines.findIndex(line => line.includes(text))
  if (index < 0) throw new Error(`${file} has no '${text}'`)
  return index + 1
}

/** 1-based line and column of the first occurrence of `text` in built code. */
function outputPosition(code: string, text: string): { line: number; column: number } {
  const lines = code.split('\n')
  const index = lines.findIndex(line => line.includes(text))
  if (index < 0) throw new Error(`the built code has no '${text}'`)
  return { line: index + 1, column: lines[index].indexOf(text) + 1 }
}

const viewerRequest = (uri: string, querystring: Record<string, { value: string }> = {}) => ({
  version: '1.0',
  context: { eventType: 'viewer-request' },
  viewer: { ip: '198.51.100.7' },
  request: { method: 'GET', uri, querystring, headers: {}, cookies: {} }
})

describe('a TypeScript entry with local modules, bundled', () => {
  test('becomes one file with the handler under its own name, types gone, runtime imports kept', async () => {
    const result = await build('functions/viewer-request.ts')
    const code = result.code.toString('utf8')

    expect(topLevelFunctions(code)).toContain('handler')
    expect(importedModules(code)).toEqual(['cloudfront', 'crypto', 'querystring', 'buffer'])
    expect(code).not.toMatch(/\bexport\b/)
    expect(code).not.toMatch(/\binterface\b|: Request|Promise</)
    // The enum is compiled, the helper nobody calls is left out.
    expect(code).toMatch(/RedirectKind\[RedirectKind\["Permanent"\] = \w+\] = "Permanent"/)
    expect(code).not.toContain('neverCalledHelper')
    expect(result.warnings).toEqual([])
  })

  test('passes the code check for cloudfront-js-2.0', async () => {
    const result = await build('functions/viewer-request.ts')
    expect(
      checkCode(result.code.toString('utf8'), { runtime: 'cloudfront-js-2.0', kind: 'function' })
    ).toEqual([])
  })

  test('lists its sources (entry first) and the sizes for the log', async () => {
    const result = await build('functions/viewer-request.ts')
    expect(result.entry).toBe('functions/viewer-request.ts')
    expect(result.sources).toEqual([
      { file: 'functions/viewer-request.ts', bytes: fileSize('functions/viewer-request.ts') },
      { file: 'functions/lib/redirects.ts', bytes: fileSize('functions/lib/redirects.ts') },
      { file: 'functions/lib/request.ts', bytes: fileSize('functions/lib/request.ts') }
    ])
    expect(result.sizes).toEqual({
      entry: fileSize('functions/viewer-request.ts'),
      sources: result.sources.reduce((sum, source) => sum + source.bytes, 0),
      built: result.code.length,
      limit: 10_240
    })
    expect(result.contributors.map(c => c.file).sort()).toEqual([
      'functions/lib/redirects.ts',
      'functions/lib/request.ts',
      'functions/viewer-request.ts'
    ])
    const attributed = result.contributors.reduce((sum, c) => sum + c.bytes, 0)
    expect(attributed).toBeLessThanOrEqual(result.code.length)
    expect(attributed).toBeGreaterThan(result.code.length * 0.9)
  })

  test('runs as CloudFront calls it: redirects from the store, otherwise the rewritten request', async () => {
    const { code } = await build('functions/viewer-request.ts')
    const store = { '/old': JSON.stringify({ location: '/new' }) }

    await expect(runBuilt(code.toString(), viewerRequest('/old'), { store })).resolves.toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: '/new' } }
    })
    const digest = createHash('sha256').update('/docs/index.html').digest('hex').slice(0, 16)
    await expect(
      runBuilt(code.toString(), viewerRequest('/docs/', { b: { value: '2' }, a: { value: '1' } }))
    ).resolves.toMatchObject({
      uri: '/docs/index.html',
      headers: {
        'x-uri-digest': { value: digest },
        'x-uri-base64': { value: Buffer.from('/docs/index.html').toString('base64') },
        'x-sorted-query': { value: 'a=1&b=2' }
      }
    })
  })

  test('a module shared by two entries is inlined into each', async () => {
    const request = await build('functions/viewer-request.ts')
    const response = await build('functions/viewer-response.ts')
    for (const result of [request, response]) {
      expect(result.sources.map(s => s.file)).toContain('functions/lib/request.ts')
      expect(result.contributors.map(c => c.file)).toContain('functions/lib/request.ts')
    }
    await expect(
      runBuilt(response.code.toString(), { response: { statusCode: 200, headers: {} } })
    ).resolves.toEqual({
      statusCode: 200,
      headers: {
        'strict-transport-security': { value: 'max-age=31536000; includeSubDomains' },
        'x-content-type-options': { value: 'nosniff' },
        'x-frame-options': { value: 'DENY' }
      }
    })
  })
})

describe('determinism', () => {
  test('the same sources give the same bytes and map, also from another absolute path', async () => {
    const first = await build('functions/viewer-request.ts', { minify: true })
    const again = await build('functions/viewer-request.ts', { minify: true })
    const copy = scratchWorkspace({})
    cpSync(WORKSPACE, copy, { recursive: true })
    const moved = await build('functions/viewer-request.ts', { minify: true, workspace: copy })

    expect(again.code.equals(first.code)).toBe(true)
    expect(moved.code.equals(first.code)).toBe(true)
    expect(moved.map).toBe(first.map)
    expect(moved.sources).toEqual(first.sources)
    expect(first.map).not.toContain(WORKSPACE)
    expect(first.code.toString()).not.toContain(WORKSPACE)
  })

  test('CRLF line endings and a byte order mark build the same bytes as LF', async () => {
    const copy = scratchWorkspace({})
    cpSync(WORKSPACE, copy, { recursive: true })
    for (const file of ['functions/viewer-request.ts', 'functions/lib/request.ts']) {
      const text = readFileSync(join(copy, file), 'utf8')
      writeFileSync(join(copy, file), '\uFEFF' + text.replace(/\n/g, '\r\n'))
    }
    const lf = await build('functions/viewer-request.ts')
    const crlf = await build('functions/viewer-request.ts', { workspace: copy })
    expect(crlf.code.equals(lf.code)).toBe(true)
    expect(crlf.map).toBe(lf.map)
  })
})

describe('minify', () => {
  test('keeps the handler, the cloudfront import and the key value store calls', async () => {
    const plain = await build('functions/viewer-request.ts')
    const minified = await build('functions/viewer-request.ts', { minify: true })
    const code = minified.code.toString()

    expect(minified.code.length).toBeLessThan(plain.code.length * 0.7)
    expect(topLevelFunctions(code)).toContain('handler')
    expect(importedModules(code)).toEqual(['cloudfront', 'crypto', 'querystring', 'buffer'])
    expect(code).toMatch(/\.kvs\(\)/)
    expect(code).toMatch(/\.exists\(/)
    expect(code).toMatch(/\.get\(/)
    // Also: the async helper called once is not inlined into an async closure.
    expect(checkCode(code, { runtime: 'cloudfront-js-2.0', kind: 'function' })).toEqual([])

    const store = { '/old': JSON.stringify({ location: '/new', permanent: false }) }
    for (const event of [viewerRequest('/old'), viewerRequest('/guides')]) {
      expect(await runBuilt(code, event, { store })).toEqual(
        await runBuilt(plain.code.toString(), event, { store })
      )
    }
  })

  test('shrinks a commented 14 KB file below the limit, and it still works', async () => {
    expect(fileSize('functions/large.js')).toBeGreaterThan(14_000)
    const result = await build('functions/large.js', { bundle: false, minify: true })
    const code = result.code.toString()

    expect(result.code.length).toBeLessThan(10_240)
    expect(() => checkSize(result)).not.toThrow()
    expect(result.sizes).toMatchObject({ entry: fileSize('functions/large.js'), limit: 10_240 })
    expect(result.sizes.built).toBe(result.code.length)
    expect(topLevelFunctions(code)).toContain('handler')
    expect(importedModules(code)).toEqual(['cloudfront'])
    expect(code).toMatch(/\.kvs\(\)/)
    expect(checkCode(code, { runtime: 'cloudfront-js-2.0', kind: 'function' })).toEqual([])

    await expect(runBuilt(code, viewerRequest('/blog/page-3.html'))).resolves.toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: '/blog-hub/3' } }
    })
    const store = { '/blog/page-3.html': '/moved-again' }
    await expect(runBuilt(code, viewerRequest('/blog/page-3.html'), { store })).resolves.toEqual(
      expect.objectContaining({ headers: { location: { value: '/moved-again' } } })
    )
    await expect(runBuilt(code, viewerRequest('/about/'))).resolves.toMatchObject({
      uri: '/about/index.html'
    })
  })
})

describe('the size budget', () => {
  // Distinct strings a minifier cannot shorten: about 13 KB of data.
  const table = Array.from(
    { length: 600 },
    (_, i) => `  '/p/${createHash('sha1').update(String(i)).digest('hex').slice(0, 12)}': ${i},`
  ).join('\n')
  const files = {
    'functions/entry.ts': [
      "import { lookup } from './table.js'",
      "import { shout } from './small.js'",
      'export function handler(event: { request: { uri: string } }) {',
      '  event.request.uri = shout(String(lookup(event.request.uri)))',
      '  return event.request',
      '}',
      ''
    ].join('\n'),
    'functions/table.ts': `const TABLE: Record<string, number> = {\n${table}\n}\nexport function lookup(uri: string): number | undefined {\n  return TABLE[uri]\n}\n`,
    'functions/small.ts':
      'export function shout(text: string): string {\n  return text.toUpperCase()\n}\n'
  }

  test('code that does not fit even minified fails with its size and the largest contributors', async () => {
    const workspace = scratchWorkspace(files)
    const result = await build('functions/entry.ts', { workspace, minify: true })

    expect(result.code.length).toBeGreaterThan(10_240)
    expect(result.contributors[0].file).toBe('functions/table.ts')
    const error = (() => {
      try {
        checkSize(result)
      } catch (thrown) {
        return thrown as InputError
      }
      throw new Error('expected checkSize to throw')
    })()
    expect(error).toBeInstanceOf(InputError)
    expect(error.input).toBe('code')
    const size = result.code.length.toLocaleString('en-US')
    expect(error.message).toContain(`functions/entry.ts is ${size} bytes`)
    expect(error.message).toContain('limit of 10,240 bytes')
    expect(error.message).toMatch(
      /largest contributors are functions\/table\.ts \([\d,]+ bytes\), functions\/entry\.ts/
    )
    expect(error.message).not.toContain('minify: true')
  })

  test('unminified code over the limit is told to minify', async () => {
    const workspace = scratchWorkspace(files)
    const result = await build('functions/entry.ts', { workspace })
    expect(() => checkSize(result)).toThrow(/set minify: true; drop or trim a dependency/)
  })

  test('a single file over the limit gets no contributor list', async () => {
    const result = await build('functions/large.js', { bundle: false, minify: false })
    expect(() => checkSize(result)).toThrow(
      /set minify: true; remove code the function does not need/
    )
  })
})

describe('source positions', () => {
  test('a line of a bundle maps to the source file and line it came from', async () => {
    const result = await build('functions/viewer-request.ts')
    const code = result.code.toString()

    const hash = outputPosition(code, 'createHash')
    expect(result.originalPosition(hash.line, hash.column)).toEqual({
      file: 'functions/viewer-request.ts',
      line: sourceLine('functions/viewer-request.ts', 'createHash'),
      column:
        readFileSync(join(WORKSPACE, 'functions/viewer-request.ts'), 'utf8')
          .split('\n')
          [sourceLine('functions/viewer-request.ts', 'createHash') - 1].indexOf('createHash') + 1
    })
    const slash = outputPosition(code, "lastIndexOf('/')")
    expect(result.originalPosition(slash.line, slash.column)).toMatchObject({
      file: 'functions/lib/request.ts',
      line: sourceLine('functions/lib/request.ts', "lastIndexOf('/')")
    })
    const exists = outputPosition(code, 'store.exists')
    expect(result.originalPosition(exists.line, exists.column)).toMatchObject({
      file: 'functions/lib/redirects.ts',
      line: sourceLine('functions/lib/redirects.ts', 'store.exists')
    })
  })

  test('a position in minified code maps back too', async () => {
    const result = await build('functions/viewer-request.ts', { minify: true })
    const code = result.code.toString()
    const hash = outputPosition(code, 'createHash')
    expect(result.originalPosition(hash.line, hash.column)).toMatchObject({
      file: 'functions/viewer-request.ts',
      line: sourceLine('functions/viewer-request.ts', 'createHash')
    })
    const slash = outputPosition(code, 'lastIndexOf("/")')
    expect(result.originalPosition(slash.line, slash.column)).toMatchObject({
      file: 'functions/lib/request.ts',
      line: sourceLine('functions/lib/request.ts', "lastIndexOf('/')")
    })
    const exists = outputPosition(code, '.exists(')
    expect(result.originalPosition(exists.line, exists.column + 1)).toMatchObject({
      file: 'functions/lib/redirects.ts',
      line: sourceLine('functions/lib/redirects.ts', 'store.exists')
    })
  })

  test('without bundling, TypeScript keeps its lines', async () => {
    const result = await build('functions/connection.ts', {
      bundle: false,
      kind: 'connection-function'
    })
    const allow = outputPosition(result.code.toString(), 'connection.allow()')
    expect(allow.line).toBe(sourceLine('functions/connection.ts', 'connection.allow()'))
    expect(result.originalPosition(allow.line, allow.column)).toEqual({
      file: 'functions/connection.ts',
      line: allow.line,
      column: allow.column
    })
  })

  test('code the build generated maps to nothing', async () => {
    const bundled = await build('functions/viewer-request.ts')
    // The bundler writes the import statements of the runtime's modules itself.
    expect(bundled.code.toString()).toMatch(/^import cf from 'cloudfront';/)
    expect(bundled.originalPosition(1, 1)).toBeUndefined()
    expect(bundled.originalPosition(10_000, 1)).toBeUndefined()
    const minified = await build('functions/viewer-request.ts', { minify: true })
    expect(minified.originalPosition(1, 1)).toBeUndefined()
  })
})

describe('connection functions', () => {
  test('connectionHandler survives, const enums are compiled, and it decides', async () => {
    for (const minify of [false, true]) {
      const result = await build('functions/connection.ts', {
        bundle: false,
        minify,
        kind: 'connection-function'
      })
      const code = result.code.toString()
      expect(topLevelFunctions(code)).toContain('connectionHandler')
      expect(code).not.toMatch(/\bexport\b|\benum\b/)
      expect(
        checkCode(code, { runtime: 'cloudfront-js-2.0', kind: 'connection-function' })
      ).toEqual([])

      const decisions: string[] = []
      const connection = (serialNumber: string) => ({
        clientCertificate: { certificates: { leaf: { serialNumber } } },
        allow: () => decisions.push('allow'),
        deny: () => decisions.push('deny')
      })
      const options = { entryPoint: 'connectionHandler' }
      await runBuilt(code, connection('01:02'), options)
      await runBuilt(code, connection('00:aa:bb:cc'), options)
      expect(decisions).toEqual(['allow', 'deny'])
    }
  })
})

describe('imports', () => {
  test('extension-less, .js-for-.ts, .mts, .mjs and directory imports resolve', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': [
        "import { a } from './lib/a'",
        "import { b } from './lib/b.js'",
        "import { c } from './lib/c.mjs'",
        "import { d } from './lib/d.mjs'",
        "import { e } from './lib/e'",
        'export function handler(event: { request: { uri: string } }) {',
        '  event.request.uri = a + b + c + d + e',
        '  return event.request',
        '}',
        ''
      ].join('\n'),
      'lib/a.ts': "export const a: string = 'a'\n",
      'lib/b.ts': "export const b: string = 'b'\n",
      'lib/b.js': "export const b = 'compiled b, not used'\n",
      'lib/c.mts': "export const c: string = 'c'\n",
      'lib/d.mjs': "export const d = 'd'\n",
      'lib/e/index.ts': "export const e: string = 'e'\n"
    })
    const result = await build('fn.ts', { workspace })
    expect(result.sources.map(s => s.file)).toEqual([
      'fn.ts',
      'lib/a.ts',
      'lib/b.ts',
      'lib/c.mts',
      'lib/d.mjs',
      'lib/e/index.ts'
    ])
    await expect(runBuilt(result.code.toString(), { request: { uri: '/' } })).resolves.toEqual({
      uri: 'abcde'
    })
  })

  test('an npm package is refused, naming it, the file and the line', async () => {
    const workspace = scratchWorkspace({
      'functions/fn.ts':
        "// uses lodash\n\nimport get from 'lodash/get'\nexport function handler(e: unknown) {\n  return get(e, 'request')\n}\n"
    })
    const error = await rejectionOf(build('functions/fn.ts', { workspace }))
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ input: 'code', file: 'functions/fn.ts', line: 3, column: 1 })
    expect(error.message).toContain(
      "Input 'code': functions/fn.ts:3:1: imports 'lodash/get' from the npm package 'lodash'"
    )
    expect(error.message).toContain('Copy the code you need into a local module')
  })

  test('a scoped package and Node.js module names are refused with the right advice', async () => {
    const cases: [string, RegExp][] = [
      ["import { S3 } from '@aws-sdk/client-s3'", /the npm package '@aws-sdk\/client-s3'/],
      ["import crypto from 'node:crypto'", /name the module 'crypto'; import it from 'crypto'/],
      ["import fs from 'node:fs'", /a Node.js module that CloudFront Functions do not have/]
    ]
    for (const [line, message] of cases) {
      const workspace = scratchWorkspace({
        'fn.js': `${line}\nfunction handler(event) {\n  return event.request\n}\n`
      })
      await expect(build('fn.js', { workspace })).rejects.toThrow(message)
    }
  })

  test('a relative import that leaves the workspace is refused, naming the import and the file', async () => {
    const error = await rejectionOf(build('functions/escape.ts'))
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ file: 'functions/escape.ts', line: 2 })
    expect(error.message).toContain("imports '../../outside/shared.js'")
    expect(error.message).toContain('outside the workspace')
  })

  test('a symlink inside the workspace that leads outside is refused', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': "import { x } from './linked/x.js'\nexport function handler() {\n  return x\n}\n"
    })
    const outside = join(dirname(workspace), 'elsewhere')
    mkdirSync(outside)
    writeFileSync(join(outside, 'x.ts'), 'export const x = 1\n')
    symlinkSync(outside, join(workspace, 'linked'))
    await expect(build('fn.ts', { workspace })).rejects.toThrow(
      /fn\.ts:1:1: imports '\.\/linked\/x\.js', which resolves to .*elsewhere.x\.ts, outside the workspace/
    )
  })

  test('a file that is not JavaScript or TypeScript is refused', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': "import data from './data.json'\nexport function handler() {\n  return data\n}\n",
      'data.json': '{}\n'
    })
    await expect(build('fn.ts', { workspace })).rejects.toThrow(
      /fn\.ts:1:1: imports '\.\/data\.json' \(data\.json\), which is not JavaScript or TypeScript/
    )
  })

  test('an entry that is a symlink to a file outside the workspace is refused', async () => {
    const workspace = scratchWorkspace({})
    const outside = join(dirname(workspace), 'fn.ts')
    writeFileSync(outside, 'export function handler() {\n  return 1\n}\n')
    symlinkSync(outside, join(workspace, 'fn.ts'))
    await expect(build('fn.ts', { workspace })).rejects.toThrow(/outside the workspace/)
  })

  test('a missing module names what was looked for', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': "import { x } from './nope'\nexport function handler() {\n  return x\n}\n"
    })
    await expect(build('fn.ts', { workspace })).rejects.toThrow(
      /fn\.ts:1:1: imports '\.\/nope', which is not a file \(looked for nope, nope\.ts, nope\.mts/
    )
  })

  test('without bundle, a local import is refused with the input that would inline it', async () => {
    await expect(build('functions/viewer-response.ts', { bundle: false })).rejects.toThrow(
      /viewer-response\.ts:2:1: imports '\.\/lib\/request\.js', a local module, and CloudFront runs one file: set bundle: true/
    )
  })

  test('dynamic import() is refused', async () => {
    const workspace = scratchWorkspace({
      'fn.js':
        "async function handler(event) {\n  const m = await import('./m.js')\n  return m.f(event)\n}\n"
    })
    await expect(build('fn.js', { workspace })).rejects.toThrow(
      /fn\.js:2:19: dynamic import\('\.\/m\.js'\)/
    )
  })

  test('a name a module does not export is located in the importing file', async () => {
    const workspace = scratchWorkspace({
      'fn.ts':
        "import { missing } from './lib.js'\nexport function handler() {\n  return missing\n}\n",
      'lib.ts': 'export const present = 1\n'
    })
    const error = await rejectionOf(build('fn.ts', { workspace }))
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ file: 'fn.ts', line: 1 })
    expect(error.message).toMatch(/"missing" is not exported/)
  })
})

describe('the entry point', () => {
  test('a handler nothing exports survives tree-shaking, under its own name', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': [
        "import { handler as helper } from './lib.js'",
        'function handler(event: { request: { uri: string } }) {',
        '  event.request.uri = helper(event.request.uri)',
        '  return event.request',
        '}',
        ''
      ].join('\n'),
      // A helper with the same name must not take the entry point's.
      'lib.ts': 'export function handler(uri: string): string {\n  return `${uri}!`\n}\n'
    })
    for (const minify of [false, true]) {
      const result = await build('fn.ts', { workspace, minify })
      const code = result.code.toString()
      expect(topLevelFunctions(code)).toContain('handler')
      expect(code).not.toMatch(/\bexport\b/)
      await expect(runBuilt(code, { request: { uri: '/a' } })).resolves.toEqual({ uri: '/a!' })
    }
  })

  test('a handler defined in a local module and re-exported by the entry is kept', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': "export { handler } from './impl.js'\n",
      'impl.ts':
        'export function handler(event: { request: object }) {\n  return event.request\n}\n'
    })
    const result = await build('fn.ts', { workspace })
    expect(topLevelFunctions(result.code.toString())).toEqual(['handler'])
  })

  test('default exports, re-exports and destructured bindings of the entry go, the handler stays', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': [
        "export * from './lib.js'",
        "export { suffix as tail } from './lib.js'",
        "import { suffix } from './lib.js'",
        "export const { prefix, parts: [first] } = { prefix: '/p', parts: ['x'] }",
        'export default function handler(event: { request: { uri: string } }) {',
        '  event.request.uri = prefix + event.request.uri + suffix + first',
        '  return event.request',
        '}',
        ''
      ].join('\n'),
      'lib.ts': "export const suffix: string = '!'\n"
    })
    const result = await build('fn.ts', { workspace })
    const code = result.code.toString()
    expect(code).not.toMatch(/\bexport\b/)
    expect(topLevelFunctions(code)).toEqual(['handler'])
    await expect(runBuilt(code, { request: { uri: '/a' } })).resolves.toEqual({ uri: '/p/a!x' })
  })

  test('an entry without the entry point is refused', async () => {
    const workspace = scratchWorkspace({ 'fn.ts': 'export function main() {\n  return 1\n}\n' })
    await expect(build('fn.ts', { workspace })).rejects.toThrow(
      /fn\.ts:1:1: no entry point: CloudFront calls a top-level `function handler\(event\)`/
    )
    await expect(build('fn.ts', { workspace, kind: 'connection-function' })).rejects.toThrow(
      /`function connectionHandler\(connection\)`/
    )
  })

  test('an entry point declared as an arrow function is refused', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': 'export const handler = (event: { request: object }) => event.request\n'
    })
    await expect(build('fn.ts', { workspace })).rejects.toThrow(
      /has no top-level `function handler\(event\)`.*not as a variable, an arrow function or a class/
    )
  })
})

describe('errors in the sources', () => {
  test('a TypeScript syntax error names the file and line', async () => {
    const workspace = scratchWorkspace({
      'fn.ts': 'export function handler(event: any) {\n  const x: number = ;\n  return event\n}\n'
    })
    const error = await rejectionOf(build('fn.ts', { workspace }))
    expect(error).toMatchObject({ file: 'fn.ts', line: 2 })
    expect(error.message).toContain('fn.ts:2:')
    expect(error.message).toContain('TypeScript syntax error')
  })

  test('a JavaScript syntax error names the file and line', async () => {
    const workspace = scratchWorkspace({
      'fn.js': 'function handler(event) {\n  return event.request +\n}\n'
    })
    const error = await rejectionOf(build('fn.js', { workspace, bundle: false, minify: true }))
    expect(error).toMatchObject({ file: 'fn.js', line: 3 })
    expect(error.message).toContain('syntax error')
  })
})

describe('cloudfront-js-1.0', () => {
  test('a build is refused before any work, with the reason and js-2.0 as the way out', async () => {
    const error = await rejectionOf(
      build('functions/viewer-request.ts', { runtime: 'cloudfront-js-1.0' })
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(
      'functions/viewer-request.ts must be built (it is TypeScript, bundle is set)'
    )
    expect(error.message).toContain('Set runtime: cloudfront-js-2.0')
  })
})
