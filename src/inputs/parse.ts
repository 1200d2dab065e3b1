// Reads every input once, validates it and returns one typed, readonly object.
// Every problem is an InputError raised before any request to AWS.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { InputError } from '../errors.js'
import type { FunctionKind, Runtime, Tags } from '../types.js'

export const MAX_CODE_BYTES = 10_240
export const MAX_KEY_VALUE_STORES = 1

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const STORE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const STORE_ARN_PATTERN = /^arn:aws[a-z-]*:cloudfront::\d{12}:key-value-store\/[A-Za-z0-9-]{1,64}$/
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u
const KINDS: readonly FunctionKind[] = ['function', 'connection-function']
const RUNTIMES: readonly Runtime[] = ['cloudfront-js-2.0', 'cloudfront-js-1.0']

export interface Inputs {
  readonly name: string
  readonly kind: FunctionKind
  /** Absolute path of the code file; empty with `delete`. */
  readonly codePath: string
  /** The code file's bytes; empty with `delete`. */
  readonly code: Buffer
  readonly runtime: Runtime
  readonly comment: string
  /** Store ARNs or names, as given. */
  readonly keyValueStores: readonly string[]
  /** `undefined` leaves existing tags alone. */
  readonly tags: Tags | undefined
  readonly publish: boolean
  readonly testEvents: readonly string[]
  readonly maxComputeUtilization: number
  readonly dryRun: boolean
  readonly delete: boolean
  readonly commentOnPr: boolean
  readonly githubToken: string
  readonly workspace: string
}

/** Returns the raw value of an input ('' when unset), as `core.getInput` does. */
export type InputReader = (name: string) => string

