// Input checks with the limits of the service (API model and quotas page).
import { ApiError, invalid } from './errors.js'

export type Kind = 'function' | 'connection-function'

export const ACCOUNT = '123456789012'
export const MAX_CODE_BYTES = 10_240 // quotas page: 10 KB per function, not adjustable
export const MAX_EVENT_BYTES = 40_960
export const MAX_FUNCTIONS = 100 // per kind and account
export const RUNTIMES = ['cloudfront-js-1.0', 'cloudfront-js-2.0']
const NAME = /^[a-zA-Z0-9-_]{1,64}$/
const KVS_ARN = /^arn:aws:cloudfront::[0-9]{12}:key-value-store\/[0-9a-fA-F-]{36}$/
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u

export interface FunctionConfig {
  comment: string
  runtime: string
  keyValueStoreArns: string[]
}

/** Error codes differ between the two function kinds for the same condition. */
export const CODES = {
  function: {
    notFound: 'NoSuchFunctionExists',
    exists: 'FunctionAlreadyExists',
    tooBig: 'FunctionSizeLimitExceeded',
    inUse: 'FunctionInUse',
    tooMany: 'TooManyFunctions'
  },
  'connection-function': {
    notFound: 'EntityNotFound',
    exists: 'EntityAlreadyExists',
    tooBig: 'EntitySizeLimitExceeded',
    inUse: 'CannotDeleteEntityWhileInUse',
    tooMany: 'EntityLimitExceeded'
  }
} as const

export function checkName(name: string | undefined, what = 'function'): string {
  if (name === undefined || !NAME.test(name)) {
    throw invalid(`The ${what} name must match [a-zA-Z0-9-_]{1,64}.`)
  }
  return name
}

export function checkCode(kind: Kind, code: Buffer | undefined): Buffer {
  if (!code || code.length === 0) throw invalid('The function code must not be empty.')
  if (code.length > MAX_CODE_BYTES) {
    throw new ApiError(
      CODES[kind].tooBig,
      `The function code is ${code.length} bytes; the maximum is ${MAX_CODE_BYTES} bytes.`
    )
  }
  return code
}

/** Store existence is checked by the caller, which knows the stores. */
export function checkConfig(kind: Kind, config: FunctionConfig | undefined): FunctionConfig {
  if (!config) throw invalid('The function configuration is missing.')
  if (!RUNTIMES.includes(config.runtime)) {
    throw invalid(`Runtime must be one of ${RUNTIMES.join(', ')}.`)
  }
  // The developer guide: connection functions support JavaScript runtime 2.0 only.
  if (kind === 'connection-function' && config.runtime !== 'cloudfront-js-2.0') {
    throw invalid('Connection functions support only the cloudfront-js-2.0 runtime.')
  }
  const arns = config.keyValueStoreArns
  if (arns.length > 1) throw invalid('A function can be associated with at most 1 key value store.')
  for (const arn of arns) {
    if (!KVS_ARN.test(arn)) throw invalid(`Invalid key value store ARN: ${arn}`)
  }
  if (arns.length && config.runtime !== 'cloudfront-js-2.0') {
    throw invalid('Key value store associations require the cloudfront-js-2.0 runtime.')
  }
  return config
}

export function checkTags(tags: { key: string; value: string }[]): void {
  for (const { key, value } of tags) {
    if (key.length < 1 || key.length > 128 || !TAG_CHARS.test(key)) {
      throw new ApiError('InvalidTagging', `Invalid tag key: ${JSON.stringify(key)}`)
    }
    if (value.length > 256 || !TAG_CHARS.test(value)) {
      throw new ApiError('InvalidTagging', `Invalid tag value for key ${JSON.stringify(key)}`)
    }
  }
  if (tags.length > 50) throw new ApiError('InvalidTagging', 'At most 50 tags per resource.')
}

/** MaxItems travels as a string in query strings; the service rejects non-numbers. */
export function checkMaxItems(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 100
  if (!/^\d+$/.test(raw)) throw invalid('MaxItems must be a number.')
  const n = Number(raw)
  if (n < 1 || n > 100) throw invalid('MaxItems must be between 1 and 100.')
  return n
}

export function checkStage(raw: string | undefined): 'DEVELOPMENT' | 'LIVE' | undefined {
  if (raw === undefined || raw === '') return undefined
  if (raw !== 'DEVELOPMENT' && raw !== 'LIVE') throw invalid('Stage must be DEVELOPMENT or LIVE.')
  return raw
}
