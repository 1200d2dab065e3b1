// The engine: read, plan, write DEVELOPMENT, test, publish. State flows by return values.
//
// Two rules keep reports truthful under partial failure:
// - A write's outcome is never guessed. When CloudFront refuses it as stale (412), says it
//   already exists (409) or gives no usable answer, a fresh read decides: if CloudFront holds
//   exactly what this run sent and the SDK had sent the request more than once (an earlier
//   attempt may have been applied with its answer lost), the write is this run's. Otherwise
//   another writer got there first: read again, plan again, bounded.
// - Nothing another writer made is adopted: a version is tested and published only after a
//   read confirmed it holds this run's code and configuration.
//
// A deploy is staged (read, plan, write DEVELOPMENT, test) and then released (publish), so
// that a run of many functions can publish none of them unless all of them staged.
import type { FunctionsApi, StageSnapshot } from '../cloudfront/api.js'
import {
  AwsCallError,
  isAlreadyExists,
  isNotFound,
  isPreconditionFailed,
  wasRetried
} from '../cloudfront/errors.js'
import { errorMessage } from '../errors.js'
import { inGroup, type Log } from '../report/log.js'
import { plural } from '../report/words.js'
import type { TestCase } from '../testing/cases.js'
import { runTestGate, TestGateError, type TestCaseResult } from '../testing/gate.js'
import { cloudFrontRunner, type Limiter } from '../testing/runner.js'
import type { Change, CurrentFunction, DesiredFunction, Plan, Tags } from '../types.js'
import {
  configChanges,
  describeChange,
  describeDifferences,
  hasChange,
  planDelete,
  planDeploy,
  tagChanges
} from './plan.js'
import {
  mergeProgress,
  NOTHING_DONE,
  RunError,
  type FunctionState,
  type Progress,
  type RunResult
} from './result.js'

export const MAX_ATTEMPTS = 3
export const PUBLISH_TIMEOUT_MS = 5 * 60_000

export interface DeployOptions {
  dryRun: boolean
  testCases: readonly TestCase[]
  maxComputeUtilization: number
  log: Log
  /** Completes the declared state (store names to ARNs), in parallel with the first read. */
  resolve?: (declared: DesiredFunction) => Promise<DesiredFunction>
  /** Also read LIVE's config and code, so reports can show what production runs. */
  readLive?: boolean
  /** Bounds test runs across every function of a run. */
  limiter?: Limiter
  maxAttempts?: number
  publishTimeoutMs?: number
  sleep?: (ms: number) => Promise<void>
}

/** A deploy whose DEVELOPMENT stage is written and tested, ready to publish. */
export interface Staged {
  readonly result: RunResult
  /** The version this run wrote or found, when it exists (not in a dry run that would create). */
  readonly target: FunctionState | undefined
  /** Attempts used so far, shared with a re-stage after a lost race on publish. */
  readonly attempt: number
}

const sleepFor = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Deploys one function: stage, then release. */
export async function deploy(
  api: FunctionsApi,
  declared: DesiredFunction,
  options: DeployOptions
): Promise<RunResult> {
  return release(api, await stage(api, declared, options), options)
}

/** Why a step stopped: a lost race (read and plan again) or a failure (stop). */
class Interrupted extends Error {
  constructor(
    override readonly cause: unknown,
    readonly race: boolean,
    readonly done: Partial<Progress> = {},
    readonly state?: FunctionState,
    readonly notes: readonly string[] = [],
    /** The write whose answer never came and that a read did not confirm, if any. */
    readonly unanswered?: string
  ) {
    super(errorMessage(cause))
    this.name = 'Interrupted'
  }
}

/** What a step did: its writes, the function's state after them, and what is worth saying. */
interface StepOutcome {
  done: Partial<Progress>
  /** Absent when the step does not change the version (tags). */
  state?: FunctionState
  notes: string[]
}

/** A step that made (or found) a version: the state is known. */
interface VersionOutcome extends StepOutcome {
  state: FunctionState
}

