// Reads every input once, validates it and returns one typed, readonly object. Every problem
// is an InputError raised before any request to AWS. Files are not read here: they are
// checked and read by the steps that use them (code, test cases), also before any request.
import { InputError } from '../errors.js'
import type { FunctionKind, Runtime, Tags } from '../types.js'
import { inputText, parseInput, type InputReader } from './contract.js'
import { jobRoots, type JobRoots } from './files.js'
import { parseKeyValueStores } from './values.js'

export type { InputReader } from './contract.js'

/** What one function is declared to be. */
export interface FunctionInputs {
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
}

/** What applies to the whole run. */
export interface RunInputs {
  readonly dryRun: boolean
  readonly delete: boolean
  readonly commentOnPr: boolean
  readonly githubToken: string
  /** The folders input files may come from. */
  readonly roots: JobRoots
}

export interface Inputs {
  readonly run: RunInputs
  readonly functions: readonly FunctionInputs[]
}

export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv = process.env): Inputs {
  const run = parseRunInputs(read, env)
  return { run, functions: [parseFunctionInputs(read, run)] }
}

export function parseRunInputs(read: InputReader, env: NodeJS.ProcessEnv): RunInputs {
  return {
    dryRun: parseInput(read, 'dry-run'),
    delete: parseInput(read, 'delete'),
    commentOnPr: parseInput(read, 'comment-on-pr'),
    githubToken: parseInput(read, 'github-token'),
    roots: jobRoots(env)
  }
}

/** The settings of one function, from the inputs (or a manifest entry read like them). */
export function parseFunctionInputs(read: InputReader, run: RunInputs): FunctionInputs {
  const name = parseInput(read, 'name')
  const kind = parseInput(read, 'type')
  try {
    return parseFunctionSettings(read, run, name, kind)
  } catch (error) {
    // Reports of a failed run can still name the function.
    throw error instanceof InputError ? error.about({ kind, name }) : error
  }
}

function parseFunctionSettings(
  read: InputReader,
  run: RunInputs,
  name: string,
  kind: FunctionKind
): FunctionInputs {
  const runtime = parseInput(read, 'runtime')
  const publish = parseInput(read, 'publish')
  const keyValueStores = parseKeyValueStores(inputText(read, 'key-value-stores'), runtime)
  const fields = {
    comment: parseInput(read, 'comment'),
    tags: parseInput(read, 'tags'),
    testEvents: parseInput(read, 'test-events'),
    maxComputeUtilization: parseInput(read, 'max-compute-utilization')
  }
  const code = parseInput(read, 'code')
  if (run.delete && publish) {
    throw new InputError(
      'publish',
      'publish: true cannot be combined with delete: true. Set one of them to false.'
    )
  }
  if (!run.delete && code === '') {
    throw new InputError(
      'code',
      'is required to deploy. Set it to the path of the function source, e.g. code: functions/viewer-request.js.'
    )
  }
  return { name, kind, runtime, publish, keyValueStores, code: run.delete ? '' : code, ...fields }
}
