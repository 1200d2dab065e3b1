import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  CloudFrontClient,
  CreateConnectionFunctionCommand,
  CreateFunctionCommand,
  DeleteConnectionFunctionCommand,
  DeleteFunctionCommand,
  DescribeConnectionFunctionCommand,
  DescribeFunctionCommand,
  GetFunctionCommand,
  ListConnectionFunctionsCommand,
  PublishConnectionFunctionCommand,
  PublishFunctionCommand,
  TagResourceCommand,
  TestFunctionCommand,
  UntagResourceCommand,
  UpdateConnectionFunctionCommand,
  UpdateFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { deploy, remove, type DeployOptions } from '../../src/deploy/deploy.js'
import { changed, describeProgress, RunError, type RunResult } from '../../src/deploy/result.js'
import { createFunctionsApi } from '../../src/cloudfront/api.js'
import type { TestCase } from '../../src/testing/cases.js'
import {
  CODE,
  CONNECTION_ARN,
  CONNECTION_ID,
  FUNCTION_ARN,
  NAME,
  NEW_CODE,
  STORE_ARN,
  awsError,
  blob,
  desiredFunction,
  entityNotFound,
  notFound,
  preconditionFailed,
  recordingLog,
  sdkConnectionSummary,
  sdkFunctionSummary,
  stubConnectionFunction,
  stubFunction,
  stubMissingFunction,
  type RecordingLog
} from '../../__fixtures__/cloudfront.js'
import { FakeFunction, VERSION_ETAGS } from '../../__fixtures__/fake-cloudfront.js'

const cf = mockClient(CloudFrontClient)
const client = new CloudFrontClient({ region: 'us-east-1' })
const functions = createFunctionsApi('function', client)
// A new adapter per test (below): one adapter keeps its listing for the run it serves.
let connections = createFunctionsApi('connection-function', client)

const WRITES = [
  CreateFunctionCommand,
  UpdateFunctionCommand,
  PublishFunctionCommand,
  DeleteFunctionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  CreateConnectionFunctionCommand,
  UpdateConnectionFunctionCommand,
  PublishConnectionFunctionCommand,
  DeleteConnectionFunctionCommand
]

/** Names of the write commands the mock received, in order. */
function writes(): string[] {
  return cf
    .calls()
    .map(call => call.args[0].constructor.name)
    .filter(name => WRITES.some(command => command.name === name))
}

let log: RecordingLog
let sleep: jest.Mock<(ms: number) => Promise<void>>

function options(overrides: Partial<DeployOptions> = {}): DeployOptions {
  return { dryRun: false, testCases: [], maxComputeUtilization: 80, log, sleep, ...overrides }
}

async function failure(promise: Promise<RunResult>): Promise<RunError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(RunError)
  return error as RunError
}

const updated = (etag: string, status = 'UNPUBLISHED') => ({
  ETag: etag,
  FunctionSummary: sdkFunctionSummary({ status })
})

beforeEach(() => {
  cf.reset()
  connections = createFunctionsApi('connection-function', client)
  log = recordingLog()
  sleep = jest.fn(async (_ms: number) => {})
})

