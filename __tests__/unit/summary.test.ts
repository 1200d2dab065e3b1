import { describe, expect, it } from '@jest/globals'
import type { FunctionOutcome } from '../../src/deploy/orchestrate.js'
import type { RunResult } from '../../src/deploy/result.js'
import type { FunctionInputs } from '../../src/inputs/parse.js'
import { renderSummary, type FunctionReport, type SummaryInput } from '../../src/report/summary.js'
import {
  CODE,
  FUNCTION_ARN,
  NAME,
  NEW_CODE,
  STORE_ARN,
  config,
  currentFunction,
  desiredFunction
} from '../../__fixtures__/cloudfront.js'
import { functionState, runResult, testResult } from '../../__fixtures__/results.js'
import { elements, proseText, renderMarkdown } from '../helpers/markdown.js'

function report(
  result: RunResult | undefined,
  more: Partial<Omit<FunctionReport, 'outcome'>> & { outcome?: Partial<FunctionOutcome> } = {}
): FunctionReport {
  const { outcome, ...rest } = more
  return {
    kind: 'function',
    name: NAME,
    outcome: {
      fn: { name: NAME, kind: 'function' } as FunctionInputs,
      result,
      reference: undefined,
      failure: undefined,
      held: false,
      ...outcome
    },
    diff: '',
    storeNames: new Map(),
    ...rest
  }
}

function summary(
  result: RunResult | undefined = runResult(),
  overrides: Partial<SummaryInput> = {},
  more: Parameters<typeof report>[1] = {}
): string {
  return renderSummary({
    mode: 'deploy',
    dryRun: false,
    functions: [report(result, more)],
    ...overrides
  })
}

const title = (outcome: string, kind = 'CloudFront Function') =>
  `### ${kind} \`${NAME}\`: ${outcome}\n`

const createPlan = {
  kind: 'function' as const,
  name: NAME,
  changes: [{ action: 'create' as const }, { action: 'publish' as const }]
}

