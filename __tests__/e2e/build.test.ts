// Built code through the bundled action against the emulator: a TypeScript function with a
// shared helper deployed and tested on what CloudFront gets, re-runs that write nothing, a
// commented file that fits only once minified, one that fits not at all, the refusals
// (npm imports, js-1.0), annotations on the source line, and a manifest that builds.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  createStore,
  expectExit,
  output,
  resetEmulator,
  startHarness,
  stored,
  writeOperations,
  type ActionRun,
  type Harness
} from './helpers.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const BUILD_FIXTURES = resolve(HERE, '../fixtures/e2e-build')
const TYPESCRIPT_EXAMPLE = resolve(HERE, '../../examples/typescript')
const LIMIT = 10_240

/** Every file under `root`, by path relative to it. */
function filesOf(root: string, dir = root): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) Object.assign(files, filesOf(root, path))
    else files[relative(root, path)] = readFileSync(path, 'utf8')
  }
  return files
}

const fixtureFiles = () => filesOf(BUILD_FIXTURES)

function fixtureLine(file: string, text: string): number {
  const lines = readFileSync(join(BUILD_FIXTURES, file), 'utf8').split('\n')
  const index = lines.findIndex(line => line.includes(text))
  if (index < 0) throw new Error(`${file} has no '${text}'`)
  return index + 1
}

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(() => resetEmulator(h))
afterAll(async () => {
  await h.close()
})

const workspace = (extra: Record<string, string> = {}) =>
  h.workspace({ ...fixtureFiles(), ...extra })

/** The run failed before any request reached CloudFront. */
function expectNoRequest(run: ActionRun): void {
  expectExit(run, 1)
  expect(h.emu.requestLog()).toEqual([])
  expect(h.emu.state().functions).toEqual([])
}

