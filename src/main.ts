// The action's entry: read and check everything, deploy (or delete, or test offline), then
// report. The only module that talks to @actions/core; everything it prints that did not
// come from the action itself goes through report/escape.ts.
import * as core from '@actions/core'
import { createClient, createFunctionsApi, type FunctionsApi } from './cloudfront/api.js'
import type { CloudFrontClient } from './cloudfront/client.js'
import { deleteAll, deployAll, type FunctionOutcome } from './deploy/orchestrate.js'
import { prepareAll, type Prepared } from './deploy/prepare.js'
import { StoreDirectory } from './deploy/stores.js'
import { errorMessage, InputError, type Annotation } from './errors.js'
import { parseInputs, type Inputs } from './inputs/parse.js'
import { logText } from './report/escape.js'
import { inGroup, withoutEmptyGroups, type Log } from './report/log.js'
import { writeOutputs } from './report/outputs.js'
import {
  commentMarker,
  describeFailures,
  diffOutput,
  functionReports,
  modeOf,
  runUrl,
  storesShown
} from './report/run.js'
import { renderSummary } from './report/summary.js'
import { loadStoreData, testAllOffline } from './testing/offline.js'
import type { FunctionKind } from './types.js'

/**
 * The log the domain modules write to: no line of it can become a workflow command, and a
 * group opens only once something is written in it.
 */
const log: Log = withoutEmptyGroups({
  info: message => core.info(logText(message)),
  // Command data is escaped by core: a message cannot end the command or start another.
  warning: message => core.warning(message),
  startGroup: title => core.startGroup(title),
  endGroup: () => core.endGroup()
})

/** Diffs printed to the log longer than this are cut (the `diff` output keeps all of it). */
const MAX_LOGGED_DIFF = 20_000

/** What a run did, for the report: as much as it got to know before it ended. */
interface Execution {
  inputs: Inputs | undefined
  /** The function a failure before the inputs were all read was about, when known. */
  subject: { kind: FunctionKind; name: string } | undefined
  prepared: Prepared[]
  outcomes: FunctionOutcome[]
  failure: string | undefined
  stores: StoreDirectory | undefined
}

export async function run(): Promise<void> {
  // Node prints process warnings to stderr as they are, and the runner reads commands there
  // too: a library's warning can carry outside text (a manifest's YAML tag, say). They go
  // through the log instead.
  process.removeAllListeners('warning')
  process.on('warning', warning => log.info(`Node warning: ${warning.name}: ${warning.message}`))
  const execution = await execute()
  try {
    await report(execution)
  } catch (error) {
    core.setFailed(`Reporting the result failed: ${errorMessage(error)}`)
  }
}

async function execute(): Promise<Execution> {
  // Each is kept as soon as it is known: a failure later still reports with it.
  let inputs: Inputs | undefined
  let prepared: Prepared[] = []
  let client: CloudFrontClient | undefined
  try {
    inputs = await parseInputs(name => core.getInput(name))
    if (inputs.run.githubToken) core.setSecret(inputs.run.githubToken)
    const { run, functions } = inputs
    const offlineStores = run.offline ? loadStoreData(run.offlineStoreData, run.roots) : undefined
    prepared = await inGroup(log, 'Check inputs and code', async () => {
      const all = await prepareAll(functions, run, offlineStores)
      for (const item of all) {
        for (const note of item.notes)
          log.info(functions.length > 1 ? `${item.fn.name}: ${note}` : note)
        annotate(item.annotations)
      }
      return all
    })
    let outcomes: FunctionOutcome[]
    let stores: StoreDirectory | undefined
    if (run.offline) {
      outcomes = await testAllOffline(prepared, {
        maxParallel: run.maxParallel,
        stores: offlineStores,
        log
      })
    } else {
      const cloudfront = (client = createClient())
      const apis = new Map<FunctionKind, FunctionsApi>()
      const apiFor = (kind: FunctionKind): FunctionsApi => {
        if (!apis.has(kind)) apis.set(kind, createFunctionsApi(kind, cloudfront))
        return apis.get(kind) as FunctionsApi
      }
      const directory = (stores = new StoreDirectory(cloudfront))
      const common = { dryRun: run.dryRun, maxParallel: run.maxParallel, apiFor, log }
      outcomes = run.delete
        ? await deleteAll(functions, common)
        : await deployAll(prepared, { ...common, resolve: desired => directory.resolve(desired) })
      const shown = storesShown(outcomes)
      if (shown.length > 0) await directory.learn(shown)
    }
    const failure = describeFailures(outcomes, modeOf(inputs))
    if (failure) core.setFailed(failure)
    return { inputs, subject: undefined, prepared, outcomes, failure, stores }
  } catch (error) {
    if (error instanceof InputError) annotate(error.annotations)
    const failure = errorMessage(error)
    core.setFailed(failure)
    const subject = error instanceof InputError ? error.subject : undefined
    return { inputs, subject, prepared, outcomes: [], failure, stores: undefined }
  } finally {
    // Close kept-alive connections now rather than at process exit.
    client?.destroy()
  }
}

