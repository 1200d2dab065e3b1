// Reviewable runs through the bundled action: diffs that answer "what changes in production?"
// (against LIVE, and against another function with diff-against), has-changes, the diff of
// every run in a collapsed log group, the job summary, the sticky comment of a deleted
// preview, and the warnings that catch the usual mistakes (each fires on its mistake and
// stays quiet otherwise).
import { cpSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  DescribeConnectionFunctionCommand,
  DescribeFunctionCommand,
  ListConnectionFunctionsCommand,
  PublishConnectionFunctionCommand,
  UpdateFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runOffline } from '../fixtures/offline/run-offline.js'
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js'
import {
  createStore,
  expectExit,
  fixture,
  FIXTURES,
  output,
  resetEmulator,
  seedConnectionFunction,
  seedFunction,
  startHarness,
  stored,
  writeOperations,
  writes,
  type ActionRun,
  type Harness
} from './helpers.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(() => resetEmulator(h))
afterAll(async () => {
  await h.close()
})

/** What the runner sets for a workflow run: the commit, the repository and the run. */
const RUN_ENV = {
  GITHUB_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'octo/edge',
  GITHUB_RUN_ID: '4242'
}

/** Runs the action, and checks what every run must do: open no empty log group. */
async function run(
  inputs: Record<string, string>,
  options: { ws?: string; env?: Record<string, string> } = {}
): Promise<ActionRun> {
  const result = await h.run(options.ws ?? h.workspace(), inputs, { ...RUN_ENV, ...options.env })
  expectNoEmptyGroup(result)
  return result
}

function expectNoEmptyGroup(result: ActionRun): void {
  const lines = result.stdout.split('\n')
  const empty = lines.filter(
    (line, index) =>
      line.startsWith('::group::') &&
      (lines[index + 1] === '::endgroup::' ||
        (lines[index + 1] === '' && lines[index + 2] === '::endgroup::'))
  )
  expect(empty).toEqual([])
}

/** The lines of the log group with this title, or undefined when it was not opened. */
function group(result: ActionRun, title: string): string | undefined {
  const lines = result.stdout.split('\n')
  const start = lines.indexOf(`::group::${title}`)
  if (start < 0) return undefined
  const end = lines.indexOf('::endgroup::', start)
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trimEnd()
}

/** The Id of a connection function, by name. */
async function connectionId(name: string): Promise<string> {
  const list = await h.client().send(new ListConnectionFunctionsCommand({}))
  const found = list.ConnectionFunctions?.find(item => item.Name === name)
  if (!found?.Id) throw new Error(`no connection function ${name}`)
  return found.Id
}

/** Seeds `name` with LIVE holding v1 and DEVELOPMENT holding v2: a publish is pending. */
async function seedPendingPublish(name: string): Promise<void> {
  await seedFunction(h, name, fixture('function-v1.js'), { publish: true })
  const client = h.client()
  const described = await client.send(new DescribeFunctionCommand({ Name: name }))
  await client.send(
    new UpdateFunctionCommand({
      Name: name,
      IfMatch: described.ETag,
      FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' },
      FunctionCode: Buffer.from(fixture('function-v2.js'))
    })
  )
}

