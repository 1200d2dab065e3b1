// Viewer request (cloudfront-js-2.0): www.example.com redirects to example.com, paths moved
// from /blog/ to /posts/ redirect, and directory paths fetch their index.html.
// CloudFront calls handler(); nothing in this file does.
/* eslint @typescript-eslint/no-unused-vars: ["error", { "varsIgnorePattern": "^handler$" }] */

const CANONICAL_HOST = 'example.com'

function handler(event) {
  const request = event.request
  const host = request.headers.host ? request.headers.host.value.toLowerCase() : ''
  if (host === 'www.' + CANONICAL_HOST) {
    return redirect('https://' + CANONICAL_HOST + request.uri)
  }
  if (request.uri.startsWith('/blog/')) {
    return redirect('/posts/' + request.uri.slice('/blog/'.length))
  }
  if (request.uri.endsWith('/')) {
    request.uri += 'index.html'
  } else if (!request.uri.slice(request.uri.lastIndexOf('/') + 1).includes('.')) {
    request.uri += '/index.html'
  }
  return request
}

function redirect(location) {
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: location } }
  }
}
