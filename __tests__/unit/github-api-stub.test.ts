// Drives the real upsertPullRequestComment, with the real @actions/github
// Octokit, against the local GitHub API stub: HTTP, pagination and all.

import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js'

const TOKEN = 'ghs_stubTokenNeverLogged42'
const MARKER = '<!-- cloudfront-function-deploy:function/viewer-request -->'
const ENV_KEYS = [
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_REPOSITORY',
  'GITHUB_API_URL'
] as const

const savedEnv = Object.fromEntries(ENV_KEYS.map(key => [key, process.env[key]]))
let eventDir: string
let upsert: typeof import('../../src/report/pr-comment.js').upsertPullRequestComment
const stubs: GitHubApiStub[] = []

async function stub(options?: Parameters<typeof startGitHubApiStub>[0]): Promise<GitHubApiStub> {
  const started = await startGitHubApiStub(options)
  stubs.push(started)
  process.env.GITHUB_API_URL = started.url
  return started
}

beforeAll(async () => {
  eventDir = await mkdtemp(join(tmpdir(), 'pr-comment-event-'))
  const eventPath = join(eventDir, 'event.json')
  await writeFile(eventPath, JSON.stringify({ pull_request: { number: 7 }, number: 7 }))
  // github.context reads the environment when @actions/github is first
  // imported, so the environment is in place before the module is loaded.
  process.env.GITHUB_EVENT_NAME = 'pull_request'
  process.env.GITHUB_EVENT_PATH = eventPath
  process.env.GITHUB_REPOSITORY = 'octo/site'
  ;({ upsertPullRequestComment: upsert } = await import('../../src/report/pr-comment.js'))
})

afterEach(async () => {
  await Promise.all(stubs.splice(0).map(s => s.close()))
})

afterAll(async () => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key]
    else process.env[key] = savedEnv[key]
  }
  await rm(eventDir, { recursive: true, force: true })
})

describe('upsertPullRequestComment against the GitHub API stub', () => {
  it('creates the comment, then updates the same one', async () => {
    const api = await stub()

    const first = await upsert({
      token: TOKEN,
      body: '## First run',
      marker: 'function/viewer-request'
    })

    expect(first.action).toBe('created')
    expect(api.comments()).toHaveLength(1)
    const [created] = api.comments()
    expect(created).toEqual({
      id: created.id,
      issueNumber: 7,
      body: `${MARKER}\n## First run`,
      author: 'github-actions[bot]'
    })
    expect(first.url).toBe(`https://github.com/octo/site/pull/7#issuecomment-${created.id}`)

    const second = await upsert({
      token: TOKEN,
      body: '## Second run',
      marker: 'function/viewer-request'
    })

    expect(second).toEqual({ action: 'updated', url: first.url })
    expect(api.comments()).toEqual([
      {
        id: created.id,
        issueNumber: 7,
        body: `${MARKER}\n## Second run`,
        author: 'github-actions[bot]'
      }
    ])
    expect(api.requests().map(r => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /user',
      'GET /repos/octo/site/issues/7/comments',
      'POST /repos/octo/site/issues/7/comments',
      'GET /user',
      'GET /repos/octo/site/issues/7/comments',
      `PATCH /repos/octo/site/issues/comments/${created.id}`
    ])
    expect(api.requests().every(r => r.authorization)).toBe(true)
  })

  it('follows the Link header to find the comment on a later page', async () => {
    const api = await stub({
      maxPageSize: 2,
      comments: [
        { issueNumber: 7, body: 'first review' },
        { issueNumber: 7, body: 'second review' },
        { issueNumber: 8, body: `${MARKER}\nanother pull request` },
        { issueNumber: 7, body: `${MARKER}\nold summary` }
      ]
    })
    const target = api.comments()[3]

    const result = await upsert({
      token: TOKEN,
      body: 'new summary',
      marker: 'function/viewer-request'
    })

    expect(result.action).toBe('updated')
    expect(api.comments().find(c => c.id === target.id)?.body).toBe(`${MARKER}\nnew summary`)
    expect(api.comments().find(c => c.issueNumber === 8)?.body).toBe(
      `${MARKER}\nanother pull request`
    )
    const reads = api.requests().filter(r => r.method === 'GET' && r.path !== '/user')
    expect(reads).toHaveLength(2)
    expect(reads[1].path).toMatch(/[?&]page=2\b/)
  })

  it('keeps one comment per marker', async () => {
    const api = await stub()

    await upsert({ token: TOKEN, body: 'a', marker: 'function/viewer-request' })
    await upsert({ token: TOKEN, body: 'b', marker: 'connection-function/mtls' })
    await upsert({ token: TOKEN, body: 'c', marker: 'function/viewer-request' })

    expect(api.comments().map(c => c.body)).toEqual([
      `${MARKER}\nc`,
      '<!-- cloudfront-function-deploy:connection-function/mtls -->\nb'
    ])
  })

  it("never edits someone else's comment that carries the marker", async () => {
    const api = await stub({
      comments: [{ issueNumber: 7, body: `${MARKER}\nplanted`, author: 'mallory' }]
    })

    const result = await upsert({ token: TOKEN, body: 'ours', marker: 'function/viewer-request' })

    expect(result.action).toBe('created')
    expect(api.comments().map(c => [c.author, c.body])).toEqual([
      ['mallory', `${MARKER}\nplanted`],
      ['github-actions[bot]', `${MARKER}\nours`]
    ])
  })

  it("edits the comment of a personal access token's own user", async () => {
    const api = await stub({
      tokenUser: 'deploy-bot',
      comments: [
        { issueNumber: 7, body: `${MARKER}\nfrom the workflow token` },
        { issueNumber: 7, body: `${MARKER}\nold`, author: 'deploy-bot' }
      ]
    })

    await upsert({ token: TOKEN, body: 'new', marker: 'function/viewer-request' })

    expect(api.comments().map(c => c.body)).toEqual([
      `${MARKER}\nfrom the workflow token`,
      `${MARKER}\nnew`
    ])
  })

  it('skips with a reason when the token may not write', async () => {
    const api = await stub({ writeStatus: 403 })

    const result = await upsert({ token: TOKEN, body: 'x', marker: 'function/viewer-request' })

    expect(result.action).toBe('skipped')
    expect(result.reason).toMatch(/403/)
    expect(result.reason).toMatch(/pull-requests: write/)
    expect(result.reason).not.toContain(TOKEN)
    expect(api.comments()).toEqual([])
  })

  it('gives up on a GitHub API that never answers, after its request deadline', async () => {
    const api = await stub({ stall: true })
    const started = Date.now()

    const attempt = upsert({
      token: TOKEN,
      body: 'x',
      marker: 'function/viewer-request',
      timeoutMs: 300
    })

    await expect(attempt).rejects.toThrow(
      'Could not find who the token comments as on pull request #7 of octo/site: GitHub did not answer within 0.3 s.'
    )
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(api.requests().map(r => `${r.method} ${r.path}`)).toEqual(['GET /user'])
  })
})
