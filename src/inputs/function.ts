// The settings of one function, read from the inputs or from a manifest entry the same way.
import { InputError } from '../errors.js'
import type { FunctionKind, Runtime, Tags } from '../types.js'
import { inputText, parseInput, type InputReader } from './contract.js'
import type { RunInputs } from './run.js'
import { parseKeyValueStores, parseName } from './values.js'

/** What one function is declared to be. */
export interface FunctionInputs {
  /** The name it is deployed under: the declared name plus `name-suffix`. */
  readonly name: string
  readonly kind: FunctionKind
  /** The code path as given, relative to the workspace; empty with `delete`. */
  readonly code: string
  readonly runtime: Runtime
  readonly comment: string
  /** Store ARNs or names, as given. */
  readonly keyValueStores: readonly string[]
  /** `undefined` leaves existing tags alone. */
  readonly tags: Tags | undefined
  readonly publish: boolean
  readonly testEvents: readonly string[]
  readonly maxComputeUtilization: number
  /** Another function of the same type whose LIVE stage the diff compares with; '' for none. */
  readonly diffAgainst: string
  readonly bundle: boolean
  readonly minify: boolean
}

/**
 * The settings of one function, from the inputs or from a manifest entry read like them.
 * Errors found after the name and type were read say which function they belong to.
 */
export function parseFunctionInputs(
  read: InputReader,
  run: RunInputs,
  overrides: { tags?: Tags | undefined } = {}
): FunctionInputs {
  const declared = parseInput(read, 'name')
  const kind = parseInput(read, 'type')
  const name = withSuffix(declared, run.nameSuffix)
  try {
    return parseFunctionSettings(read, run, name, kind, overrides)
  } catch (error) {
    throw error instanceof InputError ? error.about({ kind, name }) : error
  }
}

function withSuffix(name: string, suffix: string): string {
  if (suffix === '') return name
  const full = `${name}${suffix}`
  try {
    return parseName(full, 'name-suffix')
  } catch {
    throw new InputError(
      'name-suffix',
      `'${suffix}' makes the name '${full}', which is not a valid function name: names are 1 to 64 characters from A-Z, a-z, 0-9, hyphen (-) and underscore (_). Shorten the name or the suffix.`
    )
  }
}

function parseFunctionSettings(
  read: InputReader,
  run: RunInputs,
  name: string,
  kind: FunctionKind,
  overrides: { tags?: Tags | undefined }
): FunctionInputs {
  const runtime = parseInput(read, 'runtime')
  if (kind === 'connection-function' && runtime !== 'cloudfront-js-2.0') {
    throw new InputError(
      'runtime',
      `'${runtime}' cannot run a connection function: connection functions only support cloudfront-js-2.0. Set runtime: cloudfront-js-2.0 (the default).`
    )
  }
  const publish = parseInput(read, 'publish')
  const keyValueStores = parseKeyValueStores(inputText(read, 'key-value-stores'), runtime)
  const fields = {
    comment: parseInput(read, 'comment'),
    tags: 'tags' in overrides ? overrides.tags : parseInput(read, 'tags'),
    testEvents: parseInput(read, 'test-events'),
    maxComputeUtilization: parseInput(read, 'max-compute-utilization'),
    diffAgainst: parseInput(read, 'diff-against'),
    bundle: parseInput(read, 'bundle'),
    minify: parseInput(read, 'minify')
  }
  const code = parseInput(read, 'code')
  if (run.delete && publish) {
    throw new InputError(
      'publish',
      'publish: true cannot be combined with delete: true. Set one of them to false.'
    )
  }
  if (run.offline && publish) {
    throw new InputError(
      'publish',
      'publish: true cannot be combined with offline: true: an offline run sends no request to AWS. Set publish: false for the offline run.'
    )
  }
  if (!run.delete && code === '') {
    throw new InputError(
      'code',
      'is required to deploy. Set it to the path of the function source, e.g. code: functions/viewer-request.js.'
    )
  }
  if (fields.diffAgainst !== '' && fields.diffAgainst === name) {
    throw new InputError(
      'diff-against',
      `names the function itself ('${name}'): give the function to compare with, for example the production function a preview is made from.`
    )
  }
  return { name, kind, runtime, publish, keyValueStores, code: run.delete ? '' : code, ...fields }
}