function stateOf(current: CurrentFunction): FunctionState {
  return {
    id: current.id,
    arn: current.arn,
    status: current.status,
    etag: current.development.etag,
    liveEtag: current.live?.etag ?? ''
  }
}

/** True when CloudFront's answer does not say whether a write was applied. */
function outcomeUnknown(error: unknown): boolean {
  return error instanceof AwsCallError && !error.refused
}

/** What a write whose answer was lost says, once a fresh read showed it was applied. */
function lostAnswer(error: unknown, verified: string): string {
  const cause = error as AwsCallError
  return `${cause.operation}'s answer was lost (${cause.code} after ${cause.attempts} attempts); ${verified}.`
}

/**
 * A failed write, as a step's interruption: a lost race, a plain failure, or a write that
 * CloudFront never answered and a fresh read did not show applied (it may still land).
 */
function writeFailed(error: unknown): Interrupted {
  const unanswered = outcomeUnknown(error) ? (error as AwsCallError).operation : undefined
  return new Interrupted(error, isLostRace(error), {}, undefined, [], unanswered)
}

/** Whether a failed write means another writer changed the function first. */
function isLostRace(error: unknown): boolean {
  return isPreconditionFailed(error) || isAlreadyExists(error) || isNotFound(error)
}

/** Whether a stage holds exactly the declared code and configuration. */
function holdsDeclared(
  stage: Pick<StageSnapshot, 'code' | 'config'>,
  desired: DesiredFunction
): boolean {
  return stage.code.equals(desired.code) && configChanges(desired.config, stage.config).length === 0
}

/**
 * Reads, plans, writes DEVELOPMENT and runs the test gate. After a lost race it reads and
 * plans again, up to `maxAttempts` in all (counting the attempts of `previous`).
 */
export async function stage(
  api: FunctionsApi,
  declared: DesiredFunction,
  options: DeployOptions,
  previous?: Staged
): Promise<Staged> {
  const { log } = options
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS
  let desired = declared
  let result = previous?.result
  let lastRace: Interrupted | undefined
  // Whatever fails once this run has written anything carries the record of what it wrote.
  const failure = (error: unknown): unknown =>
    error instanceof RunError || result === undefined ? error : new RunError(error, result)
  for (let attempt = (previous?.attempt ?? 0) + 1; attempt <= maxAttempts; attempt++) {
    const read = await inGroup(log, `Read ${desired.kind} ${desired.name}`, async () => {
      const [current, resolved] = await Promise.all([
        api.read(desired.name, { tags: desired.tags !== undefined, live: options.readLive }),
        result === undefined && options.resolve ? options.resolve(desired) : desired
      ])
      log.info(describeCurrent(current))
      return { current, resolved }
    }).catch(error => {
      throw failure(error)
    })
    desired = read.resolved
    const plan = planDeploy(desired, read.current)
    logPlan(log, plan, describeDifferences(desired, read.current))
    result = result
      ? { ...result, plan, desired }
      : {
          ...NOTHING_DONE,
          firstPlan: plan,
          plan,
          desired,
          before: read.current,
          after: read.current && stateOf(read.current),
          tests: [],
          notes: []
        }
    if (options.dryRun) {
      return { result, target: read.current && stateOf(read.current), attempt }
    }
    try {
      const written = await inGroup(log, 'Write DEVELOPMENT', () =>
        writeDevelopment(api, desired, read.current, plan, log)
      )
      result = record(result, written)
      const tests = await testDevelopment(api, written.state, options)
      result = { ...result, tests }
      if (tests.some(test => !test.passed)) throw new RunError(new TestGateError(tests), result)
      return { result, target: written.state, attempt }
    } catch (error) {
      if (error instanceof RunError) throw error
      if (!(error instanceof Interrupted)) throw new RunError(error, result)
      result = record(result, error)
      if (!error.race) throw new RunError(error.cause, result)
      lastRace = error
      if (attempt < maxAttempts) warnRace(log, desired.name, error, attempt + 1, maxAttempts)
    }
  }
  // Out of attempts: another writer may have done exactly what this run wanted.
  const converged = await convergedMeanwhile(api, desired, options).catch(error => {
    throw failure(error)
  })
  if (result && converged) {
    log.info(
      `${desired.name} already matches the inputs: another run deployed the same version meanwhile.`
    )
    // Nothing is left to do: the plan is empty, so nothing is published on their behalf.
    const plan: Plan = { kind: desired.kind, name: desired.name, changes: [] }
    return {
      result: { ...result, plan, after: converged },
      target: converged,
      attempt: maxAttempts
    }
  }
  throw new RunError(raceLost(desired.name, maxAttempts, lastRace), result ?? emptyResult(desired))
}

