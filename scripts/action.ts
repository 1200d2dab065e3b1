// npm run action -- --name viewer-request --code examples/functions/viewer-request.js --publish true
//
// Runs the bundled action (dist/index.js) the way the runner does, with its inputs given as
// flags, and prints the step log, the outputs, the job summary and the requests CloudFront
// received. Against the embedded emulator by default, which keeps its state in a file between
// runs (so a second run shows the no-op); or against any endpoint (--endpoint URL), or AWS
// itself (--endpoint aws, with the credentials of the environment).
//
// Flags of this command: --endpoint URL|aws, --state FILE (default .emulator-state.json),
// --workspace DIR (default: the current directory), --event-name NAME (GITHUB_EVENT_NAME).
// Every other --flag is an input of action.yml.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { INPUTS } from '../src/inputs/contract.js'
import { ACTION_ENTRY, runAction } from './run-action.js'
import { indent, printOutputs, printRequests, printStepLog } from './step-log.js'

const OWN_FLAGS = new Set(['endpoint', 'state', 'workspace', 'event-name'])

function usage(problem: string): never {
  console.error(`${problem}\n`)
  console.error(
    'usage: npm run action -- --<input> <value> ... [--endpoint URL|aws] [--state FILE]'
  )
  console.error('                                   [--workspace DIR] [--event-name NAME]')
  console.error(`inputs: ${Object.keys(INPUTS).join(', ')}`)
  process.exit(2)
}

function parseFlags(args: string[]): {
  own: Record<string, string>
  inputs: Record<string, string>
} {
  const own: Record<string, string> = {}
  const inputs: Record<string, string> = {}
  for (let index = 0; index < args.length; index += 2) {
    const flag = args[index]
    const value = args[index + 1]
    if (!flag.startsWith('--')) usage(`'${flag}' is not a flag: give --<name> <value> pairs.`)
    const name = flag.slice(2)
    if (value === undefined) usage(`--${name} needs a value.`)
    if (OWN_FLAGS.has(name)) own[name] = value
    else if (name in INPUTS) inputs[name] = value
    else usage(`--${name} is neither an input of action.yml nor a flag of this command.`)
  }
  return { own, inputs }
}

async function main(): Promise<void> {
  const { own, inputs } = parseFlags(process.argv.slice(2))
  if (!existsSync(ACTION_ENTRY)) {
    console.error(`${ACTION_ENTRY} is missing: build it with npm run package, then re-run.`)
    process.exit(1)
  }
  const workspace = resolve(own.workspace ?? process.cwd())
  let emulator: Emulator | undefined
  let endpoint: string | undefined
  if (own.endpoint === 'aws') endpoint = undefined
  else if (own.endpoint) endpoint = own.endpoint
  else {
    const state = resolve(own.state ?? '.emulator-state.json')
    emulator = await startEmulator({ port: 0, stateFile: state })
    endpoint = emulator.url
    console.log(`Embedded CloudFront emulator at ${endpoint}, state in ${state}`)
  }
  try {
    const run = await runAction({
      inputs,
      endpoint,
      workspace,
      env: own['event-name'] ? { GITHUB_EVENT_NAME: own['event-name'] } : undefined
    })
    console.log(`\n--- Step log (exit code ${run.exitCode}, ${Math.round(run.durationMs)} ms)`)
    printStepLog(run.stdout)
    if (run.exitCode !== 0 && run.stderr.trim()) console.log(indent(run.stderr))
    console.log('\n--- Outputs')
    printOutputs(run)
    if (run.outputs.diff) {
      console.log('\n--- diff output')
      console.log(indent(run.outputs.diff))
    }
    console.log('\n--- Job summary')
    console.log(indent(run.summary))
    if (emulator) {
      console.log('\n--- Requests CloudFront received')
      printRequests(emulator.requestLog())
    }
    process.exitCode = run.exitCode
  } finally {
    await emulator?.close()
  }
}

main().catch(error => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
