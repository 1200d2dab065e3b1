// The CloudFront adapter: the only module that imports the AWS SDK. It hides
// the differences between CloudFront Functions (keyed by name) and Connection
// Functions (found by name, then addressed by Id) behind one interface.
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
  UpdateFunctionCommand,
  type ConnectionFunctionSummary,
  type FunctionConfig as SdkFunctionConfig,
  type FunctionSummary as SdkFunctionSummary
} from '@aws-sdk/client-cloudfront'
import { AwsCallError, isNotFound } from './errors.js'
import type {
  CurrentFunction,
  DesiredFunction,
  FunctionConfig,
  FunctionKind,
  FunctionSummary,
  Runtime,
  Stage,
  Tags
} from '../types.js'

export type { CloudFrontClient }

/** What one TestFunction / TestConnectionFunction call returned. */
export interface TestOutcome {
  computeUtilization: number
  logs: string[]
  errorMessage: string
  output: string
}

/** Everything the action does to functions of one kind. */
export interface FunctionsApi {
  readonly kind: FunctionKind
  /** Reads DEVELOPMENT (config, code, ETag), LIVE (ETag) and, when asked, tags. */
  read(name: string, options: { tags: boolean }): Promise<CurrentFunction | undefined>
  /** Describes one stage; `undefined` when that stage does not exist. */
  describe(id: string, stage: Stage): Promise<FunctionSummary | undefined>
  create(desired: DesiredFunction): Promise<FunctionSummary>
  update(id: string, etag: string, desired: DesiredFunction): Promise<FunctionSummary>
  /** Publishes DEVELOPMENT; the summary's ETag is the DEVELOPMENT ETag that was published. */
  publish(id: string, etag: string): Promise<FunctionSummary>
  test(id: string, etag: string, event: unknown): Promise<TestOutcome>
  delete(id: string, etag: string): Promise<void>
  tag(arn: string, tags: Tags): Promise<void>
  untag(arn: string, keys: string[]): Promise<void>
}

/** A client that follows the SDK's default credential chain; CloudFront is global. */
export function createClient(env: NodeJS.ProcessEnv = process.env): CloudFrontClient {
  return new CloudFrontClient({
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    retryMode: 'standard',
    maxAttempts: 5,
    customUserAgent: 'cloudfront-function-deploy'
  })
}

export function createFunctionsApi(kind: FunctionKind, client: CloudFrontClient): FunctionsApi {
  const tags = new TagsApi(client)
  return kind === 'function'
    ? new CloudFrontFunctionsApi(client, tags)
    : new ConnectionFunctionsApi(client, tags)
}

/** Resolves a key value store given by name to its ARN; ARNs pass through. */
export async function resolveKeyValueStore(
  client: CloudFrontClient,
  store: string
): Promise<string> {
  if (store.startsWith('arn:')) return store
  const result = await call('DescribeKeyValueStore', () =>
    client.send(new DescribeKeyValueStoreCommand({ Name: store }))
  )
  const arn = result.KeyValueStore?.ARN
  if (!arn) throw new Error(`DescribeKeyValueStore returned no ARN for key value store '${store}'.`)
  return arn
}

/** Runs one SDK call and tags any failure with the operation's name. */
async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send()
  } catch (error) {
    throw new AwsCallError(operation, error)
  }
}

/** Like `call`, but a 404 becomes `undefined`. */
async function callOrMissing<T>(operation: string, send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send()
  } catch (error) {
    const failed = new AwsCallError(operation, error)
    if (isNotFound(failed)) return undefined
    throw failed
  }
}

function toSdkConfig(config: FunctionConfig): SdkFunctionConfig {
  return {
    Comment: config.comment,
    Runtime: config.runtime,
    // Always sent, even empty: UpdateFunction replaces the whole config.
    KeyValueStoreAssociations: {
      Quantity: config.keyValueStoreArns.length,
      Items: config.keyValueStoreArns.map(KeyValueStoreARN => ({ KeyValueStoreARN }))
    }
  }
}