/** Splits a comma- or newline-separated list, trimming entries and dropping empty ones. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map(item => item.trim())
    .filter(item => item !== '')
}

export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv = process.env): Inputs {
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const name = parseName(read('name'))
  const kind = parseChoice('type', read('type') || 'function', KINDS)
  const runtime = parseChoice('runtime', read('runtime') || 'cloudfront-js-2.0', RUNTIMES)
  const deleting = parseBoolean('delete', read('delete'))
  const dryRun = parseBoolean('dry-run', read('dry-run'))
  const publish = parseBoolean('publish', read('publish'))
  const commentOnPr = parseBoolean('comment-on-pr', read('comment-on-pr'))
  const keyValueStores = parseKeyValueStores(read('key-value-stores'), runtime)
  const tags = parseTags(read('tags'))
  const maxComputeUtilization = parsePercent(
    'max-compute-utilization',
    read('max-compute-utilization')
  )
  const testEvents = splitList(read('test-events'))
  if (deleting && publish) {
    throw new InputError(
      'publish',
      'publish: true cannot be combined with delete: true. Set one of them to false.'
    )
  }
  const { codePath, code } = deleting
    ? { codePath: '', code: Buffer.alloc(0) }
    : readCode(read('code'), workspace)
  return {
    name,
    kind,
    codePath,
    code,
    runtime,
    comment: read('comment'),
    keyValueStores,
    tags,
    publish,
    testEvents,
    maxComputeUtilization,
    dryRun,
    delete: deleting,
    commentOnPr,
    githubToken: read('github-token'),
    workspace
  }
}

function parseName(value: string): string {
  const name = value.trim()
  if (name === '') {
    throw new InputError(
      'name',
      'is required. Set it to the function name, e.g. name: my-function.'
    )
  }
  if (!NAME_PATTERN.test(name)) {
    throw new InputError(
      'name',
      `'${name}' is not a valid function name: use 1 to 64 characters from A-Z, a-z, 0-9, hyphen (-) and underscore (_).`
    )
  }
  return name
}

function parseChoice<T extends string>(input: string, value: string, choices: readonly T[]): T {
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

function parsePercent(input: string, value: string): number {
  const text = value.trim() || '80'
  const percent = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || percent > 100) {
    throw new InputError(input, `'${text}' is not a percentage: use a number from 0 to 100.`)
  }
  return percent
}

function readCode(value: string, workspace: string): { codePath: string; code: Buffer } {
  const given = value.trim()
  if (given === '') {
    throw new InputError(
      'code',
      'is required to deploy. Set it to the path of the JavaScript file, relative to the workspace (e.g. code: functions/viewer-request.js).'
    )
  }
  const codePath = isAbsolute(given) ? given : resolve(workspace, given)
  if (!existsSync(codePath)) {
    throw new InputError(
      'code',
      `file '${given}' does not exist (looked for ${codePath}). Check the path, relative to the workspace, and that the file is checked out.`
    )
  }
  if (!statSync(codePath).isFile()) {
    throw new InputError(
      'code',
      `'${given}' is not a file. Point it at the JavaScript source file.`
    )
  }
  let code: Buffer
  try {
    code = readFileSync(codePath)
  } catch (error) {
    throw new InputError(
      'code',
      `file '${given}' cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check its permissions.`
    )
  }
  if (code.length === 0) {
    throw new InputError('code', `file '${given}' is empty. A function needs a handler.`)
  }
  if (code.length > MAX_CODE_BYTES) {
    throw new InputError(
      'code',
      `file '${given}' is ${code.length} bytes, over CloudFront's limit of ${MAX_CODE_BYTES} bytes. Minify it or move data into a key value store.`
    )
  }
  return { codePath, code }
}

function parseKeyValueStores(value: string, runtime: Runtime): string[] {
  const stores = splitList(value)
  if (stores.length > MAX_KEY_VALUE_STORES) {
    throw new InputError(
      'key-value-stores',
      `${stores.length} stores given (${stores.join(', ')}), but CloudFront allows at most ${MAX_KEY_VALUE_STORES} per function. Keep one.`
    )
  }
  for (const store of stores) {
    if (store.startsWith('arn:')) {
      if (!STORE_ARN_PATTERN.test(store)) {
        throw new InputError(
          'key-value-stores',
          `'${store}' is not a key value store ARN: expected arn:aws:cloudfront::<12-digit account>:key-value-store/<id>, or give the store name.`
        )
      }
    } else if (!STORE_NAME_PATTERN.test(store)) {
      throw new InputError(
        'key-value-stores',
        `'${store}' is neither a key value store ARN nor a valid store name (1 to 64 characters from A-Z, a-z, 0-9, - and _).`
      )
    }
  }
  if (stores.length > 0 && runtime !== 'cloudfront-js-2.0') {
    throw new InputError(
      'key-value-stores',
      `key value stores need runtime cloudfront-js-2.0, but runtime is ${runtime}. Set runtime: cloudfront-js-2.0 or remove the store.`
    )
  }
  return stores
}

/** Parses `key=value` pairs; an empty input means "leave tags alone". */
export function parseTags(value: string): Tags | undefined {
  const pairs = splitList(value)
  if (pairs.length === 0) return undefined
  // A Map, not an object literal: keys such as `constructor` or `__proto__` are ordinary tags.
  const tags = new Map<string, string>()
  for (const pair of pairs) {
    const equals = pair.indexOf('=')
    if (equals < 0) {
      throw new InputError('tags', `'${pair}' has no '='. Write each tag as key=value.`)
    }
    const key = pair.slice(0, equals).trim()
    const tagValue = pair.slice(equals + 1).trim()
    if (key === '') {
      throw new InputError('tags', `'${pair}' has an empty key. Write each tag as key=value.`)
    }
    if (key.length > 128) {
      throw new InputError(
        'tags',
        `key '${key.slice(0, 20)}…' is ${key.length} characters; the limit is 128.`
      )
    }
    if (tagValue.length > 256) {
      throw new InputError(
        'tags',
        `the value of '${key}' is ${tagValue.length} characters; the limit is 256.`
      )
    }
    for (const [part, text] of [
      ['key', key],
      ['value', tagValue]
    ] as const) {
      if (!TAG_PATTERN.test(text)) {
        throw new InputError(
          'tags',
          `the ${part} '${text}' of tag '${key}' has characters CloudFront does not allow: use letters, digits, spaces and _ . : / = + - @.`
        )
      }
    }
    if (tags.has(key)) {
      throw new InputError('tags', `key '${key}' is given twice. Give each tag key once.`)
    }
    tags.set(key, tagValue)
  }
  return Object.fromEntries(tags)
}
