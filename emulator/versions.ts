// ETags count versions of a resource; they are not content hashes. Every CloudFront
// resource's first version is ETVPDKIKX0DER and its second E3UN6WX5RRO2AG, in every
// account and for any content. What the service answers from the third version on is
// not public, so the emulator continues with a sequence of its own: "E" and 13
// base-36 characters of the SHA-256 of "version <n>", the same for every resource.
import { createHash } from 'node:crypto'
import { ApiError } from './errors.js'

export const FIRST_ETAG = 'ETVPDKIKX0DER'
export const SECOND_ETAG = 'E3UN6WX5RRO2AG'

/** Every ETag the emulator hands out has this shape. */
export const ETAG_PATTERN = /^E[0-9A-Z]{12,13}$/

/** The ETag of a resource's n-th version (n starts at 1). */
export function etagOf(version: number): string {
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`a version number is an integer >= 1, got ${version}`)
  }
  if (version === 1) return FIRST_ETAG
  if (version === 2) return SECOND_ETAG
  const digest = createHash('sha256').update(`version ${version}`).digest()
  const n = digest.readBigUInt64BE(0)
  return 'E' + n.toString(36).toUpperCase().padStart(13, '0')
}

/** Writes name the current ETag in If-Match: missing is 400, anything else stale is 412. */
export function checkIfMatch(current: string, ifMatch: string | undefined, what: string): void {
  if (ifMatch === undefined || ifMatch === '') {
    throw new ApiError('InvalidIfMatchVersion', 'The If-Match version is missing or not valid.')
  }
  if (ifMatch !== current) {
    throw new ApiError(
      'PreconditionFailed',
      `The If-Match version does not match the current ETag of ${what}.`
    )
  }
}
