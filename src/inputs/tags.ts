// Tags: parsed from the input's `key=value` list (or a manifest's mapping) and checked
// against CloudFront's rules before any request, so no tag write can be refused half-way.
import { InputError } from '../errors.js'
import type { Tags } from '../types.js'
import { characters, splitList } from './values.js'

export const MAX_TAGS = 50
export const MAX_TAG_KEY_CHARACTERS = 128
export const MAX_TAG_VALUE_CHARACTERS = 256
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u
/** CloudFront keeps keys with this prefix (any case) for AWS's own tags. */
export const RESERVED_TAG_PREFIX = 'aws:'

/** Parses the input's `key=value` pairs; an empty input means "leave tags alone". */
export function parseTags(value: string, input = 'tags'): Tags | undefined {
  const pairs = splitList(value)
  if (pairs.length === 0) return undefined
  const entries: [string, string][] = []
  for (const pair of pairs) {
    const equals = pair.indexOf('=')
    if (equals < 0) {
      throw new InputError(input, `'${pair}' has no '='. Write each tag as key=value.`)
    }
    entries.push([pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()])
  }
  return checkTags(entries, input)
}

/**
 * Checks tags against CloudFront's rules and returns them as an object. A Map collects them
 * first: keys such as `constructor` or `__proto__` are ordinary tags.
 */
export function checkTags(entries: [string, string][], input = 'tags'): Tags {
  const tags = new Map<string, string>()
  for (const [key, value] of entries) {
    if (key === '') {
      throw new InputError(
        input,
        `a tag has an empty key ('=${value}'). Write each tag as key=value.`
      )
    }
    const keyLength = characters(key)
    if (keyLength > MAX_TAG_KEY_CHARACTERS) {
      throw new InputError(
        input,
        `key '${[...key].slice(0, 20).join('')}…' is ${keyLength} characters; the limit is ${MAX_TAG_KEY_CHARACTERS}.`
      )
    }
    if (key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) {
      throw new InputError(
        input,
        `key '${key}' starts with '${RESERVED_TAG_PREFIX}', which AWS reserves for its own tags. Rename the key.`
      )
    }
    const valueLength = characters(value)
    if (valueLength > MAX_TAG_VALUE_CHARACTERS) {
      throw new InputError(
        input,
        `the value of '${key}' is ${valueLength} characters; the limit is ${MAX_TAG_VALUE_CHARACTERS}.`
      )
    }
    for (const [part, text] of [
      ['key', key],
      ['value', value]
    ] as const) {
      if (!TAG_PATTERN.test(text)) {
        throw new InputError(
          input,
          `the ${part} '${text}' of tag '${key}' has characters CloudFront does not allow: use letters, digits, spaces and _ . : / = + - @.`
        )
      }
    }
    if (tags.has(key)) {
      throw new InputError(input, `key '${key}' is given twice. Give each tag key once.`)
    }
    tags.set(key, value)
  }
  if (tags.size > MAX_TAGS) {
    throw new InputError(
      input,
      `${tags.size} tags given; CloudFront allows at most ${MAX_TAGS} per function. Remove ${tags.size - MAX_TAGS}.`
    )
  }
  return Object.fromEntries(tags)
}

/**
 * `team=edge service=web` is one tag whose value is `edge service=web`: CloudFront allows
 * spaces and `=` in values, so it is not refused, but it is almost always a list written
 * with spaces. Returns the keys whose values look like that.
 */
export function suspiciousTagValues(tags: Tags | undefined): string[] {
  if (!tags) return []
  return Object.entries(tags)
    .filter(([, value]) => /\s\S+=/.test(value))
    .map(([key]) => key)
}
