// Viewer response (cloudfront-js-2.0): the security headers every page carries. A header the
// origin already set is kept.
// CloudFront calls handler(); nothing in this file does.
/* eslint @typescript-eslint/no-unused-vars: ["error", { "varsIgnorePattern": "^handler$" }] */

const HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin'
}

function handler(event) {
  const headers = event.response.headers
  Object.keys(HEADERS).forEach(name => {
    if (!headers[name]) headers[name] = { value: HEADERS[name] }
  })
  delete headers.server
  return event.response
}
