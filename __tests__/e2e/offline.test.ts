// Offline mode through the bundled action, started as a fork pull request's runner starts it:
// no AWS variable at all. The code checks and every test case run in the embedded runtime;
// the emulator, though running, never sees a request.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js'
import { runOffline, type OfflineRun } from '../fixtures/offline/run-offline.js'
import { FIXTURES, output, resetEmulator, startHarness, type Harness } from './helpers.js'

const OFFLINE_FIXTURES = resolve(FIXTURES, '../offline')

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(() => resetEmulator(h))
afterEach(() => {
  // Whatever an offline run did, it asked CloudFront nothing.
  expect(h.emu.requestLog()).toEqual([])
})
afterAll(async () => {
  await h.close()
})

/** A workspace with the e2e fixtures at its root and the offline ones under offline/. */
function workspace(files: Record<string, string> = {}): string {
  const dir = h.workspace(files)
  cpSync(OFFLINE_FIXTURES, join(dir, 'offline'), { recursive: true })
  return dir
}

async function offline(inputs: Record<string, string>, ws = workspace()): Promise<OfflineRun> {
  const run = await runOffline(ws, { name: 'edge', offline: 'true', ...inputs })
  expect(run.variables.filter(name => name.startsWith('AWS_'))).toEqual([])
  // No log group is opened for nothing.
  expect(run.stdout).not.toMatch(/^::group::.*\n(\n)?::endgroup::$/m)
  return run
}

function expectExit(run: OfflineRun, code: number): void {
  if (run.exitCode !== code) {
    throw new Error(`expected exit code ${code}, got ${run.exitCode}\n${output(run)}`)
  }
}

interface Result {
  name: string
  file: string
  passed: boolean
  computeUtilization: number
  failures: string[]
  output?: unknown
  error?: string
  logs: string[]
}

const results = (run: OfflineRun): Result[] =>
  JSON.parse(run.outputs['test-results'] ?? 'null') as Result[]

