import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  CloudFrontClient,
  CreateConnectionFunctionCommand,
  CreateFunctionCommand,
  DeleteConnectionFunctionCommand,
  DeleteFunctionCommand,
  DescribeConnectionFunctionCommand,
  DescribeFunctionCommand,
  DescribeKeyValueStoreCommand,
  GetConnectionFunctionCommand,
  GetFunctionCommand,
  ListConnectionFunctionsCommand,
  ListTagsForResourceCommand,
  PublishConnectionFunctionCommand,
  PublishFunctionCommand,
  TagResourceCommand,
  TestConnectionFunctionCommand,
  TestFunctionCommand,
  UntagResourceCommand,
  UpdateConnectionFunctionCommand,
  UpdateFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { AwsCallError } from '../../src/cloudfront/errors.js'
import { createClient, createFunctionsApi, resolveKeyValueStore } from '../../src/cloudfront/api.js'
import {
  CODE,
  CONNECTION_ARN,
  CONNECTION_ID,
  FUNCTION_ARN,
  NAME,
  STORE_ARN,
  awsError,
  blob,
  desiredFunction,
  entityNotFound,
  notFound,
  sdkConnectionSummary,
  sdkFunctionSummary,
  stubConnectionFunction,
  stubFunction,
  stubMissingFunction
} from '../../__fixtures__/cloudfront.js'

const cf = mockClient(CloudFrontClient)
const client = new CloudFrontClient({ region: 'us-east-1' })

beforeEach(() => {
  cf.reset()
})

describe('createClient', () => {
  it('bounds every request in time and its retries in number', async () => {
    const cloudfront = createClient({})
    expect(await cloudfront.config.maxAttempts()).toBe(3)
    const handler = cloudfront.config.requestHandler as unknown as {
      configProvider: Promise<Record<string, unknown>>
    }
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: 5_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true
    })
  })

  it('uses AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1', async () => {
    expect(await createClient({ AWS_REGION: 'eu-west-1' }).config.region()).toBe('eu-west-1')
    expect(await createClient({ AWS_DEFAULT_REGION: 'ap-south-1' }).config.region()).toBe(
      'ap-south-1'
    )
    expect(await createClient({}).config.region()).toBe('us-east-1')
  })
})