describe('diff-against', () => {
  let github: GitHubApiStub

  beforeEach(async () => {
    github = await startGitHubApiStub()
  })
  afterEach(async () => {
    await github.close()
  })

  function pullRequest(ws: string): Record<string, string> {
    const path = join(ws, 'event.json')
    writeFileSync(path, JSON.stringify({ pull_request: { number: 7 }, number: 7 }))
    return {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_API_URL: github.url
    }
  }

  it("shows how a preview differs from the production function's LIVE stage, read-only", async () => {
    await seedFunction(h, 'viewer', fixture('function-v1.js'), {
      publish: true,
      comment: 'production',
      tags: { team: 'edge' }
    })
    const production = stored(h.emu, 'function', 'viewer')!
    h.emu.clearRequestLog()
    const ws = h.workspace()
    const preview = await run(
      {
        name: 'viewer-pr-7',
        code: 'function-v2.js',
        comment: 'preview',
        tags: 'team=edge',
        'diff-against': 'viewer',
        'comment-on-pr': 'true',
        'github-token': 'ghs_reviewDummyToken0123456789'
      },
      { ws, env: pullRequest(ws) }
    )
    expectExit(preview, 0)

    // The diff output shows the preview's own plan, then production's LIVE → declared.
    const diff = preview.outputs.diff
    expect(diff).toContain('--- code: /dev/null\n+++ code: viewer-pr-7 (inputs)\n')
    expect(diff).toContain('--- code: viewer (LIVE)\n+++ code: viewer-pr-7 (inputs)\n')
    expect(diff).toContain("-  request.headers['x-version'] = { value: '1' }\n")
    expect(diff).toContain("+  request.headers['x-version'] = { value: '2' }\n")
    expect(diff).toContain('--- config: viewer (LIVE)\n+++ config: viewer-pr-7 (inputs)\n')
    expect(diff).toContain('-comment: production\n+comment: preview\n')
    // The same tags as production: no tag section against it.
    expect(diff).not.toContain('--- tags: viewer (LIVE)')

    const line =
      '- Compared with `viewer` (LIVE, ETag `ETVPDKIKX0DER`): code and comment differ; the diff shows how.'
    expect(preview.summary).toContain(line)
    expect(preview.summary).toContain('--- code: viewer (LIVE)')
    const [comment] = github.comments()
    expect(comment.body).toContain(line)
    expect(comment.body).toContain('--- config: viewer (LIVE)')

    // Read-only: production is exactly as it was, and nothing was written to it.
    expect(stored(h.emu, 'function', 'viewer')).toEqual(production)
    expect(
      writes(h.emu.requestLog()).every(entry => !/\/function\/viewer(\/|\?|$)/.test(entry.path))
    ).toBe(true)
  })

  it('finds a connection function by name and compares with its LIVE stage', async () => {
    const id = await seedConnectionFunction(h, 'mtls', fixture('connection-v1.js'))
    const described = await h
      .client()
      .send(new DescribeConnectionFunctionCommand({ Identifier: id }))
    await h.client().send(new PublishConnectionFunctionCommand({ Id: id, IfMatch: described.ETag }))
    const preview = await run({
      name: 'mtls-pr-7',
      type: 'connection-function',
      code: 'connection-v2.js',
      'diff-against': 'mtls'
    })
    expectExit(preview, 0)
    expect(preview.outputs.diff).toContain('--- code: mtls (LIVE)\n+++ code: mtls-pr-7 (inputs)\n')
    expect(preview.outputs.diff).toContain(
      '-// A connection function that lets every connection through.\n'
    )
    expect(preview.summary).toContain(
      '- Compared with `mtls` (LIVE, ETag `ETVPDKIKX0DER`): code differs'
    )
    expect(preview.outputs.id).toBe(await connectionId('mtls-pr-7'))
  })

  it('says so when the other function does not exist, and does not fail', async () => {
    const ws = h.workspace()
    const preview = await run(
      {
        name: 'viewer-pr-7',
        code: 'function-v2.js',
        'diff-against': 'viewer',
        'comment-on-pr': 'true',
        'github-token': 'ghs_reviewDummyToken0123456789'
      },
      { ws, env: pullRequest(ws) }
    )
    expectExit(preview, 0)
    const line =
      '- diff-against: no function named viewer exists; there is nothing to compare with.'
    expect(preview.summary).toContain(line)
    expect(github.comments()[0].body).toContain(line)
    // Only the preview's own plan: nothing compared against a function that is not there.
    expect(preview.outputs.diff).toContain('+++ code: viewer-pr-7 (inputs)')
    expect(preview.outputs.diff).not.toContain('viewer (LIVE)')
    expect(preview.outputs.diff.match(/^--- code: /gm)).toHaveLength(1)
    expect(preview.outputs.created).toBe('true')
  })

  it('says so when the other function was never published', async () => {
    await seedFunction(h, 'viewer', fixture('function-v1.js'))
    const preview = await run({
      name: 'viewer-pr-7',
      code: 'function-v2.js',
      'diff-against': 'viewer'
    })
    expectExit(preview, 0)
    expect(preview.summary).toContain(
      '- diff-against: `viewer` has never been published (it has no LIVE stage); there is nothing to compare with.'
    )
    expect(preview.outputs.diff).not.toContain('viewer (LIVE)')
  })

  it('compares with a function of the same type only', async () => {
    await seedConnectionFunction(h, 'shared-name', fixture('connection-v1.js'))
    const preview = await run({
      name: 'viewer-pr-7',
      code: 'function-v2.js',
      'diff-against': 'shared-name'
    })
    expectExit(preview, 0)
    expect(preview.summary).toContain(
      '- diff-against: no function named shared-name exists; there is nothing to compare with.'
    )
  })
})

