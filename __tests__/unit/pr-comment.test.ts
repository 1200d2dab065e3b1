import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'

interface Comment {
  id: number
  body?: string
  html_url: string
  user?: { login: string }
}

// A mutable stand-in for github.context: each test sets the event it needs.
const context = {
  eventName: 'pull_request',
  payload: { pull_request: { number: 7 }, number: 7 } as Record<string, unknown>,
  repo: { owner: 'octo', repo: 'site' }
}

let pages: Comment[][] = []
const listComments = jest.fn()
const createComment = jest.fn<(params: Record<string, unknown>) => Promise<{ data: Comment }>>()
const updateComment = jest.fn<(params: Record<string, unknown>) => Promise<{ data: Comment }>>()
const iterator = jest.fn((_route: unknown, _params: Record<string, unknown>) =>
  (async function* () {
    for (const data of pages) yield { data }
  })()
)
const getAuthenticated = jest.fn<() => Promise<{ data: { login: string } }>>()
// Where the comment sets each request's deadline (the stub suite checks that it works).
const before = jest.fn()
const octokit = {
  rest: { issues: { listComments, createComment, updateComment }, users: { getAuthenticated } },
  paginate: { iterator },
  hook: { before }
}
const getOctokit = jest.fn((_token: string, _options?: { baseUrl?: string }) => octokit)

jest.unstable_mockModule('@actions/github', () => ({ context, getOctokit }))

const { upsertPullRequestComment, markerLine, commentBody, MAX_COMMENT_LENGTH } =
  await import('../../src/report/pr-comment.js')

const TOKEN = 'ghs_secretTokenValue123'
const MARKER = '<!-- cloudfront-function-deploy:function/viewer-request -->'

function comment(id: number, body: string, author = 'github-actions[bot]'): Comment {
  return {
    id,
    body,
    html_url: `https://github.com/octo/site/pull/7#issuecomment-${id}`,
    user: { login: author }
  }
}

function httpError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(`${message} - https://docs.github.com/rest`), {
    status,
    response: { data: { message } }
  })
}

const originalApiUrl = process.env.GITHUB_API_URL

beforeEach(() => {
  jest.clearAllMocks()
  context.eventName = 'pull_request'
  context.payload = { pull_request: { number: 7 }, number: 7 }
  pages = [[]]
  delete process.env.GITHUB_API_URL
  createComment.mockImplementation(async () => ({ data: comment(100, '') }))
  // The workflow token may not read /user.
  getAuthenticated.mockRejectedValue(httpError(403, 'Resource not accessible by integration'))
  updateComment.mockImplementation(async params => ({
    data: comment(params.comment_id as number, '')
  }))
})

afterEach(() => {
  if (originalApiUrl === undefined) delete process.env.GITHUB_API_URL
  else process.env.GITHUB_API_URL = originalApiUrl
})

describe('markerLine', () => {
  it('is a hidden HTML comment naming the marker', () => {
    expect(markerLine('function/viewer-request')).toBe(MARKER)
  })

  it('cannot be ended early by the marker', () => {
    expect(markerLine('a-->b<c\nd')).toBe('<!-- cloudfront-function-deploy:a--_b_c_d -->')
  })
})

describe('commentBody', () => {
  it('puts the marker line first', () => {
    expect(commentBody('function/x', '## Plan')).toBe(
      '<!-- cloudfront-function-deploy:function/x -->\n## Plan'
    )
  })

  it('stays within the length GitHub accepts', () => {
    const body = commentBody('function/x', 'x'.repeat(MAX_COMMENT_LENGTH))
    expect(body).toHaveLength(MAX_COMMENT_LENGTH)
    expect(body.startsWith('<!-- cloudfront-function-deploy:function/x -->\n')).toBe(true)
    expect(body).toMatch(/truncated/)
  })
})

