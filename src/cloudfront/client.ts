// The CloudFront client: the SDK's default credential chain, bounded in time. An endpoint
// that accepts connections and never answers must fail the step within about a minute,
// not hang until the job's timeout.
import { CloudFrontClient } from '@aws-sdk/client-cloudfront'

export type { CloudFrontClient }

/** Time to open a connection. */
export const CONNECT_TIMEOUT_MS = 5_000
/** Time for a whole request, answer included; CloudFront's function calls take well under it. */
export const REQUEST_TIMEOUT_MS = 10_000
/** Attempts per request (the first and two retries): 3 × 10 s plus back-off stays near 30 s. */
export const MAX_REQUEST_ATTEMPTS = 3

/**
 * Set on a failed call's error: true when every attempt before the last was refused with an
 * answer below 500 (throttled), so none of them can have been applied. The SDK keeps only the
 * last attempt's error; a retry after a throttle is no sign of a lost answer.
 */
export const EARLIER_ATTEMPTS_REFUSED = '$earlierAttemptsRefused'

/** A client that follows the SDK's default credential chain; CloudFront is global. */
export function createClient(env: NodeJS.ProcessEnv = process.env): CloudFrontClient {
  const client = new CloudFrontClient({
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    retryMode: 'standard',
    maxAttempts: MAX_REQUEST_ATTEMPTS,
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      socketTimeout: REQUEST_TIMEOUT_MS
    },
    customUserAgent: 'cloudfront-function-deploy'
  })
  recordAttempts(client)
  return client
}

/** Notes how each attempt of a call ended, and tells the final error what the earlier did. */
function recordAttempts(client: CloudFrontClient): void {
  const refusals = new WeakMap<object, boolean[]>()
  // Inside the retry loop: runs once per attempt, around the answer's parsing.
  client.middlewareStack.add(
    (next, context) => async args => {
      try {
        return await next(args)
      } catch (error) {
        const list = refusals.get(context) ?? []
        list.push(isRefusal(statusOf(error)))
        refusals.set(context, list)
        throw error
      }
    },
    { step: 'deserialize', name: 'recordAttemptOutcome', priority: 'high' }
  )
  // Outside it: runs once per call, when the last attempt failed.
  client.middlewareStack.add(
    (next, context) => async args => {
      try {
        return await next(args)
      } catch (error) {
        const earlier = (refusals.get(context) ?? []).slice(0, -1)
        if (typeof error === 'object' && error !== null) {
          Object.defineProperty(error, EARLIER_ATTEMPTS_REFUSED, {
            value: earlier.length > 0 && earlier.every(Boolean),
            enumerable: false,
            writable: true,
            configurable: true
          })
        }
        throw error
      }
    },
    { step: 'initialize', name: 'reportAttemptOutcomes', priority: 'high' }
  )
}

/**
 * Whether an answer with this status refused the request, so it cannot have been applied. Only
 * a 4xx does: no answer, a 5xx or a 2xx the SDK could not read may hide a write.
 */
export function isRefusal(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500
}

function statusOf(error: unknown): number | undefined {
  const failed = error as {
    $metadata?: { httpStatusCode?: number }
    $response?: { statusCode?: number }
  }
  return failed?.$metadata?.httpStatusCode ?? failed?.$response?.statusCode
}

/** The endpoint requests go to, for messages: an override, or CloudFront's global one. */
export function endpointName(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.AWS_ENDPOINT_URL_CLOUDFRONT?.trim() ||
    env.AWS_ENDPOINT_URL?.trim() ||
    'https://cloudfront.amazonaws.com'
  )
}
