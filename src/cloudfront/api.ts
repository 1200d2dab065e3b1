// The CloudFront adapter: the only module that imports the AWS SDK. It hides the differences
// between CloudFront Functions (keyed by name) and Connection Functions (found by name, then
// addressed by Id) behind one interface. Each kind is a small table of wire calls; what the
// action does with them (consistent reads, stages, tags) is written once.
import {
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
  ListKeyValueStoresCommand,
  ListTagsForResourceCommand,
  PublishConnectionFunctionCommand,
  PublishFunctionCommand,
  TagResourceCommand,
  TestConnectionFunctionCommand,
  TestFunctionCommand,
  UntagResourceCommand,
  UpdateConnectionFunctionCommand,
  UpdateFunctionCommand,
  type CloudFrontClient,
  type ConnectionFunctionSummary,
  type FunctionConfig as SdkFunctionConfig,
  type FunctionSummary as SdkFunctionSummary
} from '@aws-sdk/client-cloudfront'
import type {
  CurrentFunction,
  DesiredFunction,
  FunctionConfig,
  FunctionKind,
  FunctionSummary,
  Runtime,
  Stage,
  StageContent,
  Tags,
  TestOutcome
} from '../types.js'
import { endpointName } from './client.js'
import { AwsCallError, isNotFound } from './errors.js'

export { createClient, type CloudFrontClient } from './client.js'

/** One stage as described and read in one consistent snapshot. */
export interface StageSnapshot extends StageContent {
  id: string
  arn: string
  status: string
}

export interface ReadOptions {
  /** Also read the tags (one more request, after the ARN is known for functions). */
  tags: boolean
  /** Also read LIVE's config and code, to show what production runs. */
  live?: boolean
}

/** Everything the action does to functions of one kind. */
export interface FunctionsApi {
  readonly kind: FunctionKind
  /** Reads DEVELOPMENT (config, code, ETag), LIVE (ETag, content when asked) and tags when asked. */
  read(name: string, options: ReadOptions): Promise<CurrentFunction | undefined>
  /** Describes one stage; `undefined` when that stage does not exist. */
  describe(id: string, stage: Stage): Promise<FunctionSummary | undefined>
  /** Describes and gets one stage, consistently (both answers carry the same ETag). */
  readStage(id: string, stage: Stage): Promise<StageSnapshot | undefined>
  create(desired: DesiredFunction): Promise<FunctionSummary>
  update(id: string, etag: string, desired: DesiredFunction): Promise<FunctionSummary>
  /** Publishes DEVELOPMENT; the summary's ETag is the DEVELOPMENT ETag that was published. */
  publish(id: string, etag: string): Promise<FunctionSummary>
  test(id: string, etag: string, event: unknown): Promise<TestOutcome>
  delete(id: string, etag: string): Promise<void>
  listTags(arn: string): Promise<Tags>
  tag(arn: string, tags: Tags): Promise<void>
  untag(arn: string, keys: string[]): Promise<void>
}

/** How many times a read is repeated when a writer changes the function between its parts. */
const CONSISTENT_READ_ATTEMPTS = 3

export function createFunctionsApi(
  kind: FunctionKind,
  client: CloudFrontClient,
  env: NodeJS.ProcessEnv = process.env
): FunctionsApi {
  const call = caller(endpointName(env))
  const wire = kind === 'function' ? functionWire(client, call) : connectionWire(client, call)
  return new Functions(kind, wire, client, call)
}

/** Resolves a key value store given by name to its ARN; ARNs pass through. */
export async function resolveKeyValueStore(
  client: CloudFrontClient,
  store: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  if (store.startsWith('arn:')) return store
  const result = await caller(endpointName(env))('DescribeKeyValueStore', () =>
    client.send(new DescribeKeyValueStoreCommand({ Name: store }))
  )
  const arn = result.KeyValueStore?.ARN
  if (!arn) throw new Error(`DescribeKeyValueStore returned no ARN for key value store '${store}'.`)
  return arn
}