function fromSdkConfig(config: SdkFunctionConfig | undefined): FunctionConfig {
  return {
    comment: config?.Comment ?? '',
    runtime: (config?.Runtime ?? 'cloudfront-js-1.0') as Runtime,
    keyValueStoreArns: (config?.KeyValueStoreAssociations?.Items ?? []).map(
      item => item.KeyValueStoreARN ?? ''
    )
  }
}

function toSdkTags(
  tags: Tags | undefined
): { Items: { Key: string; Value: string }[] } | undefined {
  if (tags === undefined || Object.keys(tags).length === 0) return undefined
  return { Items: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }
}

function toTestOutcome(result: {
  ComputeUtilization?: string
  logs?: string[]
  error?: string
  output?: string
}): TestOutcome {
  return {
    computeUtilization: Number(result.ComputeUtilization ?? '0'),
    logs: result.logs ?? [],
    errorMessage: result.error ?? '',
    output: result.output ?? ''
  }
}

class TagsApi {
  constructor(private readonly client: CloudFrontClient) {}

  async list(arn: string): Promise<Tags> {
    const result = await call('ListTagsForResource', () =>
      this.client.send(new ListTagsForResourceCommand({ Resource: arn }))
    )
    return Object.fromEntries((result.Tags?.Items ?? []).map(tag => [tag.Key, tag.Value ?? '']))
  }

  async tag(arn: string, tags: Tags): Promise<void> {
    await call('TagResource', () =>
      this.client.send(new TagResourceCommand({ Resource: arn, Tags: toSdkTags(tags) ?? {} }))
    )
  }

  async untag(arn: string, keys: string[]): Promise<void> {
    await call('UntagResource', () =>
      this.client.send(new UntagResourceCommand({ Resource: arn, TagKeys: { Items: keys } }))
    )
  }
}

class CloudFrontFunctionsApi implements FunctionsApi {
  readonly kind = 'function' as const

  constructor(
    private readonly client: CloudFrontClient,
    private readonly tags: TagsApi
  ) {}

  async read(name: string, options: { tags: boolean }): Promise<CurrentFunction | undefined> {
    const [development, code, live] = await Promise.all([
      callOrMissing('DescribeFunction', () =>
        this.client.send(new DescribeFunctionCommand({ Name: name, Stage: 'DEVELOPMENT' }))
      ),
      callOrMissing('GetFunction', () =>
        this.client.send(new GetFunctionCommand({ Name: name, Stage: 'DEVELOPMENT' }))
      ),
      callOrMissing('DescribeFunction', () =>
        this.client.send(new DescribeFunctionCommand({ Name: name, Stage: 'LIVE' }))
      )
    ])
    if (!development?.FunctionSummary || !code) return undefined
    const summary = development.FunctionSummary
    const arn = summary.FunctionMetadata?.FunctionARN ?? ''
    // The ARN holds the account id, so tags can only be read after Describe.
    const tags = options.tags ? await this.tags.list(arn) : {}
    return {
      kind: this.kind,
      name,
      id: name,
      arn,
      status: summary.Status ?? '',
      development: {
        etag: development.ETag ?? '',
        config: fromSdkConfig(summary.FunctionConfig),
        code: Buffer.from(code.FunctionCode ?? new Uint8Array())
      },
      live: live?.ETag ? { etag: live.ETag } : undefined,
      tags
    }
  }

  async describe(id: string, stage: Stage): Promise<FunctionSummary | undefined> {
    const result = await callOrMissing('DescribeFunction', () =>
      this.client.send(new DescribeFunctionCommand({ Name: id, Stage: stage }))
    )
    return result && summarize(result.FunctionSummary, result.ETag)
  }

  async create(desired: DesiredFunction): Promise<FunctionSummary> {
    const result = await call('CreateFunction', () =>
      this.client.send(
        new CreateFunctionCommand({
          Name: desired.name,
          FunctionConfig: toSdkConfig(desired.config),
          FunctionCode: desired.code,
          Tags: toSdkTags(desired.tags)
        })
      )
    )
    return summarize(result.FunctionSummary, result.ETag)
  }

