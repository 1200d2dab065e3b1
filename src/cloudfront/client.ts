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

/** A client that follows the SDK's default credential chain; CloudFront is global. */
export function createClient(env: NodeJS.ProcessEnv = process.env): CloudFrontClient {
  return new CloudFrontClient({
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
}

/** The endpoint requests go to, for messages: an override, or CloudFront's global one. */
export function endpointName(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.AWS_ENDPOINT_URL_CLOUDFRONT?.trim() ||
    env.AWS_ENDPOINT_URL?.trim() ||
    'https://cloudfront.amazonaws.com'
  )
}
