// The result model: what a run of one function did and how the function stands after it.
// The engine (deploy.ts) produces it; outputs, summary and PR comment only read it.
import { errorMessage } from '../errors.js'
import type { TestCaseResult } from '../testing/gate.js'
import type { CurrentFunction, DesiredFunction, Plan } from '../types.js'

/** The function as it stands after the run. */
export interface FunctionState {
  id: string
  arn: string
  status: string
  etag: string
  liveEtag: string
}

/** What a run has written so far; every field only ever turns true. */
export interface Progress {
  created: boolean
  updated: boolean
  tagged: boolean
  published: boolean
  deleted: boolean
}

export interface RunResult extends Progress {
  /** The plan this run computed first: what it set out to do (and what a dry run would do). */
  firstPlan: Plan
  /** The plan this run computed last: the one a deploy executed. */
  plan: Plan
  /** The declared state as planned (store names resolved to ARNs); undefined for deletes. */
  desired: DesiredFunction | undefined
  /** The function as first read, before any write; `undefined` when it did not exist. */
  before: CurrentFunction | undefined
  after: FunctionState | undefined
  tests: TestCaseResult[]
  /** Things worth saying that are not failures: lost answers verified, versions already live. */
  notes: string[]
  /**
   * Writes CloudFront never answered, that a fresh read did not show applied: they may still
   * land, so a failure must not claim that nothing changed.
   */
  unanswered?: readonly string[]
}

export const NOTHING_DONE: Progress = {
  created: false,
  updated: false,
  tagged: false,
  published: false,
  deleted: false
}

/** `a` with every flag that is true in `b` turned on. */
export function mergeProgress(a: Partial<Progress>, b: Partial<Progress>): Progress {
  return {
    created: a.created === true || b.created === true,
    updated: a.updated === true || b.updated === true,
    tagged: a.tagged === true || b.tagged === true,
    published: a.published === true || b.published === true,
    deleted: a.deleted === true || b.deleted === true
  }
}

/** True when this run wrote anything to CloudFront. */
export function changed(result: Progress): boolean {
  return result.created || result.updated || result.tagged || result.published || result.deleted
}

/** True when the run's plan had at least one change (for a dry run: what a real run would do). */
export function hasChanges(result: RunResult): boolean {
  return result.firstPlan.changes.length > 0 || changed(result)
}

/** A failure after the run started; carries what had already been done. */
export class RunError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly result: RunResult
  ) {
    super(`${errorMessage(cause)}\n${describeProgress(result)}`)
    this.name = 'RunError'
  }
}

/** Says plainly what a failed run had already changed, so nobody is surprised. */
export function describeProgress(result: RunResult): string {
  const done: string[] = []
  if (result.created) done.push('created the function')
  if (result.updated) done.push('updated its DEVELOPMENT stage')
  if (result.tagged) done.push('changed its tags')
  if (result.published) done.push('published it to LIVE')
  if (result.deleted) done.push('deleted it')
  const unanswered = result.unanswered ?? []
  const pending =
    unanswered.length === 0
      ? ''
      : ` The outcome of ${unanswered.join(' and ')} is unknown (no answer, or a server error) and a fresh read did not show it applied, but it may still take effect: the function may differ from what this says. Run the step again: it reads the function afresh and converges.`
  if (done.length === 0) {
    return unanswered.length === 0
      ? 'Nothing was changed in CloudFront by this run.'
      : `No write of this run was confirmed.${pending}`
  }
  const etag = result.after?.etag ? ` (DEVELOPMENT ETag ${result.after.etag})` : ''
  const publishPending = unanswered.some(operation => operation.startsWith('Publish'))
  const live =
    result.published || publishPending
      ? ''
      : ' LIVE was not changed: it still serves what it served before this run.'
  return `Before failing, this run ${done.join(', ')}${etag}.${live}${pending}`
}
