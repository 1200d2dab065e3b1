// Many functions: a manifest of 1, 5 and 20 functions of mixed kinds deployed in one step,
// next to the same deploys done as one step per function (one process per function, one
// after the other, as a workflow with a step per function runs them). Every run's time is
// split into phases from the emulator's request log: start-up (spawn to the first request),
// staging (reads, DEVELOPMENT writes), the release gate, publishing, and the report.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Emulator, RequestLogEntry } from '../emulator/index.js'
import { criticalPath } from './rounds.js'
import { expectOutputs, runBundle, type BundleRun } from './run.js'
import type { Kind } from './single.js'

export const MANIFEST_SIZES = [1, 5, 20]
/** The action's default `max-parallel`; sizes above it are also run with the maximum. */
export const DEFAULT_PARALLEL = 4
export const MAX_PARALLEL = 10

export type Step = 'create+publish' | 'no-op' | 'update+publish'
export const STEPS: Step[] = ['create+publish', 'no-op', 'update+publish']

/** How the functions are deployed: one step with a manifest, or one step per function. */
export interface Mode {
  /** `max-parallel` of a manifest step; undefined for a step per function. */
  parallel: number | undefined
}

export interface Phases {
  /** Spawn to the first request (summed over the steps of a step per function). */
  startup: number
  /** First request to the last answer before the first publish. */
  staging: number
  /** The last staging answer to the first publish request: the release gate itself. */
  gate: number
  /** First publish request to the last answer. */
  publishing: number
  /** Last answer to the exit of the process: outputs, summary, log. */
  report: number
}

export interface ManifestSample extends Phases {
  requests: number
  writes: number
  /** Round trips on the critical path (rounds.ts): waited for one after the other. */
  rounds: number
  stagingRounds: number
  publishingRounds: number
  /** Most requests in flight at once. */
  inFlight: number
  ms: number
  /** User + system CPU time of the action's process(es), when /usr/bin/time is installed. */
  cpuMs: number
  /** A step per function: each step's wall time and rounds. */
  steps: { ms: number; rounds: number; kind: Kind }[]
}

const EXPECTED: Record<Step, Record<string, string>> = {
  'create+publish': { changed: 'true', published: 'true' },
  'no-op': { changed: 'false', published: 'false' },
  'update+publish': { changed: 'true', published: 'true' }
}
const VERSION: Record<Step, string> = {
  'create+publish': 'v1',
  'no-op': 'v1',
  'update+publish': 'v2'
}

/** Even positions are CloudFront Functions, odd ones connection functions. */
export function kindAt(index: number): Kind {
  return index % 2 === 0 ? 'function' : 'connection-function'
}

function names(size: number, prefix: string): { name: string; kind: Kind }[] {
  return Array.from({ length: size }, (_, index) => ({
    name: `bench-${prefix}${size}-${String(index + 1).padStart(2, '0')}`,
    kind: kindAt(index)
  }))
}

const isPublish = (entry: RequestLogEntry): boolean => entry.operation.startsWith('Publish')

function maxInFlight(log: readonly RequestLogEntry[]): number {
  const events = log.flatMap(entry => [
    { at: entry.start, delta: 1 },
    { at: entry.end, delta: -1 }
  ])
  // Ends before starts at the same instant: a request that starts as another ends is not parallel.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta)
  let now = 0
  let most = 0
  for (const event of events) {
    now += event.delta
    most = Math.max(most, now)
  }
  return most
}

/** The phases of one process's run. */
export function phasesOf(run: BundleRun, log: readonly RequestLogEntry[]): Phases {
  const exit = run.spawnedAt + run.durationMs
  if (log.length === 0) {
    return { startup: run.durationMs, staging: 0, gate: 0, publishing: 0, report: 0 }
  }
  const first = Math.min(...log.map(entry => entry.start))
  const last = Math.max(...log.map(entry => entry.end))
  const publishes = log.filter(isPublish)
  const publishStart = publishes.length > 0 ? Math.min(...publishes.map(e => e.start)) : Infinity
  const staging = log.filter(entry => entry.start < publishStart)
  const stagingEnd = staging.length > 0 ? Math.max(...staging.map(entry => entry.end)) : first
  return {
    startup: first - run.spawnedAt,
    staging: stagingEnd - first,
    gate: publishes.length > 0 ? Math.max(0, publishStart - stagingEnd) : 0,
    publishing: publishes.length > 0 ? last - publishStart : 0,
    report: exit - last
  }
}

export class ManifestBench {
  private readonly samples = new Map<string, ManifestSample[]>()

  constructor(
    private readonly emulator: Emulator,
    private readonly entry: string,
    private readonly node: string,
    private readonly workdir: string
  ) {}

  /** The modes measured for a size: the default bound, the maximum when it differs, steps. */
  static modes(size: number): Mode[] {
    return [
      { parallel: DEFAULT_PARALLEL },
      ...(size > DEFAULT_PARALLEL ? [{ parallel: MAX_PARALLEL }] : []),
      { parallel: undefined }
    ]
  }

