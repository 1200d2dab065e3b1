// A local stand-in for the few GitHub REST endpoints the pull-request comment
// uses, so tests (and the bundled action run as a process) can talk HTTP to
// "GitHub" without the network. Comments live in memory.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StubComment {
  id: number
  issueNumber: number
  body: string
  /** Login of the comment's author. */
  author: string
}

/** Who the workflow token comments as: `GET /user` refuses it, as GitHub does. */
export const WORKFLOW_BOT = 'github-actions[bot]'

export interface StubRequest {
  method: string
  /** Path with the query string, e.g. `/repos/o/r/issues/7/comments?per_page=100&page=2`. */
  path: string
  /** Whether an Authorization header came with the request (its value is never kept). */
  authorization: boolean
  /** Parsed JSON body of POST and PATCH requests. */
  body?: unknown
}

export interface GitHubApiStubOptions {
  /** Comments present before the first request; the author is the workflow bot by default. */
  comments?: Array<{ issueNumber: number; body: string; author?: string }>
  /**
   * The user the token belongs to (a personal access token): `GET /user` names it and new
   * comments are theirs. Unset, the token is the workflow token: `GET /user` answers 403.
   */
  tokenUser?: string
  /** Largest page the list endpoint returns, whatever per_page asks (default 100). */
  maxPageSize?: number
  /** Answer every POST and PATCH with this status, as GitHub does for a read-only token. */
  writeStatus?: 401 | 403 | 404
  /** Accept every request and never answer it (it is still recorded), as a silent network. */
  stall?: boolean
}

export interface GitHubApiStub {
  /** Base URL to use as GITHUB_API_URL, e.g. `http://127.0.0.1:49152`. */
  url: string
  comments(): StubComment[]
  requests(): StubRequest[]
  close(): Promise<void>
}

// An optional `/api/v3` prefix lets the stub pose as GitHub Enterprise Server too.
const ISSUE_COMMENTS = /^(?:\/api\/v3)?\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/
const ONE_COMMENT = /^(?:\/api\/v3)?\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/

export async function startGitHubApiStub(
  options: GitHubApiStubOptions = {}
): Promise<GitHubApiStub> {
  const maxPageSize = options.maxPageSize ?? 100
  const comments: StubComment[] = []
  const requests: StubRequest[] = []
  let nextId = 1000
  for (const seed of options.comments ?? []) {
    comments.push({
      id: nextId++,
      issueNumber: seed.issueNumber,
      body: seed.body,
      author: seed.author ?? WORKFLOW_BOT
    })
  }
  let baseUrl = ''

  const htmlUrl = (owner: string, repo: string, comment: StubComment): string =>
    `https://github.com/${owner}/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`

  const render = (owner: string, repo: string, comment: StubComment) => ({
    id: comment.id,
    body: comment.body,
    html_url: htmlUrl(owner, repo, comment),
    url: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
    user: { login: comment.author, type: comment.author.endsWith('[bot]') ? 'Bot' : 'User' }
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET'
    const address = new URL(request.url ?? '/', 'http://stub')
    const raw = await readBody(request)
    let body: unknown
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        return send(response, 400, { message: 'Problems parsing JSON' })
      }
    }
    requests.push({
      method,
      path: address.pathname + address.search,
      authorization: Boolean(request.headers.authorization),
      ...(body === undefined ? {} : { body })
    })

    if (options.stall) return

    if (!request.headers.authorization) {
      return send(response, 401, { message: 'Requires authentication' })
    }
    const isWrite = method === 'POST' || method === 'PATCH'
    if (isWrite && options.writeStatus) {
      return send(response, options.writeStatus, {
        message: 'Resource not accessible by integration'
      })
    }

    if (method === 'GET' && /^(?:\/api\/v3)?\/user$/.test(address.pathname)) {
      if (!options.tokenUser) {
        return send(response, 403, { message: 'Resource not accessible by integration' })
      }
      return send(response, 200, { login: options.tokenUser, type: 'User' })
    }

    const list = ISSUE_COMMENTS.exec(address.pathname)
    if (list) {
      const [, owner, repo, number] = list
      const issueNumber = Number(number)
      if (method === 'GET') {
        const perPage = clamp(Number(address.searchParams.get('per_page') ?? 30), 1, maxPageSize)
        const page = Math.max(1, Number(address.searchParams.get('page') ?? 1) || 1)
        const all = comments.filter(c => c.issueNumber === issueNumber)
        const slice = all.slice((page - 1) * perPage, page * perPage)
        const headers: Record<string, string> = {}
        if (page * perPage < all.length) {
          const next = new URL(`${baseUrl}${address.pathname}`)
          next.searchParams.set('per_page', String(perPage))
          next.searchParams.set('page', String(page + 1))
          headers.link = `<${next.toString()}>; rel="next"`
        }
        return send(
          response,
          200,
          slice.map(c => render(owner, repo, c)),
          headers
        )
      }
      if (method === 'POST') {
        const text = bodyText(body)
        if (text === undefined) return send(response, 422, { message: 'body is missing' })
        const created: StubComment = {
          id: nextId++,
          issueNumber,
          body: text,
          author: options.tokenUser ?? WORKFLOW_BOT
        }
        comments.push(created)
        return send(response, 201, render(owner, repo, created))
      }
    }

    const one = ONE_COMMENT.exec(address.pathname)
    if (one && method === 'PATCH') {
      const [, owner, repo, id] = one
      const existing = comments.find(c => c.id === Number(id))
      if (!existing) return send(response, 404, { message: 'Not Found' })
      // GitHub lets a token edit only its own comments (without admin rights on the repo).
      if (existing.author !== (options.tokenUser ?? WORKFLOW_BOT)) {
        return send(response, 403, { message: 'Resource not accessible by integration' })
      }
      const text = bodyText(body)
      if (text === undefined) return send(response, 422, { message: 'body is missing' })
      existing.body = text
      return send(response, 200, render(owner, repo, existing))
    }

    return send(response, 404, { message: 'Not Found' })
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { message: 'stub failure' }))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  return {
    url: baseUrl,
    comments: () => comments.map(c => ({ ...c })),
    requests: () => requests.map(r => ({ ...r })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}

function bodyText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('body' in body)) return undefined
  const text = (body as { body: unknown }).body
  return typeof text === 'string' ? text : undefined
}

function clamp(value: number, low: number, high: number): number {
  if (!Number.isFinite(value)) return high
  return Math.min(high, Math.max(low, Math.trunc(value)))
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {}
): void {
  if (response.headersSent) {
    response.end()
    return
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  response.end(JSON.stringify(payload))
}