export async function release(
  api: FunctionsApi,
  staged: Staged,
  options: DeployOptions
): Promise<RunResult> {
  const { result, target } = staged
  const desired = result.desired
  if (options.dryRun || !target || !desired) return result
  if (!hasChange(result.plan, 'publish')) {
    if (!desired.publish || target.status !== 'PUBLISHING') return result
    // Another run published this version a moment ago: report it once it is live.
    const after = await inGroup(options.log, 'Wait for LIVE', () =>
      waitWhilePublishing(api, target, options)
    ).catch(error => {
      throw new RunError(error instanceof Interrupted ? error.cause : error, result)
    })
    return { ...result, after }
  }
  try {
    const published = await inGroup(options.log, 'Publish DEVELOPMENT to LIVE', async () => {
      const outcome = await publishVersion(api, target, desired, options.log)
      const state =
        outcome.state.status === 'PUBLISHING'
          ? await waitWhilePublishing(api, outcome.state, options).catch(error => {
              // The publish itself went through: a failure while waiting must still report it.
              const cause = error instanceof Interrupted ? error.cause : error
              throw new Interrupted(cause, false, outcome.done, outcome.state, outcome.notes)
            })
          : outcome.state
      options.log.info(`LIVE ETag ${state.liveEtag}, status ${state.status}.`)
      return { ...outcome, state }
    })
    return record(result, published)
  } catch (error) {
    if (!(error instanceof Interrupted)) throw new RunError(error, result)
    const interrupted = record(result, error)
    if (!error.race) throw new RunError(error.cause, interrupted)
    const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS
    if (staged.attempt >= maxAttempts) {
      throw new RunError(raceLost(desired.name, maxAttempts, error), interrupted)
    }
    warnRace(options.log, desired.name, error, staged.attempt + 1, maxAttempts)
    const again = await stage(api, desired, options, { ...staged, result: interrupted })
    return release(api, again, options)
  }
}

function record(
  result: RunResult,
  step: {
    done: Partial<Progress>
    notes: readonly string[]
    state?: FunctionState
    unanswered?: string
  }
): RunResult {
  return {
    ...result,
    ...mergeProgress(result, step.done),
    after: step.state ?? result.after,
    notes: [...result.notes, ...step.notes],
    ...(step.unanswered ? { unanswered: [...(result.unanswered ?? []), step.unanswered] } : {})
  }
}

function emptyResult(desired: DesiredFunction): RunResult {
  const plan: Plan = { kind: desired.kind, name: desired.name, changes: [] }
  return {
    ...NOTHING_DONE,
    firstPlan: plan,
    plan,
    desired,
    before: undefined,
    after: undefined,
    tests: [],
    notes: []
  }
}

/** How a lost race is named in messages: the refused operation and CloudFront's code. */
function raceReason(race: Interrupted | undefined): string {
  const cause = race?.cause
  if (cause instanceof AwsCallError) return `${cause.operation} ${cause.code}`
  return cause === undefined ? 'a lost race' : errorMessage(cause)
}

function warnRace(
  log: Log,
  name: string,
  race: Interrupted,
  next: number,
  maxAttempts: number
): void {
  log.warning(
    `${name} was changed by another writer since it was read (${raceReason(race)}). Reading it again and re-planning (attempt ${next} of ${maxAttempts}).`
  )
}

