// Many functions in one step, through the bundled action against the emulator: a manifest of
// ten functions of both kinds is created, re-run as a no-op, updated with one failing test
// (nothing is published), deleted, deployed as a preview with a suffix and cleaned up, and
// reported in one sticky pull-request comment.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js'
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
const MANIFEST_FIXTURES = resolve(HERE, '../fixtures/manifest')
const MANIFEST_EXAMPLE = resolve(HERE, '../../examples/manifest')
const STORE = 'manifest-redirects'

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

const manifestFiles = () => filesOf(MANIFEST_FIXTURES)

const FUNCTIONS = [
  'viewer-request',
  'viewer-response',
  'redirects',
  'lowercase-uri',
  'legacy-basic',
  'cache-key',
  'country-header'
]
const CONNECTION_FUNCTIONS = ['mtls-allow', 'mtls-certificate', 'mtls-blocklist']
const ALL = [...FUNCTIONS, ...CONNECTION_FUNCTIONS]
const kindOf = (name: string) =>
  CONNECTION_FUNCTIONS.includes(name) ? ('connection-function' as const) : ('function' as const)

const PUBLISHES = ['PublishFunction', 'PublishConnectionFunction']
const WRITES_OF_A_DEPLOY = [
  'CreateFunction',
  'CreateConnectionFunction',
  'UpdateFunction',
  'UpdateConnectionFunction',
  ...PUBLISHES,
  'TagResource',
  'UntagResource'
]

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(async () => {
  resetEmulator(h)
  await createStore(h, STORE)
  h.emu.clearRequestLog()
})
afterAll(async () => {
  await h.close()
})

interface FunctionResult {
  type: string
  arn: string
  etag: string
  'live-etag': string
  id: string
  status: string
  changed: boolean
  created: boolean
  published: boolean
  'has-changes': boolean
}

function results(run: ActionRun): Record<string, FunctionResult> {
  return JSON.parse(run.outputs.results) as Record<string, FunctionResult>
}

function fixtureText(path: string): string {
  return readFileSync(join(MANIFEST_FIXTURES, path), 'utf8')
}

/** A workspace with the ten-function manifest, its code and its tests. */
function manifestWorkspace(extra: Record<string, string> = {}): string {
  return h.workspace({ ...manifestFiles(), ...extra })
}

/** Deploys the manifest with these extra inputs. */
function deploy(ws: string, inputs: Record<string, string> = {}, env?: Record<string, string>) {
  return h.run(ws, { functions: 'functions.yml', ...inputs }, env)
}

function live(name: string) {
  return stored(h.emu, kindOf(name), name)?.live
}

