// The job summary: one markdown report per run, also for failed, dry and offline runs. One
// function gets the whole report; several get a table and a collapsed report each. Every
// piece of text that did not come from the action itself goes through ./escape.ts.
import { MAX_CODE_BYTES, SIZE_WARNING_SHARE } from '../code/prepare.js'
import type { FunctionOutcome, Reference } from '../deploy/orchestrate.js'
import { configChanges, describeChange, tagChanges } from '../deploy/plan.js'
import { changed, type RunResult } from '../deploy/result.js'
import type { TestCaseResult } from '../testing/gate.js'
import type { DesiredFunction, FunctionKind } from '../types.js'
import { describeStore, type StoreNames } from './diff.js'
import { htmlText, mdCell, mdCode, mdFence, mdText } from './escape.js'
import { listing, plural, thousands } from './words.js'

export type RunMode = 'deploy' | 'delete' | 'offline'

/** One function's part of the report. */
export interface FunctionReport {
  kind: FunctionKind
  name: string
  outcome: FunctionOutcome | undefined
  /** The code this run deployed (or would): where it came from and its size. */
  code?: { file: string; bytes: number; sourceBytes?: number; sources?: number }
  diff: string
  storeNames: StoreNames
}

export interface SummaryInput {
  mode: RunMode
  dryRun: boolean
  /** The manifest's file name, when the run deployed one. */
  manifest?: string
  functions: FunctionReport[]
  /** Why the run failed, when it failed. */
  error?: string
  /** The commit and the run, for the footer. */
  sha?: string
  runUrl?: string
}

const KIND_TITLE: Record<FunctionKind, string> = {
  function: 'CloudFront Function',
  'connection-function': 'CloudFront Connection Function'
}

/** Diffs longer than this are cut in the summary (the `diff` output keeps all of it). */
const MAX_SUMMARY_DIFF = 30_000
/** Logs of passing cases longer than this are cut in the summary. */
const MAX_SUMMARY_LOGS = 10_000

export function renderSummary(input: SummaryInput): string {
  const lines =
    input.manifest === undefined && input.functions.length <= 1
      ? renderOne(input, input.functions[0])
      : renderMany(input)
  lines.push(...footer(input))
  return lines.join('\n')
}

function renderOne(input: SummaryInput, report: FunctionReport | undefined): string[] {
  const title = report
    ? `${KIND_TITLE[report.kind]} ${mdCode(report.name)}`
    : 'CloudFront Function deploy'
  const lines = [`### ${title}: ${outcome(input, report)}`, '']
  if (input.error) lines.push(...caution(input.error), '')
  if (report) lines.push(...body(input, report))
  return lines
}

function renderMany(input: SummaryInput): string[] {
  const from = input.manifest ? ` from ${mdCode(input.manifest)}` : ''
  const failed = input.functions.filter(report => report.outcome?.failure).length
  // A dry run changed nothing: it counts what a real run would change.
  const done = input.functions.filter(report => {
    const result = report.outcome?.result
    return result && (input.dryRun ? result.firstPlan.changes.length > 0 : changed(result))
  }).length
  const offline = input.mode === 'offline'
  const counts = [
    plural(input.functions.length, 'function') + (offline ? ' tested offline' : ''),
    offline ? '' : input.dryRun ? `${done} would change` : `${done} changed`,
    failed > 0 ? `${failed} failed` : ''
  ].filter(Boolean)
  const lines = [`### CloudFront Functions${from}: ${counts.join(', ')}`, '']
  if (input.error) lines.push(...caution(input.error), '')
  // Offline, CloudFront was not asked: no plan and no ETags to show.
  lines.push(
    offline
      ? '| Function | Type | Result | Tests |'
      : '| Function | Type | Plan | Result | DEVELOPMENT ETag | LIVE ETag | Tests |',
    offline ? '| --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- | --- | --- |',
    ...input.functions.map(report => {
      const result = report.outcome?.result
      const name = mdCell(report.name, { code: true })
      const tests = testsCell(result?.tests)
      if (offline) {
        return `| ${name} | ${report.kind} | ${mdCell(outcome(input, report))} | ${tests} |`
      }
      const plan =
        result?.firstPlan.changes.map(describeChange).join('; ') || (result ? 'no changes' : '—')
      return `| ${name} | ${report.kind} | ${mdCell(plan)} | ${mdCell(outcome(input, report))} | ${etagCell(result?.after?.etag)} | ${etagCell(result?.after?.liveEtag)} | ${tests} |`
    }),
    ''
  )
  for (const report of input.functions) {
    lines.push(
      `<details><summary>${htmlText(report.name)}: ${htmlText(outcome(input, report))}</summary>`,
      '',
      ...(report.outcome?.failure ? [...caution(report.outcome.failure), ''] : []),
      ...body(input, report),
      '</details>',
      ''
    )
  }
  return lines
}