function raceLost(name: string, maxAttempts: number, race: Interrupted | undefined): Error {
  return new Error(
    `${name} kept changing while this run was deploying it: ${maxAttempts} attempts each lost a race with another writer (last: ${raceReason(race)}). Make deploys of one function run one at a time (a workflow concurrency group) and re-run.`
  )
}

/** After the last lost race: another writer may have done exactly what we wanted. */
async function convergedMeanwhile(
  api: FunctionsApi,
  desired: DesiredFunction,
  options: DeployOptions
): Promise<FunctionState | undefined> {
  // With a test gate, this run must test what it publishes itself.
  if (options.testCases.length > 0) return undefined
  const current = await api.read(desired.name, { tags: desired.tags !== undefined })
  if (!current || planDeploy(desired, current).changes.length > 0) return undefined
  const state = stateOf(current)
  if (desired.publish && current.status === 'PUBLISHING') {
    return waitWhilePublishing(api, state, options)
  }
  return state
}

// ---- DEVELOPMENT ------------------------------------------------------------------------

/** Create, or update and tag, so DEVELOPMENT is as declared. */
async function writeDevelopment(
  api: FunctionsApi,
  desired: DesiredFunction,
  current: CurrentFunction | undefined,
  plan: Plan,
  log: Log
): Promise<VersionOutcome> {
  const { changes } = plan
  if (changes.some(change => change.action === 'create')) {
    return createFunction(api, desired, log)
  }
  if (!current) throw new Error(`${desired.name} was not found and the plan did not create it.`)
  const state = stateOf(current)
  const update = changes.find(change => change.action === 'update')
  const tagging = changes.some(change => change.action === 'tag' || change.action === 'untag')
  if (!update && !tagging) {
    log.info('Nothing to write.')
    return { done: {}, state, notes: [] }
  }
  // Tags live on the ARN, apart from the function's content: write them alongside the update.
  const settled = await Promise.allSettled([
    update ? updateFunction(api, desired, state, update, log) : undefined,
    tagging ? writeTags(api, state.arn, plan, log) : undefined
  ])
  // Both writes have settled: the outcome reports each one that was done.
  let done: Partial<Progress> = {}
  let after = state
  const notes: string[] = []
  const failures: Interrupted[] = []
  for (const outcome of settled) {
    const step =
      outcome.status === 'fulfilled'
        ? outcome.value
        : outcome.reason instanceof Interrupted
          ? outcome.reason
          : new Interrupted(outcome.reason, false)
    if (!step) continue
    done = mergeProgress(done, step.done)
    after = step.state ?? after
    notes.push(...step.notes)
    if (step instanceof Interrupted) failures.push(step)
  }
  if (failures.length > 0) {
    // A hard failure stops the run; only when every failure is a lost race, plan again.
    const failure = failures.find(step => !step.race) ?? failures[0]
    throw new Interrupted(failure.cause, failure.race, done, after, notes, failure.unanswered)
  }
  return { done, state: after, notes }
}

async function createFunction(
  api: FunctionsApi,
  desired: DesiredFunction,
  log: Log
): Promise<VersionOutcome> {
  let created
  try {
    created = await api.create(desired)
  } catch (error) {
    if (isAlreadyExists(error) || outcomeUnknown(error)) {
      const found = await readQuietly(api, desired)
      // The create sent the tags too: another writer's function with other tags is not ours.
      if (
        found &&
        holdsDeclared(found.development, desired) &&
        tagChanges(desired.tags, found.tags).length === 0 &&
        (wasRetried(error) || outcomeUnknown(error))
      ) {
        const sent =
          desired.tags === undefined ? 'code and configuration' : 'code, configuration and tags'
        const note = lostAnswer(
          error,
          `a fresh read shows ${desired.name} holds exactly this run's ${sent}, so it was created by this run`
        )
        log.info(note)
        return { done: { created: true }, state: stateOf(found), notes: [note] }
      }
    }
    throw writeFailed(error)
  }
  const state = await confirmedState(api, created, desired).catch(error => {
    throw afterWrite(error, { created: true })
  })
  log.info(`Created ${desired.name} (DEVELOPMENT ETag ${state.etag}).`)
  return { done: { created: true }, state: { ...state, liveEtag: '' }, notes: [] }
}

