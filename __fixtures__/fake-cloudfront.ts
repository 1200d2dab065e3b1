// A stateful stand-in for one CloudFront Function behind a mocked CloudFrontClient: reads,
// writes and If-Match checks behave like the service (ETags count versions), and a test can
// make another writer act before a request, or make a write's answer get lost after it was
// applied (the SDK then retries and surfaces the retry's 409/412 with attempts: 2).
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DescribeFunctionCommand,
  GetFunctionCommand,
  ListTagsForResourceCommand,
  PublishFunctionCommand,
  TagResourceCommand,
  TestFunctionCommand,
  UntagResourceCommand,
  UpdateFunctionCommand
} from '@aws-sdk/client-cloudfront'
import type { Tags } from '../src/types.js'
import {
  ACCOUNT,
  CODE,
  NAME,
  awsError,
  blob,
  sdkFunctionSummary,
  type CloudFrontMock
} from './cloudfront.js'

export interface FakeVersion {
  etag: string
  code: string
  comment: string
  runtime: string
  storeArns: string[]
}

export type Operation =
  | 'CreateFunction'
  | 'UpdateFunction'
  | 'PublishFunction'
  | 'DeleteFunction'
  | 'TestFunction'
  | 'DescribeFunction'
  | 'GetFunction'
  | 'TagResource'
  | 'UntagResource'

/** ETags of successive versions, as the service numbers them. */
export const VERSION_ETAGS = ['ETVPDKIKX0DER', 'E3UN6WX5RRO2AG', 'E2QWRUHEXAMPLE', 'E1FAKEVERSION4']

export class FakeFunction {
  dev: FakeVersion | undefined
  live: FakeVersion | undefined
  status = 'UNPUBLISHED'
  tags: Tags = {}
  private versions = 0
  private hooks: { operation: Operation; action: () => void }[] = []
  private afterHooks: { operation: Operation; action: () => void }[] = []
  private lost = new Set<Operation>()
  private withoutEtag = new Set<Operation>()
  /** What a test run returns; the default echoes the request. */
  testOutput: (event: unknown) => { output?: unknown; error?: string; logs?: string[] } =
    event => ({ output: { request: (event as { request?: unknown }).request } })

  constructor(
    private readonly cf: CloudFrontMock,
    readonly name = NAME
  ) {
    this.install()
  }

  get arn(): string {
    return `arn:aws:cloudfront::${ACCOUNT}:function/${this.name}`
  }

  /** Makes the function exist with one version (and LIVE holding it when `published`). */
  exists(content: Partial<Omit<FakeVersion, 'etag'>> = {}, published = false): this {
    this.dev = this.nextVersion(content)
    if (published) this.publishNow()
    return this
  }

  /** Another writer saves a new DEVELOPMENT version. */
  otherWriterUpdates(content: Partial<Omit<FakeVersion, 'etag'>> = { comment: 'theirs' }): void {
    this.dev = this.nextVersion({ ...this.dev, ...content })
  }

  /** Another writer publishes DEVELOPMENT. */
  otherWriterPublishes(): void {
    this.publishNow()
  }

  /** Runs `action` once, just before a request of `operation` is handled (one hook a request, in order). */
  before(operation: Operation, action: () => void): this {
    this.hooks.push({ operation, action })
    return this
  }

  /** Runs `action` after every `operation` is applied, before its answer goes back. */
  afterWrite(operation: Operation, action: () => void): this {
    this.afterHooks.push({ operation, action })
    return this
  }

  /** Answers the next `operation` without an ETag header (UpdateFunction's `ETtag` quirk). */
  omitEtag(operation: 'CreateFunction' | 'UpdateFunction'): this {
    this.withoutEtag.add(operation)
    return this
  }

  /** The next `operation` is applied, but its answer is lost: the SDK's retry gets 409/412. */
  loseAnswer(
    operation: 'CreateFunction' | 'UpdateFunction' | 'PublishFunction' | 'DeleteFunction'
  ): this {
    this.lost.add(operation)
    return this
  }

  private nextVersion(content: Partial<Omit<FakeVersion, 'etag'>>): FakeVersion {
    const etag = VERSION_ETAGS[this.versions] ?? `EVERSION${this.versions + 1}`
    this.versions++
    return {
      etag,
      code: content.code ?? CODE,
      comment: content.comment ?? '',
      runtime: content.runtime ?? 'cloudfront-js-2.0',
      storeArns: content.storeArns ?? []
    }
  }

  private publishNow(): void {
    if (!this.dev) return
    this.live = { ...this.dev }
    this.status = 'UNASSOCIATED'
  }

  /** Runs the first hook waiting for this operation: hooks for one operation queue up. */
  private runHooks(operation: Operation): void {
    const index = this.hooks.findIndex(hook => hook.operation === operation)
    if (index < 0) return
    const [hook] = this.hooks.splice(index, 1)
    hook.action()
  }

  private checkIfMatch(ifMatch: string | undefined, retried: boolean): void {
    if (!this.dev)
      throw awsError('NoSuchFunctionExists', { status: 404, attempts: retried ? 2 : 1 })
    if (ifMatch !== this.dev.etag) {
      throw awsError('PreconditionFailed', { status: 412, attempts: retried ? 2 : 1 })
    }
  }