describe('deploy a CloudFront Function', () => {
  it('creates a missing function with its tags, without publishing', async () => {
    stubMissingFunction(cf)
    cf.on(CreateFunctionCommand).resolves(updated('ETAG1'))
    const result = await deploy(functions, desiredFunction({ tags: { team: 'web' } }), options())
    expect(writes()).toEqual(['CreateFunctionCommand'])
    expect(cf).toHaveReceivedCommandWith(CreateFunctionCommand, {
      Name: NAME,
      FunctionCode: Buffer.from(CODE),
      Tags: { Items: [{ Key: 'team', Value: 'web' }] },
      FunctionConfig: {
        Comment: '',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 0, Items: [] }
      }
    })
    expect(result).toMatchObject({
      plan: { changes: [{ action: 'create' }] },
      before: undefined,
      after: { id: NAME, arn: FUNCTION_ARN, status: 'UNPUBLISHED', etag: 'ETAG1', liveEtag: '' },
      created: true,
      published: false
    })
    expect(changed(result)).toBe(true)
  })

  it('creates and publishes with the ETag of the create', async () => {
    stubMissingFunction(cf)
    cf.on(CreateFunctionCommand).resolves(updated('ETAG1'))
    cf.on(PublishFunctionCommand).resolves({
      FunctionSummary: sdkFunctionSummary({ status: 'UNASSOCIATED' })
    })
    const result = await deploy(functions, desiredFunction({ publish: true }), options())
    expect(writes()).toEqual(['CreateFunctionCommand', 'PublishFunctionCommand'])
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { Name: NAME, IfMatch: 'ETAG1' })
    expect(result.after).toEqual({
      id: NAME,
      arn: FUNCTION_ARN,
      status: 'UNASSOCIATED',
      etag: 'ETAG1',
      liveEtag: 'ETAG1'
    })
    expect(result.published).toBe(true)
  })

  it('updates changed code with the DEVELOPMENT ETag and the complete config', async () => {
    stubFunction(cf, {
      etag: 'ETAG1',
      liveEtag: 'ETAG1',
      comment: 'kept',
      storeArns: [STORE_ARN]
    })
    cf.on(UpdateFunctionCommand).resolves(updated('ETAG2', 'UNASSOCIATED'))
    const desired = desiredFunction({
      code: Buffer.from(NEW_CODE),
      config: { comment: 'kept', keyValueStoreArns: [STORE_ARN] }
    })
    const result = await deploy(functions, desired, options())
    expect(writes()).toEqual(['UpdateFunctionCommand'])
    expect(cf).toHaveReceivedCommandWith(UpdateFunctionCommand, {
      Name: NAME,
      IfMatch: 'ETAG1',
      FunctionCode: Buffer.from(NEW_CODE),
      FunctionConfig: {
        Comment: 'kept',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: STORE_ARN }] }
      }
    })
    expect(result.updated).toBe(true)
    expect(result.after).toMatchObject({ etag: 'ETAG2', liveEtag: 'ETAG1' })
    expect(log.lines).toContain('Updated code (DEVELOPMENT ETag ETAG1 → ETAG2).')
  })

  it('updates a config change', async () => {
    stubFunction(cf, { liveEtag: 'ETAG1', runtime: 'cloudfront-js-1.0' })
    cf.on(UpdateFunctionCommand).resolves(updated('ETAG2'))
    const result = await deploy(
      functions,
      desiredFunction({ config: { comment: 'new' } }),
      options()
    )
    expect(result.plan.changes).toEqual([
      { action: 'update', code: false, config: ['comment', 'runtime'] }
    ])
    expect(cf).toHaveReceivedCommandWith(UpdateFunctionCommand, {
      IfMatch: 'ETAG1',
      FunctionConfig: {
        Comment: 'new',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 0, Items: [] }
      }
    })
  })

  it('changes only tags with TagResource and UntagResource, never UpdateFunction', async () => {
    stubFunction(cf, { liveEtag: 'ETAG1', tags: { team: 'api', old: 'x', 'aws:managed': 'y' } })
    cf.on(TagResourceCommand).resolves({})
    cf.on(UntagResourceCommand).resolves({})
    const result = await deploy(
      functions,
      desiredFunction({ tags: { team: 'web' }, publish: true }),
      options()
    )
    expect(writes().sort()).toEqual(['TagResourceCommand', 'UntagResourceCommand'])
    expect(cf).toHaveReceivedCommandWith(TagResourceCommand, {
      Resource: FUNCTION_ARN,
      Tags: { Items: [{ Key: 'team', Value: 'web' }] }
    })
    expect(cf).toHaveReceivedCommandWith(UntagResourceCommand, {
      Resource: FUNCTION_ARN,
      TagKeys: { Items: ['old'] }
    })
    expect(result).toMatchObject({ tagged: true, updated: false, published: false })
  })

  it('sends no write when CloudFront already matches', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', tags: { team: 'web' } })
    const result = await deploy(
      functions,
      desiredFunction({ tags: { team: 'web' }, publish: true }),
      options()
    )
    expect(writes()).toEqual([])
    expect(result.plan.changes).toEqual([])
    expect(changed(result)).toBe(false)
    expect(result.after).toEqual({
      id: NAME,
      arn: FUNCTION_ARN,
      status: 'UNPUBLISHED',
      etag: 'ETAG1',
      liveEtag: 'ETAG1'
    })
    expect(log.lines).toContain('Plan: no changes; CloudFront already matches the inputs.')
  })

  it('publishes a function that was never published', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: null })
    cf.on(PublishFunctionCommand).resolves({
      FunctionSummary: sdkFunctionSummary({ status: 'UNASSOCIATED' })
    })
    const result = await deploy(functions, desiredFunction({ publish: true }), options())
    expect(writes()).toEqual(['PublishFunctionCommand'])
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { Name: NAME, IfMatch: 'ETAG1' })
    expect(result.after).toMatchObject({ status: 'UNASSOCIATED', liveEtag: 'ETAG1' })
  })

  it('publishes when LIVE differs from DEVELOPMENT, not when they match', async () => {
    stubFunction(cf, { etag: 'ETAG2', liveEtag: 'ETAG1' })
    cf.on(PublishFunctionCommand).resolves({ FunctionSummary: sdkFunctionSummary({}) })
    await deploy(functions, desiredFunction({ publish: true }), options())
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { IfMatch: 'ETAG2' })

    cf.reset()
    stubFunction(cf, { etag: 'ETAG2', liveEtag: 'ETAG2' })
    await deploy(functions, desiredFunction({ publish: true }), options())
    expect(cf).not.toHaveReceivedCommand(PublishFunctionCommand)
  })

  it('reports a version another writer published first as already LIVE, not as published', async () => {
    const fake = new FakeFunction(cf).exists()
    fake.before('PublishFunction', () => fake.otherWriterPublishes())
    const result = await deploy(functions, desiredFunction({ publish: true }), options())
    expect(cf).toHaveReceivedCommandTimes(PublishFunctionCommand, 1)
    expect(result.published).toBe(false)
    expect(changed(result)).toBe(false)
    expect(result.after).toMatchObject({ etag: VERSION_ETAGS[0], liveEtag: VERSION_ETAGS[0] })
    expect(result.notes).toEqual([
      `CloudFront reports DEVELOPMENT ETag ${VERSION_ETAGS[0]} as already LIVE; nothing to publish.`
    ])
  })

  it('does not take a 412 on publish as already LIVE when LIVE holds another version', async () => {
    // Others changed DEVELOPMENT away and back (A→B→A) and published it: LIVE holds the same
    // code, but not the version this run meant to publish.
    const fake = new FakeFunction(cf).exists({ code: CODE }, true)
    fake.before('PublishFunction', () => {
      fake.otherWriterUpdates({ code: CODE })
      fake.otherWriterUpdates({ code: NEW_CODE })
      fake.otherWriterPublishes()
    })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options()
    )
    expect(result.updated).toBe(true)
    expect(result.published).toBe(false)
    expect(result.notes).toEqual([])
    expect(log.warnings).toEqual([
      expect.stringContaining('PublishFunction PreconditionFailed). Reading it again')
    ])
    // The fresh read finds the declared version live already: nothing is left to do.
    expect(result.plan.changes).toEqual([])
    expect(result.after).toMatchObject({ etag: VERSION_ETAGS[3], liveEtag: VERSION_ETAGS[3] })
  })

  it('retries a 412 on publish when DEVELOPMENT changed meanwhile', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    fake.before('PublishFunction', () => fake.otherWriterUpdates({ comment: 'theirs' }))
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options()
    )
    const ifMatch = cf.commandCalls(PublishFunctionCommand).map(call => call.args[0].input.IfMatch)
    expect(ifMatch).toEqual([VERSION_ETAGS[1], VERSION_ETAGS[3]])
    expect(result.published).toBe(true)
    expect(result.after).toMatchObject({ etag: VERSION_ETAGS[3], liveEtag: VERSION_ETAGS[3] })
    expect(fake.live).toMatchObject({ code: NEW_CODE, comment: '' })
  })

  it('updates then publishes the new DEVELOPMENT ETag', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1' })
    cf.on(UpdateFunctionCommand).resolves(updated('ETAG2'))
    cf.on(PublishFunctionCommand).resolves({
      FunctionSummary: sdkFunctionSummary({ status: 'DEPLOYED' })
    })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options()
    )
    expect(writes()).toEqual(['UpdateFunctionCommand', 'PublishFunctionCommand'])
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { IfMatch: 'ETAG2' })
    expect(result.after).toMatchObject({ etag: 'ETAG2', liveEtag: 'ETAG2', status: 'DEPLOYED' })
  })

  it('re-reads, re-plans and retries after a 412', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    // Another writer changed the comment between our read and our write.
    fake.before('UpdateFunction', () => fake.otherWriterUpdates({ comment: 'theirs' }))
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE) }),
      options()
    )
    const ifMatch = cf.commandCalls(UpdateFunctionCommand).map(call => call.args[0].input.IfMatch)
    expect(ifMatch).toEqual([VERSION_ETAGS[0], VERSION_ETAGS[1]])
    expect(result.plan.changes).toEqual([{ action: 'update', code: true, config: ['comment'] }])
    expect(result.before?.development.etag).toBe(VERSION_ETAGS[0])
    expect(result.after?.etag).toBe(VERSION_ETAGS[2])
    expect(log.warnings).toEqual([
      expect.stringContaining('Reading it again and re-planning (attempt 2 of 3)')
    ])
  })

  it('gives up after 3 attempts that each got a 412, suggesting a concurrency group', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1' })
    cf.on(UpdateFunctionCommand).rejects(preconditionFailed())
    const error = await failure(
      deploy(functions, desiredFunction({ code: Buffer.from(NEW_CODE) }), options())
    )
    expect(cf).toHaveReceivedCommandTimes(UpdateFunctionCommand, 3)
    expect(error.message).toContain('3 attempts each lost a race with another writer')
    expect(error.message).toContain('last: UpdateFunction PreconditionFailed')
    expect(error.message).toContain('concurrency group')
    expect(error.message).toContain('Nothing was changed in CloudFront by this run.')
  })

  it('succeeds when the last lost race left CloudFront exactly as declared', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1' })
    // Another run deploys the same code while every one of our updates loses the race.
    cf.on(GetFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
      .resolvesOnce({ FunctionCode: blob(CODE) })
      .resolvesOnce({ FunctionCode: blob(CODE) })
      .resolvesOnce({ FunctionCode: blob(CODE) })
      .resolves({ FunctionCode: blob(NEW_CODE) })
    cf.on(UpdateFunctionCommand).rejects(preconditionFailed())
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE) }),
      options()
    )
    expect(cf).toHaveReceivedCommandTimes(UpdateFunctionCommand, 3)
    expect(result.updated).toBe(false)
    expect(result.after?.etag).toBe('ETAG1')
    expect(log.lines).toContain(
      `${NAME} already matches the inputs: another run deployed the same version meanwhile.`
    )
  })

  it('does not accept a converged state when it has a test gate to run', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1' })
    cf.on(GetFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
      .resolvesOnce({ FunctionCode: blob(CODE) })
      .resolvesOnce({ FunctionCode: blob(CODE) })
      .resolvesOnce({ FunctionCode: blob(CODE) })
      .resolves({ FunctionCode: blob(NEW_CODE) })
    cf.on(UpdateFunctionCommand).rejects(preconditionFailed())
    const testCases = [{ name: 'case', file: 'tests/case.json', event: {} }]
    const error = await failure(
      deploy(functions, desiredFunction({ code: Buffer.from(NEW_CODE) }), options({ testCases }))
    )
    expect(error.message).toContain('3 attempts each lost a race with another writer')
    expect(cf).not.toHaveReceivedCommand(TestFunctionCommand)
  })

  it('honours a smaller maxAttempts', async () => {
    stubFunction(cf, { liveEtag: 'ETAG1' })
    cf.on(UpdateFunctionCommand).rejects(preconditionFailed())
    const error = await failure(
      deploy(
        functions,
        desiredFunction({ code: Buffer.from(NEW_CODE) }),
        options({ maxAttempts: 1 })
      )
    )
    expect(cf).toHaveReceivedCommandTimes(UpdateFunctionCommand, 1)
    expect(error.message).toContain('1 attempts')
  })

  it('updates instead when a create loses the race (FunctionAlreadyExists)', async () => {
    cf.on(DescribeFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
      .rejectsOnce(notFound())
      .resolves({ ETag: 'ETAG5', FunctionSummary: sdkFunctionSummary({}) })
    cf.on(GetFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
      .rejectsOnce(notFound())
      .resolves({ FunctionCode: blob('// someone else\n') })
    cf.on(DescribeFunctionCommand, { Name: NAME, Stage: 'LIVE' }).rejects(notFound())
    cf.on(CreateFunctionCommand).rejects(awsError('FunctionAlreadyExists', { status: 409 }))
    cf.on(UpdateFunctionCommand).resolves(updated('ETAG6'))
    const result = await deploy(functions, desiredFunction(), options())
    expect(writes()).toEqual(['CreateFunctionCommand', 'UpdateFunctionCommand'])
    expect(cf).toHaveReceivedCommandWith(UpdateFunctionCommand, {
      IfMatch: 'ETAG5',
      FunctionCode: Buffer.from(CODE)
    })
    expect(result).toMatchObject({ created: false, updated: true, after: { etag: 'ETAG6' } })
  })

  it('reads again when UpdateFunction answers without an ETag, and uses the version it wrote', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    fake.omitEtag('UpdateFunction')
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options()
    )
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { IfMatch: VERSION_ETAGS[1] })
    expect(result.after?.etag).toBe(VERSION_ETAGS[1])
    expect(result.published).toBe(true)
  })

  it('never adopts a version another writer saved after an answer without an ETag', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    fake.omitEtag('UpdateFunction')
    // Between the update and the read that looks for its ETag, another writer saves a version.
    let updates = 0
    fake.afterWrite('UpdateFunction', () => {
      if (++updates === 1) fake.otherWriterUpdates({ code: CODE, comment: 'theirs' })
    })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options()
    )
    const published = cf
      .commandCalls(PublishFunctionCommand)
      .map(call => call.args[0].input.IfMatch)
    // Their version (the third) was neither tested nor published: this run wrote again.
    expect(published).toEqual([VERSION_ETAGS[3]])
    expect(fake.live).toMatchObject({ code: NEW_CODE, comment: '' })
    expect(result.updated).toBe(true)
    expect(log.warnings).toEqual([expect.stringContaining('now holds another version')])
  })

  it('still counts its create when another writer saved a version over it before the re-read', async () => {
    const fake = new FakeFunction(cf)
    fake.omitEtag('CreateFunction')
    let creates = 0
    fake.afterWrite('CreateFunction', () => {
      if (++creates === 1) fake.otherWriterUpdates({ code: CODE, comment: 'theirs' })
    })
    const result = await deploy(functions, desiredFunction({ publish: true }), options())
    expect(result.created).toBe(true)
    expect(result.updated).toBe(true)
    expect(fake.live).toMatchObject({ code: CODE, comment: '' })
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { IfMatch: VERSION_ETAGS[2] })
  })

  it('fails plainly when no ETag can be found even by reading again', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1' })
    cf.on(DescribeFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
      .resolvesOnce({ ETag: 'ETAG1', FunctionSummary: sdkFunctionSummary({}) })
      .resolves({ FunctionSummary: sdkFunctionSummary({}) })
    cf.on(GetFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
      .resolvesOnce({ ETag: 'ETAG1', FunctionCode: blob(CODE) })
      .resolves({ FunctionCode: blob(NEW_CODE) })
    cf.on(UpdateFunctionCommand).resolves({ FunctionSummary: sdkFunctionSummary({}) })
    const error = await failure(
      deploy(functions, desiredFunction({ code: Buffer.from(NEW_CODE) }), options())
    )
    expect(error.message).toContain(`CloudFront returned no ETag for ${NAME}`)
  })

  it('explains throttling with the number of attempts', async () => {
    stubFunction(cf, { liveEtag: 'ETAG1' })
    cf.on(UpdateFunctionCommand).rejects(
      awsError('ThrottlingException', { status: 400, attempts: 5, message: 'Rate exceeded' })
    )
    const error = await failure(
      deploy(functions, desiredFunction({ code: Buffer.from(NEW_CODE) }), options())
    )
    expect(cf).toHaveReceivedCommandTimes(UpdateFunctionCommand, 1)
    expect(error.message).toContain(
      'CloudFront throttled UpdateFunction after 5 attempts (ThrottlingException)'
    )
    expect(error.message).toContain('concurrency group')
  })

  it('says what was done before a failure', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1' })
    cf.on(UpdateFunctionCommand).resolves(updated('ETAG2'))
    cf.on(PublishFunctionCommand).rejects(awsError('AccessDenied', { status: 403 }))
    const error = await failure(
      deploy(functions, desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }), options())
    )
    expect(error.message).toContain('AWS denied cloudfront:PublishFunction')
    expect(error.message).toContain(
      'Before failing, this run updated its DEVELOPMENT stage (DEVELOPMENT ETag ETAG2). LIVE was not changed'
    )
    expect(error.result.updated).toBe(true)
  })

  it('reports tags written alongside an update that failed', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', tags: {} })
    cf.on(UpdateFunctionCommand).rejects(awsError('AccessDenied', { status: 403 }))
    // The tag write is still in flight when the update fails.
    cf.on(TagResourceCommand).callsFake(
      () => new Promise(resolve => setTimeout(() => resolve({}), 10))
    )
    const error = await failure(
      deploy(
        functions,
        desiredFunction({ code: Buffer.from(NEW_CODE), tags: { team: 'web' } }),
        options()
      )
    )
    expect(cf).toHaveReceivedCommand(TagResourceCommand)
    expect(error.result.tagged).toBe(true)
    expect(error.message).toContain('Before failing, this run changed its tags')
  })

  it('reports the new ETag of an update when a tag write alongside it failed', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1', tags: {} })
    cf.on(UpdateFunctionCommand).resolves(updated('ETAG2'))
    cf.on(TagResourceCommand).rejects(awsError('InvalidTagging', { status: 400 }))
    const error = await failure(
      deploy(
        functions,
        desiredFunction({ code: Buffer.from(NEW_CODE), tags: { team: 'web' } }),
        options()
      )
    )
    expect(error.message).toContain('TagResource: CloudFront rejected the tags (InvalidTagging)')
    expect(error.message).toContain(
      'Before failing, this run updated its DEVELOPMENT stage (DEVELOPMENT ETag ETAG2).'
    )
    expect(error.result.after?.etag).toBe('ETAG2')
  })

  it('reads and plans but writes nothing in a dry run', async () => {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: null, tags: { old: 'x' } })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), tags: { team: 'web' }, publish: true }),
      options({ dryRun: true })
    )
    expect(writes()).toEqual([])
    expect(result.plan.changes.map(change => change.action)).toEqual([
      'update',
      'untag',
      'tag',
      'publish'
    ])
    expect(changed(result)).toBe(false)
  })

  it('resolves the desired state once, alongside the first read, and reports it', async () => {
    stubMissingFunction(cf)
    cf.on(CreateFunctionCommand).resolves(updated('ETAG1'))
    const resolve = jest.fn(async (desired: ReturnType<typeof desiredFunction>) => ({
      ...desired,
      config: { ...desired.config, keyValueStoreArns: [STORE_ARN] }
    }))
    const result = await deploy(
      functions,
      desiredFunction({ config: { keyValueStoreArns: ['redirects'] } }),
      options({ resolve })
    )
    expect(resolve).toHaveBeenCalledTimes(1)
    expect(result.desired?.config.keyValueStoreArns).toEqual([STORE_ARN])
    expect(cf).toHaveReceivedCommandWith(CreateFunctionCommand, {
      FunctionConfig: {
        Comment: '',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: STORE_ARN }] }
      }
    })
  })
})