async function updateFunction(
  api: FunctionsApi,
  desired: DesiredFunction,
  state: FunctionState,
  change: Change,
  log: Log
): Promise<VersionOutcome> {
  let updated
  try {
    updated = await api.update(state.id, state.etag, desired)
  } catch (error) {
    if ((isPreconditionFailed(error) && wasRetried(error)) || outcomeUnknown(error)) {
      const found = await readStageQuietly(api, state.id, 'DEVELOPMENT')
      if (found && holdsDeclared(found, desired)) {
        const note = lostAnswer(
          error,
          `a fresh read shows DEVELOPMENT holds exactly this run's code and configuration (ETag ${found.etag}), so the update is this run's`
        )
        log.info(note)
        return {
          done: { updated: true },
          state: { ...state, status: found.status || state.status, etag: found.etag },
          notes: [note]
        }
      }
    }
    throw writeFailed(error)
  }
  const confirmed = await confirmedState(api, updated, desired).catch(error => {
    throw afterWrite(error, { updated: true })
  })
  const fields =
    change.action === 'update' ? [...(change.code ? ['code'] : []), ...change.config] : []
  log.info(`Updated ${fields.join(', ')} (DEVELOPMENT ETag ${state.etag} → ${confirmed.etag}).`)
  return {
    done: { updated: true },
    state: { ...state, status: confirmed.status || state.status, etag: confirmed.etag },
    notes: []
  }
}

/**
 * A failure after a write went through: the write is still this run's, whatever happened to
 * the version afterwards (another writer may have saved one over it).
 */
function afterWrite(error: unknown, done: Partial<Progress>): Interrupted {
  return error instanceof Interrupted
    ? new Interrupted(error.cause, error.race, mergeProgress(error.done, done))
    : new Interrupted(error, false, done)
}

/**
 * The state after a write. When the answer carries no ETag (UpdateFunction's `ETtag` quirk),
 * DEVELOPMENT is read again, and its ETag is used only if it holds exactly what this run
 * wrote: a version another writer made meanwhile is never adopted.
 */
async function confirmedState(
  api: FunctionsApi,
  summary: { id: string; arn: string; status: string; etag: string },
  desired: DesiredFunction
): Promise<FunctionState> {
  if (summary.etag) return { ...summary, liveEtag: '' }
  const found = await api.readStage(summary.id, 'DEVELOPMENT')
  if (!found?.etag) {
    throw new Interrupted(
      new Error(`CloudFront returned no ETag for ${summary.id}, even when read again.`),
      false
    )
  }
  if (!holdsDeclared(found, desired)) {
    throw new Interrupted(
      new Error(
        'the write was answered without an ETag, and DEVELOPMENT now holds another version'
      ),
      true
    )
  }
  return {
    ...summary,
    arn: summary.arn || found.arn,
    status: found.status,
    etag: found.etag,
    liveEtag: ''
  }
}

/**
 * Untag before tag, one after the other: CloudFront counts a resource's tags after each
 * request, so removing first keeps every request within the 50-tag limit.
 */
async function writeTags(
  api: FunctionsApi,
  arn: string,
  plan: Plan,
  log: Log
): Promise<StepOutcome> {
  let tagged = false
  try {
    for (const change of plan.changes) {
      if (change.action === 'untag') await api.untag(arn, change.keys)
      else if (change.action === 'tag') await api.tag(arn, change.tags)
      else continue
      tagged = true
      log.info(describeChange(change))
    }
  } catch (error) {
    const now = await api.listTags(arn).then(describeTags, () => 'unknown (they could not be read)')
    throw new Interrupted(
      new Error(`${errorMessage(error)} The function's tags are now: ${now}.`),
      false,
      { tagged }
    )
  }
  return { done: { tagged }, notes: [] }
}