describe('a manifest of ten functions', () => {
  it('creates and publishes every function in one step, then re-runs as a no-op', async () => {
    const ws = manifestWorkspace()
    const created = await deploy(ws)
    expectExit(created, 0)

    // Every function exists, published, with the config and tags the manifest declares.
    const state = h.emu.state().functions
    expect(state.map(fn => `${fn.kind}/${fn.name}`).sort()).toEqual(
      ALL.map(name => `${kindOf(name)}/${name}`).sort()
    )
    for (const name of ALL) {
      const fn = stored(h.emu, kindOf(name), name)!
      const code = readFileSync(join(MANIFEST_FIXTURES, 'functions', `${name}.js`), 'utf8')
      expect(fn.development.code).toBe(code)
      expect(fn.live?.code).toBe(code)
      expect(fn.tags).toEqual(
        name === 'cache-key'
          ? { team: 'web', 'managed-by': 'cloudfront-function-deploy', 'cost-centre': '42' }
          : { team: 'edge', 'managed-by': 'cloudfront-function-deploy' }
      )
    }
    expect(stored(h.emu, 'function', 'legacy-basic')!.development.config.runtime).toBe(
      'cloudfront-js-1.0'
    )
    expect(stored(h.emu, 'function', 'viewer-response')!.development.config.comment).toBe(
      'Security headers'
    )
    const store = h.emu.state().keyValueStores.find(s => s.name === STORE)!
    expect(stored(h.emu, 'function', 'redirects')!.development.config.keyValueStoreArns).toEqual([
      store.arn
    ])

    // The outputs: results by name; the single-function outputs stay empty.
    const all = results(created)
    expect(Object.keys(all)).toEqual(ALL)
    for (const name of ALL) {
      const fn = stored(h.emu, kindOf(name), name)!
      expect(all[name]).toEqual({
        type: kindOf(name),
        arn: fn.arn,
        etag: fn.development.etag,
        'live-etag': fn.live!.etag,
        id: fn.id,
        status: 'UNASSOCIATED',
        changed: true,
        created: true,
        published: true,
        'has-changes': true
      })
    }
    expect(created.outputs).toMatchObject({
      changed: 'true',
      published: 'true',
      'has-changes': 'true',
      arn: '',
      etag: '',
      'live-etag': '',
      id: '',
      status: '',
      created: 'false',
      'code-size': ''
    })
    const plans = JSON.parse(created.outputs.plan) as { name: string }[]
    expect(plans.map(plan => plan.name)).toEqual(ALL)
    const tests = JSON.parse(created.outputs['test-results']) as {
      function: string
      passed: boolean
    }[]
    expect(tests.map(test => test.function)).toEqual([
      'viewer-request',
      'viewer-request',
      'viewer-response',
      'mtls-allow'
    ])
    expect(tests.every(test => test.passed)).toBe(true)

    // One summary: a table row per function.
    expect(created.summary).toContain(
      '### CloudFront Functions from `functions.yml`: 10 functions, 10 changed'
    )
    for (const name of ALL) {
      expect(created.summary).toContain(`| <code>${name}</code> | ${kindOf(name)} |`)
    }

    // Logs grouped per function, each group and loose line naming its function.
    expect(created.stdout).toContain('::group::viewer-request: Test DEVELOPMENT (2 cases)')
    expect(created.stdout).toContain('::group::mtls-allow: Read connection-function mtls-allow')
    expect(created.stdout).toContain(
      'cache-key: Plan: create the function; publish DEVELOPMENT to LIVE.'
    )

    // The same manifest again: no write at all.
    h.emu.clearRequestLog()
    const again = await deploy(ws)
    expectExit(again, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(again.outputs).toMatchObject({ changed: 'false', published: 'false' })
    expect(Object.values(results(again)).every(fn => !fn.changed && !fn.created)).toBe(true)
    expect(again.summary).toContain('10 functions, 0 changed')
  })

  it('publishes nothing when one test fails, and says which DEVELOPMENT stages were updated', async () => {
    const ws = manifestWorkspace()
    expectExit(await deploy(ws), 0)
    const liveBefore = Object.fromEntries(ALL.map(name => [name, live(name)?.code]))

    // Three functions change; one of the changes breaks its test case.
    const lowercase =
      "function handler(event) {\n  event.request.uri = event.request.uri.toLowerCase().replace(/\\/+$/, '/')\n  return event.request\n}\n"
    const viewerRequest =
      "function handler(event) {\n  event.request.headers['x-edge'] = { value: 'renamed' }\n  return event.request\n}\n"
    const allow =
      'function connectionHandler(connection) {\n  connection.logCustomData(connection.clientIp)\n  connection.allow()\n}\n'
    writeFileSync(join(ws, 'functions/lowercase-uri.js'), lowercase)
    writeFileSync(join(ws, 'functions/viewer-request.js'), viewerRequest)
    writeFileSync(join(ws, 'functions/mtls-allow.js'), allow)
    h.emu.clearRequestLog()

    const run = await deploy(ws)
    expectExit(run, 1)
    const log = h.emu.requestLog()
    expect(log.filter(entry => PUBLISHES.includes(entry.operation))).toEqual([])
    expect(writeOperations(log).sort()).toEqual([
      'UpdateConnectionFunction',
      'UpdateFunction',
      'UpdateFunction'
    ])
    // DEVELOPMENT holds the new code; LIVE still serves what it served.
    expect(stored(h.emu, 'function', 'viewer-request')!.development.code).toBe(viewerRequest)
    expect(stored(h.emu, 'function', 'lowercase-uri')!.development.code).toBe(lowercase)
    expect(stored(h.emu, 'connection-function', 'mtls-allow')!.development.code).toBe(allow)
    for (const name of ALL) expect(live(name)?.code).toBe(liveBefore[name])

    // The failure says which function failed and which DEVELOPMENT stages were updated.
    const text = output(run)
    expect(text).toContain('1 of 10 functions failed: viewer-request.')
    expect(text).toMatch(
      /Nothing was published: LIVE still serves what it served before this run\.%0A.*lowercase-uri.* and mtls-allow passed but were held back by the release gate\./
    )
    expect(text).toMatch(/DEVELOPMENT was updated, not published, for .*viewer-request.*\./)
    expect(text).toContain('marks the request')
    expect(run.summary).toContain('10 functions, 3 changed, 1 failed')
    expect(run.summary).toMatch(/\| <code>viewer-request<\/code> \| function \| [^|]+ \| failed \|/)
    expect(run.summary).toMatch(
      /\| <code>lowercase-uri<\/code> \| function \| [^|]+ \| staged, not published \|/
    )
    expect(run.summary).toMatch(
      /\| <code>mtls-allow<\/code> \| connection-function \| [^|]+ \| staged, not published \|/
    )
    expect(run.summary).toContain(
      'Not published: viewer-request failed, and a run publishes all of its functions or none.'
    )

    // The outputs tell the same story.
    expect(run.outputs).toMatchObject({ changed: 'true', published: 'false' })
    const all = results(run)
    expect(all['lowercase-uri']).toMatchObject({ changed: true, published: false })
    expect(all['viewer-request']).toMatchObject({ changed: true, published: false })
    expect(all['cache-key']).toMatchObject({ changed: false, published: false })
    const failed = (
      JSON.parse(run.outputs['test-results']) as { function: string; passed: boolean }[]
    )
      .filter(test => !test.passed)
      .map(test => test.function)
    expect([...new Set(failed)]).toEqual(['viewer-request'])
  })

  // Known gap in src/main.ts (describeFailures): once the gate has passed, a publish that
  // fails for one function does not stop the others, but the step's message still says
  // "Nothing was published" and that LIVE serves what it served before. Flip to it() when fixed.
  it('says which functions were published when one publish fails after the gate', async () => {
    const ws = manifestWorkspace()
    // Functions publish one at a time in manifest order: the first CloudFront Function's
    // publish meets every server error (the SDK's retries included); the others go through.
    h.emu.injectFault({ type: 'server-error', operation: 'PublishFunction', count: 5 })
    const run = await deploy(ws, { 'max-parallel': '1' })
    expectExit(run, 1)
    expect(live('viewer-request')).toBeUndefined()
    expect(live('viewer-response')).toBeDefined()
    expect(run.outputs.published).toBe('true')
    expect(output(run)).not.toContain('Nothing was published')
    expect(output(run)).not.toContain('LIVE still serves what it served before')
  })

  it('writes nothing in a dry run and reports every plan', async () => {
    const run = await deploy(manifestWorkspace(), { 'dry-run': 'true' })
    expectExit(run, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(h.emu.state().functions).toEqual([])
    expect(run.outputs).toMatchObject({
      changed: 'false',
      'has-changes': 'true',
      published: 'false'
    })
    const plans = JSON.parse(run.outputs.plan) as { changes: { action: string }[] }[]
    expect(plans.map(plan => plan.changes.map(change => change.action))).toEqual(
      ALL.map(() => ['create', 'publish'])
    )
    expect(run.summary.match(/\| dry run, changes pending \|/g)).toHaveLength(10)
  })

  // Known gap in src/report/summary.ts (renderMany): a dry run's heading counts what changed
  // (nothing, in a dry run) as "would change", so ten pending creates read "0 would change".
  it('heads a dry run with how many functions would change', async () => {
    const run = await deploy(manifestWorkspace(), { 'dry-run': 'true' })
    expectExit(run, 0)
    expect(run.summary).toContain('10 functions, 10 would change')
  })

  it('checks every entry before the first request: one bad entry means no request at all', async () => {
    const ws = manifestWorkspace({
      'functions/mtls-blocklist.js': 'function connectionHandler(connection) {\n  eval("1")\n}\n'
    })
    const run = await deploy(ws)
    expectExit(run, 1)
    expect(h.emu.requestLog()).toEqual([])
    expect(output(run)).toContain(
      "Input 'functions': functions.yml: functions[9] (mtls-blocklist): key 'code': functions/mtls-blocklist.js has 1 problem"
    )
    expect(run.stdout).toMatch(/::error [^\n]*file=functions\/mtls-blocklist\.js,line=2/)
    expect(h.emu.state().functions).toEqual([])
  })

  it('deletes every function of the manifest; a function in use fails the step, the others go', async () => {
    const ws = manifestWorkspace()
    expectExit(await deploy(ws), 0)
    h.emu.markAssociated('function', 'cache-key')

    const run = await deploy(ws, { delete: 'true' })
    expectExit(run, 1)
    expect(h.emu.state().functions.map(fn => fn.name)).toEqual(['cache-key'])
    expect(output(run)).toContain('1 of 10 functions failed: cache-key.')
    expect(output(run)).toMatch(/Deleted: [^%]*viewer-request/)
    const all = results(run)
    expect(Object.keys(all)).toEqual(ALL)
    expect(
      Object.entries(all)
        .filter(([, fn]) => !fn.changed)
        .map(([name]) => name)
    ).toEqual(['cache-key'])
    expect(all['cache-key']).toMatchObject({ status: 'DEPLOYED', changed: false })

    // Once the distribution lets go, the same cleanup finishes; a third run has nothing to do.
    h.emu.markAssociated('function', 'cache-key', false)
    const finish = await deploy(ws, { delete: 'true' })
    expectExit(finish, 0)
    expect(h.emu.state().functions).toEqual([])
    expect(
      Object.entries(results(finish))
        .filter(([, fn]) => fn.changed)
        .map(([name]) => name)
    ).toEqual(['cache-key'])
    const nothing = await deploy(ws, { delete: 'true' })
    expectExit(nothing, 0)
    expect(nothing.outputs.changed).toBe('false')
  })
})

describe('previews with name-suffix', () => {
  it('deploys a suffixed copy of every function next to production, then cleans it up', async () => {
    const ws = manifestWorkspace()
    expectExit(await deploy(ws), 0)
    const production = h.emu.state().functions

    // The pull request changes one function.
    const changed = fixtureText('functions/viewer-request.js').replace(
      '  return request\n',
      "  request.headers['x-preview'] = { value: 'true' }\n  return request\n"
    )
    writeFileSync(join(ws, 'functions/viewer-request.js'), changed)
    h.emu.clearRequestLog()
    const preview = await deploy(ws, { 'name-suffix': '-pr-7' })
    expectExit(preview, 0)
    expect(Object.keys(results(preview))).toEqual(ALL.map(name => `${name}-pr-7`))
    for (const name of ALL) {
      const copy = stored(h.emu, kindOf(name), `${name}-pr-7`)
      expect(copy?.live).toBeDefined()
    }
    // Production is untouched: every version is the one it had.
    for (const fn of production) {
      expect(stored(h.emu, fn.kind, fn.name)!.development.etag).toBe(fn.development.etag)
    }
    expect(stored(h.emu, 'function', 'viewer-request-pr-7')!.development.code).toBe(changed)

    // diff-against is not suffixed: the preview is compared with production's LIVE code.
    expect(preview.outputs.diff).toContain(
      "--- code: viewer-request (LIVE)\n+++ code: viewer-request-pr-7 (inputs)\n@@ -4,5 +4,6 @@\n   var request = event.request\n   request.headers['x-edge'] = { value: 'viewer-request' }\n   if (request.uri.endsWith('/')) request.uri += 'index.html'\n+  request.headers['x-preview'] = { value: 'true' }\n   return request\n"
    )

    // The PR closes: the same manifest, the same suffix, delete: true.
    const cleanup = await deploy(ws, { 'name-suffix': '-pr-7', delete: 'true' })
    expectExit(cleanup, 0)
    expect(
      h.emu
        .state()
        .functions.map(fn => fn.name)
        .sort()
    ).toEqual([...ALL].sort())
    expect(Object.values(results(cleanup)).every(fn => fn.changed)).toBe(true)
  })

  it('refuses a suffix that makes a name invalid, before any request', async () => {
    const ws = manifestWorkspace()
    const run = await deploy(ws, { 'name-suffix': `-${'x'.repeat(60)}` })
    expectExit(run, 1)
    expect(output(run)).toContain("Input 'name-suffix'")
    expect(h.emu.requestLog()).toEqual([])
  })
})

describe('the pull-request comment of a manifest', () => {
  const TOKEN = 'ghs_e2eManifestToken0123456789abcdef'
  let github: GitHubApiStub

  beforeEach(async () => {
    github = await startGitHubApiStub()
  })
  afterEach(async () => {
    await github.close()
  })

  function eventEnv(ws: string, number: number): Record<string, string> {
    const path = join(ws, `event-${number}.json`)
    writeFileSync(path, JSON.stringify({ pull_request: { number }, number }))
    return {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_API_URL: github.url
    }
  }

  it('keeps one sticky comment per manifest and suffix, edited by later runs', async () => {
    const ws = manifestWorkspace()
    const env = eventEnv(ws, 7)
    const inputs = { 'name-suffix': '-pr-7', 'comment-on-pr': 'true', 'github-token': TOKEN }

    const first = await deploy(ws, inputs, env)
    expectExit(first, 0)
    let comments = github.comments()
    expect(comments).toHaveLength(1)
    expect(comments[0].issueNumber).toBe(7)
    expect(comments[0].body).toContain(first.outputs['summary-markdown'].trim())
    expect(comments[0].body).toContain(
      '### CloudFront Functions from `functions.yml`: 10 functions, 10 changed'
    )
    for (const name of ALL) expect(comments[0].body).toContain(`<code>${name}-pr-7</code>`)

    // Another push to the PR: the same comment is edited.
    writeFileSync(
      join(ws, 'functions/country-header.js'),
      "function handler(event) {\n  event.request.headers['x-viewer-address'] = { value: event.viewer.ip }\n  return event.request\n}\n"
    )
    const second = await deploy(ws, inputs, env)
    expectExit(second, 0)
    comments = github.comments()
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('10 functions, 1 changed')
    expect(second.stdout).toContain('Pull-request comment updated:')

    // Another suffix of the same manifest is another preview: its own comment.
    const other = await deploy(ws, { ...inputs, 'name-suffix': '-pr-7-b' }, env)
    expectExit(other, 0)
    comments = github.comments()
    expect(comments).toHaveLength(2)
    expect(comments[1].body).toContain('<code>viewer-request-pr-7-b</code>')
    expect(comments[0].body).toContain('10 functions, 1 changed')

    // The token is never printed.
    for (const run of [first, second, other]) {
      const leaks = output(run)
        .split('\n')
        .filter(line => line.includes(TOKEN) && line !== `::add-mask::${TOKEN}`)
      expect(leaks).toEqual([])
    }
  })
})

describe('a manifest of one function', () => {
  it('sets the single-function outputs, code-size included', async () => {
    const ws = manifestWorkspace({
      'one.yml':
        'functions:\n  - name: only-one\n    code: functions/lowercase-uri.js\n    publish: true\n'
    })
    const run = await h.run(ws, { functions: 'one.yml' })
    expectExit(run, 0)
    const fn = stored(h.emu, 'function', 'only-one')!
    const code = readFileSync(join(MANIFEST_FIXTURES, 'functions/lowercase-uri.js'))
    expect(run.outputs).toMatchObject({
      arn: fn.arn,
      etag: fn.development.etag,
      'live-etag': fn.live!.etag,
      id: 'only-one',
      status: 'UNASSOCIATED',
      changed: 'true',
      created: 'true',
      published: 'true',
      'code-size': String(code.length)
    })
    expect(Object.keys(results(run))).toEqual(['only-one'])
    // A manifest's plan and test results are lists, whatever their length.
    expect(JSON.parse(run.outputs.plan)).toHaveLength(1)
    expect(
      writeOperations(h.emu.requestLog()).filter(op => WRITES_OF_A_DEPLOY.includes(op))
    ).toEqual(['CreateFunction', 'PublishFunction'])
  })
})

describe('the example manifest (examples/manifest)', () => {
  it('deploys with its tests passing, previews per pull request and cleans the preview up', async () => {
    await createStore(h, 'redirects')
    const ws = h.workspace(filesOf(MANIFEST_EXAMPLE))
    const run = await h.run(ws, { functions: 'functions.yml' })
    expectExit(run, 0)
    const names = ['viewer-request', 'security-headers', 'redirects', 'mtls-check']
    expect(Object.keys(results(run))).toEqual(names)
    const tests = JSON.parse(run.outputs['test-results']) as { name: string; passed: boolean }[]
    expect(tests.filter(test => !test.passed)).toEqual([])
    expect(tests).toHaveLength(12)
    expect(h.emu.state().functions.every(fn => fn.live !== undefined)).toBe(true)

    const preview = await h.run(ws, { functions: 'functions.yml', 'name-suffix': '-pr-12' })
    expectExit(preview, 0)
    expect(Object.keys(results(preview))).toEqual(names.map(name => `${name}-pr-12`))
    const cleanup = await h.run(ws, {
      functions: 'functions.yml',
      'name-suffix': '-pr-12',
      delete: 'true'
    })
    expectExit(cleanup, 0)
    expect(
      h.emu
        .state()
        .functions.map(fn => fn.name)
        .sort()
    ).toEqual([...names].sort())
  })
})
