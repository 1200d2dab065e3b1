// Shared helpers of the runtime tests: events as CloudFront sends them, and runs that return
// what the function put in its output.

import { runFunction, type KeyValueStores, type RunOutcome } from '../../src/runtime/index.js'
import type { FunctionKind, Runtime } from '../../src/types.js'

export const V1: Runtime = 'cloudfront-js-1.0'
export const V2: Runtime = 'cloudfront-js-2.0'

export function viewerRequest(request: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '198.51.100.10' },
    request: {
      method: 'GET',
      uri: '/index.html',
      querystring: {},
      headers: { host: { value: 'www.example.com' } },
      cookies: {},
      ...request
    }
  }
}

export function viewerResponse(response: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...viewerRequest(),
    context: { eventType: 'viewer-response' },
    response: { statusCode: 200, statusDescription: 'OK', headers: {}, cookies: {}, ...response }
  }
}

export function connectionEvent(): Record<string, unknown> {
  return {
    clientIp: '203.0.113.7',
    endpoint: 'd111111abcdef8.cloudfront.net',
    distributionId: 'E1EXAMPLE',
    connectionId: 'Cn1EXAMPLE',
    clientCertificate: {
      certificates: {
        leaf: {
          serialNumber: '0a:1b:2c:3d',
          issuer: 'C=US, O=Example Corp, CN=Example Root CA',
          subject: 'C=US, O=Example Corp, CN=device-42',
          validity: { notBefore: '2025-01-01T00:00:00Z', notAfter: '2035-01-01T00:00:00Z' },
          sha256Fingerprint: 'q1w2e3r4t5y6'
        }
      }
    }
  }
}

export interface RunOptions {
  kind?: FunctionKind
  runtime?: Runtime
  event?: Record<string, unknown>
  stores?: KeyValueStores
  timeLimitMs?: number
  computeBudgetMs?: number
}

export function run(code: string, options: RunOptions = {}): Promise<RunOutcome> {
  return runFunction({
    kind: options.kind ?? 'function',
    runtime: options.runtime ?? V2,
    code,
    event: JSON.stringify(options.event ?? viewerRequest()),
    stores: options.stores,
    timeLimitMs: options.timeLimitMs,
    computeBudgetMs: options.computeBudgetMs
  })
}

/** The parsed FunctionOutput; fails the test with the run's error when there is none. */
// Outputs are deep JSON that the tests walk into and assert on with expect().
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function outputOf(outcome: RunOutcome): Record<string, any> {
  if (outcome.output === undefined) throw new Error(`the run failed: ${outcome.error}`)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return JSON.parse(outcome.output) as Record<string, any>
}

/**
 * Runs `body` (statements that leave a value in `result`) inside a handler and returns that
 * value, carried out as JSON in a response header. `prelude` is top-level code (imports).
 */
export async function evaluate(
  body: string,
  options: RunOptions & { prelude?: string } = {}
): Promise<unknown> {
  const asyncKeyword = (options.runtime ?? V2) === V1 ? '' : 'async '
  const code = `${options.prelude ?? ''}
${asyncKeyword}function handler(event) {
  var result;
  ${body}
  return { statusCode: 200, headers: { result: { value: JSON.stringify(result === undefined ? null : result) } } };
}`
  const output = outputOf(await run(code, options))
  return JSON.parse(output.response.headers.result.value as string)
}
