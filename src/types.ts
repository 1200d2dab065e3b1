// Domain types shared by the modules of the action. Nothing here talks to AWS.

/** The two kinds of function the action deploys (the `type` input). */
export type FunctionKind = 'function' | 'connection-function'

export type Runtime = 'cloudfront-js-1.0' | 'cloudfront-js-2.0'

export type Stage = 'DEVELOPMENT' | 'LIVE'

export type Tags = Record<string, string>

/** The part of a function's configuration the action manages. */
export interface FunctionConfig {
  comment: string
  runtime: Runtime
  /** ARNs of the associated key value stores (at most one). */
  keyValueStoreArns: string[]
}

/** What the inputs declare, after store names are resolved to ARNs. */
export interface DesiredFunction {
  kind: FunctionKind
  name: string
  code: Buffer
  config: FunctionConfig
  /** `undefined` leaves existing tags alone; an object makes the tags exactly that. */
  tags: Tags | undefined
  publish: boolean
}

/** A function as CloudFront holds it now. */
export interface CurrentFunction {
  kind: FunctionKind
  name: string
  /** Connection functions are addressed by Id; CloudFront Functions by name. */
  id: string
  arn: string
  status: string
  development: {
    etag: string
    config: FunctionConfig
    code: Buffer
  }
  /** `undefined` while the function has never been published. */
  live: { etag: string } | undefined
  tags: Tags
}

/** What a function looks like after a write, as the adapter reports it. */
export interface FunctionSummary {
  id: string
  arn: string
  status: string
  etag: string
}

export type ConfigField = 'comment' | 'runtime' | 'key-value-stores'

/** One change a plan asks for, in the order it must be applied. */
export type Change =
  | { action: 'create' }
  | { action: 'update'; code: boolean; config: ConfigField[] }
  | { action: 'tag'; tags: Tags }
  | { action: 'untag'; keys: string[] }
  | { action: 'publish' }
  | { action: 'delete' }

export interface Plan {
  kind: FunctionKind
  name: string
  /** Empty when the function already is as declared. */
  changes: Change[]
}