/** What one function's run came to, in a few words. */
function outcome(input: SummaryInput, report: FunctionReport | undefined): string {
  const result = report?.outcome?.result
  if (report?.outcome?.failure || (input.error && input.functions.length <= 1)) return 'failed'
  if (!result) return 'not run'
  if (input.mode === 'offline') {
    // Without test-events an offline run only checks the code.
    if (result.tests.length === 0) return 'code checked offline, no test cases'
    const passed = result.tests.filter(test => test.passed).length
    return `tested offline, ${passed} of ${plural(result.tests.length, 'case')} passed`
  }
  if (input.dryRun) {
    return result.firstPlan.changes.length === 0
      ? 'dry run, no changes'
      : 'dry run, changes pending'
  }
  if (report.outcome?.held) return 'staged, not published'
  if (!changed(result)) {
    return input.mode === 'delete' ? 'nothing to delete' : 'no changes'
  }
  const done = [
    result.created && 'created',
    result.updated && 'updated',
    result.tagged && 'tags changed',
    result.published && 'published',
    result.deleted && 'deleted'
  ].filter(Boolean)
  return done.join(', ')
}

function body(input: SummaryInput, report: FunctionReport): string[] {
  const result = report.outcome?.result
  if (!result) return []
  const lines: string[] = []
  if (input.mode === 'delete' && !result.before) {
    return [
      `There was nothing to delete: no ${report.kind} named ${mdCode(report.name)} exists.`,
      ''
    ]
  }
  const noOp = input.mode === 'deploy' && !input.dryRun && !changed(result) && !report.diff
  if (noOp) {
    // A no-op is short: it says so, and what is live.
    lines.push(
      `CloudFront already matches the inputs: DEVELOPMENT ETag ${mdCode(result.after?.etag ?? '')}, LIVE ETag ${result.after?.liveEtag ? mdCode(result.after.liveEtag) : 'none (never published)'}.`,
      ''
    )
  } else if (input.mode !== 'offline') {
    lines.push(...stateTable(input, result), '')
  }
  if (input.mode !== 'offline' && result.firstPlan.changes.length > 0) {
    lines.push(input.dryRun ? '**Plan (dry run, nothing was written):**' : '**Plan:**', '')
    lines.push(...result.firstPlan.changes.map(change => `- ${mdText(describeChange(change))}`), '')
  }
  if (input.mode === 'deploy' && result.desired && !noOp) {
    lines.push(...configuration(input, result, report.storeNames), '')
  }
  if (report.code) lines.push(codeSize(report.code), '')
  const against = referenceLine(report.outcome?.reference, result.desired)
  if (against) lines.push(against)
  if (result.notes.length > 0) lines.push(...result.notes.map(note => `- ${mdText(note)}`))
  if (result.notes.length > 0 || against) lines.push('')
  if (result.tests.length > 0)
    lines.push(...testSection(result.tests, input.mode === 'offline'), '')
  if (report.diff) {
    const diff =
      report.diff.length > MAX_SUMMARY_DIFF
        ? `${report.diff.slice(0, MAX_SUMMARY_DIFF)}\n… (${report.diff.length - MAX_SUMMARY_DIFF} more characters in the diff output)`
        : report.diff
    lines.push(
      '<details><summary>Diff</summary>',
      '',
      mdFence(diff.trimEnd(), 'diff'),
      '',
      '</details>',
      ''
    )
  }
  return lines
}

/** How the declared function compares with the LIVE stage of the `diff-against` function. */
function referenceLine(
  reference: Reference | undefined,
  desired: DesiredFunction | undefined
): string | undefined {
  if (!reference) return undefined
  if (!reference.found) {
    return `- diff-against: ${mdText(`${reference.reason}; there is nothing to compare with.`)}`
  }
  const name = mdCode(reference.name)
  const live = reference.current.live?.content
  if (!live) {
    return `- diff-against: ${name} has never been published (it has no LIVE stage); there is nothing to compare with.`
  }
  if (!desired) return undefined
  const differs = [
    ...(desired.code.equals(live.code) ? [] : ['code']),
    ...configChanges(desired.config, live.config),
    ...(tagChanges(desired.tags, reference.current.tags).length > 0 ? ['tags'] : [])
  ]
  const compared = `- Compared with ${name} (LIVE, ETag ${mdCode(live.etag)}):`
  if (differs.length === 0) {
    return `${compared} the same code and configuration${desired.tags === undefined ? '' : ' and tags'}.`
  }
  return `${compared} ${listing(differs)} ${differs.length === 1 ? 'differs' : 'differ'}; the diff shows how.`
}

function caution(text: string): string[] {
  return ['> [!CAUTION]', ...text.split('\n').map(line => `> ${mdText(line)}`)]
}

function etagCell(etag: string | undefined): string {
  return etag ? mdCell(etag, { code: true }) : '—'
}

