// The step's outputs, set on every run that got far enough to know them.
import { changed, type RunResult } from '../deploy/result.js'
import type { FunctionKind } from '../types.js'

export type OutputWriter = (name: string, value: string) => void

export interface OutputValues {
  kind: FunctionKind
  name: string
  result: RunResult
  diff: string
  summaryMarkdown: string
}

export function outputsOf(values: OutputValues): Record<string, string> {
  const { result } = values
  const after = result.after
  return {
    arn: after?.arn ?? '',
    etag: after?.etag ?? '',
    'live-etag': after?.liveEtag ?? '',
    id: after?.id ?? (values.kind === 'function' && !result.deleted ? values.name : ''),
    status: after?.status ?? '',
    changed: String(changed(result)),
    created: String(result.created),
    published: String(result.published),
    'test-results': JSON.stringify(result.tests),
    plan: JSON.stringify(result.plan),
    diff: values.diff,
    'summary-markdown': values.summaryMarkdown
  }
}

export function writeOutputs(setOutput: OutputWriter, values: OutputValues): void {
  for (const [name, value] of Object.entries(outputsOf(values))) setOutput(name, value)
}