describe('tags are never lost', () => {
  const many = (prefix: string, count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, 'v']))

  it('removes old tags before adding new ones, so no request passes the 50-tag limit', async () => {
    const fake = new FakeFunction(cf).exists()
    fake.tags = many('old', 30)
    const result = await deploy(functions, desiredFunction({ tags: many('new', 30) }), options())
    expect(writes()).toEqual(['UntagResourceCommand', 'TagResourceCommand'])
    expect(fake.tags).toEqual(many('new', 30))
    expect(result.tagged).toBe(true)
  })

  it('says which tags the function has when a tag write fails', async () => {
    const fake = new FakeFunction(cf).exists()
    fake.tags = { old: 'v' }
    cf.on(TagResourceCommand).rejects(awsError('AccessDenied', { status: 403 }))
    const error = await failure(
      deploy(functions, desiredFunction({ tags: { team: 'web' } }), options())
    )
    expect(error.message).toContain('AWS denied cloudfront:TagResource')
    // The removal went through before the refused addition.
    expect(error.message).toContain("The function's tags are now: none.")
    expect(error.result.tagged).toBe(true)
    expect(error.message).toContain('changed its tags')
  })
})

describe("a write whose answer is lost is still this run's write", () => {
  it("counts a create whose answer was lost (409 on the SDK's retry) as created", async () => {
    const fake = new FakeFunction(cf).loseAnswer('CreateFunction')
    const result = await deploy(functions, desiredFunction({ publish: true }), options())
    expect(result.created).toBe(true)
    expect(result.published).toBe(true)
    expect(cf).toHaveReceivedCommandTimes(CreateFunctionCommand, 1)
    expect(result.notes[0]).toMatch(
      /^CreateFunction's answer was lost \(FunctionAlreadyExists after 2 attempts\); a fresh read shows viewer-request holds exactly this run's code and configuration/
    )
    expect(fake.live?.code).toBe(CODE)
  })

  it("counts an update whose answer was lost (412 on the SDK's retry) as updated", async () => {
    const fake = new FakeFunction(cf).exists({}, true).loseAnswer('UpdateFunction')
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options()
    )
    expect(result.updated).toBe(true)
    expect(result.published).toBe(true)
    expect(result.after).toMatchObject({ etag: VERSION_ETAGS[1], liveEtag: VERSION_ETAGS[1] })
    expect(cf).toHaveReceivedCommandTimes(UpdateFunctionCommand, 1)
    expect(log.warnings).toEqual([])
    expect(result.notes[0]).toContain(
      "UpdateFunction's answer was lost (PreconditionFailed after 2 attempts)"
    )
    expect(fake.live?.code).toBe(NEW_CODE)
  })

  it('counts a publish whose answer was lost as published', async () => {
    new FakeFunction(cf).exists().loseAnswer('PublishFunction')
    const result = await deploy(functions, desiredFunction({ publish: true }), options())
    expect(result.published).toBe(true)
    expect(changed(result)).toBe(true)
    expect(result.after).toMatchObject({ liveEtag: VERSION_ETAGS[0] })
    expect(result.notes[0]).toContain("PublishFunction's answer was lost")
  })

  it('counts a delete whose answer was lost (404 on the retry) as deleted', async () => {
    const fake = new FakeFunction(cf).exists().loseAnswer('DeleteFunction')
    const result = await remove(functions, NAME, { dryRun: false, log })
    expect(result.deleted).toBe(true)
    expect(fake.dev).toBeUndefined()
    expect(result.notes[0]).toContain("DeleteFunction's answer was lost")
  })

  it('treats a 412 without a retry as a lost race, even when the content matches', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    // Another writer saves exactly the declared code first: the 412 is theirs, not ours.
    fake.before('UpdateFunction', () => fake.otherWriterUpdates({ code: NEW_CODE }))
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE) }),
      options()
    )
    expect(result.updated).toBe(false)
    expect(changed(result)).toBe(false)
    expect(result.plan.changes).toEqual([])
    expect(log.warnings).toEqual([expect.stringContaining('UpdateFunction PreconditionFailed')])
  })

  it('verifies a write that failed without an answer, and reports it when it was applied', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    fake.afterWrite('UpdateFunction', () => {
      throw awsError('InternalError', { status: 500, attempts: 3 })
    })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE) }),
      options()
    )
    expect(result.updated).toBe(true)
    expect(result.notes[0]).toContain(
      "UpdateFunction's answer was lost (InternalError after 3 attempts)"
    )
    expect(fake.dev?.code).toBe(NEW_CODE)
  })

  it('does not count a retried create as its own when the function holds other tags', async () => {
    const fake = new FakeFunction(cf)
    // The first attempt failed unapplied; another writer created the same code and config
    // with other tags; the SDK's retry got 409 after 2 attempts.
    cf.on(CreateFunctionCommand).callsFake(() => {
      fake.exists({ code: CODE })
      fake.tags = { team: 'theirs' }
      throw awsError('FunctionAlreadyExists', { status: 409, attempts: 2 })
    })
    const result = await deploy(functions, desiredFunction({ tags: { team: 'edge' } }), options())
    expect(result.created).toBe(false)
    expect(result.tagged).toBe(true)
    expect(fake.tags).toEqual({ team: 'edge' })
    expect(result.notes).toEqual([])
    expect(log.warnings).toEqual([expect.stringContaining('CreateFunction FunctionAlreadyExists')])
  })

  it('counts a retried create with the declared tags as its own', async () => {
    const fake = new FakeFunction(cf).loseAnswer('CreateFunction')
    const result = await deploy(functions, desiredFunction({ tags: { team: 'edge' } }), options())
    expect(result.created).toBe(true)
    expect(fake.tags).toEqual({ team: 'edge' })
    expect(result.notes[0]).toContain("holds exactly this run's code, configuration and tags")
  })

  it('fails plainly when a write failed without an answer and was not applied', async () => {
    new FakeFunction(cf).exists({}, true)
    cf.on(UpdateFunctionCommand).rejects(awsError('InternalError', { status: 500, attempts: 3 }))
    const error = await failure(
      deploy(functions, desiredFunction({ code: Buffer.from(NEW_CODE) }), options())
    )
    expect(error.message).toContain(
      'CloudFront failed UpdateFunction with a server error after 3 attempts'
    )
    expect(error.message).toContain(
      'No write of this run was confirmed. The outcome of UpdateFunction is unknown (no answer, or a server error) and a fresh read did not show it applied, but it may still take effect'
    )
    expect(error.message).not.toContain('Nothing was changed')
  })

  /** A request that got no answer at all: every attempt timed out. */
  function noAnswer(): Error {
    const error = awsError('TimeoutError', { attempts: 3 })
    error.$metadata.httpStatusCode = undefined
    return error
  }

  it('counts an applied update whose 200 answer could not be read as this run’s', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    fake.afterWrite('UpdateFunction', () => {
      throw awsError('Deserialization', { status: 200 })
    })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE) }),
      options()
    )
    expect(result.updated).toBe(true)
    expect(result.notes[0]).toContain("UpdateFunction's answer was lost")
  })

  it('never claims LIVE is unchanged when a publish got no answer and may still land', async () => {
    new FakeFunction(cf).exists({}, true)
    cf.on(PublishFunctionCommand).rejects(noAnswer())
    const error = await failure(
      deploy(functions, desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }), options())
    )
    expect(error.result.published).toBe(false)
    expect(error.result.unanswered).toEqual(['PublishFunction'])
    expect(error.message).toContain('Before failing, this run updated its DEVELOPMENT stage')
    expect(error.message).toContain('The outcome of PublishFunction is unknown')
    expect(error.message).not.toContain('LIVE was not changed')
  })

  it('counts a delete that got no answer as done when a fresh read finds the function gone', async () => {
    const fake = new FakeFunction(cf).exists()
    cf.on(DeleteFunctionCommand).callsFake(() => {
      fake.dev = undefined
      throw noAnswer()
    })
    const result = await remove(functions, NAME, { dryRun: false, log })
    expect(result.deleted).toBe(true)
    expect(result.notes[0]).toContain("DeleteFunction's answer was lost")
  })

  it('says a delete that got no answer may still land when the function is still there', async () => {
    new FakeFunction(cf).exists()
    cf.on(DeleteFunctionCommand).rejects(noAnswer())
    const error = await failure(remove(functions, NAME, { dryRun: false, log }))
    expect(error.result.deleted).toBe(false)
    expect(error.message).toContain('The outcome of DeleteFunction is unknown')
    expect(error.message).not.toContain('Nothing was changed')
  })
})

