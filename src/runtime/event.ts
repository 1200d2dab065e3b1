// The event as the service hands it to the function: CloudFront fills in the maps a test event
// leaves out (headers, cookies, querystring) with empty objects.

import type { FunctionKind } from '../types.js'

export type PreparedEvent = { json: string; eventType: string } | { error: string }

const REQUEST_MAPS = ['querystring', 'headers', 'cookies'] as const
const RESPONSE_MAPS = ['headers', 'cookies'] as const

export function prepareEvent(kind: FunctionKind, text: string): PreparedEvent {
  let event: unknown
  try {
    event = JSON.parse(text)
  } catch (error) {
    return { error: `The event is not valid JSON: ${(error as Error).message}` }
  }
  if (!isObject(event)) {
    return { error: 'The event must be a JSON object' }
  }
  if (kind === 'connection-function') {
    return { json: JSON.stringify(event), eventType: 'connection' }
  }
  fillMaps(event.request, REQUEST_MAPS)
  fillMaps(event.response, RESPONSE_MAPS)
  const context = event.context
  const eventType =
    isObject(context) && typeof context.eventType === 'string'
      ? context.eventType
      : 'viewer-request'
  return { json: JSON.stringify(event), eventType }
}

export function fillMaps(target: unknown, names: readonly string[]): void {
  if (!isObject(target)) return
  for (const name of names) {
    if (target[name] === undefined || target[name] === null) target[name] = {}
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
