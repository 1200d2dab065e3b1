// Nothing from outside becomes a command or markup. Test-case names, function logs, thrown
// errors, function output, diff lines and the comment input are written by whoever controls
// the repository's files (a pull request): the runner must never read them as workflow
// commands, the job summary and the pull-request comment must show them as text, and the
// sticky comment is only ever one the token's own identity wrote.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubApiStub, WORKFLOW_BOT, type GitHubApiStub } from '../helpers/github-api-stub.js'
import { elements, proseText, renderMarkdown, visibleText } from '../helpers/markdown.js'
import {
  commandData,
  expectExit,
  fixture,
  resetEmulator,
  seedFunction,
  startHarness,
  stored,
  workflowCommands,
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

/** A viewer-request event with a host header. */
const EVENT = {
  version: '1.0',
  context: { eventType: 'viewer-request' },
  viewer: { ip: '198.51.100.1' },
  request: {
    method: 'GET',
    uri: '/',
    querystring: {},
    headers: { host: { value: 'example.com' } },
    cookies: {}
  }
}

/** A test-case file holding `cases`. */
const caseFile = (cases: object[]): string => JSON.stringify(cases, null, 2)

/**
 * Every command the runner would obey in the run's output (stdout and stderr both reach the
 * runner). Only the action's own may be there: groups, and errors and warnings it issued
 * with escaped data; `add-mask` only for a token, which these runs do not have.
 */
function expectOnlyOwnCommands(run: ActionRun, token?: string): void {
  const commands = workflowCommands(`${run.stdout}\n${run.stderr}`)
  const masks = commands.filter(command => command.command === 'add-mask')
  expect(masks.map(mask => mask.data)).toEqual(token ? [token] : [])
  const names = new Set(commands.map(command => command.command))
  expect(
    [...names].filter(name => !['group', 'endgroup', 'error', 'warning', 'add-mask'].includes(name))
  ).toEqual([])
  // The step's own failure is one error without properties; hostile text never adds one.
  for (const command of commands.filter(c => c.command === 'error' || c.command === 'warning')) {
    expect(command.properties).not.toMatch(/title=x/)
    expect(command.data).not.toMatch(/^(y|z|legacy|from-output)$/)
  }
  expect(commands.filter(command => command.command === 'error').length).toBeLessThanOrEqual(1)
}

describe('workflow-command injection', () => {
  it('a test-case name with a newline and ::error: shown, never an annotation', async () => {
    const name = 'harmless\n::error title=x::y'
    const ws = h.workspace({
      'tests/hostile.json': caseFile([
        { name, event: EVENT },
        { name: `${name}\n##[error]legacy`, event: EVENT, expect: { statusCode: 418 } }
      ])
    })
    const run = await h.run(ws, {
      name: 'named',
      code: 'function-v1.js',
      'test-events': 'tests/hostile.json'
    })
    expectExit(run, 1)
    expectOnlyOwnCommands(run)
    // The text is still there for a reader, on a line the runner does not obey.
    const lines = run.stdout.split('\n')
    expect(lines.some(line => line.includes('::error title=x::y') && !/^\s*::/.test(line))).toBe(
      true
    )
    // The step's failure names the case, inside its one escaped error command.
    const failure = workflowCommands(run.stdout).find(command => command.command === 'error')
    expect(commandData(failure!.data)).toContain('::error title=x::y')
  })

  it('a manifest whose YAML tag decodes to command lines: refused, nothing printed to stderr', async () => {
    const ws = h.workspace({
      'functions.yml': [
        'functions:',
        '  - name: tagged',
        '    code: function-v1.js',
        '    comment: !!x%0A::warning%20title=x::y%0A::add-mask::m7 hi',
        ''
      ].join('\n')
    })
    const run = await h.run(ws, { functions: 'functions.yml', offline: 'true' })
    expectExit(run, 1)
    const commands = workflowCommands(`${run.stdout}\n${run.stderr}`)
    // The action's own: the failure, its annotation at the manifest's line, and groups.
    expect(commands.filter(command => command.command === 'add-mask')).toEqual([])
    expect(commands.filter(command => command.command === 'warning')).toEqual([])
    expect(commands.filter(command => command.command === 'error')).toEqual([
      expect.objectContaining({ properties: expect.stringContaining('file=functions.yml') }),
      expect.objectContaining({ properties: '' })
    ])
    expect(run.stderr).not.toMatch(/::|add-mask/)
    const failure = commands.find(command => command.command === 'error' && !command.properties)
    expect(commandData(failure!.data)).toContain('uses YAML the action does not accept')
    expect(h.emu.requestLog()).toEqual([])
  })

  it('legacy ##[…] commands anywhere in a line, and U+0085 before ::, stay text', async () => {
    // The runner reads `##[name]` anywhere in a line, and trims U+0085 (NEXT LINE) before `::`.
    const names = [
      'ok ##[add-mask]DEVELOPMENT',
      'ok ##[stop-commands]pause',
      'ok\n\u0085::add-mask::DEVELOPMENT',
      'ok\n\u0085\u00a0::error title=x::y'
    ]
    const code = [
      'function handler(event) {',
      "  console.log('a ##[error]legacy')",
      "  throw new Error('x ##[set-output name=published;]true\\n\\u0085::add-mask::DEVELOPMENT')",
      '}',
      ''
    ].join('\n')
    const ws = h.workspace({
      'legacy.js': code,
      'tests/legacy.json': caseFile(names.map(name => ({ name, event: EVENT })))
    })
    const run = await h.run(ws, {
      name: 'legacy',
      code: 'legacy.js',
      'test-events': 'tests/legacy.json'
    })
    expectExit(run, 1)
    expectOnlyOwnCommands(run)
    expect(run.stdout).toContain('add-mask')
  })

  it('a test-case file whose name holds a newline, ::error and HTML: text in the log and the summary', async () => {
    const file = 'tests/x\n::error title=x::y <img src=x>.json'
    // A bare event without a request: the function throws, so the case (named after the file)
    // fails and its name reaches the failure, the log and the summary.
    const ws = h.workspace({ [file]: JSON.stringify({ version: '1.0' }) })
    const run = await h.run(ws, {
      name: 'file-named',
      code: 'function-v1.js',
      'test-events': 'tests/x*.json'
    })
    expectExit(run, 1)
    expectOnlyOwnCommands(run)
    expect(run.stdout).toContain('::error title=x::y <img src=x>.json')
    const html = renderMarkdown(run.summary)
    expect(elements(html)).not.toContain('img')
    expect(visibleText(html)).toContain('<img src=x>.json')
  })

  it.each([
    ['on CloudFront', {}],
    ['offline, in the embedded runtime', { offline: 'true' }]
  ])(
    'function logs and a thrown error with ::add-mask:: and ::notice:: mask and annotate nothing (%s)',
    async (_, mode) => {
      const code = [
        'function handler(event) {',
        "  console.log('::add-mask::DEVELOPMENT')",
        "  console.log('   ::notice::z')",
        "  console.log('##[warning]legacy')",
        "  throw new Error('x\\n::add-mask::DEVELOPMENT\\n  ::notice::z')",
        '}',
        ''
      ].join('\n')
      const ws = h.workspace({
        'hostile.js': code,
        'tests/plain.json': caseFile([{ name: 'plain', event: EVENT }])
      })
      const run = await h.run(ws, {
        name: 'logs',
        code: 'hostile.js',
        'test-events': 'tests/plain.json',
        ...mode
      })
      expectExit(run, 1)
      expectOnlyOwnCommands(run)
      expect(run.stdout).toContain('::add-mask::DEVELOPMENT')
      // The word the mask would have hidden is still readable.
      expect(run.stdout).toMatch(/DEVELOPMENT/)
    }
  )

  it('function output with command text in a value, shown in a failed expectation', async () => {
    const code = [
      'function handler(event) {',
      "  event.request.headers['x-note'] = { value: '\\n::warning::from-output' }",
      '  return event.request',
      '}',
      ''
    ].join('\n')
    const ws = h.workspace({
      'output.js': code,
      'tests/expect.json': caseFile([
        { name: 'expects another value', event: EVENT, expect: { uri: '/elsewhere' } }
      ])
    })
    const run = await h.run(ws, {
      name: 'outputs',
      code: 'output.js',
      'test-events': 'tests/expect.json'
    })
    expectExit(run, 1)
    expectOnlyOwnCommands(run)
  })

  it('tags another tool set, with command text in keys and values, stay text', async () => {
    // The tag pattern allows ':', '-', '=' and '@': these are valid keys and values.
    await seedFunction(h, 'tagged', fixture('function-v1.js'), {
      tags: { '::add-mask::DEVELOPMENT': 'x', keep: '::warning::from-tag' }
    })
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'server-error', operation: 'TagResource', count: 10 })
    const run = await h.run(h.workspace(), {
      name: 'tagged',
      code: 'function-v1.js',
      tags: 'keep=::warning::from-tag\nteam=edge'
    })
    // The tag write fails, so the message lists the tags the function has now.
    expectExit(run, 1)
    expectOnlyOwnCommands(run)
    expect(run.stdout).toContain('::warning::from-tag')
    expect(run.outputs.diff).toContain('::add-mask::DEVELOPMENT')
  })

  it('diff lines of the code that start with :: (after spaces) stay text', async () => {
    // Within three lines of the change, so the diff shows them as context lines (` ::…`).
    const before = ['function handler(event) {', '/*', '::notice::z', '   ::notice::z', '*/']
    const after = ['/*', '##[warning]legacy', '::notice::z', '*/', '}', '']
    const v1 = [...before, '  return event.request', ...after]
    const v2 = [...before, '  var r = event.request', '  return r', ...after]
    await seedFunction(h, 'diffed', v1.join('\n'))
    h.emu.clearRequestLog()
    const run = await h.run(h.workspace({ 'diffed.js': v2.join('\n') }), {
      name: 'diffed',
      code: 'diffed.js'
    })
    expectExit(run, 0)
    expectOnlyOwnCommands(run)
    expect(workflowCommands(run.stdout).filter(c => c.command === 'error')).toEqual([])
    // The unchanged lines are in the printed diff, as context, for a reader.
    expect(run.outputs.diff).toContain('\n ::notice::z\n')
    expect(run.outputs.diff).toContain('\n    ::notice::z\n')
    expect(run.outputs.diff).toContain('\n ##[warning]legacy\n')
    expect(run.stdout).toContain('::notice::z')
    expect(stored(h.emu, 'function', 'diffed')!.development.code).toBe(v2.join('\n'))
  })
})

