// Helpers shared by the site's functions. `bundle: true` inlines what each function uses, so
// every function still deploys as one file.

export type Headers = AWSCloudFrontFunction.ValueObject

/** A permanent or temporary redirect, as CloudFront Functions answer it. */
export function redirect(location: string, permanent: boolean): AWSCloudFrontFunction.Response {
  return {
    statusCode: permanent ? 301 : 302,
    statusDescription: permanent ? 'Moved Permanently' : 'Found',
    headers: { location: { value: location } }
  }
}

/** Sets a header unless the origin (or an earlier rule) already did. */
export function setDefault(headers: Headers, name: string, value: string): void {
  if (!headers[name]) headers[name] = { value }
}

/** Directory-style paths fetch their index document: /docs/ and /docs → /docs/index.html. */
export function withIndexDocument(uri: string): string {
  if (uri.endsWith('/')) return `${uri}index.html`
  const last = uri.slice(uri.lastIndexOf('/') + 1)
  return last.includes('.') ? uri : `${uri}/index.html`
}