/** The names and ARNs of every key value store of the account (all pages). */
export async function listKeyValueStores(
  client: CloudFrontClient,
  env: NodeJS.ProcessEnv = process.env
): Promise<{ name: string; arn: string }[]> {
  const call = caller(endpointName(env))
  const stores: { name: string; arn: string }[] = []
  let marker: string | undefined
  do {
    const page = await call('ListKeyValueStores', () =>
      client.send(new ListKeyValueStoresCommand({ Marker: marker, MaxItems: 100 }))
    )
    for (const item of page.KeyValueStoreList?.Items ?? []) {
      if (item.Name && item.ARN) stores.push({ name: item.Name, arn: item.ARN })
    }
    marker = page.KeyValueStoreList?.NextMarker || undefined
  } while (marker)
  return stores
}

type Call = <T>(operation: string, send: () => Promise<T>) => Promise<T>

/** Runs one SDK call and tags any failure with the operation's name and the endpoint. */
function caller(endpoint: string): Call {
  return async (operation, send) => {
    try {
      return await send()
    } catch (error) {
      throw new AwsCallError(operation, error, endpoint)
    }
  }
}

/** Like `call`, but a 404 becomes `undefined`. */
async function orMissing<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/** What differs between the two kinds: the requests and the shapes of their answers. */
interface Wire {
  /**
   * The Id and ARN of the function with this name (connection functions need a List, which a
   * run shares: `listedBefore` says the answer came from an earlier listing, `fresh` asks for
   * a new one).
   */
  find(
    name: string,
    fresh?: boolean
  ): Promise<{ id: string; arn: string; listedBefore?: boolean } | undefined>
  describe(id: string, stage: Stage): Promise<{ summary: FunctionSummary; config: FunctionConfig }>
  get(id: string, stage: Stage): Promise<{ etag: string; code: Buffer }>
  create(desired: DesiredFunction): Promise<FunctionSummary>
  update(id: string, etag: string, desired: DesiredFunction): Promise<FunctionSummary>
  publish(id: string, etag: string): Promise<FunctionSummary>
  test(id: string, etag: string, event: unknown): Promise<TestOutcome>
  delete(id: string, etag: string): Promise<void>
}

class Functions implements FunctionsApi {
  constructor(
    readonly kind: FunctionKind,
    private readonly wire: Wire,
    private readonly client: CloudFrontClient,
    private readonly call: Call
  ) {}

  async read(name: string, options: ReadOptions): Promise<CurrentFunction | undefined> {
    const found = await this.wire.find(name)
    if (!found) return undefined
    const current = await this.readFound(name, found, options)
    // An Id from an earlier listing may be gone (deleted, or created again under a new Id).
    if (current || !found.listedBefore) return current
    const again = await this.wire.find(name, true)
    return again && this.readFound(name, again, options)
  }

  private async readFound(
    name: string,
    found: { id: string; arn: string },
    options: ReadOptions
  ): Promise<CurrentFunction | undefined> {
    // Connection functions know their ARN from the list: read tags in the same round.
    const earlyTags = options.tags && found.arn ? this.listTags(found.arn) : undefined
    earlyTags?.catch(() => undefined)
    const [development, live] = await Promise.all([
      this.readStage(found.id, 'DEVELOPMENT'),
      this.readLive(found.id, options.live === true)
    ])
    // Deleted between the list and the reads: it does not exist any more.
    if (!development) return undefined
    const tags = earlyTags
      ? await earlyTags
      : options.tags
        ? await this.listTags(development.arn)
        : {}
    return {
      kind: this.kind,
      name,
      id: found.id,
      arn: development.arn || found.arn,
      status: development.status,
      development: { etag: development.etag, config: development.config, code: development.code },
      live,
      tags
    }
  }

  /** LIVE's ETag, with its config and code when `content` is asked for. */
  private async readLive(id: string, content: boolean): Promise<CurrentFunction['live']> {
    if (content) {
      const live = await this.readStage(id, 'LIVE')
      return (
        live && {
          etag: live.etag,
          content: { etag: live.etag, config: live.config, code: live.code }
        }
      )
    }
    const live = await this.describe(id, 'LIVE')
    return live?.etag ? { etag: live.etag } : undefined
  }

  async describe(id: string, stage: Stage): Promise<FunctionSummary | undefined> {
    return (await orMissing(this.wire.describe(id, stage)))?.summary
  }

