// Reads every input once, validates it and returns one typed, readonly object: the settings
// of the run, and of each function it deploys (one from the inputs, or many from a manifest).
// Every problem is an InputError raised before any request to AWS. Code and test files are
// checked and read by the steps that use them, also before any request.
import { InputError } from '../errors.js'
import { FUNCTION_INPUTS, INPUTS, isSetByWorkflow, type InputReader } from './contract.js'
import { parseFunctionInputs, type FunctionInputs } from './function.js'
import { loadManifest } from './manifest.js'
import { parseRunInputs, type RunInputs } from './run.js'

export type { InputReader } from './contract.js'
export type { FunctionInputs } from './function.js'
export type { RunInputs } from './run.js'

export interface Inputs {
  readonly run: RunInputs
  readonly functions: readonly FunctionInputs[]
}

export async function parseInputs(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env
): Promise<Inputs> {
  const run = parseRunInputs(read, env)
  if (run.manifest === '') return { run, functions: [parseFunctionInputs(read, run)] }
  refuseFunctionInputs(read)
  return { run, functions: await loadManifest(run.manifest, run) }
}

/** With a manifest, every function's settings come from it: the inputs must not set any. */
function refuseFunctionInputs(read: InputReader): void {
  for (const name of ['name', 'code'] as const) {
    if (read(name).trim() !== '') {
      throw new InputError(
        name,
        `must be empty when functions is set: every function, with its ${name}, is declared in the manifest.`
      )
    }
  }
  for (const name of FUNCTION_INPUTS) {
    if (isSetByWorkflow(read, name)) {
      throw new InputError(
        name,
        `is set (to something other than its default '${INPUTS[name].default}') while functions names a manifest: put it in the manifest instead, under defaults for every function or under one entry.`
      )
    }
  }
}
