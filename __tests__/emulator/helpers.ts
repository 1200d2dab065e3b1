// Shared helpers for the emulator tests: a real SDK client pointed at the emulator.
import { CloudFrontClient } from '@aws-sdk/client-cloudfront'

export const ACCOUNT = '123456789012'

/** A client; `requestTimeoutMs` makes a request that gets no answer fail with TimeoutError. */
export function client(url: string, maxAttempts = 1, requestTimeoutMs?: number): CloudFrontClient {
  return new CloudFrontClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts,
    ...(requestTimeoutMs === undefined
      ? {}
      : { requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true } })
  })
}

/** The HTTP status of a failed SDK call. */
export const statusOf = (e: Record<string, unknown>): number | undefined =>
  (e.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
export const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b)

export const REQUEST_FN = `function handler(event) {
  var request = event.request;
  request.headers['x-seen'] = { value: 'yes' };
  return request;
}`

export function viewerRequest(uri = '/index.html'): Uint8Array {
  return bytes(
    JSON.stringify({
      version: '1.0',
      context: { eventType: 'viewer-request' },
      viewer: { ip: '198.51.100.1' },
      request: { method: 'GET', uri, querystring: {}, headers: {}, cookies: {} }
    })
  )
}

export function config(comment = 'test', runtime = 'cloudfront-js-1.0') {
  return { Comment: comment, Runtime: runtime as 'cloudfront-js-1.0' | 'cloudfront-js-2.0' }
}

/** Awaits a rejected promise and returns the error, failing when it resolves. */
export async function failure(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p
  } catch (e) {
    return e as Error & Record<string, unknown>
  }
  throw new Error('expected the call to fail')
}
