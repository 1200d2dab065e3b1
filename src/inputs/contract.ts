// The input contract in one table: every input of action.yml, its default (the value the
// runner passes when a workflow leaves the input out), whether it configures one function
// or the whole run, and the parser that turns its text into a checked value. A test keeps
// action.yml and the README in step with this table.
import { isDeepStrictEqual } from 'node:util'
import type { Runtime, Tags } from '../types.js'
import { parseTags } from './tags.js'
import {
  KINDS,
  RUNTIMES,
  parseBoolean,
  parseChoice,
  parseComment,
  parseKeyValueStores,
  parseInteger,
  parseName,
  parsePercent,
  splitList
} from './values.js'

/** `function` inputs can also be set per entry of a manifest; `run` inputs apply to all. */
export type InputScope = 'function' | 'run'

export interface InputDefinition<T> {
  readonly default: string
  readonly scope: InputScope
  /** Parses the text of the input named `input` (or of a manifest key of that name). */
  readonly parse: (value: string, input: string) => T
}

function define<T>(
  scope: InputScope,
  defaultValue: string,
  parse: (value: string, input: string) => T
): InputDefinition<T> {
  return { scope, default: defaultValue, parse }
}

/**
 * Functions worked on at once with a manifest. Each function sends up to four requests at
 * once, so four functions stay near 16 concurrent requests: fast (the benchmark shows where
 * the time goes), and well clear of CloudFront's control-plane rate limits.
 */
export const DEFAULT_MAX_PARALLEL = 4

const text = (value: string): string => value.trim()
const verbatim = (value: string): string => value
const boolean = (value: string, input: string): boolean => parseBoolean(input, value)

export const INPUTS = {
  name: define('function', '', (value, input) => parseName(value, input)),
  code: define('function', '', text),
  type: define('function', 'function', (value, input) => parseChoice(input, value, KINDS)),
  runtime: define('function', 'cloudfront-js-2.0', (value, input): Runtime =>
    parseChoice(input, value, RUNTIMES)
  ),
  comment: define('function', '', (value, input) => parseComment(value, input)),
  // The runtime check needs the runtime: it runs once every value is parsed.
  'key-value-stores': define('function', '', (value, input) =>
    parseKeyValueStores(value, 'cloudfront-js-2.0', input)
  ),
  tags: define('function', '', (value, input): Tags | undefined => parseTags(value, input)),
  publish: define('function', 'false', boolean),
  'test-events': define('function', '', value => splitList(value)),
  'max-compute-utilization': define('function', '80', (value, input) => parsePercent(input, value)),
  'diff-against': define('function', '', (value, input) =>
    value.trim() === '' ? '' : parseName(value, input)
  ),
  bundle: define('function', 'false', boolean),
  minify: define('function', 'false', boolean),
  'dry-run': define('run', 'false', boolean),
  delete: define('run', 'false', boolean),
  offline: define('run', 'false', boolean),
  'offline-store-data': define('run', '', text),
  functions: define('run', '', text),
  'name-suffix': define('run', '', text),
  'max-parallel': define('run', String(DEFAULT_MAX_PARALLEL), (value, input) =>
    parseInteger(input, value, { min: 1, max: 10, fallback: DEFAULT_MAX_PARALLEL })
  ),
  'comment-on-pr': define('run', 'false', boolean),
  'github-token': define('run', '${{ github.token }}', verbatim)
} as const

export type InputName = keyof typeof INPUTS

/** The parsed value of every input, by input name. */
export type InputValues = { [K in InputName]: ReturnType<(typeof INPUTS)[K]['parse']> }

/** Returns the raw text of an input ('' when unset), as `core.getInput` does. */
export type InputReader = (name: string) => string

/** Whether a default is an expression the runner evaluates, not a literal value. */
function isExpression(value: string): boolean {
  return value.startsWith('${{')
}

/** The text of an input: what the workflow gave, or the default when it gave nothing. */
export function inputText(read: InputReader, name: InputName): string {
  const value = read(name)
  const fallback = INPUTS[name].default
  return value.trim() === '' && !isExpression(fallback) ? fallback : value
}

/** Parses one input from its text. */
export function parseInput<K extends InputName>(read: InputReader, name: K): InputValues[K] {
  return INPUTS[name].parse(inputText(read, name), name) as InputValues[K]
}

/** The inputs that configure one function: the keys a manifest entry may have. */
export const FUNCTION_INPUTS = (Object.keys(INPUTS) as InputName[]).filter(
  name => INPUTS[name].scope === 'function'
)

/** Whether the workflow set an input to something other than its default. */
export function isSetByWorkflow(read: InputReader, name: InputName): boolean {
  const value = read(name).trim()
  if (value === '' || value === INPUTS[name].default) return false
  // `False` or `80.0` say what the default says: compare what they mean, not how they read.
  const { parse, default: fallback } = INPUTS[name]
  try {
    return !isDeepStrictEqual(parse(value, name), parse(fallback, name))
  } catch {
    return true
  }
}