describe("never another writer's version", () => {
  it("does not test or publish a version another writer saved after this run's update", async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    let tests = 0
    fake.before('TestFunction', () => {
      if (++tests === 1) fake.otherWriterUpdates({ code: CODE, comment: 'theirs' })
    })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options({
        testCases: [{ name: 'root', file: 'tests/root.json', event: { request: { uri: '/' } } }]
      })
    )
    const tested = cf.commandCalls(TestFunctionCommand).map(call => call.args[0].input.IfMatch)
    expect(tested).toEqual([VERSION_ETAGS[1], VERSION_ETAGS[3]])
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { IfMatch: VERSION_ETAGS[3] })
    expect(fake.live).toMatchObject({ code: NEW_CODE, comment: '' })
    expect(result.published).toBe(true)
  })
})

describe('test gate', () => {
  const cases: TestCase[] = [
    {
      name: 'rewrites to index.html',
      file: 'tests/index.json',
      event: { request: { uri: '/' } },
      expect: { request: { uri: '/index.html' } }
    }
  ]

  function stubUpdated(): void {
    stubFunction(cf, { etag: 'ETAG1', liveEtag: 'ETAG1' })
    cf.on(UpdateFunctionCommand).resolves(updated('ETAG2'))
    cf.on(PublishFunctionCommand).resolves({ FunctionSummary: sdkFunctionSummary({}) })
  }

  const desired = desiredFunction({ code: Buffer.from(NEW_CODE), publish: true })

  it('tests DEVELOPMENT with the new ETag, then publishes when every case passes', async () => {
    stubUpdated()
    cf.on(TestFunctionCommand).resolves({
      TestResult: {
        ComputeUtilization: '20',
        FunctionOutput: JSON.stringify({ request: { uri: '/index.html', method: 'GET' } })
      }
    })
    const result = await deploy(functions, desired, options({ testCases: cases }))
    expect(cf).toHaveReceivedCommandWith(TestFunctionCommand, {
      Name: NAME,
      IfMatch: 'ETAG2',
      Stage: 'DEVELOPMENT'
    })
    expect(writes()).toEqual(['UpdateFunctionCommand', 'PublishFunctionCommand'])
    expect(result.tests).toEqual([
      {
        name: 'rewrites to index.html',
        file: 'tests/index.json',
        passed: true,
        computeUtilization: 20,
        failures: [],
        output: { request: { uri: '/index.html', method: 'GET' } },
        logs: []
      }
    ])
    expect(log.lines).toContain('PASS rewrites to index.html (compute 20%)')
  })

  it('does not publish when a case fails, and says LIVE was not changed', async () => {
    stubUpdated()
    cf.on(TestFunctionCommand).resolves({
      TestResult: {
        ComputeUtilization: '20',
        FunctionOutput: JSON.stringify({ request: { uri: '/' } })
      }
    })
    const error = await failure(deploy(functions, desired, options({ testCases: cases })))
    expect(cf).not.toHaveReceivedCommand(PublishFunctionCommand)
    expect(error.message).toContain('1 of 1 test case failed, so nothing was published')
    expect(error.message).toContain('output $.request.uri: expected "/index.html", got "/"')
    expect(error.message).toContain('updated its DEVELOPMENT stage (DEVELOPMENT ETag ETAG2)')
    expect(error.message).toContain('LIVE was not changed')
    expect(error.result.tests[0].passed).toBe(false)
    expect(error.result.published).toBe(false)
  })

  it('fails when compute utilization is over the budget', async () => {
    stubUpdated()
    cf.on(TestFunctionCommand).resolves({
      TestResult: {
        ComputeUtilization: '91',
        FunctionOutput: JSON.stringify({ request: { uri: '/index.html' } })
      }
    })
    const error = await failure(
      deploy(functions, desired, options({ testCases: cases, maxComputeUtilization: 90 }))
    )
    expect(cf).not.toHaveReceivedCommand(PublishFunctionCommand)
    expect(error.message).toContain('compute utilization 91% is over max-compute-utilization 90%')
  })
})

