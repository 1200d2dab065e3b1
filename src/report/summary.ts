// The job summary: one markdown report per run, also for failed and dry runs. Every piece of
// text that did not come from the action itself goes through ./escape.ts.
import { changed, type RunResult } from '../deploy/result.js'
import { describeChange } from '../deploy/plan.js'
import type { TestCaseResult } from '../testing/gate.js'
import type { FunctionKind } from '../types.js'
import { mdCell, mdCode, mdFence, mdText } from './escape.js'
import { plural } from './words.js'

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

/** Diffs longer than this are cut in the summary (the `diff` output keeps all of it). */
const MAX_SUMMARY_DIFF = 30_000

export function renderSummary(input: SummaryInput): string {
  const { result } = input
  const lines = [`### ${KIND_TITLE[input.kind]} ${mdCode(input.name)}: ${outcome(input)}`, '']
  if (input.error) lines.push('> [!CAUTION]', ...quote(input.error), '')
  if (result) {
    lines.push(...stateTable(result), '')
    if (result.plan.changes.length > 0) {
      lines.push(input.dryRun ? '**Plan (dry run, nothing was written):**' : '**Plan:**', '')
      lines.push(...result.plan.changes.map(change => `- ${mdText(describeChange(change))}`), '')
    }
    if (result.notes.length > 0) lines.push(...result.notes.map(note => `- ${mdText(note)}`), '')
    if (result.tests.length > 0) lines.push(...testTable(result.tests), '')
  }
  if (input.diff) {
    const diff =
      input.diff.length > MAX_SUMMARY_DIFF
        ? `${input.diff.slice(0, MAX_SUMMARY_DIFF)}\n… (${input.diff.length - MAX_SUMMARY_DIFF} more characters in the diff output)`
        : input.diff
    lines.push(
      '<details><summary>Diff</summary>',
      '',
      mdFence(diff.trimEnd(), 'diff'),
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
  return text.split('\n').map(line => `> ${mdText(line)}`)
}

function stateTable(result: RunResult): string[] {
  const before = result.before
  const after = result.after
  const cell = (value: string | undefined): string => (value ? mdCell(value, { code: true }) : '—')
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
    `**Tests:** ${passed} of ${plural(tests.length, 'case')} passed`,
    '',
    '| Case | Result | Compute | Details |',
    '| --- | --- | --- | --- |',
    ...tests.map(
      test =>
        `| ${mdCell(test.name)} | ${test.passed ? '✅ pass' : '❌ fail'} | ${test.computeUtilization}% | ${mdCell(test.failures.join('; '))} |`
    )
  ]
}
