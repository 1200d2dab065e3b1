// Runs the bundled action as a separate process, exactly as the GitHub runner
// does: inputs as INPUT_<NAME> variables, outputs and the step summary through
// the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
// Shared by the end-to-end tests, the demo and the benchmark.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { INPUTS } from '../src/inputs/contract.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/**
 * The bundle to run: dist/index.js, or ACTION_ENTRY when set (a bundle built elsewhere, so
 * that rebuilding while tests run never changes the dist/ they use).
 */
export const ACTION_ENTRY = process.env.ACTION_ENTRY || join(ROOT, 'dist', 'index.js')

export interface RunActionOptions {
  /** Input names as in action.yml (e.g. 'key-value-stores'); values as the runner passes them. */
  inputs: Record<string, string>
  /** CloudFront endpoint (the emulator's URL); `undefined` uses AWS itself, with the caller's credentials. */
  endpoint: string | undefined
  /** GITHUB_WORKSPACE; relative `code` and `test-events` paths resolve against it. */
  workspace: string
  /** Extra environment (GITHUB_EVENT_NAME, GITHUB_API_URL, ...). */
  env?: Record<string, string>
  /** The Node binary: ACTION_NODE (Node 24 in CI) or this process's node. */
  node?: string
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Wall time of the process, in milliseconds. */
  durationMs: number
}

/**
 * The Node the runner would use: Node 24 when ACTION_NODE points at it. A relative path is taken
 * from the current directory, since the action runs with the workspace as its own.
 */
export function actionNode(): string {
  const node = process.env.ACTION_NODE
  if (!node) return process.execPath
  return node.includes('/') ? resolve(node) : node
}

/**
 * The runner's action defaults, which it passes for inputs the workflow leaves out: action.yml's
 * defaults, from the input table (the token's default is an expression the runner evaluates;
 * here there is no token).
 */
export function defaultInputs(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(INPUTS).map(([name, input]) => [
      name,
      input.default.startsWith('${{') ? '' : input.default
    ])
  )
}

/** The caller's AWS settings (credentials, profile, region, endpoints), passed on as they are. */
function awsEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('AWS_')))
}

/** One step's files and environment, as the runner prepares them. */
export interface RunnerStep {
  /** A temporary folder (RUNNER_TEMP) holding the output and summary files; remove it after. */
  dir: string
  outputFile: string
  summaryFile: string
  env: NodeJS.ProcessEnv
}

/**
 * The environment the runner gives an action's process: GITHUB_* variables and files, the
 * inputs as INPUT_<NAME> (the runner's defaults for those left out) and the CloudFront
 * endpoint with test credentials, or the caller's AWS settings when there is no endpoint.
 */
export function prepareStep(
  options: Pick<RunActionOptions, 'inputs' | 'endpoint' | 'workspace' | 'env'>,
  prefix: string
): RunnerStep {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'example/repo',
    RUNNER_TEMP: dir,
    ...(options.endpoint === undefined
      ? awsEnvironment()
      : {
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'emulator-secret',
          AWS_REGION: 'us-east-1',
          AWS_ENDPOINT_URL_CLOUDFRONT: options.endpoint
        }),
    ...options.env
  }
  // The runner upper-cases the name and keeps hyphens: INPUT_KEY-VALUE-STORES.
  for (const [name, value] of Object.entries({ ...defaultInputs(), ...options.inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return { dir, outputFile, summaryFile, env }
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const { dir: files, outputFile, summaryFile, env } = prepareStep(options, 'cf-action-run-')
  const started = performance.now()
  try {
    const { exitCode, stdout, stderr } = await spawnNode(
      options.node ?? actionNode(),
      env,
      options.workspace
    )
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      durationMs: performance.now() - started
    }
  } finally {
    rmSync(files, { recursive: true, force: true })
  }
}

function spawnNode(
  node: string,
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, [ACTION_ENTRY], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => resolvePromise({ exitCode: code ?? 1, stdout, stderr }))
  })
}

/** Parses the `name<<DELIMITER ... DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index])
    if (match) {
      const [, name, delimiter] = match
      const value: string[] = []
      while (++index < lines.length && lines[index] !== delimiter) value.push(lines[index])
      outputs[name] = value.join('\n')
    } else if (lines[index].includes('=')) {
      const equals = lines[index].indexOf('=')
      outputs[lines[index].slice(0, equals)] = lines[index].slice(equals + 1)
    }
  }
  return outputs
}
