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

/** The content of one stage: what CloudFront would run. */
export interface StageContent {
  etag: string
  config: FunctionConfig
  code: Buffer
}

/** A function as CloudFront holds it now. */
export interface CurrentFunction {
  kind: FunctionKind
  name: string
  /** Connection functions are addressed by Id; CloudFront Functions by name. */
  id: string
  arn: string
  status: string
  development: StageContent
  /**
   * `undefined` while the function has never been published. Its config and code are read
   * only when asked for (to show what production runs).
   */
  live: { etag: string; content?: StageContent } | undefined
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

/** What one run of a function on one event gave: TestFunction's answer, or the local runtime's. */
export interface TestOutcome {
  /** Percent of the allowed compute time (0 to 100). */
  computeUtilization: number
  logs: string[]
  /** The error the function threw; empty when it returned. */
  errorMessage: string
  /** The function's output as JSON text; empty when it threw. */
  output: string
}
