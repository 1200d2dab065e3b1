// Runs one bundle of the action as the runner does, like scripts/run-action.ts (same inputs,
// same environment), with two additions the benchmark needs: the bundle is named per run
// (today's and the previous release's run side by side), and the process's CPU time and
// peak memory are measured with /usr/bin/time when it is installed. CPU time moves far less
// than wall time when other work shares the machine.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseOutputFile, prepareStep } from '../scripts/run-action.js'

const TIME = '/usr/bin/time'
export const CAN_TIME = existsSync(TIME)

export interface BundleRunOptions {
  /** The bundle's entry file (dist/index.js or another build's). */
  entry: string
  node: string
  /** Input names as in action.yml; the runner's defaults fill the rest. */
  inputs: Record<string, string>
  endpoint: string
  workspace: string
  env?: Record<string, string>
  /** Measure CPU time and peak memory (needs /usr/bin/time). */
  timed?: boolean
}

export interface BundleRun {
  exitCode: number
  output: string
  outputs: Record<string, string>
  /** When the process was spawned, in epoch milliseconds (the emulator's request-log clock). */
  spawnedAt: number
  /** Wall time of the process, in milliseconds. */
  durationMs: number
  /** User + system CPU time, in milliseconds, when timed. */
  cpuMs?: number
  /** Peak resident memory, in MiB, when timed. */
  maxRssMiB?: number
}

const epochNow = (): number => performance.timeOrigin + performance.now()

export async function runBundle(options: BundleRunOptions): Promise<BundleRun> {
  const { dir: files, outputFile, env } = prepareStep(options, 'cf-bench-run-')
  const timeFile = join(files, 'time')
  const timed = options.timed === true && CAN_TIME
  const [command, args] = timed
    ? [TIME, ['-f', '%U %S %M', '-o', timeFile, options.node, options.entry]]
    : [options.node, [options.entry]]
  try {
    const spawnedAt = epochNow()
    const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>(
      (resolve, reject) => {
        const child = spawn(command, args, {
          env,
          cwd: options.workspace,
          stdio: ['ignore', 'pipe', 'pipe']
        })
        let text = ''
        child.stdout.on('data', chunk => (text += chunk))
        child.stderr.on('data', chunk => (text += chunk))
        child.on('error', reject)
        child.on('close', code => resolve({ exitCode: code ?? 1, output: text }))
      }
    )
    const durationMs = epochNow() - spawnedAt
    const run: BundleRun = {
      exitCode,
      output,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      spawnedAt,
      durationMs
    }
    if (timed) {
      // The last line: /usr/bin/time writes "Command exited with non-zero status" first.
      const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? ''
      const [user, system, rssKiB] = last.split(' ').map(Number)
      run.cpuMs = (user + system) * 1000
      run.maxRssMiB = rssKiB / 1024
    }
    return run
  } finally {
    rmSync(files, { recursive: true, force: true })
  }
}

/** Throws with the run's output when it failed or an output differs from `expected`. */
export function expectOutputs(
  what: string,
  run: BundleRun,
  expected: Record<string, string>
): void {
  const wrong = Object.entries(expected).filter(([name, value]) => run.outputs[name] !== value)
  if (run.exitCode === 0 && wrong.length === 0) return
  const outputs = wrong.map(([name, value]) => `${name}=${run.outputs[name]} (expected ${value})`)
  throw new Error(`${what}: exit ${run.exitCode}, ${outputs.join(', ')}\n${run.output}`)
}