describe('renderSummary of one function', () => {
  it('reports a created and published function with a before/after table', () => {
    const text = summary(
      runResult({
        plan: createPlan,
        before: undefined,
        after: functionState({ etag: 'ETAG1', liveEtag: 'ETAG1' }),
        created: true,
        published: true,
        desired: desiredFunction({
          config: { comment: 'headers', keyValueStoreArns: [STORE_ARN] },
          tags: { team: 'web' }
        })
      }),
      {},
      {
        storeNames: new Map([[STORE_ARN, 'redirects']]),
        code: { file: 'functions/a.js', bytes: 9_500 }
      }
    )
    expect(text.startsWith(title('created, published'))).toBe(true)
    expect(text).toContain(
      [
        '| | Before | After |',
        '| --- | --- | --- |',
        `| ARN | — | <code>${FUNCTION_ARN}</code> |`,
        '| Status | — | <code>UNASSOCIATED</code> |',
        '| DEVELOPMENT ETag | — | <code>ETAG1</code> |',
        '| LIVE ETag | — | <code>ETAG1</code> |'
      ].join('\n')
    )
    expect(text).toContain('**Plan:**\n\n- create the function\n- publish DEVELOPMENT to LIVE\n')
    expect(text).toContain(
      [
        '**Configuration:**',
        '',
        '- Runtime: `cloudfront-js-2.0`',
        '- Comment: headers',
        `- Key value store: redirects (${STORE_ARN})`
      ].join('\n')
    )
    expect(text).toContain('- Tags: `team=web`')
    expect(text).toContain(
      "**Code:** `functions/a.js`: 9,500 of 10,240 bytes (93% of CloudFront's limit) ⚠️ close to the limit"
    )
  })

  it.each([
    [9_216, "9,216 of 10,240 bytes (90% of CloudFront's limit) ⚠️ close to the limit"],
    // 89.99 % reads as 90 % once rounded, but is under the threshold the annotation uses.
    [9_215, "9,215 of 10,240 bytes (90% of CloudFront's limit)\n"],
    [100, "100 of 10,240 bytes (1% of CloudFront's limit)\n"]
  ])('shows %i bytes of code against the limit, warning from 90%% on', (bytes, line) => {
    const text = summary(runResult(), {}, { code: { file: 'a.js', bytes } })
    expect(text).toContain(`**Code:** \`a.js\`: ${line}`)
  })

  it('keeps a no-op short', () => {
    const text = summary(runResult(), {}, { code: { file: 'a.js', bytes: 100 } })
    expect(text.startsWith(title('no changes'))).toBe(true)
    expect(text).toContain('CloudFront already matches the inputs: DEVELOPMENT ETag `ETAG1`')
    expect(text).not.toContain('| | Before | After |')
    expect(text).not.toContain('**Plan')
    expect(text).not.toContain('<details>')
  })

  it('reports a dry run with what is there now, not a "before" repeated as "after"', () => {
    const diff = '--- code: a\n+++ code: b\n@@ -1 +1 @@\n-old\n+new\n'
    const plan = {
      kind: 'function' as const,
      name: NAME,
      changes: [{ action: 'update' as const, code: true, config: [] }]
    }
    const text = summary(runResult({ plan }), { dryRun: true }, { diff })
    expect(text.startsWith(title('dry run, changes pending'))).toBe(true)
    expect(text).toContain('| | Now |')
    expect(text).not.toContain('After')
    expect(text).toContain('**Plan (dry run, nothing was written):**\n\n- update code\n')
    expect(text).toContain(
      `<details><summary>Diff</summary>\n\n\`\`\`diff\n${diff.trimEnd()}\n\`\`\`\n\n</details>\n`
    )
  })

  it('reports a dry run without changes', () => {
    expect(summary(runResult(), { dryRun: true }).startsWith(title('dry run, no changes'))).toBe(
      true
    )
  })

  it('reports a failure as a caution block, line by line', () => {
    const text = summary(
      runResult({
        updated: true,
        tests: [testResult({ passed: false, failures: ['output $.a: expected 1, got 2'] })]
      }),
      { error: '1 of 1 test case failed\nBefore failing, this run updated it.' }
    )
    expect(text.startsWith(title('failed'))).toBe(true)
    expect(text).toContain(
      '> [!CAUTION]\n> 1 of 1 test case failed\n> Before failing, this run updated it.\n'
    )
  })

  it('reports a failure before CloudFront was read, without a table', () => {
    const text = renderSummary({
      mode: 'deploy',
      dryRun: false,
      functions: [
        { kind: 'function', name: NAME, outcome: undefined, diff: '', storeNames: new Map() }
      ],
      error: "Input 'name': is required."
    })
    expect(text.startsWith(title('failed'))).toBe(true)
    expect(text).not.toContain('| | Before | After |')
  })

  it('reports a deleted connection function', () => {
    const text = renderSummary({
      mode: 'delete',
      dryRun: false,
      functions: [
        {
          ...report(
            runResult({
              plan: { kind: 'connection-function', name: NAME, changes: [{ action: 'delete' }] },
              after: undefined,
              deleted: true
            })
          ),
          kind: 'connection-function'
        }
      ]
    })
    expect(text.startsWith(title('deleted', 'CloudFront Connection Function'))).toBe(true)
    expect(text).toContain(`| ARN | <code>${FUNCTION_ARN}</code> | — |`)
  })

  it('renders the test table with compute in %, and function logs collapsed', () => {
    const text = summary(
      runResult({
        tests: [
          testResult({ logs: ['rewrote /docs/'] }),
          testResult({
            name: 'a | b',
            passed: false,
            computeUtilization: 91,
            failures: ['output $.x: expected "1|2", got\nmissing', 'compute too high']
          })
        ]
      })
    )
    expect(text).toContain(
      [
        '**Tests:** 1 of 2 cases passed',
        '',
        '| Case | Result | Compute | Details |',
        '| --- | --- | --- | --- |',
        '| rewrites to index.html | ✅ pass | 14% |  |',
        '| a &#124; b | ❌ fail | 91% | output $.x: expected "1&#124;2", got missing; compute too high |'
      ].join('\n')
    )
    expect(text).toContain('<details><summary>Function logs</summary>')
    expect(text).toContain('# rewrites to index.html\nrewrote /docs/')
  })

  it('says plainly that offline results come from the local runtime', () => {
    const text = summary(
      runResult({
        tests: [testResult()],
        notes: [
          'Offline: these results come from the embedded CloudFront Functions runtime, not from CloudFront.'
        ]
      }),
      { mode: 'offline' }
    )
    expect(text.startsWith(title('tested offline, 1 of 1 case passed'))).toBe(true)
    expect(text).toContain('not from CloudFront')
    expect(text).not.toContain('| | Before | After |')
    // The local runtime's compute is an estimate, and the table says so.
    expect(text).toContain('| Case | Result | Compute (estimate) | Details |')
    expect(text).toContain('| rewrites to index.html | ✅ pass | 14% |  |')
  })

  it('says when the diff-against function does not exist', () => {
    const text = summary(
      runResult(),
      {},
      {
        outcome: {
          reference: { name: 'prod', found: false, reason: 'no function named prod exists' }
        }
      }
    )
    expect(text).toContain(
      '- diff-against: no function named prod exists; there is nothing to compare with.'
    )
  })

  it('says an offline run without test cases only checked the code', () => {
    const text = summary(runResult({ tests: [] }), { mode: 'offline' })
    expect(text.startsWith(title('code checked offline, no test cases'))).toBe(true)
    expect(text).not.toContain('0 of 0')
  })

  describe('diff-against', () => {
    /** The production function: LIVE holds `liveCode` (null: never published). */
    function production(liveCode: string | null = CODE) {
      const current = currentFunction({ config: { comment: 'prod' }, tags: { team: 'edge' } })
      return {
        name: 'production',
        found: true as const,
        current: {
          ...current,
          live:
            liveCode === null
              ? undefined
              : {
                  etag: 'ETVPDKIKX0DER',
                  content: {
                    etag: 'ETVPDKIKX0DER',
                    config: config({ comment: 'prod' }),
                    code: Buffer.from(liveCode)
                  }
                }
        }
      }
    }

    it('says what differs from its LIVE stage', () => {
      const text = summary(
        runResult({
          desired: desiredFunction({ code: Buffer.from(NEW_CODE), tags: { team: 'web' } })
        }),
        {},
        { outcome: { reference: production() } }
      )
      expect(text).toContain(
        '- Compared with `production` (LIVE, ETag `ETVPDKIKX0DER`): code, comment and tags differ; the diff shows how.'
      )
    })

    it('says when it is the same', () => {
      const text = summary(
        runResult({ desired: desiredFunction({ config: { comment: 'prod' } }) }),
        {},
        { outcome: { reference: production() } }
      )
      expect(text).toContain(
        '- Compared with `production` (LIVE, ETag `ETVPDKIKX0DER`): the same code and configuration.'
      )
      const tagged = summary(
        runResult({
          desired: desiredFunction({ config: { comment: 'prod' }, tags: { team: 'edge' } })
        }),
        {},
        { outcome: { reference: production() } }
      )
      expect(tagged).toContain('the same code and configuration and tags.')
    })

    it('uses the singular for one difference', () => {
      const text = summary(
        runResult({ desired: desiredFunction({ config: { comment: 'preview' } }) }),
        {},
        { outcome: { reference: production() } }
      )
      expect(text).toContain('(LIVE, ETag `ETVPDKIKX0DER`): comment differs; the diff shows how.')
    })

    it('says when it was never published', () => {
      const text = summary(
        runResult({ desired: desiredFunction() }),
        {},
        { outcome: { reference: production(null) } }
      )
      expect(text).toContain(
        '- diff-against: `production` has never been published (it has no LIVE stage); there is nothing to compare with.'
      )
    })
  })

  it('ends with the commit and a link to the run', () => {
    const text = summary(runResult(), {
      sha: '0123456789abcdef0123',
      runUrl: 'https://github.com/o/r/actions/runs/42'
    })
    expect(text).toContain(
      'Commit `0123456789ab` · [workflow run](https://github.com/o/r/actions/runs/42)'
    )
  })
})

