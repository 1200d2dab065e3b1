// Parsers for single input values. Each one names the input in its InputError, says what is
// wrong with the value and how to fix it.
import { InputError } from '../errors.js'
import type { FunctionKind, Runtime } from '../types.js'

export const KINDS: readonly FunctionKind[] = ['function', 'connection-function']
export const RUNTIMES: readonly Runtime[] = ['cloudfront-js-2.0', 'cloudfront-js-1.0']
export const MAX_KEY_VALUE_STORES = 1
export const MAX_COMMENT_CHARACTERS = 128

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const STORE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const STORE_ARN_PATTERN = /^arn:aws[a-z-]*:cloudfront::\d{12}:key-value-store\/[A-Za-z0-9-]{1,64}$/
// C0 and C1 control characters, the line and paragraph separators, and what XML cannot
// carry at all (U+FFFE, U+FFFF, lone surrogates), which CloudFront refuses.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff]/u

/** Whether `name` is a valid function name (what parseName accepts, without its messages). */
export function isValidName(name: unknown): name is string {
  return typeof name === 'string' && NAME_PATTERN.test(name)
}

/** Characters as CloudFront counts them: Unicode code points, not UTF-16 units. */
export function characters(text: string): number {
  return [...text].length
}

/** Splits a comma- or newline-separated list, trimming entries and dropping empty ones. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map(item => item.trim())
    .filter(item => item !== '')
}

export function parseName(value: string, input = 'name'): string {
  const name = value.trim()
  if (name === '') {
    throw new InputError(input, 'is required. Set it to the function name, e.g. name: my-function.')
  }
  if (!NAME_PATTERN.test(name)) {
    throw new InputError(
      input,
      `'${name}' is not a valid function name: use 1 to 64 characters from A-Z, a-z, 0-9, hyphen (-) and underscore (_).`
    )
  }
  return name
}

export function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[]
): T {
  const choice = value.trim()
  if ((choices as readonly string[]).includes(choice)) return choice as T
  throw new InputError(input, `'${choice}' is not supported: use one of ${choices.join(', ')}.`)
}

/** Accepts the YAML 1.2 core booleans, like `core.getBooleanInput`; empty means false. */
export function parseBoolean(input: string, value: string): boolean {
  const text = value.trim()
  if (text === '' || ['false', 'False', 'FALSE'].includes(text)) return false
  if (['true', 'True', 'TRUE'].includes(text)) return true
  throw new InputError(input, `'${text}' is not a boolean: use true or false.`)
}

export function parsePercent(input: string, value: string): number {
  const text = value.trim() || '80'
  const percent = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || percent > 100) {
    throw new InputError(input, `'${text}' is not a percentage: use a number from 0 to 100.`)
  }
  return percent
}

/** An integer in [min, max]; empty gives `fallback`. */
export function parseInteger(
  input: string,
  value: string,
  range: { min: number; max: number; fallback: number }
): number {
  const text = value.trim()
  if (text === '') return range.fallback
  const number = Number(text)
  if (!/^\d+$/.test(text) || number < range.min || number > range.max) {
    throw new InputError(
      input,
      `'${text}' is not a whole number from ${range.min} to ${range.max}.`
    )
  }
  return number
}

/**
 * The comment CloudFront stores with the function: at most 128 characters (API reference,
 * FunctionConfig) and a single line, because control characters cannot travel safely.
 */
export function parseComment(value: string, input = 'comment'): string {
  const length = characters(value)
  if (length > MAX_COMMENT_CHARACTERS) {
    throw new InputError(
      input,
      `is ${length} characters; CloudFront allows at most ${MAX_COMMENT_CHARACTERS}. Shorten it.`
    )
  }
  const control = CONTROL_CHARACTERS.exec(value)
  if (control) {
    const code = control[0].codePointAt(0)?.toString(16).padStart(4, '0').toUpperCase()
    const what = control[0] === '\n' || control[0] === '\r' ? 'a line break' : `U+${code}`
    throw new InputError(
      input,
      `contains ${what} at character ${characters(value.slice(0, control.index)) + 1}; a comment is one line of text without control characters or characters XML cannot carry. In YAML, use a plain or quoted scalar, not a block (| or >).`
    )
  }
  return value
}

/** Store ARNs or names, as given; at most one, and only with cloudfront-js-2.0. */
export function parseKeyValueStores(
  value: string,
  runtime: Runtime,
  input = 'key-value-stores'
): string[] {
  const stores = splitList(value)
  if (stores.length > MAX_KEY_VALUE_STORES) {
    throw new InputError(
      input,
      `${stores.length} stores given (${stores.join(', ')}), but CloudFront allows at most ${MAX_KEY_VALUE_STORES} per function. Keep one.`
    )
  }
  for (const store of stores) {
    if (store.startsWith('arn:')) {
      if (!STORE_ARN_PATTERN.test(store)) {
        throw new InputError(
          input,
          `'${store}' is not a key value store ARN: expected arn:aws:cloudfront::<12-digit account>:key-value-store/<id>, or give the store name.`
        )
      }
    } else if (!STORE_NAME_PATTERN.test(store)) {
      throw new InputError(
        input,
        `'${store}' is neither a key value store ARN nor a valid store name (1 to 64 characters from A-Z, a-z, 0-9, - and _).`
      )
    }
  }
  if (stores.length > 0 && runtime !== 'cloudfront-js-2.0') {
    throw new InputError(
      input,
      `key value stores need runtime cloudfront-js-2.0, but runtime is ${runtime}. Set runtime: cloudfront-js-2.0 or remove the store.`
    )
  }
  return stores
}
