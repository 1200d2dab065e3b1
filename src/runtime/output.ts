// FunctionOutput as TestFunction reports it: the handler's result wrapped as {"request": …} or
// {"response": …}, keeping the fields CloudFront carries and adding the empty maps it adds
// (AWS's documented outputs of generated responses show `"cookies": {}`).

import { fillMaps, isObject } from './event.js'

const REQUEST_FIELDS = ['method', 'uri', 'querystring', 'headers', 'cookies']
const RESPONSE_FIELDS = ['statusCode', 'statusDescription', 'headers', 'cookies', 'body']
// A viewer response function cannot replace the body it sees ("Restrictions on edge functions").
const VIEWER_RESPONSE_FIELDS = ['statusCode', 'statusDescription', 'headers', 'cookies']

export const NO_RESULT = 'Error: The function must return a request or response object.'

export type ShapedOutput = { output: string } | { error: string }

/**
 * Shapes a function's result (JSON text) for an event type: in viewer-request events a result
 * with a `statusCode` is a generated response, anything else the request to forward.
 */
export function shapeFunctionOutput(eventType: string, resultJson: string): ShapedOutput {
  const result = JSON.parse(resultJson) as unknown
  if (!isObject(result)) return { error: NO_RESULT }
  const problem = invalidResult(eventType, result)
  if (problem) return { error: `Error: The function returned an invalid ${problem}` }
  if (eventType === 'viewer-response') {
    return {
      output: JSON.stringify({
        response: pick(result, VIEWER_RESPONSE_FIELDS, ['headers', 'cookies'])
      })
    }
  }
  if ('statusCode' in result) {
    return {
      output: JSON.stringify({ response: pick(result, RESPONSE_FIELDS, ['headers', 'cookies']) })
    }
  }
  return {
    output: JSON.stringify({
      request: pick(result, REQUEST_FIELDS, ['querystring', 'headers', 'cookies'])
    })
  }
}

/**
 * What makes a result one CloudFront cannot use (it counts such a run as a validation error):
 * the structure the guide gives for request and response objects, checked where a handler can
 * get it wrong by accident (returning the whole event, a status code as a string, a header as a
 * bare string). Undefined when the result is usable.
 */
function invalidResult(eventType: string, result: Record<string, unknown>): string | undefined {
  const isResponse = eventType === 'viewer-response' || 'statusCode' in result
  if (isResponse) {
    const status = result.statusCode
    if (status === undefined) {
      return 'response: a viewer response function must return a response with a statusCode'
    }
    if (typeof status !== 'number' || !Number.isInteger(status)) {
      return `response: statusCode must be an integer, not ${kindOf(status)}`
    }
  } else if (result.uri === undefined) {
    return 'request: it has no uri (return event.request, not the whole event)'
  } else if (typeof result.uri !== 'string') {
    return `request: uri must be a string, not ${kindOf(result.uri)}`
  }
  const maps = isResponse ? ['headers', 'cookies'] : ['querystring', 'headers', 'cookies']
  for (const map of maps) {
    const entries = result[map]
    if (entries === undefined || entries === null) continue
    if (!isObject(entries)) {
      return `${isResponse ? 'response' : 'request'}: ${map} must be an object`
    }
    for (const [name, entry] of Object.entries(entries)) {
      if (!isObject(entry)) {
        return `${isResponse ? 'response' : 'request'}: ${map}[${JSON.stringify(name)}] must be an object such as { value: '…' }, not ${kindOf(entry)}`
      }
    }
  }
  return undefined
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  if (typeof value === 'number') return `the number ${value}`
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function pick(
  source: Record<string, unknown>,
  fields: readonly string[],
  maps: readonly string[]
): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const field of fields) {
    if (source[field] !== undefined) picked[field] = source[field]
  }
  fillMaps(picked, maps)
  return picked
}
