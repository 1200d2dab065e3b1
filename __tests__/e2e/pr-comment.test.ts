// The sticky pull-request comment, against a local stand-in for the GitHub API:
// created once, updated in place, skipped with a warning outside pull requests,
// and the token never printed.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js'
import {
  expectExit,
  fixture,
  output,
  resetEmulator,
  startHarness,
  stored,
  type ActionRun,
  type Harness
} from './helpers.js'

let h: Harness
let github: GitHubApiStub

// A value no log line would contain by accident.
const TOKEN = 'ghs_e2eDummyToken0123456789abcdef'
const MARKER = '<!-- cloudfront-function-deploy:function/pr-fn -->'

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(async () => {
  resetEmulator(h)
  github = await startGitHubApiStub()
})
afterEach(async () => {
  await github.close()
})
afterAll(async () => {
  await h.close()
})

/** The environment of a workflow run triggered by `event` for pull request #7. */
function eventEnv(ws: string, event: string): Record<string, string> {
  const path = join(ws, 'event.json')
  writeFileSync(path, JSON.stringify({ pull_request: { number: 7 }, number: 7 }))
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_API_URL: github.url
  }
}

const inputs = (code: string) => ({
  name: 'pr-fn',
  code,
  'comment-on-pr': 'true',
  'github-token': TOKEN
})

/**
 * The token appears only in the `::add-mask::` command, which the runner consumes (it
 * never reaches the log) and which makes the runner mask the token everywhere after.
 */
function expectNoToken(run: ActionRun): void {
  const lines = output(run).split('\n')
  expect(lines).toContain(`::add-mask::${TOKEN}`)
  const leaks = lines.filter(line => line.includes(TOKEN) && line !== `::add-mask::${TOKEN}`)
  expect(leaks).toEqual([])
}

it('creates one comment with the summary, then updates the same comment', async () => {
  const ws = h.workspace()
  const env = eventEnv(ws, 'pull_request')

  const first = await h.run(ws, inputs('function-v1.js'), env)
  expectExit(first, 0)
  expectNoToken(first)
  let comments = github.comments()
  expect(comments).toHaveLength(1)
  const [created] = comments
  expect(created.issueNumber).toBe(7)
  expect(created.body.startsWith(`${MARKER}\n`)).toBe(true)
  expect(created.body).toContain(first.outputs['summary-markdown'].trim())
  expect(created.body).toContain('### CloudFront Function `pr-fn`: created')
  expect(first.stdout).toContain(
    `Pull-request comment created: https://github.com/owner/repo/pull/7#issuecomment-${created.id}`
  )
  expect(github.requests().every(request => request.authorization)).toBe(true)

  const second = await h.run(ws, inputs('function-v2.js'), env)
  expectExit(second, 0)
  expectNoToken(second)
  comments = github.comments()
  expect(comments).toHaveLength(1)
  expect(comments[0].id).toBe(created.id)
  expect(comments[0].body).toContain('### CloudFront Function `pr-fn`: updated')
  expect(comments[0].body).toContain(second.outputs['summary-markdown'].trim())
  expect(second.stdout).toContain(`Pull-request comment updated:`)
  const writes = github.requests().filter(request => request.method !== 'GET')
  expect(writes.map(request => request.method)).toEqual(['POST', 'PATCH'])
  expect(stored(h.emu, 'function', 'pr-fn')!.development.code).toBe(fixture('function-v2.js'))
})

it('comments on a failed deploy too, with the failure', async () => {
  const ws = h.workspace()
  const run = await h.run(
    ws,
    { ...inputs('throws.js'), 'test-events': 'tests/no-host.json', publish: 'true' },
    eventEnv(ws, 'pull_request')
  )
  expectExit(run, 1)
  expectNoToken(run)
  const [comment] = github.comments()
  expect(comment.body).toContain(': failed')
  expect(comment.body).toContain('boom: the request has no host header')
})

it('warns on a push event and still deploys', async () => {
  const ws = h.workspace()
  const run = await h.run(ws, inputs('function-v1.js'), eventEnv(ws, 'push'))
  expectExit(run, 0)
  expectNoToken(run)
  expect(run.stdout).toContain(
    "::warning::No pull-request comment: comment-on-pr works on pull_request and pull_request_target events only; this run was triggered by 'push'."
  )
  expect(github.requests()).toEqual([])
  expect(github.comments()).toEqual([])
  expect(stored(h.emu, 'function', 'pr-fn')).toBeDefined()
  expect(run.outputs.created).toBe('true')
})

it('warns when the token may not write comments and still deploys', async () => {
  await github.close()
  github = await startGitHubApiStub({ writeStatus: 403 })
  const ws = h.workspace()
  const run = await h.run(ws, inputs('function-v1.js'), eventEnv(ws, 'pull_request'))
  expectExit(run, 0)
  expectNoToken(run)
  expect(run.stdout).toMatch(/::warning::No pull-request comment: GitHub answered 403/)
  expect(run.stdout).toContain('pull-requests: write')
  expect(github.comments()).toEqual([])
  expect(stored(h.emu, 'function', 'pr-fn')).toBeDefined()
})

it('keeps the comments of other functions apart', async () => {
  await github.close()
  github = await startGitHubApiStub({
    comments: [{ issueNumber: 7, body: 'a review comment' }]
  })
  const ws = h.workspace()
  const env = eventEnv(ws, 'pull_request')
  expectExit(await h.run(ws, inputs('function-v1.js'), env), 0)
  expectExit(await h.run(ws, { ...inputs('function-v1.js'), name: 'other-fn' }, env), 0)
  const comments = github.comments()
  expect(comments).toHaveLength(3)
  expect(comments[0].body).toBe('a review comment')
  expect(comments.filter(comment => comment.body.includes(MARKER))).toHaveLength(1)
})
