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
