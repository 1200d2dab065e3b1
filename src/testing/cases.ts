// Test cases: loading them from the `test-events` input, and the expectations a function's
// result must meet.
//
// A file holds JSON: one case, an array of cases, or a bare event (what
// `aws cloudfront test-function --event-object` takes). A case is
//   { "name"?: string, "event": object,
//     "expect"?: object,          deep partial match of the function's output
//     "expectAbsent"?: [path],    paths that must not exist in the output
//     "expectLogs"?: [string],    lines that must appear in the logs, in this order
//     "expectError"?: string }    the function must throw an error containing this text
// `name` defaults to the file's path relative to the workspace, with `#<n>` (1-based) for
// cases of an array. Unknown keys are refused, so that a typo such as "expected" cannot turn
// an assertion off silently. A bare event is an object with none of the case keys: its case
// is named after the file and passes when the function does not throw.

import { globSync, isDynamicPattern } from 'tinyglobby'
import { InputError } from '../errors.js'
import {
  checkMatch,
  checkPattern,
  keyForMessage,
  readJobFile,
  resolveJobFile,
  type JobFile,
  type JobRoots
} from '../inputs/files.js'
import { parseJsonFile } from '../inputs/json.js'

const INPUT = 'test-events'

/** TestFunction's limit on the serialized event (or connection) object. */
export const MAX_EVENT_BYTES = 40_960

/** A test-case file larger than this is refused before it is read. */
export const MAX_CASE_FILE_BYTES = 1024 * 1024

const CASE_KEYS = new Set(['name', 'event', 'expect', 'expectAbsent', 'expectLogs', 'expectError'])

/** A path into the output, as keys from the root: `["response", "headers", "server"]`. */
export type OutputPath = readonly string[]

export interface TestCase {
  name: string
  /** The case file as messages name it (relative to the workspace, `/` separators). */
  file: string
  event: unknown
  expect?: unknown
  expectAbsent?: OutputPath[]
  expectLogs?: string[]
  expectError?: string
}

/**
 * Loads the cases of the files that `patterns` (paths or globs relative to the workspace)
 * match, in pattern order, then file name order within a glob. A file matched twice loads
 * once. Throws an InputError for a pattern without a match and for any file that is not a
 * valid case file, before any request.
 */
export function loadTestCases(patterns: readonly string[], roots: JobRoots): TestCase[] {
  const seen = new Set<string>()
  const cases: TestCase[] = []
  for (const raw of patterns) {
    const pattern = raw.trim()
    if (pattern === '') continue
    for (const file of matchPattern(pattern, roots)) {
      if (seen.has(file.path)) continue
      seen.add(file.path)
      cases.push(...loadFile(file))
    }
  }
  return cases
}

function matchPattern(pattern: string, roots: JobRoots): JobFile[] {
  if (!isDynamicPattern(pattern)) {
    return [
      resolveJobFile(INPUT, pattern, roots, problem =>
        problem === 'directory'
          ? ` To use every case file in it, write '${pattern.replace(/\/+$/, '')}/*.json'.`
          : ' Check the path (relative to the workspace), or remove it from test-events.'
      )
    ]
  }
  checkPattern(INPUT, pattern, roots)
  const matches = globSync(pattern, {
    cwd: roots.workspace,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    // A symlinked folder could lead the crawl anywhere: only the job's own files are matched.
    followSymbolicLinks: false
  }).sort()
  if (matches.length === 0) {
    // A Windows habit: in a glob, a backslash escapes the next character instead.
    const backslash = pattern.includes('\\')
      ? ' The pattern contains backslashes: use / between folders, as on Linux runners.'
      : ''
    throw new InputError(
      INPUT,
      `'${pattern}' matches no file in the workspace: check the glob (relative to the workspace), or remove it from test-events.${backslash}`
    )
  }
  return matches.map(match => {
    checkMatch(INPUT, pattern, match, roots)
    return resolveJobFile(INPUT, match, roots)
  })
}

function loadFile(file: JobFile): TestCase[] {
  const bytes = readJobFile(
    INPUT,
    file,
    MAX_CASE_FILE_BYTES,
    'Split the cases into several files, or trim the events.'
  )
  const data = parseJsonFile(INPUT, file.name, bytes.toString('utf8'), 'Invalid test case JSON')
  if (Array.isArray(data)) {
    if (data.length === 0) {
      throw new InputError(
        INPUT,
        `${file.name} holds an empty array: add at least one case {"name", "event", "expect"}, or remove the file from test-events.`
      )
    }
    return data.map((item, index) =>
      toCase(item, file.name, `${file.name}[${index}]`, `${file.name}#${index + 1}`)
    )
  }
  if (isBareEvent(data))
    return [{ name: file.name, file: file.name, event: checkEvent(data, file.name) }]
  return [toCase(data, file.name, file.name, file.name)]
}

/** An object with none of the keys of a case is an event on its own. */
function isBareEvent(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.keys(value).every(key => !CASE_KEYS.has(key))
}

const SHAPE =
  'a case is {"name"?: string, "event": object, "expect"?: object, "expectAbsent"?: [path], "expectLogs"?: [string], "expectError"?: string}'

