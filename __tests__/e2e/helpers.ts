// Shared helpers of the end-to-end suites: an emulator per file, temporary
// workspaces holding the function files, and the bundled action run as a process.
import {
  CloudFrontClient,
  CreateConnectionFunctionCommand,
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  PublishFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { constants as osConstants, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator, type Emulator, type RequestLogEntry } from '../../emulator/index.js'
import {
  ACTION_ENTRY,
  actionNode,
  parseOutputFile,
  prepareStep,
  runAction,
  type ActionRun
} from '../../scripts/run-action.js'

export type { ActionRun } from '../../scripts/run-action.js'

type Tags = Record<string, string>

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/e2e')

/** The text of a fixture under __tests__/fixtures/e2e. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

/** One emulator for the whole file, plus the temporary workspaces its tests create. */
export interface Harness {
  emu: Emulator
  /** Creates a workspace with the fixture files (copied) and `files` (path → content). */
  workspace(files?: Record<string, string>): string
  /** The text of a file in a workspace. */
  workspaceFile(workspace: string, path: string): string
  /** Runs the bundled action against the emulator. */
  run(
    workspace: string,
    inputs: Record<string, string>,
    env?: Record<string, string>
  ): Promise<ActionRun>
  /** A CloudFront client for setting up state the way another tool would. */
  client(): CloudFrontClient
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  const emu = await startEmulator({ port: 0 })
  const dirs: string[] = []
  const clients: CloudFrontClient[] = []
  return {
    emu,
    workspace(files = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'cf-e2e-'))
      dirs.push(dir)
      cpSync(FIXTURES, dir, { recursive: true })
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), content)
      }
      return dir
    },
    workspaceFile(workspace, path) {
      return readFileSync(join(workspace, path), 'utf8')
    },
    run(workspace, inputs, env) {
      return runAction({ inputs, endpoint: emu.url, workspace, env })
    },
    client() {
      const client = new CloudFrontClient({
        endpoint: emu.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'emulator-secret' },
        maxAttempts: 1
      })
      clients.push(client)
      return client
    },
    async close() {
      for (const client of clients) client.destroy()
      await emu.close()
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Creates a key value store through the API and returns its ARN. */
export async function createStore(harness: Harness, name: string): Promise<string> {
  const created = await harness
    .client()
    .send(new CreateKeyValueStoreCommand({ Name: name, Comment: 'e2e' }))
  const arn = created.KeyValueStore?.ARN
  if (!arn) throw new Error(`CreateKeyValueStore returned no ARN for ${name}`)
  return arn
}

export function writes(log: RequestLogEntry[]): RequestLogEntry[] {
  return log.filter(entry => entry.write)
}

export function operations(log: RequestLogEntry[]): string[] {
  return log.map(entry => entry.operation)
}

export function writeOperations(log: RequestLogEntry[]): string[] {
  return writes(log).map(entry => entry.operation)
}

/** The one function of this kind and name in the emulator, or undefined. */
export function stored(emu: Emulator, kind: 'function' | 'connection-function', name: string) {
  return emu.state().functions.find(f => f.kind === kind && f.name === name)
}

/** Everything the action printed, for message assertions. */
export function output(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`
}

/** Describes a run for assertion messages, so a failure shows what the action said. */
export function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`
}

/** Fails with the action's output when the run did not end with this exit code. */
export function expectExit(run: ActionRun, code: number): void {
  if (run.exitCode !== code) {
    throw new Error(`expected exit code ${code}, got ${describeRun(run)}`)
  }
}

/** Creates a function through the API, the way an earlier deploy or another tool would. */
export async function seedFunction(
  harness: Harness,
  name: string,
  code: string,
  options: { comment?: string; runtime?: string; publish?: boolean; tags?: Tags } = {}
): Promise<string> {
  const client = harness.client()
  const tags = Object.entries(options.tags ?? {}).map(([Key, Value]) => ({ Key, Value }))
  const created = await client.send(
    new CreateFunctionCommand({
      Name: name,
      FunctionConfig: {
        Comment: options.comment ?? '',
        Runtime: (options.runtime ?? 'cloudfront-js-2.0') as 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 0, Items: [] }
      },
      FunctionCode: Buffer.from(code),
      ...(tags.length > 0 ? { Tags: { Items: tags } } : {})
    })
  )
  if (options.publish) {
    await client.send(new PublishFunctionCommand({ Name: name, IfMatch: created.ETag }))
  }
  return created.ETag ?? ''
}

/** Creates a connection function through the API; returns its Id. */
export async function seedConnectionFunction(
  harness: Harness,
  name: string,
  code: string
): Promise<string> {
  const created = await harness.client().send(
    new CreateConnectionFunctionCommand({
      Name: name,
      ConnectionFunctionConfig: {
        Comment: '',
        Runtime: 'cloudfront-js-2.0',
        KeyValueStoreAssociations: { Quantity: 0, Items: [] }
      },
      ConnectionFunctionCode: Buffer.from(code)
    })
  )
  return created.ConnectionFunctionSummary?.Id ?? ''
}