describe('upsertPullRequestComment', () => {
  const options = { token: TOKEN, body: '## Deployed', marker: 'function/viewer-request' }

  it('creates the comment when none carries the marker', async () => {
    pages = [
      [comment(1, 'Looks good'), comment(2, '<!-- cloudfront-function-deploy:function/other -->')]
    ]

    const result = await upsertPullRequestComment(options)

    expect(result).toEqual({
      action: 'created',
      url: 'https://github.com/octo/site/pull/7#issuecomment-100'
    })
    expect(iterator).toHaveBeenCalledWith(listComments, {
      owner: 'octo',
      repo: 'site',
      issue_number: 7,
      per_page: 100
    })
    expect(createComment).toHaveBeenCalledWith({
      owner: 'octo',
      repo: 'site',
      issue_number: 7,
      body: `${MARKER}\n## Deployed`
    })
    expect(updateComment).not.toHaveBeenCalled()
  })

  it('updates the comment that carries the marker', async () => {
    pages = [[comment(1, 'Looks good'), comment(5, `${MARKER}\n## Old`)]]

    const result = await upsertPullRequestComment(options)

    expect(result).toEqual({
      action: 'updated',
      url: 'https://github.com/octo/site/pull/7#issuecomment-5'
    })
    expect(updateComment).toHaveBeenCalledWith({
      owner: 'octo',
      repo: 'site',
      comment_id: 5,
      body: `${MARKER}\n## Deployed`
    })
    expect(createComment).not.toHaveBeenCalled()
  })

  it('finds the marker on a later page', async () => {
    const first = Array.from({ length: 100 }, (_, i) => comment(i + 1, `comment ${i + 1}`))
    pages = [first, [comment(101, 'another'), comment(102, `${MARKER}\nold`)]]

    const result = await upsertPullRequestComment(options)

    expect(result.action).toBe('updated')
    expect(updateComment).toHaveBeenCalledWith(expect.objectContaining({ comment_id: 102 }))
    expect(createComment).not.toHaveBeenCalled()
  })

  it('ignores a marker in a comment someone else wrote, and posts its own', async () => {
    pages = [[comment(5, `${MARKER}\n## Hijacked`, 'mallory')]]

    const result = await upsertPullRequestComment(options)

    expect(result.action).toBe('created')
    expect(updateComment).not.toHaveBeenCalled()
  })

  it('ignores its own comment when the marker is not at the start', async () => {
    pages = [[comment(5, `quoting: ${MARKER}`)]]

    expect((await upsertPullRequestComment(options)).action).toBe('created')
  })

  it("edits the comment of a personal access token's user", async () => {
    getAuthenticated.mockResolvedValue({ data: { login: 'deploy-bot' } })
    pages = [[comment(4, `${MARKER}\nold`), comment(5, `${MARKER}\nold`, 'deploy-bot')]]

    await upsertPullRequestComment(options)

    expect(updateComment).toHaveBeenCalledWith(expect.objectContaining({ comment_id: 5 }))
  })

  it('works on pull_request_target events', async () => {
    context.eventName = 'pull_request_target'

    await expect(upsertPullRequestComment(options)).resolves.toMatchObject({ action: 'created' })
  })

  it('skips push events with a reason', async () => {
    context.eventName = 'push'
    context.payload = {}

    const result = await upsertPullRequestComment(options)

    expect(result.action).toBe('skipped')
    expect(result.reason).toMatch(/pull_request/)
    expect(result.reason).toMatch(/'push'/)
    expect(getOctokit).not.toHaveBeenCalled()
  })

  it('skips a payload without a pull request number', async () => {
    context.payload = {}

    const result = await upsertPullRequestComment(options)

    expect(result).toMatchObject({ action: 'skipped' })
    expect(result.reason).toMatch(/number/)
    expect(getOctokit).not.toHaveBeenCalled()
  })

  it('skips without a token and says what to grant', async () => {
    const result = await upsertPullRequestComment({ ...options, token: '  ' })

    expect(result.action).toBe('skipped')
    expect(result.reason).toMatch(/github-token/)
    expect(result.reason).toMatch(/pull-requests: write/)
    expect(getOctokit).not.toHaveBeenCalled()
  })

  it('skips with a reason when GitHub answers 403', async () => {
    createComment.mockRejectedValue(httpError(403, 'Resource not accessible by integration'))

    const result = await upsertPullRequestComment(options)

    expect(result.action).toBe('skipped')
    expect(result.reason).toMatch(/403/)
    expect(result.reason).toMatch(/Resource not accessible by integration/)
    expect(result.reason).toMatch(/pull-requests: write/)
    expect(result.reason).toMatch(/fork/)
    expect(result.reason).not.toContain(TOKEN)
  })

  it('skips with a reason when listing answers 404', async () => {
    iterator.mockImplementationOnce(() =>
      (async function* () {
        yield* []
        throw httpError(404, 'Not Found')
      })()
    )

    const result = await upsertPullRequestComment(options)

    expect(result).toMatchObject({ action: 'skipped' })
    expect(result.reason).toMatch(/404.*list the comments/)
    expect(createComment).not.toHaveBeenCalled()
  })

  it('throws other errors with a clear message and never the token', async () => {
    updateComment.mockRejectedValue(httpError(500, `server broke near ${TOKEN}`))
    pages = [[comment(5, `${MARKER}\nold`)]]

    const error = await upsertPullRequestComment(options).then(
      () => undefined,
      (thrown: unknown) => thrown
    )

    expect(error).toBeInstanceOf(Error)
    const { message } = error as Error
    expect(message).toMatch(/update comment 5 on pull request #7 of octo\/site: HTTP 500/)
    expect(message).not.toContain(TOKEN)
  })

  it('throws network errors without a status', async () => {
    createComment.mockRejectedValue(new Error('getaddrinfo ENOTFOUND api.github.com'))

    await expect(upsertPullRequestComment(options)).rejects.toThrow(
      'Could not create the comment on pull request #7 of octo/site: getaddrinfo ENOTFOUND'
    )
  })

  it('talks to api.github.com by default', async () => {
    await upsertPullRequestComment(options)

    expect(getOctokit).toHaveBeenCalledWith(TOKEN, { baseUrl: 'https://api.github.com' })
  })

  it('honours GITHUB_API_URL for GitHub Enterprise Server', async () => {
    process.env.GITHUB_API_URL = 'https://github.example.com/api/v3/'

    await upsertPullRequestComment(options)

    expect(getOctokit).toHaveBeenCalledWith(TOKEN, {
      baseUrl: 'https://github.example.com/api/v3'
    })
  })
})