describe('deploy a Connection Function', () => {
  const desired = desiredFunction({
    kind: 'connection-function',
    code: Buffer.from(NEW_CODE),
    publish: true
  })
  const live = (status: string, etag = 'ETAG2') => ({
    ETag: etag,
    ConnectionFunctionSummary: sdkConnectionSummary({ status }, 'LIVE')
  })

  function stubPublishing(): void {
    stubConnectionFunction(cf, { etag: 'ETAG1', liveEtag: null })
    cf.on(UpdateConnectionFunctionCommand).resolves({
      ETag: 'ETAG2',
      ConnectionFunctionSummary: sdkConnectionSummary({})
    })
    cf.on(PublishConnectionFunctionCommand).resolves({
      ConnectionFunctionSummary: sdkConnectionSummary({ status: 'PUBLISHING' })
    })
    // Reads after the update see its version.
    cf.on(DescribeConnectionFunctionCommand, { Identifier: CONNECTION_ID, Stage: 'DEVELOPMENT' })
      .resolvesOnce({ ETag: 'ETAG1', ConnectionFunctionSummary: sdkConnectionSummary({}) })
      .resolves({ ETag: 'ETAG2', ConnectionFunctionSummary: sdkConnectionSummary({}) })
  }

  it('waits while the status is PUBLISHING, with the injected sleep', async () => {
    stubPublishing()
    cf.on(DescribeConnectionFunctionCommand, { Identifier: CONNECTION_ID, Stage: 'LIVE' })
      .rejectsOnce(entityNotFound())
      .resolvesOnce(live('PUBLISHING'))
      .resolvesOnce(live('PUBLISHING'))
      .resolves(live('UNASSOCIATED'))
    const result = await deploy(connections, desired, options())
    expect(cf).toHaveReceivedCommandWith(UpdateConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG1'
    })
    expect(cf).toHaveReceivedCommandWith(PublishConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG2'
    })
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([250, 500, 1000])
    expect(result.after).toEqual({
      id: CONNECTION_ID,
      arn: CONNECTION_ARN,
      status: 'UNASSOCIATED',
      etag: 'ETAG2',
      liveEtag: 'ETAG2'
    })
    expect(result.published).toBe(true)
  })

  it('fails with a clear message when PUBLISHING outlasts the timeout', async () => {
    stubPublishing()
    cf.on(DescribeConnectionFunctionCommand, { Identifier: CONNECTION_ID, Stage: 'LIVE' })
      .rejectsOnce(entityNotFound())
      .resolves(live('PUBLISHING'))
    const error = await failure(deploy(connections, desired, options({ publishTimeoutMs: 2_000 })))
    expect(error.message).toContain(
      `its status is still PUBLISHING after 2 s. CloudFront may still finish`
    )
    expect(error.message).toContain(
      `aws cloudfront describe-connection-function --identifier ${CONNECTION_ID} --stage LIVE`
    )
    expect(error.message).toContain('published it to LIVE')
    expect(sleep.mock.calls.reduce((total, [ms]) => total + ms, 0)).toBeGreaterThanOrEqual(2_000)
  })

  it('waits for a version another run has just published, without publishing again', async () => {
    stubConnectionFunction(cf, {
      etag: 'ETAG2',
      liveEtag: 'ETAG2',
      status: 'PUBLISHING',
      code: NEW_CODE
    })
    cf.on(DescribeConnectionFunctionCommand, { Identifier: CONNECTION_ID, Stage: 'LIVE' })
      .resolvesOnce(live('PUBLISHING'))
      .resolves(live('UNASSOCIATED'))
    const result = await deploy(connections, desired, options())
    expect(writes()).toEqual([])
    expect(result.plan.changes).toEqual([])
    expect(result.after).toMatchObject({ status: 'UNASSOCIATED', liveEtag: 'ETAG2' })
    expect(sleep).toHaveBeenCalled()
  })

  it('creates a missing connection function and addresses it by Id afterwards', async () => {
    cf.on(ListConnectionFunctionsCommand).resolves({ ConnectionFunctions: [] })
    cf.on(CreateConnectionFunctionCommand).resolves({
      ETag: 'ETAG1',
      ConnectionFunctionSummary: sdkConnectionSummary({})
    })
    cf.on(PublishConnectionFunctionCommand).resolves({
      ConnectionFunctionSummary: sdkConnectionSummary({ status: 'UNASSOCIATED' })
    })
    const result = await deploy(
      connections,
      desiredFunction({ kind: 'connection-function', publish: true }),
      options()
    )
    expect(writes()).toEqual([
      'CreateConnectionFunctionCommand',
      'PublishConnectionFunctionCommand'
    ])
    expect(cf).toHaveReceivedCommandWith(PublishConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG1'
    })
    expect(result.after).toMatchObject({ id: CONNECTION_ID, status: 'UNASSOCIATED' })
  })
})

