// What a whole run says about itself: the failure message of the step, each function's part of
// the report (its diff included), the diff output, and the marker of its pull-request comment.
// Pure: it reads the run's results and returns text; main.ts writes it out.
import type { FunctionOutcome } from '../deploy/orchestrate.js'
import type { Prepared } from '../deploy/prepare.js'
import type { Inputs } from '../inputs/parse.js'
import { renderDiff, type StoreNames } from './diff.js'
import type { FunctionReport, RunMode } from './summary.js'
import { listing, plural } from './words.js'
import { hasChange } from '../deploy/plan.js'

export function modeOf(inputs: Inputs | undefined): RunMode {
  if (inputs?.run.offline) return 'offline'
  return inputs?.run.delete ? 'delete' : 'deploy'
}

/**
 * The step's failure message: the one failure, or which functions failed, what the others
 * did (published, held back by the release gate, only updated), and why each failed.
 */
export function describeFailures(outcomes: FunctionOutcome[], mode: RunMode): string | undefined {
  const failed = outcomes.filter(outcome => outcome.failure)
  if (failed.length === 0) return undefined
  if (outcomes.length === 1) return failed[0].failure
  const names = (items: FunctionOutcome[]): string => listing(items.map(item => item.fn.name))
  const lines = [
    `${failed.length} of ${plural(outcomes.length, 'function')} failed: ${names(failed)}.`
  ]
  if (mode === 'delete') {
    const deleted = outcomes.filter(outcome => outcome.result?.deleted)
    lines.push(deleted.length > 0 ? `Deleted: ${names(deleted)}.` : 'Nothing was deleted.')
  } else if (mode === 'deploy') {
    const published = outcomes.filter(outcome => outcome.result?.published)
    const held = outcomes.filter(outcome => outcome.held)
    const written = outcomes.filter(
      outcome => !outcome.result?.published && (outcome.result?.created || outcome.result?.updated)
    )
    lines.push(
      published.length > 0
        ? `Published to LIVE: ${names(published)}.`
        : 'Nothing was published: LIVE still serves what it served before this run.'
    )
    if (held.length > 0) {
      lines.push(
        `${names(held)} passed but ${held.length === 1 ? 'was' : 'were'} held back by the release gate.`
      )
    }
    if (written.length > 0) {
      lines.push(`DEVELOPMENT was updated, not published, for ${names(written)}.`)
    }
  }
  lines.push(...failed.map(outcome => `${outcome.fn.name}: ${outcome.failure}`))
  return lines.join('\n')
}

/** The store ARNs the report shows, so that they can be named. */
export function storesShown(outcomes: FunctionOutcome[]): string[] {
  return outcomes.flatMap(outcome => {
    const result = outcome.result
    const reference = outcome.reference?.found ? outcome.reference.current : undefined
    return [
      ...(result?.desired?.config.keyValueStoreArns ?? []),
      ...(result?.before?.development.config.keyValueStoreArns ?? []),
      ...(result?.before?.live?.content?.config.keyValueStoreArns ?? []),
      ...(reference?.live?.content?.config.keyValueStoreArns ?? [])
    ]
  })
}

/** Each function's part of the report; every declared function, also those that never ran. */
export function functionReports(
  inputs: Inputs | undefined,
  prepared: Prepared[],
  outcomes: FunctionOutcome[],
  storeNames: StoreNames
): FunctionReport[] {
  if (outcomes.length === 0) {
    return (inputs?.functions ?? []).map(fn => ({
      kind: fn.kind,
      name: fn.name,
      outcome: undefined,
      diff: '',
      storeNames
    }))
  }
  return outcomes.map(outcome => {
    const code = prepared.find(item => item.fn === outcome.fn)?.code
    return {
      kind: outcome.fn.kind,
      name: outcome.fn.name,
      outcome,
      code: code && {
        file: code.file,
        bytes: code.code.length,
        sourceBytes: code.build?.sourceBytes,
        sources: code.build?.sources.length
      },
      diff: modeOf(inputs) === 'deploy' ? diffOf(outcome, code, storeNames) : '',
      storeNames
    }
  })
}

function diffOf(outcome: FunctionOutcome, code: Prepared['code'], storeNames: StoreNames): string {
  const result = outcome.result
  if (!result?.desired) return ''
  const reference = outcome.reference?.found ? outcome.reference : undefined
  const changes = renderDiff(result.desired, {
    before: result.before,
    publishes: hasChange(result.firstPlan, 'publish'),
    reference: reference && {
      name: reference.name,
      live: reference.current.live?.content,
      tags: reference.current.tags
    },
    storeNames
  })
  // Built code: the diff shows what CloudFront gets, and says what it was built from.
  return changes && code?.build
    ? `# ${code.file} is built (${listing(code.build.sources.map(source => source.file))}): the diff shows the built code CloudFront gets.\n${changes}`
    : changes
}

/** The `diff` output: each function's diff, headed by its name when there are several. */
export function diffOutput(reports: FunctionReport[]): string {
  return reports
    .filter(item => item.diff)
    .map(item => (reports.length > 1 ? `# ${item.name}\n${item.diff}` : item.diff))
    .join('\n')
}

/** What tells this run's sticky comment apart: the function, or the manifest and its suffix. */
export function commentMarker(inputs: Inputs, reports: FunctionReport[]): string {
  return inputs.run.manifest
    ? `manifest/${inputs.run.manifest}${inputs.run.nameSuffix}`
    : `${reports[0]?.kind ?? 'function'}/${reports[0]?.name ?? ''}`
}

/** The address of this workflow run, from the runner's environment. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: id } = env
  if (!server || !repository || !id) return undefined
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${id}`
}