/**
 * CPU time that counts as 100% compute in the suites that are not about the compute
 * limit. The emulator measures wall time around each test run; with its 1 ms default an
 * occasional garbage collection or compile pause reads as 100% for a trivial function.
 */
export const STEADY_COMPUTE_BUDGET_MS = 25

/** Forgets every resource, fault and request; a compute budget trivial functions stay under. */
export function resetEmulator(harness: Harness): void {
  harness.emu.reset()
  harness.emu.clearRequestLog()
  harness.emu.setComputeBudget(STEADY_COMPUTE_BUDGET_MS)
}

// ---- for the trust suites: processes to kill, requests to inspect, commands to find ------

/** A run of the bundled action that is still going: its process, and its result when it ends. */
export interface RunningAction {
  child: ChildProcess
  /** Settles when the process has exited (also when it was killed). */
  done: Promise<ActionRun>
}

/**
 * Starts the bundled action the way `runAction` runs it, but hands back the process, so a
 * test can kill it mid-run. The environment is the runner's, as in scripts/run-action.ts.
 */
export function startAction(options: {
  inputs: Record<string, string>
  endpoint: string
  workspace: string
  env?: Record<string, string>
}): RunningAction {
  const { dir: files, outputFile, summaryFile, env } = prepareStep(options, 'cf-action-start-')
  const started = performance.now()
  const child = spawn(actionNode(), [ACTION_ENTRY], {
    env,
    cwd: options.workspace,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', chunk => (stdout += chunk))
  child.stderr?.on('data', chunk => (stderr += chunk))
  const done = new Promise<ActionRun>((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      try {
        resolvePromise({
          exitCode: code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1),
          stdout,
          stderr,
          outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
          summary: readFileSync(summaryFile, 'utf8'),
          durationMs: performance.now() - started
        })
      } finally {
        rmSync(files, { recursive: true, force: true })
      }
    })
  })
  return { child, done }
}

/** Resolves once `condition` holds, checking every few milliseconds; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 20_000
): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise(resolvePromise => setTimeout(resolvePromise, 5))
  }
}

/** One request that went through a recording proxy, with the headers the emulator's log lacks. */
export interface RecordedRequest {
  method: string
  path: string
  /** The If-Match header, when the request carried one. */
  ifMatch: string | undefined
}

export interface RecordingProxy {
  /** Use as the CloudFront endpoint: requests are passed on to the target unchanged. */
  url: string
  requests(): RecordedRequest[]
  close(): Promise<void>
}

/**
 * A proxy in front of the emulator that records each request's If-Match, so a test can check
 * which version every conditional write and test run named.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const recorded: RecordedRequest[] = []
  const upstream = new URL(target)
  const server = createServer((request, response) => {
    const ifMatch = request.headers['if-match']
    recorded.push({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      ifMatch: Array.isArray(ifMatch) ? ifMatch[0] : ifMatch
    })
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers
      },
      answer => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    // A reset upstream is a reset here: the client sees what it would have seen.
    forward.on('error', () => request.socket.destroy())
    request.pipe(forward)
  })
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolvePromise())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => recorded.map(entry => ({ ...entry })),
    close: () =>
      new Promise<void>(resolvePromise => {
        server.closeAllConnections()
        server.close(() => resolvePromise())
      })
  }
}

/** A workflow command as the runner reads it from a line of the step's output. */
export interface WorkflowCommand {
  /** `error`, `warning`, `add-mask`, `group`, ... (lower case). */
  command: string
  /** The raw properties (`file=a.js,line=3`), `''` when none. */
  properties: string
  /** The raw data after the second `::` (or after `]` for the legacy form). */
  data: string
}

/**
 * What .NET's `TrimStart()` removes (`char.IsWhiteSpace`): more than JavaScript's `\s`, which
 * lacks U+0085 (NEXT LINE).
 */
const RUNNER_WHITESPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/

/**
 * The workflow commands in a step's output, found the way the runner finds them
 * (actions/runner, ActionCommand.TryParseV2 then TryParse): a line that, after .NET's
 * `TrimStart()`, starts with `::name ...::`; otherwise the legacy `##[name ...]` anywhere in
 * the line. Every name counts, registered with the runner or not.
 */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const raw of stdout.split(/\r\n|\r|\n/)) {
    const line = raw.replace(RUNNER_WHITESPACE, '')
    const modern = /^::([^\s:]+)(?: ([^]*?))?::([^]*)$/.exec(line)
    if (modern) {
      const [, command, properties = '', data] = modern
      commands.push({ command: command.toLowerCase(), properties, data })
      continue
    }
    const legacy = /##\[([^\s\]]+)(?: ([^\]]*))?\]([^]*)$/.exec(raw)
    if (legacy) {
      const [, command, properties = '', data] = legacy
      commands.push({ command: command.toLowerCase(), properties, data })
    }
  }
  return commands
}

/** The data of a command as the runner decodes it (`%25`, `%0D`, `%0A`). */
export function commandData(data: string): string {
  return data.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}