describe('renderSummary of a manifest', () => {
  it('shows a table of every function and a collapsed report each', () => {
    const text = renderSummary({
      mode: 'deploy',
      dryRun: false,
      manifest: 'functions.yml',
      functions: [
        report(
          runResult({ plan: createPlan, created: true, published: true, tests: [testResult()] }),
          {
            name: 'a'
          }
        ),
        report(runResult(), { name: 'b', outcome: { failure: 'boom' } })
      ],
      error: '1 of 2 functions failed: b.'
    })
    expect(
      text.startsWith(
        '### CloudFront Functions from `functions.yml`: 2 functions, 1 changed, 1 failed\n'
      )
    ).toBe(true)
    expect(text).toContain(
      '| Function | Type | Plan | Result | DEVELOPMENT ETag | LIVE ETag | Tests |'
    )
    expect(text).toContain(
      '| <code>a</code> | function | create the function; publish DEVELOPMENT to LIVE | created, published |'
    )
    expect(text).toContain('| ✅ 1/1 |')
    expect(text).toContain('<details><summary>a: created, published</summary>')
    expect(text).toContain('<details><summary>b: failed</summary>\n\n> [!CAUTION]\n> boom')
  })

  it('marks a function held back by the release gate', () => {
    const text = renderSummary({
      mode: 'deploy',
      dryRun: false,
      manifest: 'functions.yml',
      functions: [report(runResult({ updated: true }), { name: 'a', outcome: { held: true } })]
    })
    expect(text).toContain('| staged, not published |')
  })

  it('offline, shows results and tests without a plan or ETags CloudFront never gave', () => {
    const offline = runResult({ before: undefined, after: undefined, tests: [testResult()] })
    const text = renderSummary({
      mode: 'offline',
      dryRun: false,
      manifest: 'functions.yml',
      functions: [
        report(offline, { name: 'a' }),
        report(
          { ...offline, tests: [testResult({ passed: false, failures: ['boom'] })] },
          { name: 'b', outcome: { failure: '1 of 1 test case failed in the local runtime.' } }
        )
      ],
      error: '1 of 2 functions failed: b.'
    })
    expect(
      text.startsWith(
        '### CloudFront Functions from `functions.yml`: 2 functions tested offline, 1 failed\n'
      )
    ).toBe(true)
    expect(text).toContain(
      [
        '| Function | Type | Result | Tests |',
        '| --- | --- | --- | --- |',
        '| <code>a</code> | function | tested offline, 1 of 1 case passed | ✅ 1/1 |',
        '| <code>b</code> | function | failed | ❌ 0/1 |'
      ].join('\n')
    )
    expect(text).not.toContain('no changes')
    expect(text).not.toContain('ETag')
  })
})

