// Shared helpers of the end-to-end suites: an emulator per file, temporary
// workspaces holding the function files, and the bundled action run as a process.
import {
  CloudFrontClient,
  CreateConnectionFunctionCommand,
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  PublishFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator, type Emulator, type RequestLogEntry } from '../../emulator/index.js'
import { runAction, type ActionRun } from '../../scripts/run-action.js'

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
