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
import { renderDiff } from './report/diff.js'
import { logText } from './report/escape.js'
import { inGroup, withoutEmptyGroups, type Log } from './report/log.js'
import { writeOutputs } from './report/outputs.js'
import { renderSummary, type FunctionReport, type RunMode } from './report/summary.js'
import { listing, plural } from './report/words.js'
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
  /** The function a failure before any outcome was about, when known. */
  subject: { kind: FunctionKind; name: string } | undefined
  prepared: Prepared[]
  outcomes: FunctionOutcome[]
  failure: string | undefined
  stores: StoreDirectory | undefined
}

export async function run(): Promise<void> {
  const execution = await execute()
  try {
    await report(execution)
  } catch (error) {
    core.setFailed(`Reporting the result failed: ${errorMessage(error)}`)
  }
}

async function execute(): Promise<Execution> {
  const execution: Execution = {
    inputs: undefined,
    subject: undefined,
    prepared: [],
    outcomes: [],
    failure: undefined,
    stores: undefined
  }
  let client: CloudFrontClient | undefined
  try {
    const inputs = parseInputs(name => core.getInput(name))
    if (inputs.run.githubToken) core.setSecret(inputs.run.githubToken)
    const { run } = inputs
    const offlineStores = run.offline ? loadStoreData(run.offlineStoreData, run.roots) : undefined
    const prepared = await inGroup(log, 'Check inputs and code', async () => {
      const all = await prepareAll(inputs.functions, run, offlineStores)
      for (const item of all) {
        for (const note of item.notes)
          log.info(inputs.functions.length > 1 ? `${item.fn.name}: ${note}` : note)
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
      stores = new StoreDirectory(cloudfront)
      const directory = stores
      outcomes = run.delete
        ? await deleteAll(inputs.functions, {
            dryRun: run.dryRun,
            maxParallel: run.maxParallel,
            apiFor,
            log
          })
        : await deployAll(prepared, {
            dryRun: run.dryRun,
            maxParallel: run.maxParallel,
            apiFor,
            resolve: desired => directory.resolve(desired),
            log
          })
      await nameStores(directory, outcomes)
    }
    const failure = describeFailures(outcomes, run.delete)
    if (failure) core.setFailed(failure)
    return { inputs, subject: undefined, prepared, outcomes, failure, stores }
  } catch (error) {
    if (error instanceof InputError) annotate(error.annotations)
    const failure = errorMessage(error)
    core.setFailed(failure)
    return {
      ...execution,
      subject: error instanceof InputError ? error.subject : undefined,
      failure
    }
  } finally {
    // Close kept-alive connections now rather than at process exit.
    client?.destroy()
  }
}

/** The step's failure message: the one failure, or which functions failed, what the others did, and why. */
function describeFailures(outcomes: FunctionOutcome[], deleting: boolean): string | undefined {
  const failed = outcomes.filter(outcome => outcome.failure)
  if (failed.length === 0) return undefined
  if (outcomes.length === 1) return failed[0].failure
  const names = (items: FunctionOutcome[]): string => listing(items.map(item => item.fn.name))
  const published = outcomes.filter(outcome => outcome.result?.published)
  const held = outcomes.filter(outcome => outcome.held)
  const written = outcomes.filter(
    outcome => !outcome.result?.published && (outcome.result?.created || outcome.result?.updated)
  )
  const lines = [
    `${failed.length} of ${plural(outcomes.length, 'function')} failed: ${names(failed)}.`
  ]
  if (deleting) {
    const deleted = outcomes.filter(outcome => outcome.result?.deleted)
    lines.push(deleted.length > 0 ? `Deleted: ${names(deleted)}.` : 'Nothing was deleted.')
  } else {
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

/** Learns the names of the stores the diffs will show, so they show as names, not ARNs. */
async function nameStores(stores: StoreDirectory, outcomes: FunctionOutcome[]): Promise<void> {
  const arns = outcomes.flatMap(outcome => {
    const result = outcome.result
    const reference = outcome.reference?.found ? outcome.reference.current : undefined
    return [
      ...(result?.desired?.config.keyValueStoreArns ?? []),
      ...(result?.before?.development.config.keyValueStoreArns ?? []),
      ...(result?.before?.live?.content?.config.keyValueStoreArns ?? []),
      ...(reference?.live?.content?.config.keyValueStoreArns ?? [])
    ]
  })
  if (arns.length > 0) await stores.learn(arns)
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

function modeOf(inputs: Inputs | undefined): RunMode {
  if (inputs?.run.offline) return 'offline'
  return inputs?.run.delete ? 'delete' : 'deploy'
}

async function report(execution: Execution): Promise<void> {
  const { inputs, outcomes, prepared } = execution
  const storeNames = execution.stores?.names() ?? new Map<string, string>()
  const reports: FunctionReport[] = outcomes.map(outcome => {
    const result = outcome.result
    const code = prepared.find(item => item.fn === outcome.fn)?.code
    const reference = outcome.reference?.found ? outcome.reference.current : undefined
    const changes =
      result?.desired && modeOf(inputs) === 'deploy'
        ? renderDiff(result.desired, {
            before: result.before,
            publishes: result.firstPlan.changes.some(change => change.action === 'publish'),
            reference:
              outcome.reference && reference
                ? {
                    name: outcome.reference.name,
                    live: reference.live?.content,
                    tags: reference.tags
                  }
                : undefined,
            storeNames
          })
        : ''
    // Built code: the diff shows what CloudFront gets, and says what it was built from.
    const diff =
      changes && code?.build
        ? `# ${code.file} is built (${listing(code.build.sources.map(source => source.file))}): the diff shows the built code CloudFront gets.\n${changes}`
        : changes
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
      diff,
      storeNames
    }
  })
  if (reports.length === 0 && execution.subject) {
    reports.push({ ...execution.subject, outcome: undefined, diff: '', storeNames })
  }
  const manifest = inputs?.run.manifest || undefined
  const summaryMarkdown = renderSummary({
    mode: modeOf(inputs),
    dryRun: inputs?.run.dryRun ?? false,
    manifest,
    functions: reports,
    error: execution.failure,
    sha: process.env.GITHUB_SHA,
    runUrl: runUrl(process.env)
  })
  const diff = reports
    .filter(item => item.diff)
    .map(item => (reports.length > 1 ? `# ${item.name}\n${item.diff}` : item.diff))
    .join('\n')
  if (outcomes.length > 0) {
    writeOutputs(core.setOutput, {
      outcomes,
      manifest: manifest !== undefined,
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
    const marker = manifest
      ? `manifest/${manifest}${inputs.run.nameSuffix}`
      : `${reports[0]?.kind ?? 'function'}/${reports[0]?.name ?? ''}`
    await comment(inputs.run.githubToken, marker, summaryMarkdown)
  }
}

/** The address of this workflow run, from the runner's environment. */
function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: id } = env
  if (!server || !repository || !id) return undefined
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${id}`
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
