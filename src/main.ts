// The action's entry: read and check inputs, deploy (or delete), then report. The only module
// that talks to @actions/core; everything it prints that did not come from the action itself
// goes through report/escape.ts.
import * as core from '@actions/core'
import {
  createClient,
  createFunctionsApi,
  resolveKeyValueStore,
  type CloudFrontClient
} from './cloudfront/api.js'
import { isNotFound } from './cloudfront/errors.js'
import { prepareCode } from './code/prepare.js'
import { deploy, remove } from './deploy/deploy.js'
import { RunError, type RunResult } from './deploy/result.js'
import { errorMessage, InputError, type Annotation } from './errors.js'
import { parseInputs, type FunctionInputs, type Inputs, type RunInputs } from './inputs/parse.js'
import { logText } from './report/escape.js'
import { inGroup, type Log } from './report/log.js'
import { renderDiff } from './report/diff.js'
import { writeOutputs } from './report/outputs.js'
import { renderSummary } from './report/summary.js'
import { plural } from './report/words.js'
import { loadTestCases, type TestCase } from './testing/cases.js'
import type { DesiredFunction, FunctionKind } from './types.js'

/** The log the domain modules write to: no line of it can become a workflow command. */
const log: Log = {
  info: message => core.info(logText(message)),
  // Command data is escaped by core: a message cannot end the command or start another.
  warning: message => core.warning(message),
  startGroup: title => core.startGroup(title),
  endGroup: () => core.endGroup()
}

/** What a run did, for the report: as much as it got to know before it ended. */
interface Execution {
  inputs: Inputs | undefined
  /** The function the run was about, as far as the inputs were read. */
  subject: { kind: FunctionKind; name: string } | undefined
  result: RunResult | undefined
  failure: string | undefined
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
  let inputs: Inputs | undefined
  let client: CloudFrontClient | undefined
  try {
    inputs = parseInputs(name => core.getInput(name))
    if (inputs.run.githubToken) core.setSecret(inputs.run.githubToken)
    const fn = inputs.functions[0]
    const subject = { kind: fn.kind, name: fn.name }
    const run = inputs.run
    const checked = await inGroup(log, 'Check inputs and code', async () =>
      checkBeforeAnyRequest(fn, run)
    )
    const cloudfront = (client = createClient())
    const api = createFunctionsApi(fn.kind, cloudfront)
    const result = run.delete
      ? await remove(api, fn.name, { dryRun: run.dryRun, log })
      : await deploy(api, checked.desired, {
          dryRun: run.dryRun,
          testCases: run.dryRun ? [] : checked.testCases,
          maxComputeUtilization: fn.maxComputeUtilization,
          log,
          resolve: desired => resolveStores(cloudfront, desired)
        })
    if (run.dryRun && checked.testCases.length > 0) {
      log.info(
        `Dry run: ${plural(checked.testCases.length, 'test case')} loaded but not run (DEVELOPMENT is not updated in a dry run).`
      )
    }
    return { inputs, subject, result, failure: undefined }
  } catch (error) {
    if (error instanceof InputError) annotate(error.annotations)
    const fn = inputs?.functions[0]
    const subject = fn ? { kind: fn.kind, name: fn.name } : (error as InputError).subject
    const result = error instanceof RunError ? error.result : undefined
    const failure = errorMessage(error)
    core.setFailed(failure)
    return { inputs, subject, result, failure }
  } finally {
    // Close kept-alive connections now rather than at process exit.
    client?.destroy()
  }
}

interface Checked {
  desired: DesiredFunction
  testCases: TestCase[]
}

/** Everything checked before the first request: code, store use, test cases. */
function checkBeforeAnyRequest(fn: FunctionInputs, run: RunInputs): Checked {
  if (run.delete) return { desired: declaredOf(fn, Buffer.alloc(0)), testCases: [] }
  const prepared = prepareCode(fn, run.roots)
  const percent = Math.round((prepared.code.length / 10_240) * 100)
  log.info(
    `Code ${prepared.file}: ${prepared.code.length} of 10240 bytes (${percent}% of CloudFront's limit).`
  )
  annotate(prepared.annotations)
  const testCases = loadTestCases(fn.testEvents, run.roots)
  if (testCases.length > 0) log.info(`Test gate: ${plural(testCases.length, 'test case')} loaded.`)
  return { desired: declaredOf(fn, prepared.code), testCases }
}

function declaredOf(fn: FunctionInputs, code: Buffer): DesiredFunction {
  return {
    kind: fn.kind,
    name: fn.name,
    code,
    config: {
      comment: fn.comment,
      runtime: fn.runtime,
      keyValueStoreArns: [...fn.keyValueStores]
    },
    tags: fn.tags,
    publish: fn.publish
  }
}

/** Store names become ARNs (DescribeKeyValueStore), in parallel with the first read. */
async function resolveStores(
  client: CloudFrontClient,
  desired: DesiredFunction
): Promise<DesiredFunction> {
  const stores = desired.config.keyValueStoreArns
  if (stores.every(store => store.startsWith('arn:'))) return desired
  const arns = await Promise.all(
    stores.map(async store => {
      try {
        return await resolveKeyValueStore(client, store)
      } catch (error) {
        if (isNotFound(error)) {
          throw new InputError(
            'key-value-stores',
            `no key value store named '${store}' exists in this account (DescribeKeyValueStore found none). Create it first, or give its ARN.`
          )
        }
        throw error
      }
    })
  )
  return { ...desired, config: { ...desired.config, keyValueStoreArns: arns } }
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
  const { inputs, subject, result, failure } = execution
  const kind = subject?.kind ?? 'function'
  const name = subject?.name ?? '(no name)'
  const dryRun = inputs?.run.dryRun ?? false
  // Also for a failed run: the diff shows what it planned, and partly applied.
  const diff = result?.desired ? renderDiff(result.desired, result.before) : ''
  const summaryMarkdown = renderSummary({ kind, name, dryRun, result, diff, error: failure })
  if (result) writeOutputs(core.setOutput, { kind, name, result, diff, summaryMarkdown })
  else core.setOutput('summary-markdown', summaryMarkdown)
  if (dryRun && diff) log.info(`Diff:\n${diff}`)
  try {
    await core.summary.addRaw(summaryMarkdown, true).write()
  } catch (error) {
    core.warning(`The job summary could not be written: ${errorMessage(error)}`)
  }
  if (inputs?.run.commentOnPr) await comment(inputs.run.githubToken, kind, name, summaryMarkdown)
}

async function comment(
  token: string,
  kind: FunctionKind,
  name: string,
  body: string
): Promise<void> {
  try {
    // Loaded only when asked for: the GitHub client is large and most runs never need it.
    const { upsertPullRequestComment } = await import('./report/pr-comment.js')
    const outcome = await upsertPullRequestComment({ token, body, marker: `${kind}/${name}` })
    if (outcome.action === 'skipped') core.warning(`No pull-request comment: ${outcome.reason}`)
    else log.info(`Pull-request comment ${outcome.action}: ${outcome.url ?? ''}`)
  } catch (error) {
    core.warning(`The pull-request comment could not be written: ${errorMessage(error)}`)
  }
}
