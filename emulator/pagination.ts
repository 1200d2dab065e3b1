// List pages. Markers are opaque to clients; inside they are the sort key of the
// last item returned, so a page stays correct when items come and go in between.

export interface Page<T> {
  items: T[]
  nextMarker?: string
}

const encodeMarker = (key: string): string => Buffer.from(key).toString('base64url')
const decodeMarker = (m: string): string => Buffer.from(m, 'base64url').toString()

export function paginate<T>(
  sorted: T[],
  keyOf: (t: T) => string,
  marker: string | undefined,
  max: number
): Page<T> {
  const after = marker ? decodeMarker(marker) : undefined
  const rest = after === undefined ? sorted : sorted.filter(t => keyOf(t) > after)
  const items = rest.slice(0, max)
  const nextMarker = rest.length > max ? encodeMarker(keyOf(items[items.length - 1])) : undefined
  return { items, nextMarker }
}

export const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0