function testsCell(tests: TestCaseResult[] | undefined): string {
  if (!tests || tests.length === 0) return '—'
  const passed = tests.filter(test => test.passed).length
  return `${passed === tests.length ? '✅' : '❌'} ${passed}/${tests.length}`
}

function stateTable(input: SummaryInput, result: RunResult): string[] {
  const before = result.before
  const after = result.after
  const cell = (value: string | undefined): string => (value ? mdCell(value, { code: true }) : '—')
  if (input.dryRun) {
    // Nothing was written: there is no "after" to show, only what is there now.
    return [
      '| | Now |',
      '| --- | --- |',
      `| ARN | ${cell(before?.arn)} |`,
      `| Status | ${cell(before?.status)} |`,
      `| DEVELOPMENT ETag | ${cell(before?.development.etag)} |`,
      `| LIVE ETag | ${cell(before?.live?.etag)} |`
    ]
  }
  return [
    '| | Before | After |',
    '| --- | --- | --- |',
    `| ARN | ${cell(before?.arn)} | ${cell(after?.arn)} |`,
    `| Status | ${cell(before?.status)} | ${cell(after?.status)} |`,
    `| DEVELOPMENT ETag | ${cell(before?.development.etag)} | ${cell(after?.etag)} |`,
    `| LIVE ETag | ${cell(before?.live?.etag)} | ${cell(after?.liveEtag)} |`
  ]
}

/** The configuration the function has after the run (or would have, in a dry run). */
function configuration(input: SummaryInput, result: RunResult, names: StoreNames): string[] {
  const desired = result.desired
  if (!desired) return []
  const stores = desired.config.keyValueStoreArns
  const tags = desired.tags
  return [
    input.dryRun ? '**Configuration (declared):**' : '**Configuration:**',
    '',
    `- Runtime: ${mdCode(desired.config.runtime)}`,
    `- Comment: ${desired.config.comment ? mdText(desired.config.comment) : '(none)'}`,
    `- Key value store: ${stores.length > 0 ? stores.map(arn => mdText(describeStore(arn, names))).join(', ') : '(none)'}`,
    `- Tags: ${
      tags === undefined
        ? '(not managed by this step)'
        : Object.keys(tags).length === 0
          ? '(none)'
          : Object.entries(tags)
              .map(([key, value]) => mdCode(`${key}=${value}`))
              .join(', ')
    }`
  ]
}

function codeSize(code: NonNullable<FunctionReport['code']>): string {
  const percent = Math.round((code.bytes / MAX_CODE_BYTES) * 100)
  // The same threshold as the warning annotation: a rounded 90% is not yet 90%.
  const warning = code.bytes >= SIZE_WARNING_SHARE * MAX_CODE_BYTES ? ' ⚠️ close to the limit' : ''
  const built =
    code.sourceBytes !== undefined
      ? ` (built from ${plural(code.sources ?? 1, 'source file')}, ${thousands(code.sourceBytes)} bytes)`
      : ''
  return `**Code:** ${mdCode(code.file)}${built}: ${thousands(code.bytes)} of ${thousands(MAX_CODE_BYTES)} bytes (${percent}% of CloudFront's limit)${warning}`
}

/** The test cases; offline, compute is the local runtime's estimate and says so. */
function testSection(tests: TestCaseResult[], estimated: boolean): string[] {
  const passed = tests.filter(test => test.passed).length
  const lines = [
    `**Tests:** ${passed} of ${plural(tests.length, 'case')} passed`,
    '',
    `| Case | Result | ${estimated ? 'Compute (estimate)' : 'Compute'} | Details |`,
    '| --- | --- | --- | --- |',
    ...tests.map(
      test =>
        `| ${mdCell(test.name)} | ${test.passed ? '✅ pass' : '❌ fail'} | ${test.computeUtilization}% | ${mdCell(test.failures.join('; '))} |`
    )
  ]
  const logged = tests.filter(test => test.logs.length > 0)
  if (logged.length > 0) {
    let text = logged.map(test => [`# ${test.name}`, ...test.logs].join('\n')).join('\n\n')
    if (text.length > MAX_SUMMARY_LOGS) {
      text = `${text.slice(0, MAX_SUMMARY_LOGS)}\n… (${text.length - MAX_SUMMARY_LOGS} more characters in the test-results output)`
    }
    lines.push('', '<details><summary>Function logs</summary>', '', mdFence(text), '', '</details>')
  }
  return lines
}

function footer(input: SummaryInput): string[] {
  const parts = [
    input.sha ? `Commit ${mdCode(input.sha.slice(0, 12))}` : '',
    input.runUrl ? `[workflow run](${linkTarget(input.runUrl)})` : ''
  ].filter(Boolean)
  return parts.length > 0 ? [parts.join(' · '), ''] : []
}

/** A URL that cannot end the markdown link early. */
function linkTarget(url: string): string {
  return encodeURI(url).replace(
    /[()]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  )
}