describe('remove', () => {
  it('does nothing when the function does not exist', async () => {
    stubMissingFunction(cf)
    const result = await remove(functions, NAME, { dryRun: false, log })
    expect(cf).not.toHaveReceivedCommand(DeleteFunctionCommand)
    expect(result).toMatchObject({ plan: { changes: [] }, deleted: false, after: undefined })
    expect(changed(result)).toBe(false)
  })

  it('deletes with the DEVELOPMENT ETag', async () => {
    stubFunction(cf, { etag: 'ETAG3', liveEtag: 'ETAG2' })
    cf.on(DeleteFunctionCommand).resolves({})
    const result = await remove(functions, NAME, { dryRun: false, log })
    expect(cf).toHaveReceivedCommandWith(DeleteFunctionCommand, { Name: NAME, IfMatch: 'ETAG3' })
    expect(result).toMatchObject({ deleted: true, after: undefined })
    expect(result.before?.development.etag).toBe('ETAG3')
  })

  it('deletes a connection function by Id', async () => {
    stubConnectionFunction(cf, { etag: 'ETAG3' })
    cf.on(DeleteConnectionFunctionCommand).resolves({})
    await remove(connections, NAME, { dryRun: false, log })
    expect(cf).toHaveReceivedCommandWith(DeleteConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG3'
    })
  })

  it('explains a function that is still in use', async () => {
    stubFunction(cf, { etag: 'ETAG3', status: 'DEPLOYED', liveEtag: 'ETAG3' })
    cf.on(DeleteFunctionCommand).rejects(awsError('FunctionInUse', { status: 409 }))
    const error = await failure(remove(functions, NAME, { dryRun: false, log }))
    expect(error.message).toContain(
      'still associated with a CloudFront distribution (FunctionInUse)'
    )
    expect(error.message).toContain('Nothing was changed in CloudFront by this run.')
    expect(cf).toHaveReceivedCommandTimes(DeleteFunctionCommand, 1)
  })

  it('re-reads and retries after a 412', async () => {
    const fake = new FakeFunction(cf).exists()
    fake.before('DeleteFunction', () => fake.otherWriterUpdates())
    const result = await remove(functions, NAME, { dryRun: false, log })
    const ifMatch = cf.commandCalls(DeleteFunctionCommand).map(call => call.args[0].input.IfMatch)
    expect(ifMatch).toEqual([VERSION_ETAGS[0], VERSION_ETAGS[1]])
    expect(result.deleted).toBe(true)
    expect(fake.dev).toBeUndefined()
    expect(log.warnings).toEqual([expect.stringContaining('PreconditionFailed')])
  })

  it('gives up after 3 attempts with 412', async () => {
    stubFunction(cf)
    cf.on(DeleteFunctionCommand).rejects(preconditionFailed())
    const error = await failure(remove(functions, NAME, { dryRun: false, log }))
    expect(cf).toHaveReceivedCommandTimes(DeleteFunctionCommand, 3)
    expect(error.message).toContain('DeleteFunction was refused because the function changed')
  })

  it('succeeds when someone else deleted it meanwhile', async () => {
    stubFunction(cf)
    cf.on(DeleteFunctionCommand).rejects(notFound())
    const result = await remove(functions, NAME, { dryRun: false, log })
    expect(result).toMatchObject({ deleted: false, after: undefined })
    expect(log.lines).toContain(
      `${NAME} was deleted by someone else meanwhile; nothing left to do.`
    )
  })

  it('sends no write in a dry run', async () => {
    stubFunction(cf)
    const result = await remove(functions, NAME, { dryRun: true, log })
    expect(writes()).toEqual([])
    expect(result.plan.changes).toEqual([{ action: 'delete' }])
    expect(result.deleted).toBe(false)
  })
})