describe('test cases in the local runtime', () => {
  it('runs bare events and richer expectations, and reports where the results come from', async () => {
    const run = await offline({
      code: 'offline/headers.js',
      'test-events': 'offline/tests/*.json'
    })
    expectExit(run, 0)

    const tested = results(run)
    expect(tested.map(test => [test.name, test.file, test.passed])).toEqual([
      // A bare event is named after its file and passes when the function does not throw.
      ['offline/tests/bare-event.json', 'offline/tests/bare-event.json', true],
      ['drops x-debug and says so in order', 'offline/tests/expectations.json', true],
      ['refuses internal paths', 'offline/tests/expectations.json', true]
    ])
    // The service fills in what the event left out; the function's logs come with each case.
    expect(tested[0].output).toEqual({
      request: {
        method: 'GET',
        uri: '/index.html',
        querystring: {},
        headers: { host: { value: 'example.com' }, 'x-edge': { value: 'checked' } },
        cookies: {}
      }
    })
    expect(tested[1].logs).toEqual(['request GET /docs', 'dropping x-debug', 'forwarded'])
    expect(tested[2].error).toBe('Error: refused: /internal/admin is internal')
    for (const test of tested) {
      expect(test.computeUtilization).toBeGreaterThanOrEqual(0)
      expect(test.computeUtilization).toBeLessThanOrEqual(100)
    }

    expect(run.outputs).toMatchObject({
      changed: 'false',
      created: 'false',
      published: 'false',
      'has-changes': 'false',
      arn: '',
      etag: '',
      'live-etag': '',
      diff: '',
      'code-size': String(readFileSync(join(OFFLINE_FIXTURES, 'headers.js')).length)
    })
    expect(run.outputs['summary-markdown'].trim()).toBe(run.summary.trim())

    // The log and the summary say plainly that CloudFront ran none of this.
    expect(run.stdout).toContain(
      'Offline: these results come from the embedded CloudFront Functions runtime, not from CloudFront.'
    )
    expect(run.stdout).toMatch(/::group::Test locally \(3 cases\)/)
    expect(run.stdout).toMatch(
      /PASS drops x-debug and says so in order \(compute \d+%, estimated\)/
    )
    expect(run.summary).toContain(
      '### CloudFront Function `edge`: tested offline, 3 of 3 cases passed'
    )
    expect(run.summary).toContain('not from CloudFront')
    expect(run.summary).toContain('Compute utilization is an estimate from CPU time')
    expect(run.summary).toMatch(/\| Compute \(estimate\) \|/)
    expect(run.summary).toMatch(/\| refuses internal paths \| ✅ pass \| \d+% \|/)
    // Logs of passing cases are in the summary, collapsed.
    expect(run.summary).toContain('<details><summary>Function logs</summary>')
    expect(run.summary).toContain('# drops x-debug and says so in order\nrequest GET /docs')
    // Nothing about CloudFront state: there is none.
    expect(run.summary).not.toContain('DEVELOPMENT ETag')
    expect(run.summary).not.toContain('**Plan')
  })

  it('fails the step when a case fails, each for its own reason', async () => {
    const run = await offline({
      code: 'offline/headers.js',
      'test-events': 'offline/tests/*.json\noffline/failing/*.json'
    })
    expectExit(run, 1)
    const failed = Object.fromEntries(
      results(run)
        .filter(test => !test.passed)
        .map(test => [test.name, test.failures])
    )
    expect(failed).toEqual({
      'offline/failing/bare-internal.json': [
        'the function threw: Error: refused: /internal/metrics is internal'
      ],
      'host must be gone': ['output $.request.headers.host: expected absent, but it is there'],
      'logs in the wrong order': [
        'logs: expected a line containing "dropping x-debug" (after the lines expected before it), got 3 lines'
      ],
      'expects an error that never comes': [
        'expected the function to throw an error containing "refused", but it returned'
      ]
    })
    expect(run.stdout).toContain('::error::4 of 7 test cases failed in the local runtime.')
    expect(run.stdout).toMatch(/FAIL host must be gone \(compute \d+%, estimated\)/)
    expect(run.summary).toContain('### CloudFront Function `edge`: failed')
    expect(run.summary).toContain('**Tests:** 3 of 7 cases passed')
    expect(run.summary).toContain('not from CloudFront')
  })

  it('runs a connection function with its connection objects', async () => {
    const run = await offline({
      type: 'connection-function',
      code: 'connection-v1.js',
      'test-events': 'tests/connection-allow.json'
    })
    expectExit(run, 0)
    expect(results(run)).toEqual([
      expect.objectContaining({
        name: 'allows a plain connection',
        passed: true,
        output: { action: 'allow' }
      })
    ])
    expect(run.summary).toContain(
      '### CloudFront Connection Function `edge`: tested offline, 1 of 1 case passed'
    )
  })

  it('without test-events, checks the code and says only that', async () => {
    const run = await offline({ code: 'function-v1.js' })
    expectExit(run, 0)
    expect(run.outputs['test-results']).toBe('[]')
    expect(run.summary).toContain(
      '### CloudFront Function `edge`: code checked offline, no test cases'
    )
    expect(run.stdout).not.toContain('::group::Test locally')
  })

  it('runs the code checks of the declared runtime first', async () => {
    const run = await offline({
      runtime: 'cloudfront-js-1.0',
      code: 'const-v1.js',
      'test-events': 'tests/function-v1.json'
    })
    expectExit(run, 1)
    expect(run.stdout).toMatch(
      /::error title=CloudFront cloudfront-js-1\.0%3A unsupported-syntax,file=const-v1\.js,line=3,col=3::`const` is not supported by cloudfront-js-1\.0/
    )
    expect(run.outputs['test-results']).toBeUndefined()
  })
})

describe('a manifest of several functions', () => {
  it('tests every function locally and reports each, without a plan or ETags', async () => {
    const ws = workspace({
      'functions.yml': [
        'functions:',
        '  - name: edge',
        '    code: offline/headers.js',
        '    test-events: offline/tests/*.json',
        '  - name: mtls',
        '    type: connection-function',
        '    code: connection-v1.js',
        '    test-events: tests/connection-allow.json',
        '  - name: broken',
        '    code: throws.js',
        '    test-events: tests/no-host.json',
        ''
      ].join('\n')
    })
    const run = await runOffline(ws, { functions: 'functions.yml', offline: 'true' })
    expectExit(run, 1)
    expect(h.emu.requestLog()).toEqual([])
    const tested = results(run) as (Result & { function: string })[]
    expect(tested.map(test => [test.function, test.passed])).toEqual([
      ['edge', true],
      ['edge', true],
      ['edge', true],
      ['mtls', true],
      ['broken', false]
    ])
    expect(run.summary).toContain(
      '### CloudFront Functions from `functions.yml`: 3 functions tested offline, 1 failed'
    )
    expect(run.summary).toContain('| Function | Type | Result | Tests |')
    expect(run.summary).toContain(
      '| <code>mtls</code> | connection-function | tested offline, 1 of 1 case passed | ✅ 1/1 |'
    )
    expect(run.summary).not.toContain('no changes')
    // Each function's log stays together, under its name.
    expect(run.stdout).toContain('::group::edge: Test locally (3 cases)')
    expect(run.stdout).toContain('::group::broken: Test locally (1 case)')
  })
})

