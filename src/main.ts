// The action's entry: read and check inputs, deploy (or delete), then report.
import * as core from '@actions/core'
import { relative } from 'node:path'
import { deploy, remove, RunError, type RunResult } from './deploy/deploy.js'
import { isNotFound } from './cloudfront/errors.js'
import {
  createClient,
  createFunctionsApi,
  resolveKeyValueStore,
  type CloudFrontClient
} from './cloudfront/api.js'
import { checkCode } from './code/check.js'
import { renderDiff } from './report/diff.js'
import { errorMessage, InputError } from './errors.js'
import { MAX_CODE_BYTES, parseInputs, type Inputs } from './inputs/parse.js'
import { inGroup, type Log } from './report/log.js'
import { writeOutputs } from './report/outputs.js'
import { renderSummary } from './report/summary.js'
import { loadTestCases, type TestCase } from './testing/cases.js'
import type { DesiredFunction } from './types.js'

const log: Log = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  startGroup: title => core.startGroup(title),
  endGroup: () => core.endGroup()
}

export async function run(): Promise<void> {
  let inputs: Inputs | undefined
  let result: RunResult | undefined
  let diff = ''
  let failure: string | undefined
  // The desired state as planned (store names resolved), for the diff.
  let desired: DesiredFunction | undefined
  let client: CloudFrontClient | undefined
  try {
    inputs = parseInputs(name => core.getInput(name))
    if (inputs.githubToken) core.setSecret(inputs.githubToken)
    const checked = inputs
    const testCases = await inGroup(log, 'Check inputs and code', async () =>
      checkBeforeAnyRequest(checked)
    )
    const cloudfront = (client = createClient())
    const api = createFunctionsApi(inputs.kind, cloudfront)
    if (inputs.delete) {
      result = await remove(api, inputs.name, { dryRun: inputs.dryRun, log })
    } else {
      const declared = desiredOf(inputs)
      desired = declared
      result = await deploy(api, declared, {
        dryRun: inputs.dryRun,
        testCases: inputs.dryRun ? [] : testCases,
        maxComputeUtilization: inputs.maxComputeUtilization,
        log,
        prepare: async () => (desired = await resolveStores(cloudfront, declared))
      })
      if (inputs.dryRun && testCases.length > 0) {
        core.info(
          `Dry run: ${testCases.length} test cases were loaded but not run (DEVELOPMENT is not updated in a dry run).`
        )
      }
    }
  } catch (error) {
    if (error instanceof RunError) result = error.result
    failure = errorMessage(error)
    core.setFailed(failure)
  }
  // Close kept-alive connections now rather than at process exit.
  client?.destroy()
  // Also for a failed run: the diff shows what it planned, and partly applied.
  if (desired && result) diff = renderDiff(desired, result.before)
  try {
    await report(inputs ?? fallbackInputs(), result, diff, failure)
  } catch (error) {
    core.setFailed(`Reporting the result failed: ${errorMessage(error)}`)
  }
}

/** Everything checked before the first request: code, test cases. */
function checkBeforeAnyRequest(inputs: Inputs): TestCase[] {
  if (inputs.delete) return []
  const file = relative(inputs.workspace, inputs.codePath) || inputs.codePath
  const percent = Math.round((inputs.code.length / MAX_CODE_BYTES) * 100)
  core.info(
    `Code ${file}: ${inputs.code.length} of ${MAX_CODE_BYTES} bytes (${percent}% of CloudFront's limit).`
  )
  const findings = checkCode(inputs.code.toString('utf8'), {
    runtime: inputs.runtime,
    kind: inputs.kind
  })
  for (const finding of findings) {
    core.error(finding.message, {
      title: `CloudFront ${inputs.runtime}: ${finding.rule}`,
      file,
      startLine: finding.line,
      startColumn: finding.column
    })
  }
  if (findings.length > 0) {
    const first = findings[0]
    throw new InputError(
      'code',
      `${file} has ${findings.length} problem${findings.length === 1 ? '' : 's'} for ${inputs.runtime} (first: line ${first.line}, column ${first.column}: ${first.message}). See the annotations; nothing was sent to CloudFront.`
    )
  }
  const cases = loadTestCases([...inputs.testEvents], inputs.workspace)
  if (cases.length > 0) core.info(`Test gate: ${cases.length} test cases loaded.`)
  return cases
}

function desiredOf(inputs: Inputs): DesiredFunction {
  return {
    kind: inputs.kind,
    name: inputs.name,
    code: inputs.code,
    config: {
      comment: inputs.comment,
      runtime: inputs.runtime,
      keyValueStoreArns: [...inputs.keyValueStores]
    },
    tags: inputs.tags,
    publish: inputs.publish
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

/** What the summary of a run with invalid inputs can still say. */
function fallbackInputs(): Pick<
  Inputs,
  'kind' | 'name' | 'dryRun' | 'commentOnPr' | 'githubToken'
> {
  const type = core.getInput('type')
  return {
    kind: type === 'connection-function' ? 'connection-function' : 'function',
    name: core.getInput('name') || '(no name)',
    dryRun: false,
    commentOnPr: false,
    githubToken: ''
  }
}

async function report(
  inputs: Pick<Inputs, 'kind' | 'name' | 'dryRun' | 'commentOnPr' | 'githubToken'>,
  result: RunResult | undefined,
  diff: string,
  failure: string | undefined
): Promise<void> {
  const summaryMarkdown = renderSummary({
    kind: inputs.kind,
    name: inputs.name,
    dryRun: inputs.dryRun,
    result,
    diff,
    error: failure
  })
  if (result)
    writeOutputs(core.setOutput, {
      kind: inputs.kind,
      name: inputs.name,
      result,
      diff,
      summaryMarkdown
    })
  else core.setOutput('summary-markdown', summaryMarkdown)
  if (inputs.dryRun && diff) core.info(`Diff:\n${diff}`)
  try {
    await core.summary.addRaw(summaryMarkdown, true).write()
  } catch (error) {
    core.warning(`The job summary could not be written: ${errorMessage(error)}`)
  }
  if (inputs.commentOnPr) await comment(inputs, summaryMarkdown)
}

async function comment(
  inputs: Pick<Inputs, 'kind' | 'name' | 'githubToken'>,
  body: string
): Promise<void> {
  try {
    // Loaded only when asked for: the GitHub client is large and most runs never need it.
    const { upsertPullRequestComment } = await import('./report/pr-comment.js')
    const outcome = await upsertPullRequestComment({
      token: inputs.githubToken,
      body,
      marker: `${inputs.kind}/${inputs.name}`
    })
    if (outcome.action === 'skipped') core.warning(`No pull-request comment: ${outcome.reason}`)
    else core.info(`Pull-request comment ${outcome.action}: ${outcome.url ?? ''}`)
  } catch (error) {
    core.warning(`The pull-request comment could not be written: ${errorMessage(error)}`)
  }
}
