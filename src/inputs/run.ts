// The settings that apply to the whole run.
import { InputError } from '../errors.js'
import { parseInput, type InputReader } from './contract.js'
import { jobRoots, type JobRoots } from './files.js'

/** What applies to the whole run. */
export interface RunInputs {
  readonly dryRun: boolean
  readonly delete: boolean
  readonly offline: boolean
  /** Path of the JSON object a store holds in offline mode; '' for none. */
  readonly offlineStoreData: string
  /** Path of the manifest; '' when the inputs declare one function. */
  readonly manifest: string
  readonly nameSuffix: string
  readonly maxParallel: number
  readonly commentOnPr: boolean
  readonly githubToken: string
  /** The folders input files may come from. */
  readonly roots: JobRoots
}

export function parseRunInputs(read: InputReader, env: NodeJS.ProcessEnv): RunInputs {
  const run: RunInputs = {
    dryRun: parseInput(read, 'dry-run'),
    delete: parseInput(read, 'delete'),
    offline: parseInput(read, 'offline'),
    offlineStoreData: parseInput(read, 'offline-store-data'),
    manifest: parseInput(read, 'functions'),
    nameSuffix: parseInput(read, 'name-suffix'),
    maxParallel: parseInput(read, 'max-parallel'),
    commentOnPr: parseInput(read, 'comment-on-pr'),
    githubToken: parseInput(read, 'github-token'),
    roots: jobRoots(env)
  }
  if (run.offline && run.delete) {
    throw new InputError(
      'offline',
      'offline: true runs the tests locally and cannot delete anything: set delete: false, or run the delete without offline.'
    )
  }
  if (run.offlineStoreData !== '' && !run.offline) {
    throw new InputError(
      'offline-store-data',
      'is only used with offline: true. Set offline: true, or remove offline-store-data.'
    )
  }
  return run
}
