// The job summary: one markdown report per run, also for failed and dry runs.
import { changed, type RunResult } from '../deploy/deploy.js'
import { describeChange } from '../deploy/plan.js'
import type { TestCaseResult } from '../testing/gate.js'
import type { FunctionKind } from '../types.js'

export interface SummaryInput {
  kind: FunctionKind
  name: string
  dryRun: boolean
  /** `undefined` when the run failed before reading CloudFront. */
  result: RunResult | undefined
  diff: string
  /** The failure message, when the run failed. */
  error?: string
}

const KIND_TITLE: Record<FunctionKind, string> = {
  function: 'CloudFront Function',
  'connection-function': 'CloudFront Connection Function'
}

export function renderSummary(input: SummaryInput): string {
  const { result } = input
  const lines = [`### ${KIND_TITLE[input.kind]} \`${input.name}\`: ${outcome(input)}`, '']
  if (input.error) lines.push('> [!CAUTION]', ...quote(input.error), '')
  if (result) {
    lines.push(...stateTable(result), '')
    if (result.plan.changes.length > 0) {
      lines.push(input.dryRun ? '**Plan (dry run, nothing was written):**' : '**Plan:**', '')
      lines.push(...result.plan.changes.map(change => `- ${describeChange(change)}`), '')
    }
    if (result.tests.length > 0) lines.push(...testTable(result.tests), '')
  }
  if (input.diff) {
    lines.push(
      '<details><summary>Diff</summary>',
      '',
      '```diff',
      input.diff.trimEnd(),
      '```',
      '',
      '</details>',
      ''
    )
  }
  return lines.join('\n')
}

function outcome(input: SummaryInput): string {
  const { result } = input
  if (input.error) return 'failed'
  if (!result) return 'not run'
  if (input.dryRun) {
    return result.plan.changes.length === 0 ? 'dry run, no changes' : 'dry run, changes pending'
  }
  if (!changed(result)) return 'no changes'
  const done = [
    result.created && 'created',
    result.updated && 'updated',
    result.tagged && 'tags changed',
    result.published && 'published',
    result.deleted && 'deleted'
  ].filter(Boolean)
  return done.join(', ')
}

function quote(text: string): string[] {
  return text.split('\n').map(line => `> ${line}`)
}

function stateTable(result: RunResult): string[] {
  const before = result.before
  const after = result.after
  const cell = (value: string | undefined): string => (value ? `\`${value}\`` : '—')
  return [
    '| | Before | After |',
    '| --- | --- | --- |',
    `| ARN | ${cell(before?.arn)} | ${cell(after?.arn)} |`,
    `| Status | ${cell(before?.status)} | ${cell(after?.status)} |`,
    `| DEVELOPMENT ETag | ${cell(before?.development.etag)} | ${cell(after?.etag)} |`,
    `| LIVE ETag | ${cell(before?.live?.etag)} | ${cell(after?.liveEtag)} |`
  ]
}

function testTable(tests: TestCaseResult[]): string[] {
  const passed = tests.filter(test => test.passed).length
  return [
    `**Tests:** ${passed} of ${tests.length} passed`,
    '',
    '| Case | Result | Compute | Details |',
    '| --- | --- | --- | --- |',
    ...tests.map(
      test =>
        `| ${escapeCell(test.name)} | ${test.passed ? '✅ pass' : '❌ fail'} | ${test.computeUtilization} | ${escapeCell(test.failures.join('; '))} |`
    )
  ]
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