describe('describeProgress', () => {
  const base: RunResult = {
    firstPlan: { kind: 'function', name: NAME, changes: [] },
    plan: { kind: 'function', name: NAME, changes: [] },
    desired: undefined,
    notes: [],
    before: undefined,
    after: undefined,
    created: false,
    updated: false,
    tagged: false,
    published: false,
    deleted: false,
    tests: []
  }

  it('lists everything done, without the LIVE note once published', () => {
    expect(
      describeProgress({
        ...base,
        created: true,
        tagged: true,
        published: true,
        after: { id: NAME, arn: FUNCTION_ARN, status: '', etag: 'E1', liveEtag: 'E1' }
      })
    ).toBe(
      'Before failing, this run created the function, changed its tags, published it to LIVE (DEVELOPMENT ETag E1).'
    )
    expect(describeProgress({ ...base, deleted: true })).toBe(
      'Before failing, this run deleted it. LIVE was not changed: it still serves what it served before this run.'
    )
  })
})

describe('the log of a plan', () => {
  it('says what each change changes from what to what', async () => {
    new FakeFunction(cf).exists({ comment: 'old' }, true)
    await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), config: { comment: 'new' } }),
      options()
    )
    expect(log.lines).toContain('Plan: update code, comment.')
    expect(log.lines).toContain(
      `  code: ${Buffer.byteLength(CODE)} → ${Buffer.byteLength(NEW_CODE)} bytes`
    )
    expect(log.lines).toContain('  comment: "old" → "new"')
  })
})