describe('CloudFront Functions', () => {
  const api = createFunctionsApi('function', client)

  describe('readStage', () => {
    it('reads config and code of one version, consistently', async () => {
      stubFunction(cf, { etag: 'ETAG2', liveEtag: 'ETAG1', liveCode: 'live code', comment: 'c' })
      expect(await api.readStage(NAME, 'LIVE')).toMatchObject({
        etag: 'ETAG1',
        code: Buffer.from('live code'),
        config: { comment: 'c' }
      })
    })

    it('reads again when a writer changed the function between Describe and Get', async () => {
      stubFunction(cf, { etag: 'ETAG2' })
      cf.on(GetFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
        .resolvesOnce({ ETag: 'ETAG3', FunctionCode: blob('newer') })
        .resolves({ ETag: 'ETAG2', FunctionCode: blob(CODE) })
      expect(await api.readStage(NAME, 'DEVELOPMENT')).toMatchObject({ etag: 'ETAG2' })
      expect(cf).toHaveReceivedCommandTimes(GetFunctionCommand, 2)
    })

    it('gives up after three reads that never agree', async () => {
      stubFunction(cf, { etag: 'ETAG2' })
      cf.on(GetFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' }).resolves({
        ETag: 'ETAG9',
        FunctionCode: blob(CODE)
      })
      await expect(api.readStage(NAME, 'DEVELOPMENT')).rejects.toThrow(
        'changed 3 times while it was being read'
      )
    })

    it('is undefined for a stage that does not exist', async () => {
      stubFunction(cf, { liveEtag: null })
      expect(await api.readStage(NAME, 'LIVE')).toBeUndefined()
    })
  })

  it('reads LIVE content with the function when asked', async () => {
    stubFunction(cf, { etag: 'ETAG2', liveEtag: 'ETAG1', liveCode: 'live code' })
    const current = await api.read(NAME, { tags: false, live: true })
    expect(current?.live).toEqual({
      etag: 'ETAG1',
      content: { etag: 'ETAG1', config: expect.anything(), code: Buffer.from('live code') }
    })
  })

  it('lists tags, keeping keys that name Object.prototype members', async () => {
    cf.on(ListTagsForResourceCommand).resolves({
      Tags: { Items: [{ Key: '__proto__', Value: 'x' }, { Key: 'team' }] }
    })
    const tags = await api.listTags(FUNCTION_ARN)
    expect(Object.keys(tags)).toEqual(['__proto__', 'team'])
    expect(tags.team).toBe('')
  })

  it('names the operation and the endpoint when a request times out', async () => {
    const timeout = Object.assign(new Error('request exceeded the configured 10000 ms'), {
      name: 'TimeoutError',
      $metadata: { attempts: 3 }
    })
    cf.on(DescribeFunctionCommand).rejects(timeout)
    const scoped = createFunctionsApi('function', client, {
      AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9'
    })
    await expect(scoped.describe(NAME, 'DEVELOPMENT')).rejects.toThrow(
      'CloudFront at http://127.0.0.1:9 did not answer DescribeFunction after 3 attempts in time (TimeoutError)'
    )
  })

  describe('read', () => {
    it('is undefined when the function does not exist', async () => {
      stubMissingFunction(cf)
      expect(await api.read(NAME, { tags: true })).toBeUndefined()
      expect(cf).not.toHaveReceivedCommand(ListTagsForResourceCommand)
    })

    it('reads DEVELOPMENT config, code and ETag and the LIVE ETag', async () => {
      stubFunction(cf, {
        etag: 'ETAG2',
        liveEtag: 'ETAG1',
        status: 'DEPLOYED',
        comment: 'headers',
        storeArns: [STORE_ARN]
      })
      const current = await api.read(NAME, { tags: false })
      expect(current).toEqual({
        kind: 'function',
        name: NAME,
        id: NAME,
        arn: FUNCTION_ARN,
        status: 'DEPLOYED',
        development: {
          etag: 'ETAG2',
          config: {
            comment: 'headers',
            runtime: 'cloudfront-js-2.0',
            keyValueStoreArns: [STORE_ARN]
          },
          code: Buffer.from(CODE)
        },
        live: { etag: 'ETAG1' },
        tags: {}
      })
      expect(cf).toHaveReceivedCommandWith(DescribeFunctionCommand, {
        Name: NAME,
        Stage: 'DEVELOPMENT'
      })
      expect(cf).toHaveReceivedCommandWith(GetFunctionCommand, { Name: NAME, Stage: 'DEVELOPMENT' })
      expect(cf).toHaveReceivedCommandWith(DescribeFunctionCommand, { Name: NAME, Stage: 'LIVE' })
      expect(cf).not.toHaveReceivedCommand(ListTagsForResourceCommand)
    })

    it('sends the three reads in parallel', async () => {
      let pending = 0
      let most = 0
      const slow = (output: object) => async () => {
        pending++
        most = Math.max(most, pending)
        await new Promise(resolve => setTimeout(resolve, 5))
        pending--
        return output
      }
      cf.on(DescribeFunctionCommand).callsFake(
        slow({ ETag: 'ETAG1', FunctionSummary: sdkFunctionSummary({}) })
      )
      cf.on(GetFunctionCommand).callsFake(slow({ FunctionCode: blob(CODE) }))
      await api.read(NAME, { tags: false })
      expect(most).toBe(3)
    })

    it('has no LIVE stage when LIVE answers 404', async () => {
      stubFunction(cf, { liveEtag: null })
      const current = await api.read(NAME, { tags: false })
      expect(current?.live).toBeUndefined()
      expect(current?.status).toBe('UNPUBLISHED')
    })

    it('reads the tags with the ARN only when asked', async () => {
      stubFunction(cf, { tags: { team: 'web', env: 'prod' } })
      const current = await api.read(NAME, { tags: true })
      expect(current?.tags).toEqual({ team: 'web', env: 'prod' })
      expect(cf).toHaveReceivedCommandTimes(ListTagsForResourceCommand, 1)
      expect(cf).toHaveReceivedCommandWith(ListTagsForResourceCommand, { Resource: FUNCTION_ARN })
    })

    it('wraps other read errors with the operation', async () => {
      stubFunction(cf)
      cf.on(GetFunctionCommand).rejects(awsError('AccessDenied', { status: 403 }))
      const error = await api.read(NAME, { tags: false }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AwsCallError)
      expect(error).toMatchObject({ operation: 'GetFunction', code: 'AccessDenied', status: 403 })
      expect((error as Error).message).toContain('cloudfront:GetFunction')
    })
  })

  it('describes one stage, undefined on 404', async () => {
    stubFunction(cf, { etag: 'ETAG2', liveEtag: null, status: 'UNPUBLISHED' })
    expect(await api.describe(NAME, 'DEVELOPMENT')).toEqual({
      id: NAME,
      arn: FUNCTION_ARN,
      status: 'UNPUBLISHED',
      etag: 'ETAG2'
    })
    expect(await api.describe(NAME, 'LIVE')).toBeUndefined()
  })

  it('creates with tags and the complete config, KeyValueStoreAssociations included', async () => {
    cf.on(CreateFunctionCommand).resolves({
      ETag: 'ETAG1',
      FunctionSummary: sdkFunctionSummary({})
    })
    const summary = await api.create(
      desiredFunction({ tags: { team: 'web' }, config: { comment: 'c' } })
    )
    expect(summary).toEqual({ id: NAME, arn: FUNCTION_ARN, status: 'UNPUBLISHED', etag: 'ETAG1' })
    expect(cf).toHaveReceivedCommandWith(CreateFunctionCommand, {
      Name: NAME,
      FunctionConfig: {
        Comment: 'c',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 0, Items: [] }
      },
      FunctionCode: Buffer.from(CODE),
      Tags: { Items: [{ Key: 'team', Value: 'web' }] }
    })
  })

  it('creates without Tags when no tags are declared', async () => {
    cf.on(CreateFunctionCommand).resolves({
      ETag: 'ETAG1',
      FunctionSummary: sdkFunctionSummary({})
    })
    await api.create(desiredFunction())
    expect(cf.commandCalls(CreateFunctionCommand)[0].args[0].input.Tags).toBeUndefined()
  })

  it('always sends the complete config on update', async () => {
    cf.on(UpdateFunctionCommand).resolves({
      ETag: 'ETAG2',
      FunctionSummary: sdkFunctionSummary({})
    })
    const summary = await api.update(
      NAME,
      'ETAG1',
      desiredFunction({ config: { keyValueStoreArns: [STORE_ARN] } })
    )
    expect(summary.etag).toBe('ETAG2')
    expect(cf).toHaveReceivedCommandWith(UpdateFunctionCommand, {
      Name: NAME,
      IfMatch: 'ETAG1',
      FunctionConfig: {
        Comment: '',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: STORE_ARN }] }
      },
      FunctionCode: Buffer.from(CODE)
    })
  })

  it('sends KeyValueStoreAssociations Quantity 0 on an update that drops the store', async () => {
    cf.on(UpdateFunctionCommand).resolves({ ETag: 'ETAG2' })
    await api.update(NAME, 'ETAG1', desiredFunction())
    expect(cf).toHaveReceivedCommandWith(UpdateFunctionCommand, {
      FunctionConfig: {
        Comment: '',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 0, Items: [] }
      }
    })
  })

  it('publish returns the published DEVELOPMENT ETag', async () => {
    cf.on(PublishFunctionCommand).resolves({
      FunctionSummary: sdkFunctionSummary({ status: 'UNASSOCIATED' })
    })
    expect(await api.publish(NAME, 'ETAG2')).toEqual({
      id: NAME,
      arn: FUNCTION_ARN,
      status: 'UNASSOCIATED',
      etag: 'ETAG2'
    })
    expect(cf).toHaveReceivedCommandWith(PublishFunctionCommand, { Name: NAME, IfMatch: 'ETAG2' })
  })

  it('tests DEVELOPMENT with the event as JSON and parses the outcome', async () => {
    cf.on(TestFunctionCommand).resolves({
      TestResult: {
        ComputeUtilization: '17',
        FunctionExecutionLogs: ['hello'],
        FunctionErrorMessage: '',
        FunctionOutput: '{"request":{"uri":"/index.html"}}'
      }
    })
    const event = { version: '1.0', request: { uri: '/' } }
    expect(await api.test(NAME, 'ETAG2', event)).toEqual({
      computeUtilization: 17,
      logs: ['hello'],
      errorMessage: '',
      output: '{"request":{"uri":"/index.html"}}'
    })
    expect(cf).toHaveReceivedCommandWith(TestFunctionCommand, {
      Name: NAME,
      IfMatch: 'ETAG2',
      Stage: 'DEVELOPMENT',
      EventObject: Buffer.from(JSON.stringify(event))
    })
  })

  it('reads an empty test result as zero compute and no output', async () => {
    cf.on(TestFunctionCommand).resolves({})
    expect(await api.test(NAME, 'ETAG2', {})).toEqual({
      computeUtilization: 0,
      logs: [],
      errorMessage: '',
      output: ''
    })
  })

  it('deletes with the ETag', async () => {
    cf.on(DeleteFunctionCommand).resolves({})
    await api.delete(NAME, 'ETAG3')
    expect(cf).toHaveReceivedCommandWith(DeleteFunctionCommand, { Name: NAME, IfMatch: 'ETAG3' })
  })

  it('tags and untags the ARN', async () => {
    cf.on(TagResourceCommand).resolves({})
    cf.on(UntagResourceCommand).resolves({})
    await api.tag(FUNCTION_ARN, { team: 'web' })
    await api.untag(FUNCTION_ARN, ['old'])
    expect(cf).toHaveReceivedCommandWith(TagResourceCommand, {
      Resource: FUNCTION_ARN,
      Tags: { Items: [{ Key: 'team', Value: 'web' }] }
    })
    expect(cf).toHaveReceivedCommandWith(UntagResourceCommand, {
      Resource: FUNCTION_ARN,
      TagKeys: { Items: ['old'] }
    })
  })

  const failures: [string, () => Promise<unknown>, unknown, string][] = [
    ['create', () => api.create(desiredFunction()), CreateFunctionCommand, 'CreateFunction'],
    [
      'update',
      () => api.update(NAME, 'E', desiredFunction()),
      UpdateFunctionCommand,
      'UpdateFunction'
    ],
    ['publish', () => api.publish(NAME, 'E'), PublishFunctionCommand, 'PublishFunction'],
    ['test', () => api.test(NAME, 'E', {}), TestFunctionCommand, 'TestFunction'],
    ['delete', () => api.delete(NAME, 'E'), DeleteFunctionCommand, 'DeleteFunction'],
    ['tag', () => api.tag(FUNCTION_ARN, { a: 'b' }), TagResourceCommand, 'TagResource'],
    ['untag', () => api.untag(FUNCTION_ARN, ['a']), UntagResourceCommand, 'UntagResource']
  ]
  it.each(failures)(
    'wraps a failed %s as AwsCallError with the operation',
    async (_label, act, command, operation) => {
      cf.on(command as typeof CreateFunctionCommand).rejects(
        awsError('PreconditionFailed', { status: 412 })
      )
      const error = await act().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AwsCallError)
      expect(error).toMatchObject({ operation, code: 'PreconditionFailed', status: 412 })
    }
  )
})