function annotate(annotations: readonly Annotation[]): void {
  for (const annotation of annotations) {
    const properties: core.AnnotationProperties = {
      title: annotation.title,
      file: annotation.file,
      startLine: annotation.line,
      startColumn: annotation.column
    }
    if (annotation.level === 'error') core.error(annotation.message, properties)
    else if (annotation.level === 'warning') core.warning(annotation.message, properties)
    else core.notice(annotation.message, properties)
  }
}

async function report(execution: Execution): Promise<void> {
  const { inputs, outcomes, prepared } = execution
  const storeNames = execution.stores?.names() ?? new Map<string, string>()
  const reports = functionReports(inputs, prepared, outcomes, storeNames)
  if (reports.length === 0 && execution.subject) {
    reports.push({ ...execution.subject, outcome: undefined, diff: '', storeNames })
  }
  const summaryMarkdown = renderSummary({
    mode: modeOf(inputs),
    dryRun: inputs?.run.dryRun ?? false,
    manifest: inputs?.run.manifest || undefined,
    functions: reports,
    error: execution.failure,
    sha: process.env.GITHUB_SHA,
    runUrl: runUrl(process.env)
  })
  const diff = diffOutput(reports)
  if (outcomes.length > 0) {
    writeOutputs(core.setOutput, {
      outcomes,
      manifest: Boolean(inputs?.run.manifest),
      mode: modeOf(inputs),
      diff,
      summaryMarkdown,
      codeSize: prepared.length === 1 && prepared[0].code ? prepared[0].code.code.length : undefined
    })
  } else {
    core.setOutput('summary-markdown', summaryMarkdown)
  }
  if (diff) {
    await inGroup(log, 'Diff', async () => {
      log.info(
        diff.length > MAX_LOGGED_DIFF
          ? `${diff.slice(0, MAX_LOGGED_DIFF)}\n… (${diff.length - MAX_LOGGED_DIFF} more characters: the diff output has all of it)`
          : diff
      )
    })
  }
  try {
    await core.summary.addRaw(summaryMarkdown, true).write()
  } catch (error) {
    core.warning(`The job summary could not be written: ${errorMessage(error)}`)
  }
  if (inputs?.run.commentOnPr) {
    await comment(inputs.run.githubToken, commentMarker(inputs, reports), summaryMarkdown)
  }
}

async function comment(token: string, marker: string, body: string): Promise<void> {
  try {
    // Loaded only when asked for: the GitHub client is large and most runs never need it.
    const { upsertPullRequestComment } = await import('./report/pr-comment.js')
    const outcome = await upsertPullRequestComment({ token, body, marker })
    if (outcome.action === 'skipped') core.warning(`No pull-request comment: ${outcome.reason}`)
    else log.info(`Pull-request comment ${outcome.action}: ${outcome.url ?? ''}`)
  } catch (error) {
    core.warning(`The pull-request comment could not be written: ${errorMessage(error)}`)
  }
}
