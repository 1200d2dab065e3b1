import { afterAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  CloudFrontClient,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DescribeFunctionCommand,
  DescribeKeyValueStoreCommand,
  PublishFunctionCommand,
  TestFunctionCommand,
  UpdateFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as core from '../../__fixtures__/core.js'
import {
  FUNCTION_ARN,
  NAME,
  STORE_ARN,
  awsError,
  sdkFunctionSummary,
  stubFunction,
  stubMissingFunction
} from '../../__fixtures__/cloudfront.js'
import type { PrCommentOptions, PrCommentResult } from '../../src/report/pr-comment.js'

const upsertPullRequestComment = jest.fn<(options: PrCommentOptions) => Promise<PrCommentResult>>()

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('../../src/report/pr-comment.js', () => ({ upsertPullRequestComment }))

const { run } = await import('../../src/main.js')

const WORKSPACE = fileURLToPath(new URL('../fixtures/unit/workspace', import.meta.url))
const CODE = readFileSync(`${WORKSPACE}/functions/viewer-request.js`, 'utf8')

const cf = mockClient(CloudFrontClient)

/** The inputs a workflow gets with only `name` and `code` set: action.yml's defaults. */
const DEFAULTS: Record<string, string> = {
  type: 'function',
  runtime: 'cloudfront-js-2.0',
  comment: '',
  'key-value-stores': '',
  tags: '',
  publish: 'false',
  'test-events': '',
  'max-compute-utilization': '80',
  'dry-run': 'false',
  delete: 'false',
  'comment-on-pr': 'false',
  'github-token': 'ghs_token'
}

function inputs(values: Record<string, string>): void {
  core.reset({ ...DEFAULTS, name: NAME, code: 'functions/viewer-request.js', ...values })
}

const originalWorkspace = process.env.GITHUB_WORKSPACE

beforeEach(() => {
  cf.reset()
  process.env.GITHUB_WORKSPACE = WORKSPACE
  inputs({})
  upsertPullRequestComment.mockReset()
})

afterAll(() => {
  if (originalWorkspace === undefined) delete process.env.GITHUB_WORKSPACE
  else process.env.GITHUB_WORKSPACE = originalWorkspace
})

const created = {
  ETag: 'ETAG1',
  FunctionSummary: sdkFunctionSummary({ status: 'UNPUBLISHED' })
}

describe('run', () => {
  it('fails on an invalid input with its message and sends nothing', async () => {
    inputs({ name: '' })
    await run()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed).toHaveBeenCalledWith(
      "Input 'name': is required. Set it to the function name, e.g. name: my-function."
    )
    expect(cf.calls()).toHaveLength(0)
    expect(core.outputs()['summary-markdown']).toContain('### CloudFront Function deploy: failed')
    expect(core.summary.write).toHaveBeenCalled()
  })

  it('fails on an invalid tag without any request', async () => {
    inputs({ tags: 'team' })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      "Input 'tags': 'team' has no '='. Write each tag as key=value."
    )
    expect(cf.calls()).toHaveLength(0)
  })

  it('annotates code findings with file, line and column and sends nothing', async () => {
    inputs({ code: 'functions/uses-const.js', runtime: 'cloudfront-js-1.0' })
    await run()
    expect(core.error).toHaveBeenCalledWith(
      expect.stringContaining('`const` is not supported by cloudfront-js-1.0'),
      expect.objectContaining({
        file: 'functions/uses-const.js',
        startLine: 3,
        startColumn: 3
      })
    )
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Input 'code': functions\/uses-const\.js has 1 problem for cloudfront-js-1\.0 \(first: line 3, column 3: .*\)\. See the annotations; nothing was sent to CloudFront\.$/
      )
    )
    expect(cf.calls()).toHaveLength(0)
  })

  it('passes a non-Error thrown value to setFailed, never as [object Object]', async () => {
    core.getInput.mockImplementationOnce(() => {
      throw { reason: 'inputs unavailable' }
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith('{"reason":"inputs unavailable"}')
    expect(cf.calls()).toHaveLength(0)
  })

  it('creates a function and sets every output', async () => {
    stubMissingFunction(cf)
    cf.on(CreateFunctionCommand).resolves(created)
    inputs({ tags: 'team=web' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(cf).toHaveReceivedCommandWith(CreateFunctionCommand, {
      Name: NAME,
      FunctionCode: Buffer.from(CODE),
      Tags: { Items: [{ Key: 'team', Value: 'web' }] }
    })
    const outputs = core.outputs()
    expect(outputs).toMatchObject({
      arn: FUNCTION_ARN,
      etag: 'ETAG1',
      'live-etag': '',
      id: NAME,
      status: 'UNPUBLISHED',
      changed: 'true',
      created: 'true',
      published: 'false',
      'test-results': '[]',
      plan: JSON.stringify({ kind: 'function', name: NAME, changes: [{ action: 'create' }] })
    })
    expect(outputs.diff).toContain('--- code: /dev/null')
    expect(outputs['summary-markdown']).toContain(
      '### CloudFront Function `viewer-request`: created'
    )
    expect(core.summary.addRaw).toHaveBeenCalledWith(outputs['summary-markdown'], true)
    expect(core.summary.write).toHaveBeenCalledTimes(1)
    expect(core.info).toHaveBeenCalledWith(
      `Code functions/viewer-request.js: ${Buffer.byteLength(CODE)} of 10240 bytes (1% of CloudFront's limit).`
    )
  })

  it("sets outputs with changed 'false' when nothing changes", async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: CODE })
    inputs({ publish: 'true' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.outputs()).toMatchObject({
      changed: 'false',
      created: 'false',
      published: 'false',
      etag: 'ETAG1',
      'live-etag': 'ETAG1',
      diff: '',
      plan: JSON.stringify({ kind: 'function', name: NAME, changes: [] })
    })
    expect(cf).not.toHaveReceivedCommand(UpdateFunctionCommand)
    expect(cf).not.toHaveReceivedCommand(PublishFunctionCommand)
  })

  it('warns, and does not fail, when the job summary cannot be written', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: CODE })
    core.summary.write.mockRejectedValueOnce(
      new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY')
    )
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalledWith(
      'The job summary could not be written: Unable to find environment variable for $GITHUB_STEP_SUMMARY'
    )
    expect(core.outputs().changed).toBe('false')
  })

  it('sets the plan and diff outputs in a dry run, and writes nothing', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: '// old\n' })
    inputs({ 'dry-run': 'true', publish: 'true', 'test-events': 'tests/index.json' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    const writes = cf
      .calls()
      .map(call => call.args[0].constructor.name)
      .filter(name => !/^(Describe|Get|List)/.test(name))
    expect(writes).toEqual([])
    const outputs = core.outputs()
    expect(JSON.parse(outputs.plan)).toEqual({
      kind: 'function',
      name: NAME,
      changes: [{ action: 'update', code: true, config: [] }, { action: 'publish' }]
    })
    expect(outputs.diff).toContain('-// old\n+/* eslint-disable */\n+function handler(event) {\n')
    expect(outputs.changed).toBe('false')
    expect(outputs['summary-markdown']).toContain('dry run, changes pending')
    expect(core.startGroup).toHaveBeenCalledWith('Diff')
    expect(core.info).toHaveBeenCalledWith(outputs.diff)
    expect(core.info).toHaveBeenCalledWith(
      'Dry run: 1 test case loaded but not run (DEVELOPMENT is not updated in a dry run).'
    )
    expect(cf).not.toHaveReceivedCommand(TestFunctionCommand)
  })

  it('runs the test gate, then publishes', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: '// old\n' })
    cf.on(UpdateFunctionCommand).resolves({
      ETag: 'ETAG2',
      FunctionSummary: sdkFunctionSummary({})
    })
    cf.on(TestFunctionCommand).resolves({
      TestResult: { ComputeUtilization: '9', FunctionOutput: '{"uri":"/"}' }
    })
    cf.on(PublishFunctionCommand).resolves({
      FunctionSummary: sdkFunctionSummary({ status: 'UNASSOCIATED' })
    })
    inputs({ publish: 'true', 'test-events': 'tests/index.json' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(cf).toHaveReceivedCommandWith(TestFunctionCommand, { IfMatch: 'ETAG2' })
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { IfMatch: 'ETAG2' })
    const outputs = core.outputs()
    expect(outputs).toMatchObject({ published: 'true', 'live-etag': 'ETAG2', changed: 'true' })
    expect(JSON.parse(outputs['test-results'])).toEqual([
      expect.objectContaining({ name: 'passes the request through', passed: true })
    ])
    expect(core.info).toHaveBeenCalledWith('Test gate: 1 test case loaded.')
  })

  it('fails without publishing when a test case fails, and still sets outputs', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: '// old\n' })
    cf.on(UpdateFunctionCommand).resolves({
      ETag: 'ETAG2',
      FunctionSummary: sdkFunctionSummary({})
    })
    cf.on(TestFunctionCommand).resolves({
      TestResult: { ComputeUtilization: '9', FunctionOutput: '{"uri":"/other"}' }
    })
    inputs({ publish: 'true', 'test-events': 'tests/index.json' })
    await run()
    expect(cf).not.toHaveReceivedCommand(PublishFunctionCommand)
    const message = core.setFailed.mock.calls[0]?.[0] as string
    expect(message).toContain('1 of 1 test case failed, so nothing was published')
    expect(message).toContain('updated its DEVELOPMENT stage')
    expect(message).toContain('LIVE was not changed')
    expect(core.outputs()).toMatchObject({ changed: 'true', published: 'false', etag: 'ETAG2' })
    expect(core.outputs()['summary-markdown']).toContain('> [!CAUTION]')
  })

  it('prints function logs and errors so that no line can become a workflow command', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: '// old\n' })
    cf.on(UpdateFunctionCommand).resolves({
      ETag: 'ETAG2',
      FunctionSummary: sdkFunctionSummary({})
    })
    cf.on(TestFunctionCommand).resolves({
      TestResult: {
        ComputeUtilization: '9',
        FunctionExecutionLogs: ['::error title=x::y', '  ::add-mask::DEVELOPMENT', '##[warning]z'],
        FunctionErrorMessage: 'Error: x\n::add-mask::DEVELOPMENT\n ::notice::z'
      }
    })
    inputs({ publish: 'true', 'test-events': 'tests/index.json' })
    await run()
    const printed = core.info.mock.calls.flatMap(([text]) => String(text).split('\n'))
    expect(printed.some(line => line.includes('add-mask'))).toBe(true)
    expect(printed.filter(line => /^\s*(::|##\[)/.test(line))).toEqual([])
    // Failures go through core's command escaping: line breaks cannot start a new command.
    const failed = String(core.setFailed.mock.calls[0]?.[0])
    expect(failed).toContain('::add-mask::DEVELOPMENT')
  })

  it('resolves a store name to its ARN before the create', async () => {
    stubMissingFunction(cf)
    cf.on(DescribeKeyValueStoreCommand, { Name: 'redirects' }).resolves({
      KeyValueStore: {
        Name: 'redirects',
        Id: 'id',
        ARN: STORE_ARN,
        Comment: '',
        LastModifiedTime: new Date()
      }
    })
    cf.on(CreateFunctionCommand).resolves(created)
    inputs({ 'key-value-stores': 'redirects' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(cf).toHaveReceivedCommandWith(CreateFunctionCommand, {
      FunctionConfig: {
        Comment: '',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: STORE_ARN }] }
      }
    })
    expect(core.outputs().diff).toContain(`+key-value-stores: redirects (${STORE_ARN})`)
  })

  it('names the key-value-stores input when the store does not exist', async () => {
    stubMissingFunction(cf)
    cf.on(DescribeKeyValueStoreCommand).rejects(awsError('EntityNotFound', { status: 404 }))
    inputs({ 'key-value-stores': 'redirects' })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      "Input 'key-value-stores': no key value store named 'redirects' exists in this account (DescribeKeyValueStore found none). Create it first, or give its ARN."
    )
    expect(cf).not.toHaveReceivedCommand(CreateFunctionCommand)
  })

  it('reports other store lookup failures as they are', async () => {
    stubMissingFunction(cf)
    cf.on(DescribeKeyValueStoreCommand).rejects(awsError('AccessDenied', { status: 403 }))
    inputs({ 'key-value-stores': 'redirects' })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringContaining('AWS denied cloudfront:DescribeKeyValueStore')
    )
  })

  it('deletes without reading the code input', async () => {
    stubFunction(cf, { etag: 'ETAG3' })
    cf.on(DeleteFunctionCommand).resolves({})
    inputs({ delete: 'true', code: '' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(cf).toHaveReceivedCommandWith(DeleteFunctionCommand, { Name: NAME, IfMatch: 'ETAG3' })
    expect(core.outputs()).toMatchObject({ changed: 'true', arn: '', id: '', diff: '' })
  })

  it('succeeds with changed false when the function to delete does not exist', async () => {
    stubMissingFunction(cf)
    inputs({ delete: 'true', code: '' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(cf).not.toHaveReceivedCommand(DeleteFunctionCommand)
    expect(core.outputs().changed).toBe('false')
  })

  it('fails with the AWS explanation and the progress so far', async () => {
    stubFunction(cf, { etag: 'ETAG1' })
    cf.on(DescribeFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' }).rejects(
      awsError('AccessDenied', { status: 403 })
    )
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringContaining('Grant the IAM action cloudfront:DescribeFunction')
    )
    expect(core.outputs()['summary-markdown']).toContain(': failed')
  })

  it('warns through core when a write loses a race, then retries', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: '// old\n' })
    cf.on(UpdateFunctionCommand)
      .rejectsOnce(awsError('PreconditionFailed', { status: 412 }))
      .resolves({ ETag: 'ETAG2', FunctionSummary: sdkFunctionSummary({}) })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('(attempt 2 of 3)'))
    expect(cf).toHaveReceivedCommandTimes(UpdateFunctionCommand, 2)
    expect(core.outputs()).toMatchObject({ changed: 'true', etag: 'ETAG2' })
    expect(core.startGroup).toHaveBeenCalledWith(`Read function ${NAME}`)
    expect(core.endGroup).toHaveBeenCalledTimes(core.startGroup.mock.calls.length)
  })

  it('fails the step when the outputs cannot be reported', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: CODE })
    core.setOutput.mockImplementationOnce(() => {
      throw new Error('GITHUB_OUTPUT is not writable')
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      'Reporting the result failed: GITHUB_OUTPUT is not writable'
    )
  })

  describe('comment-on-pr', () => {
    beforeEach(() => {
      stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', code: CODE })
      inputs({ 'comment-on-pr': 'true', 'github-token': 'ghs_secret' })
    })

    it('comments with the summary, marked by kind and name', async () => {
      upsertPullRequestComment.mockResolvedValue({ action: 'created', url: 'https://x/1' })
      await run()
      expect(upsertPullRequestComment).toHaveBeenCalledWith({
        token: 'ghs_secret',
        body: core.outputs()['summary-markdown'],
        marker: `function/${NAME}`
      })
      expect(core.info).toHaveBeenCalledWith('Pull-request comment created: https://x/1')
    })

    it('comments also when the code fails its checks, so the comment shows the failing push', async () => {
      upsertPullRequestComment.mockResolvedValue({ action: 'updated', url: 'https://x/1' })
      inputs({
        'comment-on-pr': 'true',
        'github-token': 'ghs_secret',
        code: 'functions/uses-const.js',
        runtime: 'cloudfront-js-1.0'
      })
      await run()
      expect(core.setFailed).toHaveBeenCalled()
      expect(cf.calls()).toHaveLength(0)
      expect(upsertPullRequestComment).toHaveBeenCalledWith(
        expect.objectContaining({ marker: `function/${NAME}` })
      )
      expect(core.outputs()['summary-markdown']).toContain(
        `### CloudFront Function \`${NAME}\`: failed`
      )
    })

    it('warns when the comment is skipped', async () => {
      upsertPullRequestComment.mockResolvedValue({ action: 'skipped', reason: 'not a PR.' })
      await run()
      expect(core.warning).toHaveBeenCalledWith('No pull-request comment: not a PR.')
      expect(core.setFailed).not.toHaveBeenCalled()
    })

    it('warns, and does not fail, when the comment cannot be written', async () => {
      upsertPullRequestComment.mockRejectedValue(new Error('HTTP 403'))
      await run()
      expect(core.warning).toHaveBeenCalledWith(
        'The pull-request comment could not be written: HTTP 403'
      )
      expect(core.setFailed).not.toHaveBeenCalled()
    })
  })
})