  async update(id: string, etag: string, desired: DesiredFunction): Promise<FunctionSummary> {
    const result = await call('UpdateFunction', () =>
      this.client.send(
        new UpdateFunctionCommand({
          Name: id,
          IfMatch: etag,
          FunctionConfig: toSdkConfig(desired.config),
          FunctionCode: desired.code
        })
      )
    )
    return summarize(result.FunctionSummary, result.ETag)
  }

  async publish(id: string, etag: string): Promise<FunctionSummary> {
    const result = await call('PublishFunction', () =>
      this.client.send(new PublishFunctionCommand({ Name: id, IfMatch: etag }))
    )
    // PublishFunction answers without an ETag: LIVE now holds the content of `etag`.
    return summarize(result.FunctionSummary, etag)
  }

  async test(id: string, etag: string, event: unknown): Promise<TestOutcome> {
    const result = await call('TestFunction', () =>
      this.client.send(
        new TestFunctionCommand({
          Name: id,
          IfMatch: etag,
          Stage: 'DEVELOPMENT',
          EventObject: Buffer.from(JSON.stringify(event))
        })
      )
    )
    const test = result.TestResult ?? {}
    return toTestOutcome({
      ComputeUtilization: test.ComputeUtilization,
      logs: test.FunctionExecutionLogs,
      error: test.FunctionErrorMessage,
      output: test.FunctionOutput
    })
  }

  async delete(id: string, etag: string): Promise<void> {
    await call('DeleteFunction', () =>
      this.client.send(new DeleteFunctionCommand({ Name: id, IfMatch: etag }))
    )
  }

  tag(arn: string, tags: Tags): Promise<void> {
    return this.tags.tag(arn, tags)
  }

  untag(arn: string, keys: string[]): Promise<void> {
    return this.tags.untag(arn, keys)
  }
}

function summarize(
  summary: SdkFunctionSummary | undefined,
  etag: string | undefined
): FunctionSummary {
  return {
    id: summary?.Name ?? '',
    arn: summary?.FunctionMetadata?.FunctionARN ?? '',
    status: summary?.Status ?? '',
    etag: etag ?? ''
  }
}

function summarizeConnection(
  summary: ConnectionFunctionSummary | undefined,
  etag: string | undefined
): FunctionSummary {
  return {
    id: summary?.Id ?? '',
    arn: summary?.ConnectionFunctionArn ?? '',
    status: summary?.Status ?? '',
    etag: etag ?? ''
  }
}

class ConnectionFunctionsApi implements FunctionsApi {
  readonly kind = 'connection-function' as const

  constructor(
    private readonly client: CloudFrontClient,
    private readonly tags: TagsApi
  ) {}

  /** Connection functions are addressed by Id: find the one with this name (all pages). */
  private async findByName(name: string): Promise<ConnectionFunctionSummary | undefined> {
    let marker: string | undefined
    do {
      const page = await call('ListConnectionFunctions', () =>
        this.client.send(
          new ListConnectionFunctionsCommand({
            Marker: marker,
            MaxItems: 100,
            Stage: 'DEVELOPMENT'
          })
        )
      )
      const found = page.ConnectionFunctions?.find(summary => summary.Name === name)
      if (found) return found
      marker = page.NextMarker || undefined
    } while (marker)
    return undefined
  }

