// Viewer request: redirects kept in a key value store (editable without a deploy), then index
// documents for directory paths. Deployed with bundle: true; needs key-value-stores.
import cf from 'cloudfront'
import { redirect, withIndexDocument } from './lib/http.js'

const redirects = cf.kvs()

export async function handler(
  event: AWSCloudFrontFunction.Event
): Promise<AWSCloudFrontFunction.Request | AWSCloudFrontFunction.Response> {
  const request = event.request
  if (request.uri.startsWith('/go/') && (await redirects.exists(request.uri))) {
    return redirect(await redirects.get(request.uri), false)
  }
  request.uri = withIndexDocument(request.uri)
  return request
}