describe('Connection Functions', () => {
  // A new adapter per test: one adapter keeps its listing for the run it serves.
  let api = createFunctionsApi('connection-function', client)
  beforeEach(() => {
    api = createFunctionsApi('connection-function', client)
  })

  it('lists once for the functions of a run, and again for a name the listing lacks', async () => {
    stubConnectionFunction(cf, { id: CONNECTION_ID })
    await api.read(NAME, { tags: false })
    await api.read(NAME, { tags: false })
    expect(cf).toHaveReceivedCommandTimes(ListConnectionFunctionsCommand, 1)
    expect(await api.read('not-there', { tags: false })).toBeUndefined()
    expect(cf).toHaveReceivedCommandTimes(ListConnectionFunctionsCommand, 2)
  })

  it('lists again when an Id from an earlier listing is gone', async () => {
    stubConnectionFunction(cf, { id: 'cf_old' })
    await api.read(NAME, { tags: false })
    // Deleted and created again by another writer: a new Id.
    cf.reset()
    stubConnectionFunction(cf, { id: 'cf_new' })
    cf.on(DescribeConnectionFunctionCommand, { Identifier: 'cf_old' }).rejects(entityNotFound())
    cf.on(GetConnectionFunctionCommand, { Identifier: 'cf_old' }).rejects(entityNotFound())
    const current = await api.read(NAME, { tags: false })
    expect(current?.id).toBe('cf_new')
    expect(cf).toHaveReceivedCommandTimes(ListConnectionFunctionsCommand, 1)
  })

  it('finds the function by name across pages, then addresses it by Id', async () => {
    const id = 'cf_found_on_page_2'
    cf.on(ListConnectionFunctionsCommand, { Marker: undefined }).resolves({
      ConnectionFunctions: [sdkConnectionSummary({ name: 'other', id: 'cf_other' })],
      NextMarker: 'page-2'
    })
    cf.on(ListConnectionFunctionsCommand, { Marker: 'page-2' }).resolves({
      ConnectionFunctions: [
        sdkConnectionSummary({ name: 'another', id: 'cf_another' }),
        sdkConnectionSummary({ id })
      ]
    })
    cf.on(DescribeConnectionFunctionCommand, { Identifier: id, Stage: 'DEVELOPMENT' }).resolves({
      ETag: 'ETAG2',
      ConnectionFunctionSummary: sdkConnectionSummary({ id, status: 'UNASSOCIATED' })
    })
    cf.on(GetConnectionFunctionCommand, { Identifier: id, Stage: 'DEVELOPMENT' }).resolves({
      ConnectionFunctionCode: blob(CODE)
    })
    cf.on(DescribeConnectionFunctionCommand, { Identifier: id, Stage: 'LIVE' }).resolves({
      ETag: 'ETAG1'
    })
    const current = await api.read(NAME, { tags: false })
    expect(current).toMatchObject({
      kind: 'connection-function',
      name: NAME,
      id,
      arn: `arn:aws:cloudfront::123456789012:connection-function/${id}`,
      status: 'UNASSOCIATED',
      development: { etag: 'ETAG2', code: Buffer.from(CODE) },
      live: { etag: 'ETAG1' }
    })
    const lists = cf.commandCalls(ListConnectionFunctionsCommand).map(call => call.args[0].input)
    expect(lists).toEqual([
      { Marker: undefined, MaxItems: 100, Stage: 'DEVELOPMENT' },
      { Marker: 'page-2', MaxItems: 100, Stage: 'DEVELOPMENT' }
    ])
    expect(cf).toHaveReceivedCommandWith(DescribeConnectionFunctionCommand, {
      Identifier: id,
      Stage: 'DEVELOPMENT'
    })
    expect(cf).toHaveReceivedCommandWith(GetConnectionFunctionCommand, {
      Identifier: id,
      Stage: 'DEVELOPMENT'
    })
  })

  it('is undefined when no page lists the name', async () => {
    cf.on(ListConnectionFunctionsCommand).resolves({
      ConnectionFunctions: [sdkConnectionSummary({ name: 'other', id: 'cf_other' })]
    })
    expect(await api.read(NAME, { tags: true })).toBeUndefined()
    expect(cf).not.toHaveReceivedCommand(DescribeConnectionFunctionCommand)
  })

  it('is undefined when the function is deleted between List and Describe', async () => {
    stubConnectionFunction(cf)
    cf.on(DescribeConnectionFunctionCommand).rejects(entityNotFound())
    cf.on(GetConnectionFunctionCommand).rejects(entityNotFound())
    expect(await api.read(NAME, { tags: false })).toBeUndefined()
  })

  it('reads tags by ARN when asked, and no LIVE stage on 404', async () => {
    stubConnectionFunction(cf, { tags: { team: 'edge' }, liveEtag: null })
    const current = await api.read(NAME, { tags: true })
    expect(current?.tags).toEqual({ team: 'edge' })
    expect(current?.live).toBeUndefined()
    expect(cf).toHaveReceivedCommandWith(ListTagsForResourceCommand, { Resource: CONNECTION_ARN })
  })

  it('describes one stage by Identifier, undefined on 404', async () => {
    stubConnectionFunction(cf, { etag: 'ETAG2', liveEtag: null })
    expect(await api.describe(CONNECTION_ID, 'DEVELOPMENT')).toEqual({
      id: CONNECTION_ID,
      arn: CONNECTION_ARN,
      status: 'UNPUBLISHED',
      etag: 'ETAG2'
    })
    expect(await api.describe(CONNECTION_ID, 'LIVE')).toBeUndefined()
  })

  it('creates with tags and the complete config', async () => {
    cf.on(CreateConnectionFunctionCommand).resolves({
      ETag: 'ETAG1',
      ConnectionFunctionSummary: sdkConnectionSummary({})
    })
    const summary = await api.create(
      desiredFunction({ kind: 'connection-function', tags: { team: 'edge' } })
    )
    expect(summary).toEqual({
      id: CONNECTION_ID,
      arn: CONNECTION_ARN,
      status: 'UNPUBLISHED',
      etag: 'ETAG1'
    })
    expect(cf).toHaveReceivedCommandWith(CreateConnectionFunctionCommand, {
      Name: NAME,
      ConnectionFunctionConfig: {
        Comment: '',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 0, Items: [] }
      },
      ConnectionFunctionCode: Buffer.from(CODE),
      Tags: { Items: [{ Key: 'team', Value: 'edge' }] }
    })
  })

  it('updates, publishes, tests and deletes by Id', async () => {
    cf.on(UpdateConnectionFunctionCommand).resolves({
      ETag: 'ETAG2',
      ConnectionFunctionSummary: sdkConnectionSummary({})
    })
    cf.on(PublishConnectionFunctionCommand).resolves({
      ConnectionFunctionSummary: sdkConnectionSummary({ status: 'PUBLISHING' })
    })
    cf.on(TestConnectionFunctionCommand).resolves({
      ConnectionFunctionTestResult: {
        ComputeUtilization: '3',
        ConnectionFunctionExecutionLogs: ['log'],
        ConnectionFunctionErrorMessage: 'boom',
        ConnectionFunctionOutput: ''
      }
    })
    cf.on(DeleteConnectionFunctionCommand).resolves({})
    const desired = desiredFunction({
      kind: 'connection-function',
      config: { comment: 'mtls', keyValueStoreArns: [STORE_ARN] }
    })

    expect((await api.update(CONNECTION_ID, 'ETAG1', desired)).etag).toBe('ETAG2')
    expect(await api.publish(CONNECTION_ID, 'ETAG2')).toMatchObject({
      status: 'PUBLISHING',
      etag: 'ETAG2'
    })
    expect(await api.test(CONNECTION_ID, 'ETAG2', { a: 1 })).toEqual({
      computeUtilization: 3,
      logs: ['log'],
      errorMessage: 'boom',
      output: ''
    })
    await api.delete(CONNECTION_ID, 'ETAG2')

    expect(cf).toHaveReceivedCommandWith(UpdateConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG1',
      ConnectionFunctionConfig: {
        Comment: 'mtls',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: STORE_ARN }] }
      },
      ConnectionFunctionCode: Buffer.from(CODE)
    })
    expect(cf).toHaveReceivedCommandWith(PublishConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG2'
    })
    expect(cf).toHaveReceivedCommandWith(TestConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG2',
      Stage: 'DEVELOPMENT',
      ConnectionObject: Buffer.from('{"a":1}')
    })
    expect(cf).toHaveReceivedCommandWith(DeleteConnectionFunctionCommand, {
      Id: CONNECTION_ID,
      IfMatch: 'ETAG2'
    })
  })

  it('tags and untags through the shared tagging API', async () => {
    cf.on(TagResourceCommand).resolves({})
    cf.on(UntagResourceCommand).resolves({})
    await api.tag(CONNECTION_ARN, { a: 'b' })
    await api.untag(CONNECTION_ARN, ['c'])
    expect(cf).toHaveReceivedCommandWith(TagResourceCommand, { Resource: CONNECTION_ARN })
    expect(cf).toHaveReceivedCommandWith(UntagResourceCommand, { Resource: CONNECTION_ARN })
  })

  it('wraps a failed list as AwsCallError', async () => {
    cf.on(ListConnectionFunctionsCommand).rejects(awsError('AccessDenied', { status: 403 }))
    await expect(api.read(NAME, { tags: false })).rejects.toMatchObject({
      name: 'AwsCallError',
      operation: 'ListConnectionFunctions'
    })
  })
})