function describeTags(tags: Tags): string {
  const entries = Object.entries(tags)
  return entries.length === 0 ? 'none' : entries.map(([key, value]) => `${key}=${value}`).join(', ')
}

/** The test gate: every case must pass before anything is published. */
async function testDevelopment(
  api: FunctionsApi,
  target: FunctionState,
  options: DeployOptions
): Promise<TestCaseResult[]> {
  const { log, testCases } = options
  if (testCases.length === 0) return []
  return inGroup(log, `Test DEVELOPMENT (${plural(testCases.length, 'case')})`, async () => {
    let tests: TestCaseResult[]
    try {
      tests = await runTestGate(
        cloudFrontRunner(api, target),
        testCases,
        options.maxComputeUtilization,
        options.limiter
      )
    } catch (error) {
      // A 412 here means another writer replaced the version under test: plan again.
      throw new Interrupted(error, isLostRace(error))
    }
    for (const test of tests) {
      const failures = test.failures.map(failure => `\n  ${failure}`).join('')
      log.info(
        `${test.passed ? 'PASS' : 'FAIL'} ${test.name} (compute ${test.computeUtilization}%)${failures}`
      )
    }
    return tests
  })
}

// ---- LIVE -------------------------------------------------------------------------------

/**
 * Publishes DEVELOPMENT. CloudFront answers 412 both when DEVELOPMENT changed and when the
 * version is already LIVE; a read of LIVE decides. It counts as published by this run only
 * when the SDK had sent the request more than once (the first attempt's answer was lost).
 */
async function publishVersion(
  api: FunctionsApi,
  target: FunctionState,
  desired: DesiredFunction,
  log: Log
): Promise<VersionOutcome> {
  try {
    const published = await api.publish(target.id, target.etag)
    return {
      done: { published: true },
      state: { ...target, status: published.status || target.status, liveEtag: target.etag },
      notes: []
    }
  } catch (error) {
    if (isPreconditionFailed(error) || outcomeUnknown(error)) {
      const live = await readStageQuietly(api, target.id, 'LIVE')
      if (live && live.etag === target.etag && holdsDeclared(live, desired)) {
        const state = { ...target, status: live.status || target.status, liveEtag: live.etag }
        const ours = wasRetried(error) || outcomeUnknown(error)
        const note = ours
          ? lostAnswer(
              error,
              `a fresh read shows LIVE holds this run's version (ETag ${live.etag}), so it was published by this run`
            )
          : `CloudFront reports DEVELOPMENT ETag ${target.etag} as already LIVE; nothing to publish.`
        log.info(note)
        return { done: { published: ours }, state, notes: [note] }
      }
    }
    throw writeFailed(error)
  }
}

/**
 * Connection functions pass through PUBLISHING; wait, bounded, until they leave it. The
 * state reported afterwards comes from one read of both stages.
 */
async function waitWhilePublishing(
  api: FunctionsApi,
  target: FunctionState,
  options: DeployOptions
): Promise<FunctionState> {
  const sleep = options.sleep ?? sleepFor
  const timeoutMs = options.publishTimeoutMs ?? PUBLISH_TIMEOUT_MS
  let waited = 0
  let delay = 250
  options.log.info(
    `Status is PUBLISHING; waiting up to ${Math.round(timeoutMs / 1000)} s for it to finish.`
  )
  while (waited < timeoutMs) {
    await sleep(delay)
    waited += delay
    delay = Math.min(delay * 2, 5_000)
    const [development, live] = await Promise.all([
      api.describe(target.id, 'DEVELOPMENT'),
      api.describe(target.id, 'LIVE')
    ])
    if (live && live.status !== 'PUBLISHING') {
      return {
        ...target,
        status: live.status,
        etag: development?.etag || target.etag,
        liveEtag: live.etag || target.liveEtag
      }
    }
  }
  throw new Interrupted(
    new Error(
      `${target.id} is published but its status is still PUBLISHING after ${Math.round(timeoutMs / 1000)} s. CloudFront may still finish: check it with 'aws cloudfront describe-connection-function --identifier ${target.id} --stage LIVE' and re-run this step to confirm.`
    ),
    false
  )
}

