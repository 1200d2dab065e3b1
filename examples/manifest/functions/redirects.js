// Viewer request (cloudfront-js-2.0): redirects whose targets live in a key value store, so
// that marketing can change them without a deploy. The key is the path; the value the target.
// CloudFront calls handler(); nothing in this file does.
/* eslint @typescript-eslint/no-unused-vars: ["error", { "varsIgnorePattern": "^handler$" }] */
import cf from 'cloudfront'

const store = cf.kvs()

async function handler(event) {
  const request = event.request
  if (request.uri.startsWith('/go/') && (await store.exists(request.uri))) {
    return {
      statusCode: 302,
      statusDescription: 'Found',
      headers: { location: { value: await store.get(request.uri) } }
    }
  }
  return request
}