describe('diffs against LIVE', () => {
  it('a publish-only run shows LIVE → declared, never an empty diff', async () => {
    await seedPendingPublish('pending')
    h.emu.clearRequestLog()
    const result = await run({ name: 'pending', code: 'function-v2.js', publish: 'true' })
    expectExit(result, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual(['PublishFunction'])
    expect(JSON.parse(result.outputs.plan).changes).toEqual([{ action: 'publish' }])
    const diff = result.outputs.diff
    expect(diff).toContain('--- code: pending (LIVE)\n+++ code: pending (inputs)\n')
    expect(diff).toContain("-  request.headers['x-version'] = { value: '1' }\n")
    // DEVELOPMENT already holds the inputs.
    expect(diff).not.toContain('(DEVELOPMENT)')
    expect(result.summary).toContain('--- code: pending (LIVE)')
    expect(group(result, 'Diff')).toBe(diff.trimEnd())
  })

  it('a dry run that would publish shows LIVE → declared too', async () => {
    await seedPendingPublish('pending')
    const result = await run({
      name: 'pending',
      code: 'function-v2.js',
      publish: 'true',
      'dry-run': 'true'
    })
    expectExit(result, 0)
    expect(result.outputs.diff).toContain('--- code: pending (LIVE)\n')
    expect(result.outputs['has-changes']).toBe('true')
  })
})

describe('has-changes', () => {
  it('in a dry run: true when a real run would change something, while changed stays false', async () => {
    await seedFunction(h, 'dry', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    const pending = await run({ name: 'dry', code: 'function-v2.js', 'dry-run': 'true' })
    expectExit(pending, 0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(pending.outputs).toMatchObject({ 'has-changes': 'true', changed: 'false' })

    const none = await run({ name: 'dry', code: 'function-v1.js', 'dry-run': 'true' })
    expect(none.outputs).toMatchObject({ 'has-changes': 'false', changed: 'false', diff: '' })

    const create = await run({ name: 'not-yet', code: 'function-v1.js', 'dry-run': 'true' })
    expect(create.outputs).toMatchObject({
      'has-changes': 'true',
      changed: 'false',
      created: 'false'
    })
    expect(writes(h.emu.requestLog())).toEqual([])
  })

  it('in a real run: true with changed when it writes, false on a re-run', async () => {
    const first = await run({ name: 'real', code: 'function-v1.js', tags: 'team=edge' })
    expect(first.outputs).toMatchObject({ 'has-changes': 'true', changed: 'true' })
    const again = await run({ name: 'real', code: 'function-v1.js', tags: 'team=edge' })
    expect(again.outputs).toMatchObject({ 'has-changes': 'false', changed: 'false', diff: '' })
    const tagsOnly = await run({ name: 'real', code: 'function-v1.js', tags: 'team=web' })
    expect(tagsOnly.outputs).toMatchObject({ 'has-changes': 'true', changed: 'true' })
    expect(tagsOnly.outputs.diff).toContain('-team=edge\n+team=web\n')
  })
})

describe('the diff in the log', () => {
  it('every run that changes something prints its diff in a collapsed group', async () => {
    const created = await run({ name: 'logged', code: 'function-v1.js' })
    expect(group(created, 'Diff')).toBe(created.outputs.diff.trimEnd())
    const updated = await run({ name: 'logged', code: 'function-v2.js', comment: 'v2' })
    expect(group(updated, 'Diff')).toContain('-comment: \n+comment: v2')
    expect(group(updated, 'Diff')).toBe(updated.outputs.diff.trimEnd())
    // Nothing to show: no group at all, rather than an empty one.
    const noop = await run({ name: 'logged', code: 'function-v2.js', comment: 'v2' })
    expect(noop.stdout).not.toContain('::group::Diff')
  })

  it('is bounded, with a note saying where the rest is', async () => {
    // Two large, different functions: the preview's own diff plus the one against production.
    const lines = (tag: string) =>
      Array.from({ length: 220 }, (_, i) => `  // ${tag} line ${i} ${'x'.repeat(20)}`).join('\n')
    const code = (tag: string) =>
      `function handler(event) {\n${lines(tag)}\n  return event.request\n}\n`
    const ws = h.workspace({ 'large-a.js': code('alpha'), 'large-b.js': code('beta') })
    expectExit(await run({ name: 'large-prod', code: 'large-a.js', publish: 'true' }, { ws }), 0)
    const result = await run(
      { name: 'large-pr', code: 'large-b.js', 'diff-against': 'large-prod' },
      { ws }
    )
    expectExit(result, 0)
    const diff = result.outputs.diff
    expect(diff.length).toBeGreaterThan(20_000)
    expect(diff.length).toBeLessThan(30_000)
    const logged = group(result, 'Diff')!
    expect(logged.length).toBeLessThan(diff.length)
    expect(diff.startsWith(logged.split('\n… (')[0])).toBe(true)
    expect(logged).toMatch(/\n… \(\d+ more characters: the diff output has all of it\)$/)
    // The summary does have all of it.
    expect(result.summary).toContain(diff.trimEnd().split('\n').slice(-3).join('\n'))
  })

  // Known gap in src/main.ts: the log's note says the job summary has all of a cut diff, but
  // the summary cuts diffs at 30,000 characters too. Two 10 KB functions that differ make a
  // longer diff (the preview's own plus the one against production).
  it('does not send readers to a summary that was cut as well', async () => {
    const lines = (tag: string) =>
      Array.from({ length: 232 }, (_, i) => `  // ${tag} line ${i} ${'x'.repeat(23)}`).join('\n')
    const code = (tag: string) =>
      `function handler(event) {\n${lines(tag)}\n  return event.request\n}\n`
    const ws = h.workspace({ 'large-a.js': code('alpha'), 'large-b.js': code('beta') })
    expectExit(await run({ name: 'large-prod', code: 'large-a.js', publish: 'true' }, { ws }), 0)
    const result = await run(
      { name: 'large-pr', code: 'large-b.js', 'diff-against': 'large-prod' },
      { ws }
    )
    expectExit(result, 0)
    expect(result.outputs.diff.length).toBeGreaterThan(30_000)
    expect(result.summary).toMatch(/\n… \(\d+ more characters in the diff output\)/)
    expect(group(result, 'Diff')).not.toContain('the job summary have all of it')
  })
})

describe('job summary', () => {
  it('shows the configuration after the run, with the store by name and ARN, and tags', async () => {
    const storeArn = await createStore(h, 'redirects')
    const result = await run({
      name: 'configured',
      code: 'kvs-function.js',
      comment: 'Redirects from the store',
      'key-value-stores': 'redirects',
      tags: 'team=edge\nservice=web'
    })
    expectExit(result, 0)
    expect(result.summary).toContain(
      [
        '**Configuration:**',
        '',
        '- Runtime: `cloudfront-js-2.0`',
        '- Comment: Redirects from the store',
        `- Key value store: redirects (${storeArn})`,
        '- Tags: `team=edge`, `service=web`'
      ].join('\n')
    )
    // The diff names the store too, not a bare ARN.
    expect(result.outputs.diff).toContain(`+key-value-stores: redirects (${storeArn})\n`)
    const size = Buffer.byteLength(fixture('kvs-function.js'))
    expect(result.summary).toContain(
      `**Code:** \`kvs-function.js\`: ${size} of 10,240 bytes (${Math.round((size / 10240) * 100)}% of CloudFront's limit)\n`
    )
  })

  it('names both stores when the association changes, in the diff and the summary', async () => {
    const oldArn = await createStore(h, 'redirects-2024')
    const newArn = await createStore(h, 'redirects-2025')
    expectExit(
      await run({ name: 'moved', code: 'kvs-function.js', 'key-value-stores': 'redirects-2024' }),
      0
    )
    // The new store given by ARN: its name is looked up for the report all the same.
    const result = await run({ name: 'moved', code: 'kvs-function.js', 'key-value-stores': newArn })
    expectExit(result, 0)
    expect(result.outputs.diff).toContain(
      `-key-value-stores: redirects-2024 (${oldArn})\n+key-value-stores: redirects-2025 (${newArn})\n`
    )
    expect(result.summary).toContain(`- Key value store: redirects-2025 (${newArn})`)
    expect(stored(h.emu, 'function', 'moved')!.development.config.keyValueStoreArns).toEqual([
      newArn
    ])
  })

  it('ends with the commit and a link to the run', async () => {
    const result = await run({ name: 'linked', code: 'function-v1.js' })
    expect(result.summary).toContain(
      'Commit `3f786850e387` · [workflow run](https://github.com/octo/edge/actions/runs/4242)'
    )
    const bare = await h.run(h.workspace(), { name: 'linked', code: 'function-v1.js' })
    expect(bare.summary).not.toContain('Commit `')
    expect(bare.summary).not.toContain('[workflow run]')
  })

  it('warns from 90% of the 10,240-byte limit on, in the log and the summary', async () => {
    const sized = (bytes: number) => {
      const head = 'function handler(event) {\n  return event.request\n}\n'
      return head + `// ${'x'.repeat(bytes - head.length - 4)}\n`
    }
    const ws = h.workspace({ 'at-90.js': sized(9_216), 'under-90.js': sized(9_215) })
    const at = await run({ name: 'at-90', code: 'at-90.js' }, { ws })
    expectExit(at, 0)
    expect(at.outputs['code-size']).toBe('9216')
    expect(at.stdout).toContain(
      "::warning title=Code close to the size limit,file=at-90.js::at-90.js deploys 9216 bytes, 90%25 of CloudFront's 10,240-byte limit"
    )
    expect(at.summary).toContain(
      "**Code:** `at-90.js`: 9,216 of 10,240 bytes (90% of CloudFront's limit) ⚠️ close to the limit"
    )
    const under = await run({ name: 'under-90', code: 'under-90.js' }, { ws })
    expect(under.outputs['code-size']).toBe('9215')
    expect(under.stdout).not.toContain('close to the size limit')
    expect(under.summary).not.toContain('close to the limit')
  })

  it('a dry run shows what is there now, not "before" repeated as "after"', async () => {
    await seedFunction(h, 'dry', fixture('function-v1.js'))
    const result = await run({ name: 'dry', code: 'function-v2.js', 'dry-run': 'true' })
    expect(result.summary).toContain('### CloudFront Function `dry`: dry run, changes pending')
    expect(result.summary).toContain('| | Now |')
    expect(result.summary).not.toContain('| Before | After |')
    expect(result.summary).toContain('**Plan (dry run, nothing was written):**')
    expect(result.summary).toContain('**Configuration (declared):**')
  })

  it('a no-op is short', async () => {
    await run({ name: 'same', code: 'function-v1.js', publish: 'true' })
    const result = await run({ name: 'same', code: 'function-v1.js', publish: 'true' })
    expect(result.outputs.changed).toBe('false')
    const prose = result.summary.trim().split('\n').filter(Boolean)
    expect(prose).toEqual([
      '### CloudFront Function `same`: no changes',
      'CloudFront already matches the inputs: DEVELOPMENT ETag `ETVPDKIKX0DER`, LIVE ETag `ETVPDKIKX0DER`.',
      expect.stringMatching(/^\*\*Code:\*\* `function-v1\.js`: /),
      expect.stringMatching(/^Commit `/)
    ])
  })

  it('shows the logs of passing cases, collapsed, and compute in %', async () => {
    const ws = h.workspace({
      'headers.js': [
        'function handler(event) {',
        "  console.log('checked ' + event.request.uri)",
        '  return event.request',
        '}',
        ''
      ].join('\n'),
      'cases/one.json': JSON.stringify({
        name: 'logs the uri',
        event: {
          version: '1.0',
          context: { eventType: 'viewer-request' },
          viewer: { ip: '198.51.100.1' },
          request: { method: 'GET', uri: '/docs' }
        },
        expectLogs: ['checked /docs']
      })
    })
    const result = await run(
      { name: 'logs', code: 'headers.js', 'test-events': 'cases/one.json' },
      { ws }
    )
    expectExit(result, 0)
    expect(result.stdout).toMatch(/PASS logs the uri \(compute \d+%\)/)
    expect(result.summary).toMatch(/\| logs the uri \| ✅ pass \| \d+% \| {2}\|/)
    expect(result.summary).toContain(
      '<details><summary>Function logs</summary>\n\n```\n# logs the uri\nchecked /docs\n```\n\n</details>'
    )
  })
})

describe('test cases users already have, through TestFunction', () => {
  const OFFLINE = resolve(FIXTURES, '../offline')

  function workspace(): string {
    const ws = h.workspace()
    cpSync(OFFLINE, join(ws, 'offline'), { recursive: true })
    return ws
  }

  interface Result {
    name: string
    passed: boolean
    failures: string[]
    output?: unknown
    error?: string
    logs: string[]
  }

  const results = (result: ActionRun): Omit<Result, 'computeUtilization'>[] =>
    (JSON.parse(result.outputs['test-results']) as (Result & { computeUtilization: number })[]).map(
      ({ computeUtilization: _compute, ...rest }) => rest
    )

  it('bare events and richer expectations pass, with the same results as offline', async () => {
    const ws = workspace()
    const inputs = {
      name: 'edge',
      code: 'offline/headers.js',
      'test-events': 'offline/tests/*.json'
    }
    const deployed = await run({ ...inputs, publish: 'true' }, { ws })
    expectExit(deployed, 0)
    expect(deployed.outputs.published).toBe('true')
    const local = await runOffline(ws, { ...inputs, offline: 'true' })
    expectExit(local as ActionRun, 0)
    expect(results(deployed)).toEqual(results(local))
    expect(results(deployed).map(test => test.name)).toEqual([
      'offline/tests/bare-event.json',
      'drops x-debug and says so in order',
      'refuses internal paths'
    ])
  })

  it('a failing expectation stops the publish, each failing for its own reason as offline', async () => {
    const ws = workspace()
    const inputs = {
      name: 'edge',
      code: 'offline/headers.js',
      'test-events': 'offline/failing/*.json'
    }
    const deployed = await run({ ...inputs, publish: 'true' }, { ws })
    expectExit(deployed, 1)
    expect(deployed.outputs.published).toBe('false')
    expect(stored(h.emu, 'function', 'edge')!.live).toBeUndefined()
    const local = await runOffline(ws, { ...inputs, offline: 'true' })
    expectExit(local as ActionRun, 1)
    expect(results(deployed)).toEqual(results(local))
    expect(results(deployed).every(test => !test.passed)).toBe(true)
  })
})

describe('a deleted preview', () => {
  let github: GitHubApiStub

  beforeEach(async () => {
    github = await startGitHubApiStub()
  })
  afterEach(async () => {
    await github.close()
  })

  it('updates the sticky comment to say the preview was deleted', async () => {
    const ws = h.workspace()
    const path = join(ws, 'event.json')
    writeFileSync(path, JSON.stringify({ pull_request: { number: 9 }, number: 9 }))
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_API_URL: github.url
    }
    const inputs = {
      name: 'viewer-pr-9',
      'comment-on-pr': 'true',
      'github-token': 'ghs_reviewDummyToken0123456789'
    }
    expectExit(await run({ ...inputs, code: 'function-v1.js' }, { ws, env }), 0)
    const [created] = github.comments()
    expect(created.body).toContain('### CloudFront Function `viewer-pr-9`: created')

    const deleted = await run({ ...inputs, delete: 'true' }, { ws, env })
    expectExit(deleted, 0)
    expect(stored(h.emu, 'function', 'viewer-pr-9')).toBeUndefined()
    const comments = github.comments()
    expect(comments).toHaveLength(1)
    expect(comments[0].id).toBe(created.id)
    expect(comments[0].body).toContain('### CloudFront Function `viewer-pr-9`: deleted')
    expect(comments[0].body).not.toContain(': created')
    expect(deleted.stdout).toContain('Pull-request comment updated:')

    // Closing the pull request again: the comment says there was nothing left to delete.
    const again = await run({ ...inputs, delete: 'true' }, { ws, env })
    expectExit(again, 0)
    expect(github.comments()).toHaveLength(1)
    expect(github.comments()[0].body).toContain('`viewer-pr-9`: nothing to delete')
  })
})

describe('the id output after a delete', () => {
  it.each([
    { what: 'a deleted function', kind: 'function', exists: true, dryRun: false, id: () => '' },
    {
      what: 'a function that did not exist',
      kind: 'function',
      exists: false,
      dryRun: false,
      id: () => ''
    },
    {
      what: 'a deleted connection function',
      kind: 'connection-function',
      exists: true,
      dryRun: false,
      id: () => ''
    },
    {
      what: 'a connection function that did not exist',
      kind: 'connection-function',
      exists: false,
      dryRun: false,
      id: () => ''
    },
    // A dry run deletes nothing: the function still exists after it.
    {
      what: 'a dry-run delete of a function',
      kind: 'function',
      exists: true,
      dryRun: true,
      id: () => 'gone'
    },
    {
      what: 'a dry-run delete of a connection function',
      kind: 'connection-function',
      exists: true,
      dryRun: true,
      id: () => connectionId('gone')
    }
  ])('is right for $what', async ({ kind, exists, dryRun, id }) => {
    if (exists && kind === 'function') await seedFunction(h, 'gone', fixture('function-v1.js'))
    if (exists && kind === 'connection-function') {
      await seedConnectionFunction(h, 'gone', fixture('connection-v1.js'))
    }
    const result = await run({
      name: 'gone',
      type: kind,
      delete: 'true',
      'dry-run': String(dryRun)
    })
    expectExit(result, 0)
    expect(result.outputs.id).toBe(await id())
    expect(result.outputs.arn).toBe(dryRun ? stored(h.emu, kind as 'function', 'gone')!.arn : '')
  })
})

describe('warnings: each fires on its mistake and stays quiet otherwise', () => {
  it('tags written with spaces', async () => {
    const spaced = await run({
      name: 'tagged',
      code: 'function-v1.js',
      tags: 'team=edge service=web'
    })
    expectExit(spaced, 0)
    expect(spaced.stdout).toContain(
      "::warning title=Tags::Input 'tags': the value of 'team' is 'edge service=web', which looks like several tags separated by spaces. Separate tags with commas or newlines"
    )
    // Not refused: CloudFront allows spaces and = in values.
    expect(stored(h.emu, 'function', 'tagged')!.tags).toEqual({ team: 'edge service=web' })
    for (const tags of ['team=edge, service=web', 'team=edge\nservice=web', 'owner=Edge Team']) {
      const quiet = await run({ name: 'tagged', code: 'function-v1.js', tags })
      expectExit(quiet, 0)
      expect(quiet.stdout).not.toContain('title=Tags')
    }
  })

  it.each([
    {
      what: 'CRLF line endings',
      code: (text: string) => text.replace(/\n/g, '\r\n'),
      says: 'has CRLF line endings'
    },
    {
      what: 'a byte-order mark',
      code: (text: string) => `\ufeff${text}`,
      says: 'starts with a byte-order mark'
    }
  ])('$what in the code', async ({ code, says }) => {
    const ws = h.workspace({ 'converted.js': code(fixture('function-v1.js')) })
    const result = await run({ name: 'converted', code: 'converted.js' }, { ws })
    expectExit(result, 0)
    expect(result.stdout).toContain(
      `::warning title=Line endings,file=converted.js::converted.js ${says}.`
    )
    expect(result.stdout).toContain("Add '*.js text eol=lf' to .gitattributes")
    const plain = await run({ name: 'plain', code: 'function-v1.js' }, { ws })
    expect(plain.stdout).not.toContain('Line endings')
  })

  it('a test-events directory suggests dir/*.json', async () => {
    for (const value of ['tests', 'tests/']) {
      const result = await run({ name: 'dir', code: 'function-v1.js', 'test-events': value })
      expectExit(result, 1)
      expect(result.stdout).toContain(
        `::error::Input 'test-events': '${value}' is a directory, not a regular file. To use every case file in it, write 'tests/*.json'.`
      )
    }
    expect(h.emu.requestLog()).toEqual([])
  })

  it.each([
    { input: 'code', value: 'functions\\viewer.js' },
    { input: 'test-events', value: 'tests\\function-v1.json' },
    { input: 'test-events', value: 'tests\\function-*.json' }
  ])('a path with backslashes in $input: $value', async ({ input, value }) => {
    const result = await run({ name: 'slashes', code: 'function-v1.js', [input]: value })
    expectExit(result, 1)
    expect(result.stdout).toContain(`::error::Input '${input}': '${value}'`)
    expect(result.stdout).toContain('contains backslashes: use / between folders')
    const missing = await run({
      name: 'slashes',
      code: 'function-v1.js',
      [input]: 'nothing/here.js'
    })
    expect(missing.stdout).not.toContain('backslashes')
    expect(h.emu.requestLog()).toEqual([])
  })

  it('a store name that does not exist suggests the closest existing name', async () => {
    await createStore(h, 'redirects')
    await createStore(h, 'feature-flags')
    const typo = await run({ name: 'kvs', code: 'kvs-function.js', 'key-value-stores': 'redirect' })
    expectExit(typo, 1)
    expect(typo.stdout).toContain(
      "::error::Input 'key-value-stores': no key value store named 'redirect' exists in this account (DescribeKeyValueStore found none). Did you mean 'redirects'? Create it first, or give its ARN."
    )
    const far = await run({
      name: 'kvs',
      code: 'kvs-function.js',
      'key-value-stores': 'geo-blocklist'
    })
    expectExit(far, 1)
    expect(far.stdout).toContain("no key value store named 'geo-blocklist' exists")
    expect(far.stdout).not.toContain('Did you mean')
    expect(writes(h.emu.requestLog())).toEqual([
      expect.objectContaining({ operation: 'CreateKeyValueStore' }),
      expect.objectContaining({ operation: 'CreateKeyValueStore' })
    ])
  })

  it('invalid test JSON is an annotation at its file and line', async () => {
    const ws = h.workspace({
      'cases/broken.json': '{\n  "name": "x",\n  "event": {}\n  "expect": {}\n}\n'
    })
    const result = await run(
      { name: 'json', code: 'function-v1.js', 'test-events': 'cases/*.json' },
      { ws }
    )
    expectExit(result, 1)
    expect(result.stdout).toMatch(
      /::error title=Invalid test case JSON,file=cases\/broken\.json,line=4,col=\d+::/
    )
    expect(h.emu.requestLog()).toEqual([])
    const valid = await run(
      { name: 'json', code: 'function-v1.js', 'test-events': 'tests/function-v1.json' },
      { ws }
    )
    expect(valid.stdout).not.toContain('Invalid test case JSON')
  })

  it('counts with the right plural, and shows compute with %', async () => {
    const one = await run({
      name: 'plural',
      code: 'throws.js',
      'test-events': 'tests/no-host.json'
    })
    expectExit(one, 1)
    expect(output(one)).toContain('Test gate: 1 test case loaded.')
    expect(one.stdout).toContain('::group::Test DEVELOPMENT (1 case)')
    expect(output(one)).toContain('1 of 1 test case failed, so nothing was published')
    expect(one.summary).toContain('**Tests:** 0 of 1 case passed')
    expect(one.stdout).toMatch(/FAIL request without a host header \(compute \d+%\)/)

    const two = await run({
      name: 'plural',
      code: 'function-v1.js',
      'test-events': 'tests/function-v1.json'
    })
    expectExit(two, 0)
    expect(output(two)).toContain('Test gate: 2 test cases loaded.')
    expect(two.stdout).toContain('::group::Test DEVELOPMENT (2 cases)')
    expect(two.summary).toContain('**Tests:** 2 of 2 cases passed')
    for (const text of [output(one), one.summary, output(two), two.summary]) {
      expect(text).not.toMatch(/\b1 (cases|test cases|bytes)\b/)
      expect(text).not.toMatch(/\b([02-9]|\d\d+) (case|test case)\b(?!s)/)
    }
  })
})