describe('compute utilization, estimated', () => {
  it('applies max-compute-utilization to the estimate', async () => {
    const run = await offline({
      code: 'busy.js',
      'test-events': 'tests/no-host.json',
      'max-compute-utilization': '10'
    })
    expectExit(run, 1)
    const [test] = results(run)
    expect(test.computeUtilization).toBeGreaterThan(10)
    expect(test.failures).toEqual([
      `compute utilization ${test.computeUtilization}% is over max-compute-utilization 10%`
    ])
    expect(run.stdout).toContain(
      `FAIL request without a host header (compute ${test.computeUtilization}%, estimated)`
    )
    expect(run.summary).toContain(`| ${test.computeUtilization}% |`)
  })

  it('passes the same case under a limit of 100', async () => {
    const run = await offline({
      code: 'busy.js',
      'test-events': 'tests/no-host.json',
      'max-compute-utilization': '100'
    })
    expectExit(run, 0)
    expect(results(run)[0].passed).toBe(true)
  })
})

describe('key value store data', () => {
  const storeInputs = {
    code: 'kvs-function.js',
    'key-value-stores': 'redirects',
    'test-events': 'offline/kvs-tests/redirects.json'
  }

  it('is what cf.kvs() reads; the declared store is checked for form, not looked up', async () => {
    const run = await offline({ ...storeInputs, 'offline-store-data': 'offline/store.json' })
    expectExit(run, 0)
    expect(results(run).map(test => [test.name, test.passed])).toEqual([
      ['a path in the store redirects', true],
      ['other paths go to the origin', true]
    ])
  })

  it('is needed when the code reads a store, and the message says how to give it', async () => {
    const run = await offline(storeInputs)
    expectExit(run, 1)
    expect(run.stdout).toMatch(
      /::error::Input 'offline-store-data': the code reads a key value store \(cf\.kvs at kvs-function\.js line \d+\), and offline mode has no store to read: set offline-store-data to the path of a JSON object/
    )
    expect(run.outputs['test-results']).toBeUndefined()
  })

  it('must be valid JSON: an annotation at the file and line', async () => {
    const ws = workspace({
      'broken-store.json': '{\n  "/old": "/new",\n  "/promo" "https://shop.example.com/sale"\n}\n'
    })
    const run = await offline({ ...storeInputs, 'offline-store-data': 'broken-store.json' }, ws)
    expectExit(run, 1)
    expect(run.stdout).toMatch(
      /::error title=Invalid store data JSON,file=broken-store\.json,line=3,col=\d+::/
    )
    expect(run.stdout).toContain("Input 'offline-store-data': broken-store.json is not valid JSON")
    // The file's content is not quoted.
    expect(output(run)).not.toContain('shop.example.com')
  })

  it('must be one object of keys and values', async () => {
    const run = await offline({ ...storeInputs, 'offline-store-data': 'offline/store-list.json' })
    expectExit(run, 1)
    expect(run.stdout).toContain(
      "::error::Input 'offline-store-data': offline/store-list.json must hold one JSON object of keys and their values"
    )
  })

  it('does not lift the guard against a forgotten store declaration', async () => {
    const run = await offline({
      ...storeInputs,
      'key-value-stores': '',
      'offline-store-data': 'offline/store.json'
    })
    expectExit(run, 1)
    expect(run.stdout).toContain(
      "Input 'key-value-stores': kvs-function.js reads a key value store"
    )
  })

  it('refuses a store declared in a form no deploy would accept', async () => {
    const run = await offline({
      ...storeInputs,
      'key-value-stores': 'arn:aws:cloudfront::123:key-value-store/nope',
      'offline-store-data': 'offline/store.json'
    })
    expectExit(run, 1)
    expect(run.stdout).toMatch(/::error::Input 'key-value-stores': /)
  })
})

