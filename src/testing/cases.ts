// Test-gate case files: loading them from the `test-events` input and matching a function's
// output against a case's expectation.
//
// A case file holds JSON: one case object, or an array of case objects. A case is
//   { "name"?: string, "event": object, "expect"?: object }
// `name` defaults to the file's path relative to the workspace, with `#<n>` (1-based) for
// cases of an array. Other keys are refused, so that a typo such as "expected" cannot turn
// an assertion off silently.

import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { globSync, isDynamicPattern } from 'tinyglobby'
import { InputError } from '../errors.js'

const INPUT = 'test-events'

/** TestFunction's limit on the serialized event (or connection) object. */
export const MAX_EVENT_BYTES = 40_960

const CASE_KEYS = new Set(['name', 'event', 'expect'])

export interface TestCase {
  name: string
  /** Path of the case file, relative to the workspace, with `/` separators. */
  file: string
  event: unknown
  expect?: unknown
}

/**
 * Loads the cases of the files that `patterns` (paths or globs relative to `workspace`) match,
 * in pattern order, then file name order within a glob. A file matched twice loads once.
 * Throws an InputError for a pattern without a match and for any file that is not valid.
 */
export function loadTestCases(patterns: string[], workspace: string): TestCase[] {
  const root = path.resolve(workspace)
  const seen = new Set<string>()
  const cases: TestCase[] = []
  for (const raw of patterns) {
    const pattern = raw.trim()
    if (pattern === '') continue
    for (const file of matchPattern(pattern, root)) {
      if (seen.has(file)) continue
      seen.add(file)
      cases.push(...loadFile(file, root))
    }
  }
  return cases
}

function matchPattern(pattern: string, root: string): string[] {
  let files: string[]
  if (isDynamicPattern(pattern)) {
    files = globSync(pattern, { cwd: root, absolute: true, onlyFiles: true })
      .map(file => path.resolve(file))
      .sort()
  } else {
    const file = path.resolve(root, pattern)
    files = isFile(file) ? [file] : []
  }
  if (files.length === 0) {
    throw new InputError(
      INPUT,
      `'${pattern}' matches no file in ${root}: check the path or glob (relative to the workspace), or remove it from test-events`
    )
  }
  return files
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

function loadFile(file: string, root: string): TestCase[] {
  const rel = relativeName(file, root)
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new InputError(INPUT, `${rel} is not valid JSON (${reason}): fix the file's syntax`)
  }
  if (Array.isArray(data)) {
    if (data.length === 0) {
      throw new InputError(
        INPUT,
        `${rel} holds an empty array: add at least one case {"name", "event", "expect"}, or remove the file from test-events`
      )
    }
    return data.map((item, index) => toCase(item, rel, `${rel}[${index}]`, `${rel}#${index + 1}`))
  }
  return [toCase(data, rel, rel, rel)]
}

function toCase(value: unknown, rel: string, where: string, defaultName: string): TestCase {
  const shape = 'a case is {"name": string, "event": object, "expect"?: object}'
  if (!isPlainObject(value)) {
    throw new InputError(
      INPUT,
      `${where} is ${describe(value)}, not a case: ${shape}; a file holds one case or an array of cases`
    )
  }
  const unknown = Object.keys(value).filter(key => !CASE_KEYS.has(key))
  if (unknown.length > 0) {
    throw new InputError(
      INPUT,
      `${where} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `"${k}"`).join(', ')}: ${shape}`
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
  if (!('event' in value)) {
    throw new InputError(INPUT, `${where} has no "event": ${shape}`)
  }
  if (!isPlainObject(value.event)) {
    throw new InputError(
      INPUT,
      `${where}: "event" must be an object (the event CloudFront passes to the function), got ${describe(value.event)}`
    )
  }
  const size = Buffer.byteLength(JSON.stringify(value.event), 'utf8')
  if (size > MAX_EVENT_BYTES) {
    throw new InputError(
      INPUT,
      `${where}: "event" is ${size} bytes serialized, over CloudFront's limit of ${MAX_EVENT_BYTES} bytes: trim headers, cookies or the body`
    )
  }
  const testCase: TestCase = { name, file: rel, event: value.event }
  if ('expect' in value) {
    if (!isPlainObject(value.expect)) {
      throw new InputError(
        INPUT,
        `${where}: "expect" must be an object (the part of the function's output to check), got ${describe(value.expect)}`
      )
    }
    testCase.expect = value.expect
  }
  return testCase
}

function relativeName(file: string, root: string): string {
  const rel = path.relative(root, file)
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel)
    .split(path.sep)
    .join('/')
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${JSON.stringify(value)}`
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

function mismatch(at: string, expected: unknown, actual: unknown): string {
  return `${at}: expected ${json(expected)}, got ${actual === undefined ? 'missing' : json(actual)}`
}

function pathSegment(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

function json(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}