describe('a TypeScript function with a shared helper', () => {
  const inputs = {
    name: 'ts-viewer-request',
    code: 'functions/viewer-request.ts',
    bundle: 'true',
    'test-events': 'tests/viewer-request.json',
    publish: 'true'
  }

  it('deploys the built code, tests it on CloudFront, publishes it, and re-runs as a no-op', async () => {
    const ws = workspace()
    const run = await h.run(ws, inputs)
    expectExit(run, 0)

    const fn = stored(h.emu, 'function', 'ts-viewer-request')!
    const code = fn.development.code
    // One file CloudFront can run: the handler under its own name, no types, no export.
    expect(code).toMatch(/^function handler\(event\) \{$/m)
    expect(code).toContain('function indexDocument(uri)')
    expect(code).not.toMatch(/\bexport\b|\binterface\b|: Request|: string/)
    expect(code).not.toContain("from './lib/headers.js'")
    expect(fn.live?.code).toBe(code)

    // The test gate ran on what CloudFront holds: the helper's rewrite and the marker header.
    const tests = JSON.parse(run.outputs['test-results']) as { name: string; passed: boolean }[]
    expect(tests.map(test => [test.name, test.passed])).toEqual([
      ['directory gets its index document', true],
      ['a file keeps its path', true]
    ])
    expect(run.outputs).toMatchObject({
      created: 'true',
      published: 'true',
      'code-size': String(Buffer.byteLength(code))
    })
    // The log and the summary give the source size, the built size and the limit.
    const sources =
      statSync(join(BUILD_FIXTURES, 'functions/viewer-request.ts')).size +
      statSync(join(BUILD_FIXTURES, 'functions/lib/headers.ts')).size
    const built = Buffer.byteLength(code)
    expect(run.stdout).toContain(
      `Built functions/viewer-request.ts (TypeScript types removed, 2 modules bundled): ${sources} bytes of source → ${built} of ${LIMIT} bytes`
    )
    expect(run.summary).toContain('functions/viewer-request.ts')
    expect(run.summary).toContain(String(built))

    // Same sources, same bytes: nothing to write.
    h.emu.clearRequestLog()
    const again = await h.run(ws, inputs)
    expectExit(again, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(again.outputs).toMatchObject({ changed: 'false', 'code-size': String(built) })
  })

  it('updates when only the helper changes', async () => {
    const ws = workspace()
    expectExit(await h.run(ws, inputs), 0)
    const helper = readFileSync(join(BUILD_FIXTURES, 'functions/lib/headers.ts'), 'utf8')
    writeFileSync(
      join(ws, 'functions/lib/headers.ts'),
      helper.replace('`${uri}index.html`', '`${uri}index.htm`')
    )
    h.emu.clearRequestLog()
    const run = await h.run(ws, { ...inputs, 'test-events': '' })
    expectExit(run, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual(['UpdateFunction', 'PublishFunction'])
    expect(stored(h.emu, 'function', 'ts-viewer-request')!.live?.code).toContain('index.htm`')
  })

  it('refuses a relative import without bundle, saying that bundle: true inlines it', async () => {
    const run = await h.run(workspace(), { ...inputs, bundle: 'false' })
    expectNoRequest(run)
    expect(output(run)).toContain('./lib/headers.js')
    expect(output(run)).toContain('bundle: true')
  })

  it('refuses a build for cloudfront-js-1.0, before any request, and suggests js-2.0', async () => {
    const run = await h.run(workspace(), { ...inputs, runtime: 'cloudfront-js-1.0' })
    expectNoRequest(run)
    expect(output(run)).toContain(
      "Input 'code': functions/viewer-request.ts must be built (it is TypeScript, bundle is set), and the build targets cloudfront-js-2.0"
    )
    expect(output(run)).toContain('Set runtime: cloudfront-js-2.0')
  })

  it('refuses an npm import, naming the package and the line', async () => {
    // Written here rather than as a fixture: the repository's type check cannot resolve it.
    const source = [
      '// Imports an npm package, which CloudFront cannot load.',
      "import { parse } from 'cookie'",
      '',
      'function handler(event: { request: { headers: Record<string, { value: string }> } }) {',
      "  const cookies = parse(event.request.headers.cookie?.value ?? '')",
      "  event.request.headers['x-session'] = { value: cookies.session ?? '' }",
      '  return event.request',
      '}',
      ''
    ].join('\n')
    const run = await h.run(workspace({ 'functions/npm-import.ts': source }), {
      name: 'npm-fn',
      code: 'functions/npm-import.ts',
      bundle: 'true'
    })
    expectNoRequest(run)
    expect(output(run)).toContain('functions/npm-import.ts:2:')
    expect(output(run)).toContain("'cookie'")
    expect(run.stdout).toMatch(/::error [^\n]*file=functions\/npm-import\.ts,line=2\b/)
  })

  it('annotates a finding of the code check on the source file and line it came from', async () => {
    const run = await h.run(workspace(), {
      name: 'timer-fn',
      code: 'functions/uses-timer.ts',
      bundle: 'true'
    })
    expectNoRequest(run)
    const line = fixtureLine('functions/lib/timers.ts', 'setTimeout')
    // The annotation is on the helper's line, not on a line of the bundle.
    expect(run.stdout).toMatch(
      new RegExp(
        `::error [^\\n]*file=functions/lib/timers\\.ts,line=${line}\\b[^\\n]*::[^\\n]*setTimeout`
      )
    )
    expect(output(run)).toContain(`functions/lib/timers.ts line ${line}`)
    expect(run.stdout).not.toMatch(/::error [^\n]*file=functions\/uses-timer\.ts/)
  })
})

describe('the size budget', () => {
  const large = 'functions/legacy-redirects.js'
  const size = () => statSync(join(BUILD_FIXTURES, large)).size

  it('refuses a 14 KB commented file as it is, and deploys it minified', async () => {
    expect(size()).toBeGreaterThan(14_000)
    const ws = workspace()
    const inputs = {
      name: 'legacy-redirects',
      code: large,
      'test-events': 'tests/legacy-redirects.json',
      publish: 'true'
    }
    const plain = await h.run(ws, inputs)
    expectNoRequest(plain)
    expect(output(plain)).toContain(large)
    expect(output(plain)).toContain('10,240')
    expect(output(plain)).toContain('minify: true')

    const minified = await h.run(ws, { ...inputs, minify: 'true' })
    expectExit(minified, 0)
    const fn = stored(h.emu, 'function', 'legacy-redirects')!
    const deployed = Buffer.byteLength(fn.development.code)
    expect(deployed).toBeLessThan(LIMIT)
    expect(minified.outputs['code-size']).toBe(String(deployed))
    // The handler keeps its name; the comments are gone; the tests pass on the minified code.
    expect(fn.development.code).toMatch(/function handler\(/)
    expect(fn.development.code).not.toContain('Legacy redirects for the old site')
    expect(fn.live?.code).toBe(fn.development.code)
    const tests = JSON.parse(minified.outputs['test-results']) as { passed: boolean }[]
    expect(tests).toHaveLength(3)
    expect(tests.every(test => test.passed)).toBe(true)
    expect(minified.stdout).toContain(
      `Built ${large} (minified): ${size()} bytes of source → ${deployed} of ${LIMIT} bytes`
    )

    h.emu.clearRequestLog()
    const again = await h.run(ws, { ...inputs, minify: 'true' })
    expectExit(again, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
  })

  it('refuses code that does not fit even minified, naming the size and the largest contributors', async () => {
    const run = await h.run(workspace(), {
      name: 'store-origin',
      code: 'functions/store-origin.ts',
      bundle: 'true',
      minify: 'true'
    })
    expectNoRequest(run)
    const text = output(run)
    expect(text).toMatch(
      /the built code of functions\/store-origin\.ts is [\d,]+ bytes, over CloudFront's limit of 10,240 bytes \(not adjustable\) by [\d,]+ bytes/
    )
    expect(text).toMatch(
      /the largest contributors are functions\/lib\/origins\.ts \([\d,]+ bytes\), functions\/store-origin\.ts \([\d,]+ bytes\)/
    )
    expect(text).toContain('key value store')
    // Minify is already on: the advice does not suggest it.
    expect(text).not.toContain('set minify: true')
  })

  it('warns when the built code is at 90% of the limit or more, like a plain file', async () => {
    // Comments survive a build without minify: this TypeScript file builds to about 9.5 KB.
    const padding = Array.from({ length: 124 }, (_, index) => `// ${'note '.repeat(14)}${index}`)
    const source = [
      ...padding,
      'function handler(event: { request: { uri: string } }): { uri: string } {',
      '  return event.request',
      '}',
      ''
    ].join('\n')
    const run = await h.run(workspace({ 'functions/near-limit.ts': source }), {
      name: 'near-limit',
      code: 'functions/near-limit.ts'
    })
    expectExit(run, 0)
    const built = Buffer.byteLength(stored(h.emu, 'function', 'near-limit')!.development.code)
    expect(built).toBeGreaterThanOrEqual(0.9 * LIMIT)
    expect(built).toBeLessThan(LIMIT)
    expect(run.stdout).toContain(
      `::warning title=Code close to the size limit,file=functions/near-limit.ts::functions/near-limit.ts deploys ${built} bytes`
    )
    expect(run.summary).toContain('⚠️ close to the limit')
  })

  it('reports the size a dry run would deploy', async () => {
    const run = await h.run(workspace(), {
      name: 'legacy-redirects',
      code: large,
      minify: 'true',
      'dry-run': 'true'
    })
    expectExit(run, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(Number(run.outputs['code-size'])).toBeGreaterThan(0)
    expect(Number(run.outputs['code-size'])).toBeLessThan(LIMIT)
  })
})

describe('a manifest of built functions', () => {
  it('bundles and minifies per entry, deploys and tests all of them, and re-runs as a no-op', async () => {
    const ws = workspace()
    const run = await h.run(ws, { functions: 'build.yml' })
    expectExit(run, 0)
    const results = JSON.parse(run.outputs.results) as Record<string, { published: boolean }>
    expect(Object.keys(results)).toEqual([
      'ts-viewer-request',
      'ts-viewer-response',
      'legacy-redirects'
    ])
    expect(Object.values(results).every(result => result.published)).toBe(true)
    expect(run.outputs['code-size']).toBe('')

    const request = stored(h.emu, 'function', 'ts-viewer-request')!.live!.code
    const response = stored(h.emu, 'function', 'ts-viewer-response')!.live!.code
    const legacy = stored(h.emu, 'function', 'legacy-redirects')!.live!.code
    // Bundled, not minified: readable, the helper inlined.
    expect(request).toContain('function indexDocument(uri)')
    // Bundled and minified: one line, the helper's header values kept.
    expect(response.trim().split('\n')).toHaveLength(1)
    expect(response).toContain('strict-transport-security')
    expect(response).toMatch(/function handler\(/)
    expect(Buffer.byteLength(legacy)).toBeLessThan(LIMIT)
    const tests = JSON.parse(run.outputs['test-results']) as { function: string; passed: boolean }[]
    expect(tests.map(test => test.function)).toEqual([
      'ts-viewer-request',
      'ts-viewer-request',
      'ts-viewer-response',
      'legacy-redirects',
      'legacy-redirects',
      'legacy-redirects'
    ])
    expect(tests.every(test => test.passed)).toBe(true)

    h.emu.clearRequestLog()
    const again = await h.run(ws, { functions: 'build.yml' })
    expectExit(again, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(again.outputs.changed).toBe('false')
  })

  it('refuses an entry that builds for cloudfront-js-1.0, naming the entry, before any request', async () => {
    const ws = workspace({
      'one-v1.yml':
        'functions:\n  - name: ok\n    code: functions/legacy-redirects.js\n    minify: true\n  - name: v1\n    code: functions/viewer-response.ts\n    runtime: cloudfront-js-1.0\n'
    })
    const run = await h.run(ws, { functions: 'one-v1.yml' })
    expectNoRequest(run)
    expect(output(run)).toContain('functions/viewer-response.ts must be built (it is TypeScript)')
  })
})

describe('the TypeScript example (examples/typescript)', () => {
  it('deploys both functions from its manifest, tested on the built code, and re-runs as a no-op', async () => {
    await createStore(h, 'redirects')
    const ws = h.workspace(filesOf(TYPESCRIPT_EXAMPLE))
    const run = await h.run(ws, { functions: 'functions.yml' })
    expectExit(run, 0)
    const tests = JSON.parse(run.outputs['test-results']) as { name: string; passed: boolean }[]
    expect(tests).toHaveLength(6)
    expect(tests.filter(test => !test.passed)).toEqual([])
    for (const name of ['site-viewer-request', 'site-viewer-response']) {
      const code = stored(h.emu, 'function', name)!.live!.code
      expect(code).toMatch(/function handler\(/)
      expect(code).not.toMatch(/\bexport\b|AWSCloudFrontFunction/)
    }
    // The store import survives the build; the helper is inlined.
    const request = stored(h.emu, 'function', 'site-viewer-request')!.live!.code
    expect(request).toContain("import cf from 'cloudfront'")
    expect(request).toContain('function withIndexDocument(uri)')

    h.emu.clearRequestLog()
    const again = await h.run(ws, { functions: 'functions.yml' })
    expectExit(again, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
  })

  it('deploys one function the way its README shows', async () => {
    await createStore(h, 'redirects')
    const run = await h.run(h.workspace(filesOf(TYPESCRIPT_EXAMPLE)), {
      name: 'site-viewer-request',
      code: 'functions/viewer-request.ts',
      bundle: 'true',
      'key-value-stores': 'redirects',
      'test-events': 'tests/viewer-request/*.json',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(run.outputs.published).toBe('true')
  })
})