function toCase(value: unknown, file: string, where: string, defaultName: string): TestCase {
  if (!isPlainObject(value)) {
    throw new InputError(
      INPUT,
      `${where} is ${describe(value)}, not a case: ${SHAPE}; a file holds one case, an array of cases, or one event`
    )
  }
  const unknown = Object.keys(value).filter(key => !CASE_KEYS.has(key))
  if (unknown.length > 0) {
    throw new InputError(
      INPUT,
      `${where} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map(keyForMessage).join(', ')}: ${SHAPE}`
    )
  }
  let name = defaultName
  if ('name' in value) {
    if (typeof value.name !== 'string' || value.name.trim() === '') {
      throw new InputError(
        INPUT,
        `${where}: "name" must be a non-empty string, got ${describe(value.name)}; give the case a name or leave the key out`
      )
    }
    name = value.name
  }
  if (!('event' in value)) throw new InputError(INPUT, `${where} has no "event": ${SHAPE}`)
  const testCase: TestCase = { name, file, event: checkEvent(value.event, where) }
  if ('expect' in value) {
    if (!isPlainObject(value.expect)) {
      throw new InputError(
        INPUT,
        `${where}: "expect" must be an object (the part of the function's output to check), got ${describe(value.expect)}`
      )
    }
    testCase.expect = value.expect
  }
  if ('expectAbsent' in value) testCase.expectAbsent = readPaths(value.expectAbsent, where)
  if ('expectLogs' in value) {
    const logs = value.expectLogs
    if (!Array.isArray(logs) || logs.some(line => typeof line !== 'string')) {
      throw new InputError(
        INPUT,
        `${where}: "expectLogs" must be an array of strings (text each log line must contain, in order), got ${describe(logs)}`
      )
    }
    testCase.expectLogs = logs as string[]
  }
  if ('expectError' in value) {
    if (typeof value.expectError !== 'string' || value.expectError === '') {
      throw new InputError(
        INPUT,
        `${where}: "expectError" must be a non-empty string (text the thrown error must contain), got ${describe(value.expectError)}`
      )
    }
    if (testCase.expect !== undefined || testCase.expectAbsent !== undefined) {
      throw new InputError(
        INPUT,
        `${where}: "expectError" cannot be combined with "expect" or "expectAbsent": a function that throws has no output. Split them into two cases.`
      )
    }
    testCase.expectError = value.expectError
  }
  return testCase
}

function checkEvent(event: unknown, where: string): unknown {
  if (!isPlainObject(event)) {
    throw new InputError(
      INPUT,
      `${where}: "event" must be an object (the event CloudFront passes to the function), got ${describe(event)}`
    )
  }
  const size = Buffer.byteLength(JSON.stringify(event), 'utf8')
  if (size > MAX_EVENT_BYTES) {
    throw new InputError(
      INPUT,
      `${where}: the event is ${size} bytes serialized, over CloudFront's limit of ${MAX_EVENT_BYTES} bytes: trim headers, cookies or the body`
    )
  }
  return event
}

/** Paths are written `response.headers.server` or, for keys with dots, as arrays of keys. */
function readPaths(value: unknown, where: string): OutputPath[] {
  const items = Array.isArray(value) ? value : undefined
  const paths = items?.map(item =>
    typeof item === 'string' && item !== ''
      ? item.split('.')
      : Array.isArray(item) && item.length > 0 && item.every(key => typeof key === 'string')
        ? (item as string[])
        : undefined
  )
  if (!paths || paths.some(path => path === undefined)) {
    throw new InputError(
      INPUT,
      `${where}: "expectAbsent" must be an array of paths such as "response.headers.server" (or ["response", "headers", "x.y"] for keys with dots), got ${describe(value)}`
    )
  }
  return paths as OutputPath[]
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What kind of value a file holds, never the value itself: messages do not quote files. */
function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

/**
 * Deep partial match of a function's output against an expectation: every key of an expected
 * object must be in the actual object with a matching value (extra actual keys are fine);
 * arrays match element by element and must have the same length; other values must be
 * strictly equal. Returns one line per mismatch, `<path>: expected <json>, got <json>`
 * (`got missing` for an absent key); an empty array means the output matches.
 */
export function matchExpectation(expected: unknown, actual: unknown): string[] {
  const mismatches: string[] = []
  compare(expected, actual, '$', mismatches)
  return mismatches
}

function compare(expected: unknown, actual: unknown, at: string, out: string[]): void {
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) {
      out.push(mismatch(at, expected, actual))
      return
    }
    for (const [key, value] of Object.entries(expected)) {
      const child = `${at}${pathSegment(key)}`
      if (!Object.prototype.hasOwnProperty.call(actual, key) || actual[key] === undefined) {
        out.push(`${child}: expected ${json(value)}, got missing`)
      } else {
        compare(value, actual[key], child, out)
      }
    }
    return
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(mismatch(at, expected, actual))
      return
    }
    expected.forEach((value, index) => compare(value, actual[index], `${at}[${index}]`, out))
    return
  }
  if (expected !== actual) out.push(mismatch(at, expected, actual))
}

/** The paths of `paths` that exist in `actual`, as `$.a.b` strings. */
export function presentPaths(paths: readonly OutputPath[], actual: unknown): string[] {
  return paths
    .filter(keys => {
      let node: unknown = actual
      for (const key of keys) {
        if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return false
        node = node[key]
      }
      return true
    })
    .map(keys => `$${keys.map(pathSegment).join('')}`)
}

/**
 * The first expected log text that no later log line contains, in order; `undefined` when
 * every expected text was found.
 */
export function missingLog(
  expected: readonly string[],
  logs: readonly string[]
): string | undefined {
  let from = 0
  for (const text of expected) {
    const at = logs.findIndex((line, index) => index >= from && line.includes(text))
    if (at < 0) return text
    from = at + 1
  }
  return undefined
}

function mismatch(at: string, expected: unknown, actual: unknown): string {
  return `${at}: expected ${json(expected)}, got ${actual === undefined ? 'missing' : json(actual)}`
}

function pathSegment(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

function json(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}