describe('resolveKeyValueStore', () => {
  it('resolves a store name to its ARN', async () => {
    cf.on(DescribeKeyValueStoreCommand, { Name: 'redirects' }).resolves({
      KeyValueStore: {
        Name: 'redirects',
        Id: 'id',
        ARN: STORE_ARN,
        Comment: '',
        LastModifiedTime: new Date()
      }
    })
    expect(await resolveKeyValueStore(client, 'redirects')).toBe(STORE_ARN)
  })

  it('passes an ARN through without a request', async () => {
    expect(await resolveKeyValueStore(client, STORE_ARN)).toBe(STORE_ARN)
    expect(cf.calls()).toHaveLength(0)
  })

  it('fails when CloudFront returns no ARN', async () => {
    cf.on(DescribeKeyValueStoreCommand).resolves({})
    await expect(resolveKeyValueStore(client, 'redirects')).rejects.toThrow(
      "DescribeKeyValueStore returned no ARN for key value store 'redirects'."
    )
  })

  it('wraps a missing store as AwsCallError with the operation', async () => {
    cf.on(DescribeKeyValueStoreCommand).rejects(awsError('EntityNotFound', { status: 404 }))
    await expect(resolveKeyValueStore(client, 'redirects')).rejects.toMatchObject({
      name: 'AwsCallError',
      operation: 'DescribeKeyValueStore',
      code: 'EntityNotFound'
    })
  })
})

it('treats NoSuchFunctionExists on a describe as absent, not as an error', async () => {
  cf.on(DescribeFunctionCommand).rejects(notFound())
  expect(await createFunctionsApi('function', client).describe(NAME, 'LIVE')).toBeUndefined()
})
