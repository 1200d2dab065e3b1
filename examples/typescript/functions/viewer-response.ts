// Viewer response: the security headers every page carries, keeping any the origin set.
import { setDefault } from './lib/http.js'

const SECURITY_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin'
}

export function handler(event: AWSCloudFrontFunction.Event): AWSCloudFrontFunction.Response {
  const response = event.response
  if (!response.headers) response.headers = {}
  const headers = response.headers
  Object.keys(SECURITY_HEADERS).forEach(name => setDefault(headers, name, SECURITY_HEADERS[name]))
  return response
}
