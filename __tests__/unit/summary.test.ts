import { describe, expect, it } from '@jest/globals'
import { renderSummary, type SummaryInput } from '../../src/report/summary.js'
import { FUNCTION_ARN, NAME } from '../../__fixtures__/cloudfront.js'
import { functionState, runResult, testResult } from '../../__fixtures__/results.js'
import { elements, proseText, renderMarkdown } from '../helpers/markdown.js'

function summary(overrides: Partial<SummaryInput> = {}): string {
  return renderSummary({
    kind: 'function',
    name: NAME,
    dryRun: false,
    result: runResult(),
    diff: '',
    ...overrides
  })
}

const title = (outcome: string, kind = 'CloudFront Function') =>
  `### ${kind} \`${NAME}\`: ${outcome}\n`

describe('renderSummary', () => {
  it('reports a created and published function with a before/after table', () => {
    const text = summary({
      result: runResult({
        plan: {
          kind: 'function',
          name: NAME,
          changes: [{ action: 'create' }, { action: 'publish' }]
        },
        before: undefined,
        after: functionState({ etag: 'ETAG1', liveEtag: 'ETAG1' }),
        created: true,
        published: true
      })
    })
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
  })

  it('reports an update with tags changed', () => {
    const text = summary({
      result: runResult({
        plan: {
          kind: 'function',
          name: NAME,
          changes: [
            { action: 'update', code: true, config: ['comment'] },
            { action: 'tag', tags: { team: 'web' } }
          ]
        },
        after: functionState(),
        updated: true,
        tagged: true
      })
    })
    expect(text.startsWith(title('updated, tags changed'))).toBe(true)
    expect(text).toContain('| DEVELOPMENT ETag | <code>ETAG1</code> | <code>ETAG2</code> |')
    expect(text).toContain('- update code, comment\n- set tags team=web\n')
  })

  it('reports a no-op without a plan section', () => {
    const text = summary()
    expect(text.startsWith(title('no changes'))).toBe(true)
    expect(text).not.toContain('**Plan')
    expect(text).not.toContain('<details>')
  })

  it('reports a deleted connection function', () => {
    const text = summary({
      kind: 'connection-function',
      result: runResult({
        plan: { kind: 'connection-function', name: NAME, changes: [{ action: 'delete' }] },
        after: undefined,
        deleted: true
      })
    })
    expect(text.startsWith(title('deleted', 'CloudFront Connection Function'))).toBe(true)
    expect(text).toContain('| ARN | <code>' + FUNCTION_ARN + '</code> | — |')
  })

  it('reports a dry run with pending changes and a collapsed diff', () => {
    const diff = '--- code: a\n+++ code: b\n@@ -1 +1 @@\n-old\n+new\n'
    const text = summary({
      dryRun: true,
      diff,
      result: runResult({
        plan: {
          kind: 'function',
          name: NAME,
          changes: [{ action: 'update', code: true, config: [] }]
        }
      })
    })
    expect(text.startsWith(title('dry run, changes pending'))).toBe(true)
    expect(text).toContain('**Plan (dry run, nothing was written):**\n\n- update code\n')
    expect(text).toContain(
      `<details><summary>Diff</summary>\n\n\`\`\`diff\n${diff.trimEnd()}\n\`\`\`\n\n</details>\n`
    )
  })

  it('reports a dry run without changes', () => {
    expect(summary({ dryRun: true }).startsWith(title('dry run, no changes'))).toBe(true)
  })

  it('reports a failure as a caution block, line by line', () => {
    const text = summary({
      error: '1 of 1 test cases failed\nBefore failing, this run updated it.',
      result: runResult({
        updated: true,
        tests: [testResult({ passed: false, failures: ['output $.a: expected 1, got 2'] })]
      })
    })
    expect(text.startsWith(title('failed'))).toBe(true)
    expect(text).toContain(
      '> [!CAUTION]\n> 1 of 1 test cases failed\n> Before failing, this run updated it.\n'
    )
  })

  it('reports a failure before CloudFront was read, without a table', () => {
    const text = summary({ result: undefined, error: "Input 'name': is required." })
    expect(text.startsWith(title('failed'))).toBe(true)
    expect(text).not.toContain('| | Before | After |')
  })

  it('says "not run" without a result or an error', () => {
    expect(summary({ result: undefined }).startsWith(title('not run'))).toBe(true)
  })

  it('renders the test table, escaping pipes and newlines in cells', () => {
    const text = summary({
      result: runResult({
        tests: [
          testResult(),
          testResult({
            name: 'a | b',
            passed: false,
            computeUtilization: 91,
            failures: ['output $.x: expected "1|2", got\nmissing', 'compute too high']
          })
        ]
      })
    })
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
  })
})

describe('nothing from outside becomes markup', () => {
  const hostile =
    '</details><img src=x onerror=alert(1)><h1>hi</h1> @octocat #1 https://evil.example ``` | end'

  it('escapes names, test names, failures, errors and notes, and fences the diff', () => {
    const text = summary({
      name: 'fn',
      error: `boom ${hostile}\n::error::x`,
      result: runResult({
        notes: [`note ${hostile}`],
        tests: [testResult({ name: hostile, passed: false, failures: [hostile] })]
      }),
      diff: `+ ${hostile}\n+ \`\`\`\`\`\n`
    })
    const html = renderMarkdown(text)
    const tags = elements(html)
    // Only the action's own markup: one collapsed diff, tables, code and the quote.
    expect(tags.filter(tag => tag === 'details')).toHaveLength(1)
    expect(tags).not.toContain('img')
    expect(tags).not.toContain('h1')
    expect(tags).not.toContain('a')
    const visible = proseText(html)
    // Mentions and references are broken by a zero-width space: they notify nobody.
    expect(visible).not.toMatch(/@octocat|(^|\s)#1\b/)
    expect(visible).toContain('@\u200boctocat')
    // The whole diff, hostile line included, stays inside its code block.
    expect(html).toMatch(/<pre><code class="language-diff">[^]*\+ `````\n<\/code><\/pre>/)
    // The test table keeps its 2 rows of 4 cells.
    expect(html.match(/<tr>/g)).toHaveLength(5 + 2)
  })
})