  async read(name: string, options: { tags: boolean }): Promise<CurrentFunction | undefined> {
    const listed = await this.findByName(name)
    if (!listed?.Id) return undefined
    const id = listed.Id
    const arn = listed.ConnectionFunctionArn ?? ''
    const [development, code, live, tags] = await Promise.all([
      callOrMissing('DescribeConnectionFunction', () =>
        this.client.send(
          new DescribeConnectionFunctionCommand({ Identifier: id, Stage: 'DEVELOPMENT' })
        )
      ),
      callOrMissing('GetConnectionFunction', () =>
        this.client.send(new GetConnectionFunctionCommand({ Identifier: id, Stage: 'DEVELOPMENT' }))
      ),
      callOrMissing('DescribeConnectionFunction', () =>
        this.client.send(new DescribeConnectionFunctionCommand({ Identifier: id, Stage: 'LIVE' }))
      ),
      options.tags ? this.tags.list(arn) : Promise.resolve({})
    ])
    // Deleted between List and Describe: it does not exist any more.
    if (!development?.ConnectionFunctionSummary || !code) return undefined
    const summary = development.ConnectionFunctionSummary
    return {
      kind: this.kind,
      name,
      id,
      arn: summary.ConnectionFunctionArn ?? arn,
      status: summary.Status ?? '',
      development: {
        etag: development.ETag ?? '',
        config: fromSdkConfig(summary.ConnectionFunctionConfig),
        code: Buffer.from(code.ConnectionFunctionCode ?? new Uint8Array())
      },
      live: live?.ETag ? { etag: live.ETag } : undefined,
      tags
    }
  }

  async describe(id: string, stage: Stage): Promise<FunctionSummary | undefined> {
    const result = await callOrMissing('DescribeConnectionFunction', () =>
      this.client.send(new DescribeConnectionFunctionCommand({ Identifier: id, Stage: stage }))
    )
    return result && summarizeConnection(result.ConnectionFunctionSummary, result.ETag)
  }

  async create(desired: DesiredFunction): Promise<FunctionSummary> {
    const result = await call('CreateConnectionFunction', () =>
      this.client.send(
        new CreateConnectionFunctionCommand({
          Name: desired.name,
          ConnectionFunctionConfig: toSdkConfig(desired.config),
          ConnectionFunctionCode: desired.code,
          Tags: toSdkTags(desired.tags)
        })
      )
    )
    return summarizeConnection(result.ConnectionFunctionSummary, result.ETag)
  }

  async update(id: string, etag: string, desired: DesiredFunction): Promise<FunctionSummary> {
    const result = await call('UpdateConnectionFunction', () =>
      this.client.send(
        new UpdateConnectionFunctionCommand({
          Id: id,
          IfMatch: etag,
          ConnectionFunctionConfig: toSdkConfig(desired.config),
          ConnectionFunctionCode: desired.code
        })
      )
    )
    return summarizeConnection(result.ConnectionFunctionSummary, result.ETag)
  }

  async publish(id: string, etag: string): Promise<FunctionSummary> {
    const result = await call('PublishConnectionFunction', () =>
      this.client.send(new PublishConnectionFunctionCommand({ Id: id, IfMatch: etag }))
    )
    return summarizeConnection(result.ConnectionFunctionSummary, etag)
  }

  async test(id: string, etag: string, event: unknown): Promise<TestOutcome> {
    const result = await call('TestConnectionFunction', () =>
      this.client.send(
        new TestConnectionFunctionCommand({
          Id: id,
          IfMatch: etag,
          Stage: 'DEVELOPMENT',
          ConnectionObject: Buffer.from(JSON.stringify(event))
        })
      )
    )
    const test = result.ConnectionFunctionTestResult ?? {}
    return toTestOutcome({
      ComputeUtilization: test.ComputeUtilization,
      logs: test.ConnectionFunctionExecutionLogs,
      error: test.ConnectionFunctionErrorMessage,
      output: test.ConnectionFunctionOutput
    })
  }

  async delete(id: string, etag: string): Promise<void> {
    await call('DeleteConnectionFunction', () =>
      this.client.send(new DeleteConnectionFunctionCommand({ Id: id, IfMatch: etag }))
    )
  }

  tag(arn: string, tags: Tags): Promise<void> {
    return this.tags.tag(arn, tags)
  }

  untag(arn: string, keys: string[]): Promise<void> {
    return this.tags.untag(arn, keys)
  }
}