describe('markdown and HTML injection into the summary and the pull-request comment', () => {
  let github: GitHubApiStub
  const TOKEN = 'ghs_e2eInjectionToken0123456789'
  const HOSTILE =
    '</details></td></tr></table><img src=x onerror=alert(1)><h1>pwn</h1><script>alert(1)</script> @octocat #1 **bold** [link](https://evil.example)'
  // Within 128 characters and one line, so CloudFront takes it as a comment.
  const HOSTILE_COMMENT = '</details><img src=x><h1>c</h1> @octocat #1'
  // A run of backticks longer than a plain fence, then text that must stay inside the fence.
  const FENCE_BREAKER = '`````` still-inside-the-fence'

  beforeEach(async () => {
    github = await startGitHubApiStub()
  })
  afterEach(async () => {
    await github.close()
  })

  function pullRequestEnv(ws: string): Record<string, string> {
    const path = join(ws, 'event.json')
    writeFileSync(path, JSON.stringify({ pull_request: { number: 7 }, number: 7 }))
    return {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_API_URL: github.url
    }
  }

  /** What a reader of the rendered markdown gets: no markup, no mention, no link from the text. */
  function expectInert(markdown: string): void {
    const html = renderMarkdown(markdown)
    const found = elements(html)
    for (const tag of ['img', 'h1', 'script']) expect(found).not.toContain(tag)
    // No link from the text (the renderer links bare host names such as the event's own).
    expect(html).not.toMatch(/<a [^>]*href="[^"]*evil/)
    // Every <details> the action opened is closed by the action, none by the text.
    const opened = found.filter(tag => tag === 'details').length
    const closed = (html.match(/<\/details>/g) ?? []).length
    expect(closed).toBe(opened)
    // Tables: only the action's own, each ended where it should be (no cell broke out).
    expect((html.match(/<\/table>/g) ?? []).length).toBe(found.filter(t => t === 'table').length)
    const prose = proseText(html)
    expect(prose).not.toMatch(/@octocat/)
    expect(prose).not.toMatch(/(^|\s)#1\b/)
    // The hostile text is shown, as text.
    expect(visibleText(html)).toContain('<img src=x')
    expect(visibleText(html)).toContain('</details>')
    expect(visibleText(html)).toContain('**bold** [link]')
    // The backtick run closed no fence: one code block per collapsed section (function logs,
    // diff), each still holding the text that follows the run.
    const blocks = [...html.matchAll(/<pre><code[^>]*>([^]*?)<\/code><\/pre>/g)].map(m => m[1])
    expect(blocks).toHaveLength(opened)
    for (const block of blocks) expect(block).toContain('`````` still-inside-the-fence')
  }

  it('line breaks in an error or a name make no heading or rule in the summary', async () => {
    // Setext underlines (=== and ---) and thematic breaks turn the line before them into a
    // heading, or draw a rule, when they start a line of the caution block.
    const code = [
      'function handler(event) {',
      "  throw new Error('boom\\n===\\nsecond\\n---\\n- - -\\n***')",
      '}',
      ''
    ].join('\n')
    const ws = h.workspace({
      'lines.js': code,
      'tests/lines.json': caseFile([{ name: 'named\n===', event: EVENT }])
    })
    const run = await h.run(ws, {
      name: 'lines',
      code: 'lines.js',
      'test-events': 'tests/lines.json'
    })
    expectExit(run, 1)
    const found = elements(renderMarkdown(run.summary))
    expect(found.filter(tag => /^h[1-6]$/.test(tag))).toEqual(['h3'])
    expect(found).not.toContain('hr')
  })

  it('hostile test names, logs, errors, output, comment and diff render as text', async () => {
    await seedFunction(h, 'hostile', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    const code = [
      `// ${FENCE_BREAKER}`,
      `// ${HOSTILE}`,
      'function handler(event) {',
      `  console.log(${JSON.stringify(HOSTILE)})`,
      `  console.log(${JSON.stringify(FENCE_BREAKER)})`,
      "  if (event.request.uri === '/throw') {",
      `    throw new Error(${JSON.stringify(HOSTILE)})`,
      '  }',
      `  event.request.headers['x-hostile'] = { value: ${JSON.stringify(HOSTILE)} }`,
      '  return event.request',
      '}',
      ''
    ].join('\n')
    const throwing = { ...EVENT, request: { ...EVENT.request, uri: '/throw' } }
    const ws = h.workspace({
      'hostile.js': code,
      'tests/hostile.json': caseFile([
        { name: HOSTILE, event: EVENT },
        { name: `${HOSTILE} (fails)`, event: EVENT, expect: { uri: HOSTILE } },
        { name: `${HOSTILE} (throws)`, event: throwing }
      ])
    })
    const run = await h.run(
      ws,
      {
        name: 'hostile',
        code: 'hostile.js',
        comment: HOSTILE_COMMENT,
        'test-events': 'tests/hostile.json',
        'comment-on-pr': 'true',
        'github-token': TOKEN
      },
      pullRequestEnv(ws)
    )
    expectExit(run, 1)
    expectOnlyOwnCommands(run, TOKEN)
    // The summary carries every hostile source: names, logs, the error, the output, the diff.
    expect(run.summary).toContain('pwn')
    expect(run.summary).toContain('still-inside-the-fence')
    expectInert(run.summary)
    const [comment] = github.comments()
    expect(comment.body).toContain('pwn')
    expectInert(comment.body)
  })
})

describe('the sticky comment is ours alone', () => {
  let github: GitHubApiStub | undefined
  const TOKEN = 'ghs_e2eStickyToken0123456789abc'
  const MARKER = '<!-- cloudfront-function-deploy:function/sticky -->'

  afterEach(async () => {
    await github?.close()
    github = undefined
  })

  async function runWith(options: Parameters<typeof startGitHubApiStub>[0]): Promise<ActionRun> {
    github = await startGitHubApiStub(options)
    const ws = h.workspace()
    const path = join(ws, 'event.json')
    writeFileSync(path, JSON.stringify({ pull_request: { number: 7 }, number: 7 }))
    return h.run(
      ws,
      { name: 'sticky', code: 'function-v1.js', 'comment-on-pr': 'true', 'github-token': TOKEN },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path,
        GITHUB_REPOSITORY: 'owner/repo',
        GITHUB_API_URL: github.url
      }
    )
  }

  const edits = (stub: GitHubApiStub) =>
    stub.requests().filter(request => request.method === 'PATCH')

  it('a marker in another user’s comment is ignored: a new comment is posted', async () => {
    const forged = `${MARKER}\nDeployed fine, LGTM. Merge now!`
    const run = await runWith({ comments: [{ issueNumber: 7, body: forged, author: 'mallory' }] })
    expectExit(run, 0)
    const comments = github!.comments()
    expect(comments).toHaveLength(2)
    expect(comments[0]).toMatchObject({ author: 'mallory', body: forged })
    expect(comments[1].author).toBe(WORKFLOW_BOT)
    expect(comments[1].body.startsWith(`${MARKER}\n`)).toBe(true)
    expect(edits(github!)).toEqual([])
    expect(run.stdout).toContain('Pull-request comment created')
    expect(run.stdout).not.toMatch(/::warning::No pull-request comment/)
  })

  it('the workflow token edits the bot’s marked comment, not a marked one by someone else before it', async () => {
    const run = await runWith({
      comments: [
        { issueNumber: 7, body: `${MARKER}\nforged`, author: 'mallory' },
        { issueNumber: 7, body: `${MARKER}\nold summary` }
      ]
    })
    expectExit(run, 0)
    const comments = github!.comments()
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toBe(`${MARKER}\nforged`)
    expect(comments[1].body).not.toContain('old summary')
    expect(edits(github!).map(request => request.path)).toEqual([
      `/repos/owner/repo/issues/comments/${comments[1].id}`
    ])
  })

  it('a personal access token edits only its own user’s marked comment', async () => {
    const run = await runWith({
      tokenUser: 'alice',
      comments: [
        { issueNumber: 7, body: `${MARKER}\nby the bot` },
        { issueNumber: 7, body: `${MARKER}\nby mallory`, author: 'mallory' },
        { issueNumber: 7, body: `${MARKER}\nby alice`, author: 'alice' }
      ]
    })
    expectExit(run, 0)
    const comments = github!.comments()
    expect(comments).toHaveLength(3)
    expect(comments[0].body).toBe(`${MARKER}\nby the bot`)
    expect(comments[1].body).toBe(`${MARKER}\nby mallory`)
    expect(comments[2].body).toContain('### CloudFront Function `sticky`')
    expect(edits(github!).map(request => request.path)).toEqual([
      `/repos/owner/repo/issues/comments/${comments[2].id}`
    ])
  })

  it('a personal access token posts its own comment when only the bot’s is marked', async () => {
    const run = await runWith({
      tokenUser: 'alice',
      comments: [{ issueNumber: 7, body: `${MARKER}\nby the bot` }]
    })
    expectExit(run, 0)
    const comments = github!.comments()
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toBe(`${MARKER}\nby the bot`)
    expect(comments[1]).toMatchObject({ author: 'alice' })
    expect(edits(github!)).toEqual([])
  })
})