describe('nothing from outside becomes markup', () => {
  const hostile =
    '</details><img src=x onerror=alert(1)><h1>hi</h1> @octocat #1 https://evil.example ``` | end'

  it('escapes names, test names, failures, errors and notes, and fences the diff', () => {
    const text = summary(
      runResult({
        notes: [`note ${hostile}`],
        tests: [testResult({ name: hostile, passed: false, failures: [hostile], logs: [hostile] })]
      }),
      { error: `boom ${hostile}\n::error::x` },
      { diff: `+ ${hostile}\n+ \`\`\`\`\`\n` }
    )
    const html = renderMarkdown(text)
    const tags = elements(html)
    // Only the action's own markup: collapsed logs and diff, tables, code and the quote.
    expect(tags.filter(tag => tag === 'details')).toHaveLength(2)
    expect(tags).not.toContain('img')
    expect(tags).not.toContain('h1')
    expect(tags).not.toContain('a')
    const visible = proseText(html)
    // Mentions and references are broken by a zero-width space: they notify nobody.
    expect(visible).not.toMatch(/@octocat|(^|\s)#1\b/)
    expect(visible).toContain('@\u200boctocat')
    // The whole diff, hostile line included, stays inside its code block.
    expect(html).toMatch(/<pre><code class="language-diff">[^]*\+ `````\n<\/code><\/pre>/)
    // The test table keeps its one row of 4 cells.
    expect(html.match(/<tr>/g)).toHaveLength(5 + 2)
  })

  it('escapes a hostile function name in a manifest table and its details', () => {
    const text = renderSummary({
      mode: 'deploy',
      dryRun: false,
      manifest: 'm.yml',
      functions: [report(runResult(), { name: `</summary></details><h1>x</h1>` })]
    })
    const tags = elements(renderMarkdown(text))
    expect(tags).not.toContain('h1')
    expect(tags.filter(tag => tag === 'details')).toHaveLength(1)
  })
})

describe('the heading of a manifest dry run', () => {
  it('counts the functions a real run would change', () => {
    const plan = { kind: 'function' as const, name: 'a', changes: [{ action: 'create' as const }] }
    const text = renderSummary({
      mode: 'deploy',
      dryRun: true,
      manifest: 'functions.yml',
      functions: [report(runResult({ plan }), { name: 'a' }), report(runResult(), { name: 'b' })]
    })
    expect(
      text.startsWith(
        '### CloudFront Functions from `functions.yml`: 2 functions, 1 would change\n'
      )
    ).toBe(true)
  })
})
