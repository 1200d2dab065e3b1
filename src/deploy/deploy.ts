// Executes a plan: read, plan, write, test, publish. A 412 (someone else wrote
// the function between our read and our write) re-reads and re-plans, bounded.
import type { FunctionsApi } from '../cloudfront/api.js'
import { isAlreadyExists, isNotFound, isPreconditionFailed, AwsCallError } from '../cloudfront/errors.js'
import { errorMessage } from '../errors.js'
import { inGroup, type Log } from '../report/log.js'
import { describeChange, planDelete, planDeploy } from './plan.js'
import { runTestGate, TestGateError, type TestCaseResult } from '../testing/gate.js'
import type { TestCase } from '../testing/cases.js'
import type { CurrentFunction, DesiredFunction, FunctionSummary, Plan } from '../types.js'

export const MAX_ATTEMPTS = 3
export const PUBLISH_TIMEOUT_MS = 5 * 60_000

export interface DeployOptions {
  dryRun: boolean
  testCases: readonly TestCase[]
  maxComputeUtilization: number
  log: Log
  maxAttempts?: number
  publishTimeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  /** Completes the desired state (store names to ARNs), in parallel with the first read. */
  prepare?: (desired: DesiredFunction) => Promise<DesiredFunction>
}

/** The function as it stands after the run. */
export interface FunctionState {
  id: string
  arn: string
  status: string
  etag: string
  liveEtag: string
}

export interface RunResult {
  /** The plan this run computed last: the one a dry run reports and a deploy executed. */
  plan: Plan
  /** The function as first read, before any write; `undefined` when it did not exist. */
  before: CurrentFunction | undefined
  after: FunctionState | undefined
  created: boolean
  updated: boolean
  tagged: boolean
  published: boolean
  deleted: boolean
  tests: TestCaseResult[]
}