describe('a failure after a write keeps the record of it', () => {
  it('reports the update when the read after a lost race fails', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    fake.before('TestFunction', () => {
      fake.otherWriterUpdates({ comment: 'theirs' })
      // The next read of DEVELOPMENT fails: CloudFront has an outage.
      cf.on(DescribeFunctionCommand).rejects(awsError('ServiceUnavailable', { status: 503 }))
    })
    const error = await failure(
      deploy(
        functions,
        desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
        options({ testCases: [{ name: 'a', file: 't.json', event: { request: { uri: '/' } } }] })
      )
    )
    expect(error.result.updated).toBe(true)
    expect(error.message).toContain('Before failing, this run updated its DEVELOPMENT stage')
  })

  it('publishes nothing on behalf of another writer that deployed exactly the inputs', async () => {
    const fake = new FakeFunction(cf).exists({}, true)
    // Each attempt loses a race; before the last one another run deploys and publishes
    // exactly these inputs.
    fake.before('UpdateFunction', () => fake.otherWriterUpdates({ comment: 'theirs 1' }))
    fake.before('UpdateFunction', () => fake.otherWriterUpdates({ comment: 'theirs 2' }))
    fake.before('UpdateFunction', () => {
      fake.otherWriterUpdates({ code: NEW_CODE, comment: '' })
      fake.otherWriterPublishes()
    })
    const result = await deploy(
      functions,
      desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      options()
    )
    expect(cf).not.toHaveReceivedCommand(PublishFunctionCommand)
    expect(result.plan.changes).toEqual([])
    expect(result.published).toBe(false)
    expect(result.after?.liveEtag).toBe(fake.live?.etag)
  })
})