  async readStage(id: string, stage: Stage): Promise<StageSnapshot | undefined> {
    // Describe and Get are two requests: a writer between them would pair one version's
    // config with another's code. Both answers carry the version's ETag; read again until
    // they agree.
    for (let attempt = 1; ; attempt++) {
      const [described, got] = await Promise.all([
        orMissing(this.wire.describe(id, stage)),
        orMissing(this.wire.get(id, stage))
      ])
      if (!described || !got) return undefined
      if (!got.etag || !described.summary.etag || got.etag === described.summary.etag) {
        return {
          ...described.summary,
          etag: described.summary.etag || got.etag,
          config: described.config,
          code: got.code
        }
      }
      if (attempt === CONSISTENT_READ_ATTEMPTS) {
        throw new Error(
          `${id} (${stage}) changed ${CONSISTENT_READ_ATTEMPTS} times while it was being read: another writer is deploying it. Make deploys of one function run one at a time (a workflow concurrency group) and re-run.`
        )
      }
    }
  }

  create(desired: DesiredFunction): Promise<FunctionSummary> {
    return this.wire.create(desired)
  }

  update(id: string, etag: string, desired: DesiredFunction): Promise<FunctionSummary> {
    return this.wire.update(id, etag, desired)
  }

  publish(id: string, etag: string): Promise<FunctionSummary> {
    return this.wire.publish(id, etag)
  }

  test(id: string, etag: string, event: unknown): Promise<TestOutcome> {
    return this.wire.test(id, etag, event)
  }

  delete(id: string, etag: string): Promise<void> {
    return this.wire.delete(id, etag)
  }

  async listTags(arn: string): Promise<Tags> {
    const result = await this.call('ListTagsForResource', () =>
      this.client.send(new ListTagsForResourceCommand({ Resource: arn }))
    )
    // A Map first: keys such as `__proto__` are ordinary tags.
    return Object.fromEntries(
      new Map((result.Tags?.Items ?? []).map(tag => [tag.Key, tag.Value ?? '']))
    )
  }

  async tag(arn: string, tags: Tags): Promise<void> {
    await this.call('TagResource', () =>
      this.client.send(new TagResourceCommand({ Resource: arn, Tags: toSdkTags(tags) ?? {} }))
    )
  }

  async untag(arn: string, keys: string[]): Promise<void> {
    await this.call('UntagResource', () =>
      this.client.send(new UntagResourceCommand({ Resource: arn, TagKeys: { Items: keys } }))
    )
  }
}

// ---- the wire formats of the two kinds ----------------------------------------------------

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