describe('inputs that do not go with offline', () => {
  it.each<{ inputs: Record<string, string>; input: string; says: string }>([
    {
      inputs: { publish: 'true' },
      input: 'publish',
      says: 'publish: true cannot be combined with offline: true'
    },
    {
      inputs: { delete: 'true' },
      input: 'offline',
      says: 'offline: true runs the tests locally and cannot delete anything'
    },
    { inputs: { 'dry-run': 'maybe' }, input: 'dry-run', says: "'maybe' is not a boolean" },
    { inputs: { 'comment-on-pr': 'yes' }, input: 'comment-on-pr', says: "'yes' is not a boolean" }
  ])('$input: $inputs is an input error', async ({ inputs, input, says }) => {
    const run = await offline({ code: 'function-v1.js', ...inputs })
    expectExit(run, 1)
    expect(run.stdout).toContain(`::error::Input '${input}': ${says}`)
    expect(run.outputs['test-results']).toBeUndefined()
  })

  it('offline-store-data without offline is an input error', async () => {
    const run = await runOffline(workspace(), {
      name: 'edge',
      code: 'function-v1.js',
      'offline-store-data': 'offline/store.json'
    })
    expectExit(run, 1)
    expect(run.stdout).toContain(
      "::error::Input 'offline-store-data': is only used with offline: true."
    )
  })
})

describe('the example workflow for fork pull requests', () => {
  const EXAMPLES = resolve(FIXTURES, '../../../examples')

  interface Step {
    uses?: string
    with?: Record<string, string | number | boolean>
  }
  interface Workflow {
    on: Record<string, unknown>
    permissions: unknown
    jobs: Record<string, { permissions: unknown; steps: Step[] }>
  }

  const text = readFileSync(join(EXAMPLES, 'workflows', 'offline-fork.yml'), 'utf8')
  const workflow = parseYaml(text) as Workflow

  it('runs on pull requests with read-only permissions, no secrets and no AWS step', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request'])
    expect(workflow.permissions).toEqual({})
    const [job] = Object.values(workflow.jobs)
    expect(job.permissions).toEqual({ contents: 'read' })
    expect(text).not.toContain('secrets.')
    expect(text).not.toMatch(/aws-actions|id-token/)
  })

  it("runs as written against the repository's example function and tests", async () => {
    const [job] = Object.values(workflow.jobs)
    const step = job.steps.find(item => item.uses?.includes('cloudfront-function-deploy'))!
    const inputs = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([key, value]) => [key, String(value)])
    )
    expect(inputs.offline).toBe('true')
    const ws = h.workspace()
    cpSync(join(EXAMPLES, 'functions'), join(ws, 'functions'), { recursive: true })
    cpSync(join(EXAMPLES, 'tests'), join(ws, 'tests'), { recursive: true })
    const run = await runOffline(ws, inputs)
    expectExit(run, 0)
    expect(results(run).length).toBeGreaterThan(0)
    expect(results(run).every(test => test.passed)).toBe(true)
    expect(run.summary).toContain('tested offline')
  })
})

describe('with comment-on-pr', () => {
  let github: GitHubApiStub

  beforeEach(async () => {
    github = await startGitHubApiStub()
  })
  afterEach(async () => {
    await github.close()
  })

  it('comments the offline results on the pull request', async () => {
    const ws = workspace()
    const event = join(ws, 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { number: 12 }, number: 12 }))
    const run = await runOffline(
      ws,
      {
        name: 'edge',
        offline: 'true',
        code: 'offline/headers.js',
        'test-events': 'offline/tests/*.json',
        'comment-on-pr': 'true',
        'github-token': 'ghs_offlineDummyToken0123456789'
      },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'owner/repo',
        GITHUB_API_URL: github.url
      }
    )
    expectExit(run, 0)
    const [comment] = github.comments()
    expect(comment.issueNumber).toBe(12)
    expect(comment.body).toContain('tested offline, 3 of 3 cases passed')
    expect(comment.body).toContain('not from CloudFront')
  })
})
