// Fixtures of the build tests: the committed workspace, and scratch workspaces made per test.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunction, type BuildResult } from '../../src/build/index.js'
import type { BuildOptions } from '../../src/build/types.js'

const here = dirname(fileURLToPath(import.meta.url))

/** The committed fixture workspace (functions/ and functions/lib/). */
export const WORKSPACE = join(here, '..', 'fixtures', 'build', 'workspace')

export function build(
  entry: string,
  options: Partial<Omit<BuildOptions, 'entry'>> = {}
): Promise<BuildResult> {
  const workspace = options.workspace ?? WORKSPACE
  return buildFunction({
    entry: join(workspace, entry),
    workspace,
    bundle: true,
    minify: false,
    kind: 'function',
    runtime: 'cloudfront-js-2.0',
    ...options
  })
}

/** A workspace in a temporary directory with the given files; removed by `cleanUp`. */
export function scratchWorkspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'build-test-')))
  const workspace = join(root, 'workspace')
  mkdirSync(workspace)
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, file)), { recursive: true })
    writeFileSync(join(workspace, file), content)
  }
  scratch.push(root)
  return workspace
}

const scratch: string[] = []

export function cleanUp(): void {
  for (const root of scratch.splice(0)) rmSync(root, { recursive: true, force: true })
}

/** The rejection of a promise, to assert on its fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}