  /** Applies a write; when its answer is to be lost, applies it and throws what the retry gets. */
  private write<T extends object>(
    operation: Operation,
    apply: () => T,
    retryError: () => Error
  ): T {
    this.runHooks(operation)
    const result = apply()
    for (const hook of this.afterHooks) if (hook.operation === operation) hook.action()
    if (this.lost.delete(operation)) throw retryError()
    if (this.withoutEtag.delete(operation)) return { ...result, ETag: undefined }
    return result
  }

  private summary(version: FakeVersion | undefined, stage = 'DEVELOPMENT') {
    return sdkFunctionSummary(
      {
        name: this.name,
        status: this.status,
        comment: version?.comment,
        runtime: version?.runtime,
        storeArns: version?.storeArns
      },
      stage
    )
  }

  private stage(stage: string | undefined): FakeVersion | undefined {
    return stage === 'LIVE' ? this.live : this.dev
  }

  private install(): void {
    const missing = () => awsError('NoSuchFunctionExists', { status: 404 })
    this.cf.on(DescribeFunctionCommand).callsFake(input => {
      this.runHooks('DescribeFunction')
      const version = this.stage(input.Stage)
      if (!version) throw missing()
      return { ETag: version.etag, FunctionSummary: this.summary(version, input.Stage) }
    })
    this.cf.on(GetFunctionCommand).callsFake(input => {
      this.runHooks('GetFunction')
      const version = this.stage(input.Stage)
      if (!version) throw missing()
      return { ETag: version.etag, FunctionCode: blob(version.code) }
    })
    this.cf.on(CreateFunctionCommand).callsFake(input =>
      this.write(
        'CreateFunction',
        () => {
          if (this.dev) throw awsError('FunctionAlreadyExists', { status: 409 })
          this.versions = 0
          this.status = 'UNPUBLISHED'
          this.dev = this.nextVersion({
            code: Buffer.from(input.FunctionCode ?? []).toString('utf8'),
            comment: input.FunctionConfig?.Comment,
            runtime: input.FunctionConfig?.Runtime,
            storeArns: (input.FunctionConfig?.KeyValueStoreAssociations?.Items ?? []).map(
              (item: { KeyValueStoreARN?: string }) => item.KeyValueStoreARN ?? ''
            )
          })
          this.tags = Object.fromEntries(
            (input.Tags?.Items ?? []).map((tag: { Key: string; Value?: string }) => [
              tag.Key,
              tag.Value ?? ''
            ])
          )
          return { ETag: this.dev.etag, FunctionSummary: this.summary(this.dev) }
        },
        () => awsError('FunctionAlreadyExists', { status: 409, attempts: 2 })
      )
    )
    this.cf.on(UpdateFunctionCommand).callsFake(input =>
      this.write(
        'UpdateFunction',
        () => {
          this.checkIfMatch(input.IfMatch, false)
          this.dev = this.nextVersion({
            code: Buffer.from(input.FunctionCode ?? []).toString('utf8'),
            comment: input.FunctionConfig?.Comment,
            runtime: input.FunctionConfig?.Runtime,
            storeArns: (input.FunctionConfig?.KeyValueStoreAssociations?.Items ?? []).map(
              (item: { KeyValueStoreARN?: string }) => item.KeyValueStoreARN ?? ''
            )
          })
          return { ETag: this.dev.etag, FunctionSummary: this.summary(this.dev) }
        },
        () => awsError('PreconditionFailed', { status: 412, attempts: 2 })
      )
    )
    this.cf.on(PublishFunctionCommand).callsFake(input =>
      this.write(
        'PublishFunction',
        () => {
          this.checkIfMatch(input.IfMatch, false)
          if (this.live?.etag === this.dev?.etag) {
            throw awsError('PreconditionFailed', { status: 412 })
          }
          this.publishNow()
          return { FunctionSummary: this.summary(this.live, 'LIVE') }
        },
        () => awsError('PreconditionFailed', { status: 412, attempts: 2 })
      )
    )
    this.cf.on(DeleteFunctionCommand).callsFake(input =>
      this.write(
        'DeleteFunction',
        () => {
          this.checkIfMatch(input.IfMatch, false)
          this.dev = undefined
          this.live = undefined
          return {}
        },
        () => awsError('NoSuchFunctionExists', { status: 404, attempts: 2 })
      )
    )
    this.cf.on(TestFunctionCommand).callsFake(input => {
      this.runHooks('TestFunction')
      this.checkIfMatch(input.IfMatch, false)
      const event = JSON.parse(Buffer.from(input.EventObject ?? []).toString('utf8')) as unknown
      const result = this.testOutput(event)
      return {
        TestResult: {
          ComputeUtilization: '10',
          FunctionExecutionLogs: result.logs ?? [],
          FunctionErrorMessage: result.error,
          FunctionOutput: result.output === undefined ? undefined : JSON.stringify(result.output)
        }
      }
    })
    this.cf.on(ListTagsForResourceCommand).callsFake(() => ({
      Tags: { Items: Object.entries(this.tags).map(([Key, Value]) => ({ Key, Value })) }
    }))
    this.cf.on(TagResourceCommand).callsFake(input => {
      this.runHooks('TagResource')
      const merged = { ...this.tags }
      for (const tag of input.Tags?.Items ?? []) merged[tag.Key] = tag.Value ?? ''
      if (Object.keys(merged).length > 50) {
        throw awsError('InvalidTagging', { message: 'Too many tags' })
      }
      this.tags = merged
      return {}
    })
    this.cf.on(UntagResourceCommand).callsFake(input => {
      this.runHooks('UntagResource')
      for (const key of input.TagKeys?.Items ?? []) delete this.tags[key]
      return {}
    })
  }
}
