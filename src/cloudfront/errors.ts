// Turns failed AWS calls into messages that say what happened and what to do.
import { errorMessage } from '../errors.js'
import { EARLIER_ATTEMPTS_REFUSED, isRefusal } from './client.js'

/** A failed CloudFront call, with the operation that failed. */
export class AwsCallError extends Error {
  readonly code: string
  readonly status: number | undefined
  readonly requestId: string | undefined
  /** How many times the SDK sent the request (1 when it did not retry). */
  readonly attempts: number
  /** Every attempt before the last was refused (throttled): none of them was applied. */
  readonly earlierAttemptsRefused: boolean
  /** The last attempt was refused (a 4xx), so it was not applied. */
  readonly refused: boolean

  constructor(
    readonly operation: string,
    override readonly cause: unknown,
    /** Where the request went, for messages about unreachable or silent endpoints. */
    readonly endpoint?: string
  ) {
    const error = cause as {
      name?: string
      message?: string
      code?: string
      $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }
    }
    const code = error?.name && error.name !== 'Error' ? error.name : (error?.code ?? 'Error')
    super(
      explain(operation, code, error?.message ?? errorMessage(cause), error?.$metadata, endpoint)
    )
    this.name = 'AwsCallError'
    this.code = code
    this.status = error?.$metadata?.httpStatusCode
    this.requestId = error?.$metadata?.requestId
    this.attempts = error?.$metadata?.attempts ?? 1
    this.refused = isRefusal(this.status)
    this.earlierAttemptsRefused =
      (cause as Record<string, unknown> | undefined)?.[EARLIER_ATTEMPTS_REFUSED] === true
  }
}

/**
 * True when the SDK sent the request more than once and an earlier attempt may have reached
 * CloudFront and been applied, with its answer lost on the way back (not when every earlier
 * attempt was throttled: a refusal is an answer).
 */
export function wasRetried(error: unknown): boolean {
  return error instanceof AwsCallError && error.attempts > 1 && !error.earlierAttemptsRefused
}

/** True for the error CloudFront gives when an If-Match ETag is stale. */
export function isPreconditionFailed(error: unknown): boolean {
  return error instanceof AwsCallError && error.code === 'PreconditionFailed'
}

/** The codes of each kind of error, for both kinds of function. */
const NOT_FOUND = new Set(['NoSuchFunctionExists', 'EntityNotFound', 'NoSuchResource'])
const ALREADY_EXISTS = new Set(['FunctionAlreadyExists', 'EntityAlreadyExists'])
const IN_USE = new Set(['FunctionInUse', 'CannotDeleteEntityWhileInUse'])
const TOO_LARGE = new Set(['FunctionSizeLimitExceeded', 'EntitySizeLimitExceeded'])
const TOO_MANY = new Set(['TooManyFunctions', 'EntityLimitExceeded'])

/** True when a create lost a race against another writer. */
export function isAlreadyExists(error: unknown): boolean {
  return error instanceof AwsCallError && ALREADY_EXISTS.has(error.code)
}

export function isNotFound(error: unknown): boolean {
  return error instanceof AwsCallError && NOT_FOUND.has(error.code)
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown'
])
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException'
])
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'TimeoutError'
])

function explain(
  operation: string,
  code: string,
  message: string,
  metadata: { httpStatusCode?: number; requestId?: string; attempts?: number } | undefined,
  endpoint: string | undefined
): string {
  const detail = message ? `: ${message}` : ''
  const attempts =
    metadata?.attempts && metadata.attempts > 1 ? ` after ${metadata.attempts} attempts` : ''
  const request = metadata?.requestId ? ` (request id ${metadata.requestId})` : ''
  const action = `cloudfront:${operation}`
  if (code === 'AccessDenied' || code === 'AccessDeniedException') {
    return `AWS denied ${action}${detail}. Grant the IAM action ${action} to the role this workflow assumes (the README lists the least-privilege policy)${request}.`
  }
  if (code === 'CredentialsProviderError') {
    return `No AWS credentials were found for ${operation}${detail}. Add aws-actions/configure-aws-credentials (OIDC role or keys) before this step.`
  }
  if (BAD_CREDENTIALS.has(code)) {
    return `AWS rejected the credentials for ${operation} (${code})${detail}. Check the role or keys given to aws-actions/configure-aws-credentials and that they have not expired.`
  }
  if (THROTTLING.has(code)) {
    return `CloudFront throttled ${operation}${attempts} (${code}). Too many requests hit the CloudFront API at once: re-run the job later, or run fewer deploys at the same time (a concurrency group).${request}`
  }
  if (code === 'PreconditionFailed') {
    return `${operation} was refused because the function changed since it was read (412 PreconditionFailed): another deploy is writing it at the same time.${request}`
  }
  if (code === 'InvalidIfMatchVersion') {
    return `${operation} was sent without a valid If-Match ETag (InvalidIfMatchVersion)${detail}.${request}`
  }
  if (NOT_FOUND.has(code)) {
    return `${operation}: CloudFront found no such resource (${code})${detail}. It may have been deleted while this run was working: re-run the step.${request}`
  }
  if (TOO_LARGE.has(code)) {
    return `${operation}: the function code is over CloudFront's size limit (${code})${detail}. Minify the code or move data into a key value store.${request}`
  }
  if (TOO_MANY.has(code)) {
    return `${operation}: the account has reached CloudFront's limit on the number of functions of this kind (${code})${detail}. Delete functions that are no longer used (for example old pull-request previews) or ask AWS for a higher quota.${request}`
  }
  if (IN_USE.has(code)) {
    return `${operation}: the function is still associated with a CloudFront distribution (${code}), so CloudFront will not delete it. Remove it from every distribution's cache behaviors (or connection settings), wait for the distribution to deploy, then delete it again.${request}`
  }
  if (code === 'InvalidTagging') {
    return `${operation}: CloudFront rejected the tags (InvalidTagging)${detail}. Check the tags input.${request}`
  }
  if (code === 'InvalidArgument') {
    return `${operation}: CloudFront rejected the request as invalid (InvalidArgument)${detail}. Check the inputs named in that message.${request}`
  }
  const where = endpoint ? ` at ${endpoint}` : ''
  if (code === 'TimeoutError' || /timed out|exceeded the configured/i.test(message)) {
    return `CloudFront${where} did not answer ${operation}${attempts} in time (${code}). The endpoint accepted the connection but sent no answer: check the network and any AWS_ENDPOINT_URL settings, then re-run.`
  }
  if (NETWORK.has(code) || /ECONN|ETIMEDOUT|socket hang up/i.test(message)) {
    return `Could not reach CloudFront${where} for ${operation}${attempts} (${code})${detail}. Check the network and any AWS_ENDPOINT_URL settings, then re-run.`
  }
  if (metadata?.httpStatusCode !== undefined && metadata.httpStatusCode >= 500) {
    return `CloudFront failed ${operation} with a server error${attempts} (${code}, HTTP ${metadata.httpStatusCode})${detail}. This is on AWS's side: re-run the job.${request}`
  }
  return `${operation} failed (${code})${detail}.${request}`
}
