// Typed builders for CloudFront state: the domain objects the plan and apply work on,
// SDK errors as the client throws them, and stubs that make a mocked CloudFrontClient
// answer reads the way CloudFront does.
import {
  DescribeConnectionFunctionCommand,
  DescribeFunctionCommand,
  GetConnectionFunctionCommand,
  GetFunctionCommand,
  ListConnectionFunctionsCommand,
  ListTagsForResourceCommand,
  type CloudFrontClient,
  type ConnectionFunctionSummary,
  type FunctionSummary,
  type GetFunctionCommandOutput
} from '@aws-sdk/client-cloudfront'
import type { AwsClientStub } from 'aws-sdk-client-mock'
import type { Log } from '../src/report/log.js'
import type { CurrentFunction, DesiredFunction, FunctionConfig, Tags } from '../src/types.js'

export const ACCOUNT = '123456789012'
export const NAME = 'viewer-request'
export const FUNCTION_ARN = `arn:aws:cloudfront::${ACCOUNT}:function/${NAME}`
export const CONNECTION_ID = 'cf_0123456789abcdef'
export const CONNECTION_ARN = `arn:aws:cloudfront::${ACCOUNT}:connection-function/${CONNECTION_ID}`
export const STORE_ARN = `arn:aws:cloudfront::${ACCOUNT}:key-value-store/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`
export const OTHER_STORE_ARN = `arn:aws:cloudfront::${ACCOUNT}:key-value-store/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`
export const CODE = 'function handler(event) {\n  return event.request\n}\n'
export const NEW_CODE =
  "function handler(event) {\n  event.request.uri = '/index.html'\n  return event.request\n}\n"

export function config(overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return { comment: '', runtime: 'cloudfront-js-2.0', keyValueStoreArns: [], ...overrides }
}

export function desiredFunction(
  overrides: Partial<Omit<DesiredFunction, 'config'>> & { config?: Partial<FunctionConfig> } = {}
): DesiredFunction {
  const { config: configOverrides, ...rest } = overrides
  return {
    kind: 'function',
    name: NAME,
    code: Buffer.from(CODE),
    tags: undefined,
    publish: false,
    ...rest,
    config: config(configOverrides)
  }
}

export interface CurrentOverrides {
  kind?: CurrentFunction['kind']
  id?: string
  arn?: string
  status?: string
  etag?: string
  /** `null` for a function that has never been published. */
  liveEtag?: string | null
  code?: string
  config?: Partial<FunctionConfig>
  tags?: Tags
}

export function currentFunction(overrides: CurrentOverrides = {}): CurrentFunction {
  const liveEtag = overrides.liveEtag === undefined ? 'ETAG1' : overrides.liveEtag
  return {
    kind: overrides.kind ?? 'function',
    name: NAME,
    id: overrides.id ?? NAME,
    arn: overrides.arn ?? FUNCTION_ARN,
    status: overrides.status ?? 'UNASSOCIATED',
    development: {
      etag: overrides.etag ?? 'ETAG1',
      config: config(overrides.config),
      code: Buffer.from(overrides.code ?? CODE)
    },
    live: liveEtag === null ? undefined : { etag: liveEtag },
    tags: overrides.tags ?? {}
  }
}

/** An error shaped like the ones the SDK throws for a service exception. */
export function awsError(
  name: string,
  options: { status?: number; attempts?: number; message?: string; requestId?: string } = {}
): Error & { $metadata: Record<string, unknown> } {
  const error = new Error(options.message ?? `${name} (mocked)`) as Error & {
    $metadata: Record<string, unknown>
  }
  error.name = name
  error.$metadata = {
    httpStatusCode: options.status ?? 400,
    requestId: options.requestId ?? 'req-1',
    attempts: options.attempts ?? 1
  }
  return error
}

export const notFound = (): Error => awsError('NoSuchFunctionExists', { status: 404 })
export const entityNotFound = (): Error => awsError('EntityNotFound', { status: 404 })
export const preconditionFailed = (): Error => awsError('PreconditionFailed', { status: 412 })

/** A log that keeps every line, for assertions on what the run said. */
export interface RecordingLog extends Log {
  lines: string[]
  warnings: string[]
}

export function recordingLog(): RecordingLog {
  const lines: string[] = []
  const warnings: string[] = []
  return {
    lines,
    warnings,
    info: message => lines.push(message),
    warning: message => warnings.push(message),
    startGroup: () => {},
    endGroup: () => {}
  }
}

/** The state of one function as a stub serves it. */
export interface StubState {
  name?: string
  etag?: string
  /** `null` (the default) when the function was never published. */
  liveEtag?: string | null
  status?: string
  code?: string
  comment?: string
  runtime?: string
  storeArns?: string[]
  tags?: Tags
  /** The code LIVE serves; the DEVELOPMENT code by default. */
  liveCode?: string
}

export type CloudFrontMock = AwsClientStub<CloudFrontClient>

export function sdkFunctionSummary(state: StubState, stage = 'DEVELOPMENT'): FunctionSummary {
  return {
    Name: state.name ?? NAME,
    Status: state.status ?? 'UNPUBLISHED',
    FunctionConfig: {
      Comment: state.comment ?? '',
      Runtime: (state.runtime ?? 'cloudfront-js-2.0') as 'cloudfront-js-2.0',
      KeyValueStoreAssociations: {
        Quantity: (state.storeArns ?? []).length,
        Items: (state.storeArns ?? []).map(KeyValueStoreARN => ({ KeyValueStoreARN }))
      }
    },
    FunctionMetadata: {
      FunctionARN: `arn:aws:cloudfront::${ACCOUNT}:function/${state.name ?? NAME}`,
      Stage: stage as 'DEVELOPMENT',
      LastModifiedTime: new Date('2026-01-01T00:00:00Z')
    }
  }
}