function functionWire(client: CloudFrontClient, call: Call): Wire {
  return {
    // Functions are addressed by name; the ARN comes with the first describe.
    find: async name => ({ id: name, arn: '' }),
    describe: async (id, stage) => {
      const result = await call('DescribeFunction', () =>
        client.send(new DescribeFunctionCommand({ Name: id, Stage: stage }))
      )
      return {
        summary: summarize(result.FunctionSummary, result.ETag),
        config: fromSdkConfig(result.FunctionSummary?.FunctionConfig)
      }
    },
    get: async (id, stage) => {
      const result = await call('GetFunction', () =>
        client.send(new GetFunctionCommand({ Name: id, Stage: stage }))
      )
      return {
        etag: result.ETag ?? '',
        code: Buffer.from(result.FunctionCode ?? new Uint8Array())
      }
    },
    create: async desired => {
      const result = await call('CreateFunction', () =>
        client.send(
          new CreateFunctionCommand({
            Name: desired.name,
            FunctionConfig: toSdkConfig(desired.config),
            FunctionCode: desired.code,
            Tags: toSdkTags(desired.tags)
          })
        )
      )
      return summarize(result.FunctionSummary, result.ETag)
    },
    update: async (id, etag, desired) => {
      const result = await call('UpdateFunction', () =>
        client.send(
          new UpdateFunctionCommand({
            Name: id,
            IfMatch: etag,
            FunctionConfig: toSdkConfig(desired.config),
            FunctionCode: desired.code
          })
        )
      )
      return summarize(result.FunctionSummary, result.ETag)
    },
    publish: async (id, etag) => {
      const result = await call('PublishFunction', () =>
        client.send(new PublishFunctionCommand({ Name: id, IfMatch: etag }))
      )
      // PublishFunction answers without an ETag: LIVE now holds the version of `etag`.
      return summarize(result.FunctionSummary, etag)
    },
    test: async (id, etag, event) => {
      const result = await call('TestFunction', () =>
        client.send(
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
    },
    delete: async (id, etag) => {
      await call('DeleteFunction', () =>
        client.send(new DeleteFunctionCommand({ Name: id, IfMatch: etag }))
      )
    }
  }
}

function connectionWire(client: CloudFrontClient, call: Call): Wire {
  // Connection functions are addressed by Id, found by name in ListConnectionFunctions. One
  // listing serves every connection function of a run; a name it does not hold lists again,
  // and so does a caller that knows its Id may be stale.
  let listing: Promise<Map<string, { id: string; arn: string }>> | undefined
  const list = async (): Promise<Map<string, { id: string; arn: string }>> => {
    const byName = new Map<string, { id: string; arn: string }>()
    let marker: string | undefined
    do {
      const page = await call('ListConnectionFunctions', () =>
        client.send(
          new ListConnectionFunctionsCommand({
            Marker: marker,
            MaxItems: 100,
            Stage: 'DEVELOPMENT'
          })
        )
      )
      for (const summary of page.ConnectionFunctions ?? []) {
        if (summary.Name && summary.Id) {
          byName.set(summary.Name, { id: summary.Id, arn: summary.ConnectionFunctionArn ?? '' })
        }
      }
      marker = page.NextMarker || undefined
    } while (marker)
    return byName
  }
  return {
    find: async (name, fresh) => {
      if (listing && !fresh) {
        const known = (await listing.catch(() => undefined))?.get(name)
        if (known) return { ...known, listedBefore: true }
      }
      const current = list()
      listing = current
      return (await current).get(name)
    },
    describe: async (id, stage) => {
      const result = await call('DescribeConnectionFunction', () =>
        client.send(new DescribeConnectionFunctionCommand({ Identifier: id, Stage: stage }))
      )
      return {
        summary: summarizeConnection(result.ConnectionFunctionSummary, result.ETag),
        config: fromSdkConfig(result.ConnectionFunctionSummary?.ConnectionFunctionConfig)
      }
    },
    get: async (id, stage) => {
      const result = await call('GetConnectionFunction', () =>
        client.send(new GetConnectionFunctionCommand({ Identifier: id, Stage: stage }))
      )
      return {
        etag: result.ETag ?? '',
        code: Buffer.from(result.ConnectionFunctionCode ?? new Uint8Array())
      }
    },
    create: async desired => {
      const result = await call('CreateConnectionFunction', () =>
        client.send(
          new CreateConnectionFunctionCommand({
            Name: desired.name,
            ConnectionFunctionConfig: toSdkConfig(desired.config),
            ConnectionFunctionCode: desired.code,
            Tags: toSdkTags(desired.tags)
          })
        )
      )
      return summarizeConnection(result.ConnectionFunctionSummary, result.ETag)
    },
    update: async (id, etag, desired) => {
      const result = await call('UpdateConnectionFunction', () =>
        client.send(
          new UpdateConnectionFunctionCommand({
            Id: id,
            IfMatch: etag,
            ConnectionFunctionConfig: toSdkConfig(desired.config),
            ConnectionFunctionCode: desired.code
          })
        )
      )
      return summarizeConnection(result.ConnectionFunctionSummary, result.ETag)
    },
    publish: async (id, etag) => {
      const result = await call('PublishConnectionFunction', () =>
        client.send(new PublishConnectionFunctionCommand({ Id: id, IfMatch: etag }))
      )
      return summarizeConnection(result.ConnectionFunctionSummary, etag)
    },
    test: async (id, etag, event) => {
      const result = await call('TestConnectionFunction', () =>
        client.send(
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
    },
    delete: async (id, etag) => {
      await call('DeleteConnectionFunction', () =>
        client.send(new DeleteConnectionFunctionCommand({ Id: id, IfMatch: etag }))
      )
    }
  }
}
