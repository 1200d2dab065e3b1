// Viewer-request function (cloudfront-js-2.0) for a static site served from S3:
//  - www.example.com redirects permanently to example.com, keeping path and query;
//  - paths moved from /blog/ to /posts/ redirect permanently;
//  - directory-style paths are rewritten to their index.html (/docs/ and /docs
//    both fetch /docs/index.html from the origin);
//  - the viewer's address is forwarded to the origin as x-viewer-address.
// CloudFront calls handler(); nothing in this file does.
/* eslint @typescript-eslint/no-unused-vars: ["error", { "varsIgnorePattern": "^handler$" }] */

const CANONICAL_HOST = 'example.com'
const MOVED_PREFIX = '/blog/'
const NEW_PREFIX = '/posts/'

function handler(event) {
  const request = event.request
  const headers = request.headers
  const host = headers.host ? headers.host.value.toLowerCase() : ''

  if (host === 'www.' + CANONICAL_HOST) {
    return redirect('https://' + CANONICAL_HOST + request.uri + queryString(request.querystring))
  }
  if (request.uri.startsWith(MOVED_PREFIX)) {
    const moved = NEW_PREFIX + request.uri.slice(MOVED_PREFIX.length)
    return redirect(moved + queryString(request.querystring))
  }

  request.uri = withIndex(request.uri)
  headers['x-viewer-address'] = { value: event.viewer.ip }
  return request
}

function redirect(location) {
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: location },
      'cache-control': { value: 'max-age=3600' }
    }
  }
}

// Appends index.html to paths that name a directory: no file extension in the last segment.
function withIndex(uri) {
  if (uri.endsWith('/')) return uri + 'index.html'
  const last = uri.slice(uri.lastIndexOf('/') + 1)
  return last.includes('.') ? uri : uri + '/index.html'
}

// Rebuilds ?a=1&b=2 from CloudFront's querystring object, including repeated keys.
function queryString(querystring) {
  const parts = []
  for (const key in querystring) {
    const entry = querystring[key]
    const values = entry.multiValue ? entry.multiValue : [entry]
    for (let i = 0; i < values.length; i++) {
      parts.push(values[i].value === '' ? key : key + '=' + values[i].value)
    }
  }
  return parts.length > 0 ? '?' + parts.join('&') : ''
}