/** Code bytes as GetFunction returns them (a Uint8Array with string helpers). */
export function blob(text: string): NonNullable<GetFunctionCommandOutput['FunctionCode']> {
  const bytes = new Uint8Array(Buffer.from(text))
  return Object.assign(bytes, {
    transformToString: () => text
  }) as unknown as NonNullable<GetFunctionCommandOutput['FunctionCode']>
}

function tagItems(tags: Tags | undefined): { Items: { Key: string; Value: string }[] } {
  return { Items: Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value })) }
}

/** Makes the mock answer reads of a CloudFront Function (by name) from `state`. */
export function stubFunction(cf: CloudFrontMock, state: StubState = {}): void {
  const name = state.name ?? NAME
  const etag = state.etag ?? 'ETAG1'
  cf.on(DescribeFunctionCommand, { Name: name, Stage: 'DEVELOPMENT' }).resolves({
    ETag: etag,
    FunctionSummary: sdkFunctionSummary(state)
  })
  cf.on(GetFunctionCommand, { Name: name, Stage: 'DEVELOPMENT' }).resolves({
    ETag: etag,
    ContentType: 'application/octet-stream',
    FunctionCode: blob(state.code ?? CODE)
  })
  if (state.liveEtag) {
    cf.on(DescribeFunctionCommand, { Name: name, Stage: 'LIVE' }).resolves({
      ETag: state.liveEtag,
      FunctionSummary: sdkFunctionSummary(state, 'LIVE')
    })
    cf.on(GetFunctionCommand, { Name: name, Stage: 'LIVE' }).resolves({
      ETag: state.liveEtag,
      ContentType: 'application/octet-stream',
      FunctionCode: blob(state.liveCode ?? state.code ?? CODE)
    })
  } else {
    cf.on(DescribeFunctionCommand, { Name: name, Stage: 'LIVE' }).rejects(notFound())
    cf.on(GetFunctionCommand, { Name: name, Stage: 'LIVE' }).rejects(notFound())
  }
  cf.on(ListTagsForResourceCommand).resolves({ Tags: tagItems(state.tags) })
}

/** Makes the mock answer that no CloudFront Function of that name exists. */
export function stubMissingFunction(cf: CloudFrontMock): void {
  cf.on(DescribeFunctionCommand).rejects(notFound())
  cf.on(GetFunctionCommand).rejects(notFound())
}

export function sdkConnectionSummary(
  state: StubState & { id?: string },
  stage = 'DEVELOPMENT'
): ConnectionFunctionSummary {
  const id = state.id ?? CONNECTION_ID
  return {
    Name: state.name ?? NAME,
    Id: id,
    ConnectionFunctionArn: `arn:aws:cloudfront::${ACCOUNT}:connection-function/${id}`,
    Status: state.status ?? 'UNPUBLISHED',
    Stage: stage as 'DEVELOPMENT',
    ConnectionFunctionConfig: {
      Comment: state.comment ?? '',
      Runtime: (state.runtime ?? 'cloudfront-js-2.0') as 'cloudfront-js-2.0',
      KeyValueStoreAssociations: {
        Quantity: (state.storeArns ?? []).length,
        Items: (state.storeArns ?? []).map(KeyValueStoreARN => ({ KeyValueStoreARN }))
      }
    },
    CreatedTime: new Date('2026-01-01T00:00:00Z'),
    LastModifiedTime: new Date('2026-01-01T00:00:00Z')
  }
}

/** Makes the mock list one connection function (one page) and answer its reads by Id. */
export function stubConnectionFunction(
  cf: CloudFrontMock,
  state: StubState & { id?: string } = {}
): void {
  const id = state.id ?? CONNECTION_ID
  const etag = state.etag ?? 'ETAG1'
  cf.on(ListConnectionFunctionsCommand).resolves({
    ConnectionFunctions: [sdkConnectionSummary({ ...state, id })]
  })
  cf.on(DescribeConnectionFunctionCommand, { Identifier: id, Stage: 'DEVELOPMENT' }).resolves({
    ETag: etag,
    ConnectionFunctionSummary: sdkConnectionSummary({ ...state, id })
  })
  cf.on(GetConnectionFunctionCommand, { Identifier: id, Stage: 'DEVELOPMENT' }).resolves({
    ETag: etag,
    ConnectionFunctionCode: blob(state.code ?? CODE)
  })
  if (state.liveEtag) {
    cf.on(DescribeConnectionFunctionCommand, { Identifier: id, Stage: 'LIVE' }).resolves({
      ETag: state.liveEtag,
      ConnectionFunctionSummary: sdkConnectionSummary({ ...state, id }, 'LIVE')
    })
    cf.on(GetConnectionFunctionCommand, { Identifier: id, Stage: 'LIVE' }).resolves({
      ETag: state.liveEtag,
      ConnectionFunctionCode: blob(state.liveCode ?? state.code ?? CODE)
    })
  } else {
    cf.on(DescribeConnectionFunctionCommand, { Identifier: id, Stage: 'LIVE' }).rejects(
      entityNotFound()
    )
    cf.on(GetConnectionFunctionCommand, { Identifier: id, Stage: 'LIVE' }).rejects(entityNotFound())
  }
  cf.on(ListTagsForResourceCommand).resolves({ Tags: tagItems(state.tags) })
}
