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
// XML 1.0 Char: what an XML document can carry at all, even as a character reference.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u
export const MAX_COMMENT_CHARS = 128
export const MAX_TAGS = 50
const MAX_TAG_KEY_CHARS = 128
const MAX_TAG_VALUE_CHARS = 256

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
  checkComment(config.comment)
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

/** Length in characters (Unicode code points), the way the service counts, not UTF-16 units. */
export const characters = (s: string): number => [...s].length

/** True when XML cannot carry the text: control characters other than tab, LF and CR, and the like. */
export const notXml = (s: string): boolean => NOT_XML.test(s)

/** Comments of functions (FunctionConfig) and of key value stores. */
export function checkComment(comment: string): string {
  if (notXml(comment)) throw invalid('The comment contains characters that XML cannot carry.')
  if (characters(comment) > MAX_COMMENT_CHARS) {
    throw invalid(`The comment can be at most ${MAX_COMMENT_CHARS} characters.`)
  }
  return comment
}

const tagError = (message: string): ApiError => new ApiError('InvalidTagging', message)

export function checkTagKey(key: string): string {
  const shown = JSON.stringify(key)
  if (notXml(key)) throw tagError(`The tag key ${shown} contains characters that XML cannot carry.`)
  const n = characters(key)
  if (n < 1 || n > MAX_TAG_KEY_CHARS) {
    throw tagError(`A tag key must be 1 to ${MAX_TAG_KEY_CHARS} characters: ${shown}`)
  }
  if (!TAG_CHARS.test(key)) throw tagError(`Invalid characters in the tag key ${shown}`)
  if (key.toLowerCase().startsWith('aws:')) {
    throw tagError(`Tag keys starting with aws: are reserved: ${shown}`)
  }
  return key
}

function checkTagValue(key: string, value: string): void {
  const shown = JSON.stringify(key)
  if (notXml(value)) {
    throw tagError(`The value of the tag ${shown} contains characters that XML cannot carry.`)
  }
  if (characters(value) > MAX_TAG_VALUE_CHARS) {
    throw tagError(`A tag value can be at most ${MAX_TAG_VALUE_CHARS} characters (tag ${shown}).`)
  }
  if (!TAG_CHARS.test(value)) throw tagError(`Invalid characters in the value of the tag ${shown}`)
}

/** Tags of one request; a key may appear once. */
export function checkTags(tags: { key: string; value: string }[]): void {
  const seen = new Set<string>()
  for (const { key, value } of tags) {
    checkTagKey(key)
    checkTagValue(key, value)
    if (seen.has(key)) throw tagError(`The tag key ${JSON.stringify(key)} appears more than once.`)
    seen.add(key)
  }
  checkTagCount(tags.length)
}

/** A resource holds at most 50 tags, counted after a TagResource merge too. */
export function checkTagCount(n: number): void {
  if (n > MAX_TAGS) throw tagError(`A resource can have at most ${MAX_TAGS} tags; this makes ${n}.`)
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