async function readQuietly(
  api: FunctionsApi,
  desired: DesiredFunction
): Promise<CurrentFunction | undefined> {
  try {
    return await api.read(desired.name, { tags: desired.tags !== undefined })
  } catch {
    return undefined
  }
}

async function readStageQuietly(
  api: FunctionsApi,
  id: string,
  stage: 'DEVELOPMENT' | 'LIVE'
): Promise<StageSnapshot | undefined> {
  try {
    return await api.readStage(id, stage)
  } catch {
    return undefined
  }
}

// ---- delete -----------------------------------------------------------------------------

export async function remove(
  api: FunctionsApi,
  name: string,
  options: Pick<DeployOptions, 'dryRun' | 'log' | 'maxAttempts'>
): Promise<RunResult> {
  const { log } = options
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS
  let result: RunResult | undefined
  for (let attempt = 1; ; attempt++) {
    const current = await inGroup(log, `Read ${api.kind} ${name}`, async () => {
      const found = await api.read(name, { tags: false })
      log.info(describeCurrent(found))
      return found
    })
    const plan = planDelete(api.kind, name, current)
    logPlan(log, plan)
    result = {
      ...NOTHING_DONE,
      firstPlan: result?.firstPlan ?? plan,
      plan,
      desired: undefined,
      before: result ? result.before : current,
      after: current && stateOf(current),
      tests: [],
      notes: []
    }
    if (!current || options.dryRun) return result
    try {
      await inGroup(log, `Delete ${name}`, () => api.delete(current.id, current.development.etag))
      log.info(`Deleted ${api.kind} ${name}.`)
      return { ...result, deleted: true, after: undefined }
    } catch (error) {
      if (isNotFound(error)) {
        const ours = wasRetried(error)
        const note = ours
          ? lostAnswer(error, `${name} is gone, so it was deleted by this run`)
          : `${name} was deleted by someone else meanwhile; nothing left to do.`
        log.info(note)
        return { ...result, deleted: ours, after: undefined, notes: [note] }
      }
      if (isPreconditionFailed(error) && attempt < maxAttempts) {
        log.warning(`${name} changed since it was read (PreconditionFailed); reading it again.`)
        continue
      }
      if (outcomeUnknown(error)) {
        // No answer: a fresh read tells whether the delete went through.
        const gone = await api.read(name, { tags: false }).then(
          found => found === undefined,
          () => false
        )
        if (gone) {
          const note = lostAnswer(error, `${name} is gone, so it was deleted by this run`)
          log.info(note)
          return { ...result, deleted: true, after: undefined, notes: [note] }
        }
        throw new RunError(error, { ...result, unanswered: [(error as AwsCallError).operation] })
      }
      throw new RunError(error, result)
    }
  }
}

function describeCurrent(current: CurrentFunction | undefined): string {
  if (!current) return 'Not found: it does not exist yet.'
  const live = current.live ? `LIVE ETag ${current.live.etag}` : 'never published'
  return `Found ${current.arn}: status ${current.status}, DEVELOPMENT ETag ${current.development.etag}, ${live}, ${current.development.code.length} bytes of code, runtime ${current.development.config.runtime}.`
}

function logPlan(log: Log, plan: Plan, differences: string[] = []): void {
  if (plan.changes.length === 0) {
    log.info('Plan: no changes; CloudFront already matches the inputs.')
    return
  }
  log.info(`Plan: ${plan.changes.map(describeChange).join('; ')}.`)
  // One line per change, from what to what.
  for (const line of differences) log.info(`  ${line}`)
}