  get(size: number, mode: Mode, step: Step): ManifestSample[] {
    return this.samples.get(key(size, mode, step)) ?? []
  }

  async repetition(): Promise<void> {
    for (const size of MANIFEST_SIZES) {
      for (const mode of ManifestBench.modes(size)) {
        this.emulator.reset()
        for (const step of STEPS) {
          const sample =
            mode.parallel === undefined
              ? await this.stepPerFunction(size, step)
              : await this.oneStep(size, mode.parallel, step)
          const id = key(size, mode, step)
          this.samples.set(id, [...(this.samples.get(id) ?? []), sample])
        }
      }
    }
  }

  private manifest(size: number, parallel: number, version: string): string {
    const file = `manifest-${size}-p${parallel}-${version}.yml`
    const lines = ['defaults:', '  publish: true', 'functions:']
    for (const fn of names(size, `m${parallel}x`)) {
      lines.push(
        `  - name: ${fn.name}`,
        `    type: ${fn.kind}`,
        `    code: ${fn.kind}-${version}.js`
      )
    }
    writeFileSync(join(this.workdir, file), `${lines.join('\n')}\n`)
    return file
  }

  private async oneStep(size: number, parallel: number, step: Step): Promise<ManifestSample> {
    const manifest = this.manifest(size, parallel, VERSION[step])
    this.emulator.clearRequestLog()
    const run = await runBundle({
      entry: this.entry,
      node: this.node,
      inputs: { functions: manifest, 'max-parallel': String(parallel) },
      endpoint: this.emulator.url,
      workspace: this.workdir,
      timed: true
    })
    expectOutputs(`manifest of ${size}, ${step}`, run, EXPECTED[step])
    const results = JSON.parse(run.outputs.results ?? '{}') as Record<string, unknown>
    if (Object.keys(results).length !== size) {
      throw new Error(`manifest of ${size}, ${step}: results has ${Object.keys(results).length}`)
    }
    const log = this.emulator.requestLog()
    const publishStart = Math.min(...log.filter(isPublish).map(entry => entry.start))
    return {
      ...phasesOf(run, log),
      requests: log.length,
      writes: log.filter(entry => entry.write).length,
      rounds: criticalPath(log),
      stagingRounds: criticalPath(log.filter(entry => entry.start < publishStart)),
      publishingRounds: criticalPath(log.filter(entry => entry.start >= publishStart)),
      inFlight: maxInFlight(log),
      ms: run.durationMs,
      cpuMs: run.cpuMs ?? NaN,
      steps: []
    }
  }

  /** The same deploys as a workflow with one step per function: one process each, in turn. */
  private async stepPerFunction(size: number, step: Step): Promise<ManifestSample> {
    const total: ManifestSample = {
      startup: 0,
      staging: 0,
      gate: 0,
      publishing: 0,
      report: 0,
      requests: 0,
      writes: 0,
      rounds: 0,
      stagingRounds: 0,
      publishingRounds: 0,
      inFlight: 0,
      ms: 0,
      cpuMs: 0,
      steps: []
    }
    for (const fn of names(size, 's')) {
      this.emulator.clearRequestLog()
      const run = await runBundle({
        entry: this.entry,
        node: this.node,
        inputs: {
          name: fn.name,
          type: fn.kind,
          code: `${fn.kind}-${VERSION[step]}.js`,
          publish: 'true'
        },
        endpoint: this.emulator.url,
        workspace: this.workdir,
        timed: true
      })
      expectOutputs(`step for ${fn.name}, ${step}`, run, EXPECTED[step])
      const log = this.emulator.requestLog()
      const phases = phasesOf(run, log)
      const rounds = criticalPath(log)
      const publishStart = Math.min(...log.filter(isPublish).map(entry => entry.start))
      total.startup += phases.startup
      total.staging += phases.staging
      total.gate += phases.gate
      total.publishing += phases.publishing
      total.report += phases.report
      total.requests += log.length
      total.writes += log.filter(entry => entry.write).length
      total.rounds += rounds
      total.stagingRounds += criticalPath(log.filter(entry => entry.start < publishStart))
      total.publishingRounds += criticalPath(log.filter(entry => entry.start >= publishStart))
      total.inFlight = Math.max(total.inFlight, maxInFlight(log))
      total.ms += run.durationMs
      total.cpuMs += run.cpuMs ?? NaN
      total.steps.push({ ms: run.durationMs, rounds, kind: fn.kind })
    }
    return total
  }
}

function key(size: number, mode: Mode, step: Step): string {
  return `${size}/${mode.parallel ?? 'steps'}/${step}`
}

export function modeLabel(mode: Mode): string {
  return mode.parallel === undefined
    ? 'a step per function'
    : `one step, max-parallel ${mode.parallel}${mode.parallel === DEFAULT_PARALLEL ? ' (default)' : ''}`
}