export function changed(result: RunResult): boolean {
  return result.created || result.updated || result.tagged || result.published || result.deleted
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

const sleepFor = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

function emptyResult(plan: Plan): RunResult {
  return {
    plan,
    before: undefined,
    after: undefined,
    created: false,
    updated: false,
    tagged: false,
    published: false,
    deleted: false,
    tests: []
  }
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

/** Whether a failed write should be retried from a fresh read. */
function lostRace(error: unknown): boolean {
  return isPreconditionFailed(error) || isAlreadyExists(error) || isNotFound(error)
}

export async function deploy(
  api: FunctionsApi,
  declared: DesiredFunction,
  options: DeployOptions
): Promise<RunResult> {
  const { log } = options
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS
  const result = emptyResult({ kind: declared.kind, name: declared.name, changes: [] })
  let desired = declared
  for (let attempt = 1; ; attempt++) {
    const current = await inGroup(log, `Read ${desired.kind} ${desired.name}`, async () => {
      const [found, prepared] = await Promise.all([
        api.read(desired.name, { tags: desired.tags !== undefined }),
        attempt === 1 && options.prepare ? options.prepare(desired) : desired
      ])
      desired = prepared
      log.info(describeCurrent(found))
      return found
    })
    if (attempt === 1) result.before = current
    result.plan = planDeploy(desired, current)
    result.after = current && stateOf(current)
    logPlan(log, result.plan)
    if (options.dryRun) return result
    try {
      await applyPlan(api, desired, current, result, options)
      return result
    } catch (error) {
      if (!lostRace(error)) throw new RunError(error, result)
      const race = error as AwsCallError
      if (attempt < maxAttempts) {
        log.warning(
          `${race.operation}: ${desired.name} was changed by another writer since it was read (${race.code}). Reading it again and re-planning (attempt ${attempt + 1} of ${maxAttempts}).`
        )
        continue
      }
      if (await convergedMeanwhile(api, desired, result, options)) {
        log.info(
          `${desired.name} already matches the inputs: another run deployed the same version meanwhile.`
        )
        return result
      }
      throw new RunError(
        new Error(
          `${desired.name} kept changing while this run was deploying it: ${maxAttempts} attempts each lost a race with another writer (last: ${race.operation} ${race.code}). Make deploys of one function run one at a time (a workflow concurrency group) and re-run.`
        ),
        result
      )
    }
  }
}

/** After the last lost race: another writer may have done exactly what we wanted. */
async function convergedMeanwhile(
  api: FunctionsApi,
  desired: DesiredFunction,
  result: RunResult,
  options: DeployOptions
): Promise<boolean> {
  // With a test gate, this run must test what it publishes itself.
  if (options.testCases.length > 0) return false
  const current = await api.read(desired.name, { tags: desired.tags !== undefined })
  if (!current || planDeploy(desired, current).changes.length > 0) return false
  result.after = stateOf(current)
  if (desired.publish && current.status === 'PUBLISHING') {
    Object.assign(result.after, await waitWhilePublishing(api, result.after, options))
  }
  return true
}

async function applyPlan(
  api: FunctionsApi,
  desired: DesiredFunction,
  current: CurrentFunction | undefined,
  result: RunResult,
  options: DeployOptions
): Promise<void> {
  const target = await inGroup(options.log, 'Apply changes', () =>
    writeDevelopment(api, desired, current, result, options.log)
  )
  if (options.testCases.length > 0) await testDevelopment(api, target, result, options)
  if (result.plan.changes.some(change => change.action === 'publish')) {
    await inGroup(options.log, 'Publish DEVELOPMENT to LIVE', async () => {
      const published = await publishUnlessLive(api, target, options.log)
      if (!published) return
      result.published = true
      Object.assign(target, { status: published.status || target.status, liveEtag: target.etag })
      if (target.status === 'PUBLISHING') {
        Object.assign(target, await waitWhilePublishing(api, target, options))
      }
      options.log.info(`Published: LIVE ETag ${target.liveEtag}, status ${target.status}.`)
    })
  } else if (desired.publish && target.status === 'PUBLISHING') {
    // Another run published this version a moment ago: report it once it is live.
    await inGroup(options.log, 'Wait for LIVE', async () => {
      Object.assign(target, await waitWhilePublishing(api, target, options))
      options.log.info(`LIVE ETag ${target.liveEtag}, status ${target.status}.`)
    })
  }
}

/**
 * Publishes DEVELOPMENT. CloudFront answers 412 both when DEVELOPMENT changed and when
 * this content is already LIVE: if DEVELOPMENT is unchanged, it was the latter, and there
 * is nothing to publish (returns undefined).
 */
async function publishUnlessLive(
  api: FunctionsApi,
  target: FunctionState,
  log: Log
): Promise<FunctionSummary | undefined> {
  try {
    return await api.publish(target.id, target.etag)
  } catch (error) {
    if (!isPreconditionFailed(error)) throw error
    const [development, live] = await Promise.all([
      api.describe(target.id, 'DEVELOPMENT'),
      api.describe(target.id, 'LIVE')
    ])
    if (development?.etag !== target.etag || !live) throw error
    log.info(
      `CloudFront reports DEVELOPMENT ETag ${target.etag} as already LIVE; nothing to publish.`
    )
    Object.assign(target, { status: live.status || target.status, liveEtag: live.etag })
    return undefined
  }
}

/** Create, or update and tag, so DEVELOPMENT is as declared. Returns the new state. */
async function writeDevelopment(
  api: FunctionsApi,
  desired: DesiredFunction,
  current: CurrentFunction | undefined,
  result: RunResult,
  log: Log
): Promise<FunctionState> {
  const { changes } = result.plan
  if (changes.length === 0) log.info('Nothing to change.')
  let target = current && stateOf(current)
  if (changes.some(change => change.action === 'create')) {
    const created = await withEtag(api, await api.create(desired))
    target = { ...created, liveEtag: '' }
    result.created = true
    log.info(`Created ${desired.name} (DEVELOPMENT ETag ${created.etag}).`)
  }
  if (!target) throw new Error(`${desired.name} was not found and the plan did not create it.`)
  const state = target
  // Tags live on the ARN, apart from the function's content: write them alongside the update.
  const writes = await Promise.allSettled(
    changes.map(async change => {
      if (change.action === 'update') {
        const updated = await withEtag(api, await api.update(state.id, state.etag, desired))
        Object.assign(state, { status: updated.status || state.status, etag: updated.etag })
        result.updated = true
        const fields = [...(change.code ? ['code'] : []), ...change.config].join(', ')
        log.info(`Updated ${fields} (DEVELOPMENT ETag ${updated.etag}).`)
      } else if (change.action === 'tag') {
        await api.tag(state.arn, change.tags)
        result.tagged = true
        log.info(describeChange(change))
      } else if (change.action === 'untag') {
        await api.untag(state.arn, change.keys)
        result.tagged = true
        log.info(describeChange(change))
      }
    })
  )
  // Every write has settled before a failure is raised, so the result says what was done.
  result.after = state
  const failed = writes.find(write => write.status === 'rejected')
  if (failed) throw failed.reason
  return state
}

/** The test gate: every case must pass before anything is published. */
async function testDevelopment(
  api: FunctionsApi,
  target: FunctionState,
  result: RunResult,
  options: DeployOptions
): Promise<void> {
  const { log, testCases } = options
  result.tests = await inGroup(log, `Test DEVELOPMENT (${testCases.length} cases)`, async () => {
    const tests = await runTestGate(api, target, testCases, options.maxComputeUtilization)
    for (const test of tests) {
      const failures = test.failures.map(failure => `\n  ${failure}`).join('')
      log.info(
        `${test.passed ? 'PASS' : 'FAIL'} ${test.name} (compute ${test.computeUtilization})${failures}`
      )
    }
    return tests
  })
  if (result.tests.some(test => !test.passed)) throw new TestGateError(result.tests)
}

/** A write result without an ETag (UpdateFunction's `ETtag` quirk): describe again. */
async function withEtag(api: FunctionsApi, summary: FunctionSummary): Promise<FunctionSummary> {
  if (summary.etag) return summary
  const described = await api.describe(summary.id, 'DEVELOPMENT')
  if (!described?.etag) {
    throw new Error(`CloudFront returned no ETag for ${summary.id}, even when described again.`)
  }
  return { ...summary, ...described, arn: summary.arn || described.arn }
}

/** Connection functions pass through PUBLISHING; wait, bounded, until they leave it. */
async function waitWhilePublishing(
  api: FunctionsApi,
  target: FunctionState,
  options: DeployOptions
): Promise<Partial<FunctionState>> {
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
    const live = await api.describe(target.id, 'LIVE')
    if (live && live.status !== 'PUBLISHING') {
      return { status: live.status, liveEtag: live.etag || target.liveEtag }
    }
  }
  throw new Error(
    `${target.id} is published but its status is still PUBLISHING after ${Math.round(timeoutMs / 1000)} s. CloudFront may still finish: check it with 'aws cloudfront describe-connection-function --identifier ${target.id} --stage LIVE' and re-run this step to confirm.`
  )
}

export async function remove(
  api: FunctionsApi,
  name: string,
  options: Pick<DeployOptions, 'dryRun' | 'log' | 'maxAttempts'>
): Promise<RunResult> {
  const { log } = options
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS
  const result = emptyResult({ kind: api.kind, name, changes: [] })
  for (let attempt = 1; ; attempt++) {
    const current = await inGroup(log, `Read ${api.kind} ${name}`, async () => {
      const found = await api.read(name, { tags: false })
      log.info(describeCurrent(found))
      return found
    })
    if (attempt === 1) result.before = current
    result.plan = planDelete(api.kind, name, current)
    result.after = current && stateOf(current)
    logPlan(log, result.plan)
    if (!current || options.dryRun) return result
    try {
      await inGroup(log, `Delete ${name}`, () => api.delete(current.id, current.development.etag))
      result.deleted = true
      result.after = undefined
      log.info(`Deleted ${api.kind} ${name}.`)
      return result
    } catch (error) {
      if (isNotFound(error)) {
        log.info(`${name} was deleted by someone else meanwhile; nothing left to do.`)
        result.after = undefined
        return result
      }
      if (isPreconditionFailed(error) && attempt < maxAttempts) {
        log.warning(`${name} changed since it was read (PreconditionFailed); reading it again.`)
        continue
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

function logPlan(log: Log, plan: Plan): void {
  if (plan.changes.length === 0) {
    log.info('Plan: no changes; CloudFront already matches the inputs.')
    return
  }
  log.info(`Plan: ${plan.changes.map(describeChange).join('; ')}.`)
}

/** Says plainly what a failed run had already changed, so nobody is surprised. */
export function describeProgress(result: RunResult): string {
  const done: string[] = []
  if (result.created) done.push('created the function')
  if (result.updated) done.push('updated its DEVELOPMENT stage')
  if (result.tagged) done.push('changed its tags')
  if (result.published) done.push('published it to LIVE')
  if (result.deleted) done.push('deleted it')
  if (done.length === 0) return 'Nothing was changed in CloudFront by this run.'
  const etag = result.after?.etag ? ` (DEVELOPMENT ETag ${result.after.etag})` : ''
  const live = result.published
    ? ''
    : ' LIVE was not changed: it still serves what it served before this run.'
  return `Before failing, this run ${done.join(', ')}${etag}.${live}`
}
