// The step's outputs, set on every run that got far enough to know them. With one function
// the single-function outputs describe it; `results` describes every function by name.
import type { FunctionOutcome } from '../deploy/orchestrate.js'
import { changed, hasChanges, type RunResult } from '../deploy/result.js'
import type { FunctionKind } from '../types.js'
import type { RunMode } from './summary.js'

export type OutputWriter = (name: string, value: string) => void

export interface OutputValues {
  /** Every function of the run, in the order they were declared. */
  outcomes: FunctionOutcome[]
  /** True when the functions came from a manifest: `plan` and `test-results` are lists then. */
  manifest: boolean
  /** A deploy names a CloudFront Function's id even before it exists; a delete or an offline run does not. */
  mode: RunMode
  diff: string
  summaryMarkdown: string
  /** Bytes of the code deployed (or that would be), when the run has one function. */
  codeSize: number | undefined
}

/** The outputs that describe one function, as `results` lists them for each. */
function functionOutputs(kind: FunctionKind, name: string, result: RunResult, mode: RunMode) {
  const after = result.after
  return {
    type: kind,
    arn: after?.arn ?? '',
    etag: after?.etag ?? '',
    'live-etag': after?.liveEtag ?? '',
    // A CloudFront Function's id is its name, while it exists (or would, in a dry run).
    id: after?.id ?? (kind === 'function' && mode === 'deploy' ? name : ''),
    status: after?.status ?? '',
    changed: changed(result),
    created: result.created,
    published: result.published,
    'has-changes': hasChanges(result)
  }
}

export function outputsOf(values: OutputValues): Record<string, string> {
  const results = values.outcomes.flatMap(outcome =>
    outcome.result
      ? [
          {
            outcome,
            outputs: functionOutputs(outcome.fn.kind, outcome.fn.name, outcome.result, values.mode)
          }
        ]
      : []
  )
  const any = (key: 'changed' | 'published' | 'has-changes'): string =>
    String(results.some(({ outputs }) => outputs[key]))
  // Keyed by name; a function and a connection function that share a name get their type too.
  const names = results.map(({ outcome }) => outcome.fn.name)
  const keyOf = (outcome: FunctionOutcome): string =>
    names.filter(name => name === outcome.fn.name).length > 1
      ? `${outcome.fn.kind}/${outcome.fn.name}`
      : outcome.fn.name
  const one = values.outcomes.length === 1 ? results[0] : undefined
  const single = one?.outputs
  const tests = results.flatMap(({ outcome }) =>
    (outcome.result?.tests ?? []).map(test =>
      values.manifest ? { function: outcome.fn.name, ...test } : test
    )
  )
  const plans = results.map(({ outcome }) => outcome.result?.firstPlan)
  return {
    arn: single?.arn ?? '',
    etag: single?.etag ?? '',
    'live-etag': single?.['live-etag'] ?? '',
    id: single?.id ?? '',
    status: single?.status ?? '',
    changed: any('changed'),
    created: single ? String(single.created) : 'false',
    published: any('published'),
    'has-changes': any('has-changes'),
    'test-results': JSON.stringify(tests),
    plan: JSON.stringify(values.manifest ? plans : (plans[0] ?? null)),
    diff: values.diff,
    results: JSON.stringify(
      Object.fromEntries(results.map(({ outcome, outputs }) => [keyOf(outcome), outputs]))
    ),
    'code-size': values.codeSize === undefined ? '' : String(values.codeSize),
    'summary-markdown': values.summaryMarkdown
  }
}

export function writeOutputs(setOutput: OutputWriter, values: OutputValues): void {
  for (const [name, value] of Object.entries(outputsOf(values))) setOutput(name, value)
}
