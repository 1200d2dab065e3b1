// Start-up: no-op runs without latency, where almost all of the time is starting Node and
// loading the bundle. Today's bundle is compared with the previous release's on a plain .js
// function (the build feature must cost such a run nothing), and runs that build (TypeScript,
// then TypeScript + bundle + minify) show what loading the build libraries costs.
//
// Each variant runs with Node's compile cache warm (a later step of a job: the cache folder
// is shared and was filled by earlier runs) and cold (a fresh cache folder per run: the first
// step of a job on a new runner). Variants are interleaved run by run, so that a change in the
// machine's load spreads over all of them alike.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../emulator/index.js'
import { expectOutputs, runBundle } from './run.js'
import { fastestTenth, median } from './stats.js'

export type Cache = 'warm' | 'cold'
export const CACHES: Cache[] = ['warm', 'cold']

export interface Variant {
  id: string
  label: string
  bundle: 'current' | 'baseline'
  code: string
  inputs: Record<string, string>
}

export const VARIANTS: Variant[] = [
  {
    id: 'previous',
    label: 'previous release, plain .js',
    bundle: 'baseline',
    code: 'plain.js',
    inputs: {}
  },
  { id: 'plain', label: 'today, plain .js', bundle: 'current', code: 'plain.js', inputs: {} },
  {
    id: 'typescript',
    label: 'today, TypeScript',
    bundle: 'current',
    code: 'typescript/viewer-request.ts',
    inputs: {}
  },
  {
    id: 'bundle-minify',
    label: 'today, TypeScript + bundle + minify',
    bundle: 'current',
    code: 'bundled/viewer-request.ts',
    inputs: { bundle: 'true', minify: 'true' }
  }
]

export interface StartupSample {
  /** Wall time of the process. */
  ms: number
  /** Spawn to the first request: Node's start, loading the bundle, inputs, code (and build). */
  startup: number
  cpuMs: number | undefined
  maxRssMiB: number | undefined
  requests: number
}

export interface StartupSummary {
  runs: number
  ms: number
  /** Wall time and CPU time of the fastest tenth of the runs (stats.ts). */
  fastMs: number
  min: number
  max: number
  startup: number
  cpuMs: number
  fastCpuMs: number
  maxRssMiB: number
  requests: string
}

const PLAIN = `function handler(event) {
  var request = event.request;
  request.headers['x-bench'] = { value: 'plain' };
  return request;
}
`
const TYPESCRIPT = `interface Header {
  value: string
}
interface Request {
  uri: string
  headers: Record<string, Header>
}

function handler(event: { request: Request }): Request {
  const request = event.request
  request.headers['x-bench'] = { value: 'typescript' }
  return request
}
`
const BUNDLED_ENTRY = `import { indexDocument, type Request } from './lib/request.js'

function handler(event: { request: Request }): Request {
  const request = event.request
  request.uri = indexDocument(request.uri)
  request.headers['x-bench'] = { value: 'bundled' }
  return request
}
`
const BUNDLED_LIB = `export interface Request {
  uri: string
  headers: Record<string, { value: string }>
}

/** Directory requests get their index document. */
export function indexDocument(uri: string): string {
  if (uri.endsWith('/')) return \`\${uri}index.html\`
  const last = uri.slice(uri.lastIndexOf('/') + 1)
  return last.includes('.') ? uri : \`\${uri}/index.html\`
}

export function unused(): string {
  return 'left out of the bundle'
}
`

export async function measureStartup(
  emulator: Emulator,
  bundles: Record<Variant['bundle'], string>,
  node: string,
  runs: number,
  progress: (line: string) => void
): Promise<Map<string, StartupSample[]>> {
  emulator.reset()
  emulator.setLatency(0)
  const workdir = mkdtempSync(join(tmpdir(), 'cf-bench-startup-'))
  const warmCache = join(workdir, '.compile-cache')
  const samples = new Map<string, StartupSample[]>()
  try {
    mkdirSync(join(workdir, 'typescript'))
    mkdirSync(join(workdir, 'bundled', 'lib'), { recursive: true })
    writeFileSync(join(workdir, 'plain.js'), PLAIN)
    writeFileSync(join(workdir, 'typescript', 'viewer-request.ts'), TYPESCRIPT)
    writeFileSync(join(workdir, 'bundled', 'viewer-request.ts'), BUNDLED_ENTRY)
    writeFileSync(join(workdir, 'bundled', 'lib', 'request.ts'), BUNDLED_LIB)
    const run = async (variant: Variant, cache: Cache, timed: boolean) => {
      const cold = cache === 'cold' ? mkdtempSync(join(workdir, '.cold-cache-')) : undefined
      try {
        emulator.clearRequestLog()
        const result = await runBundle({
          entry: bundles[variant.bundle],
          node,
          inputs: {
            name: `bench-startup-${variant.id === 'previous' ? 'plain' : variant.id}`,
            code: variant.code,
            publish: 'true',
            ...variant.inputs
          },
          endpoint: emulator.url,
          workspace: workdir,
          env: { NODE_COMPILE_CACHE: cold ?? warmCache },
          timed
        })
        return { result, log: emulator.requestLog() }
      } finally {
        if (cold) rmSync(cold, { recursive: true, force: true })
      }
    }
    // The first run creates and publishes each function; two more fill the warm cache.
    for (const variant of VARIANTS) {
      for (let i = 0; i < 3; i++) {
        const { result } = await run(variant, 'warm', false)
        expectOutputs(`start-up warm-up, ${variant.label}`, result, {})
      }
    }
    for (let i = 1; i <= runs; i++) {
      for (const variant of VARIANTS) {
        for (const cache of CACHES) {
          const { result, log } = await run(variant, cache, true)
          expectOutputs(`start-up, ${variant.label}, ${cache}`, result, { changed: 'false' })
          const id = `${variant.id}/${cache}`
          const sample: StartupSample = {
            ms: result.durationMs,
            startup: Math.min(...log.map(entry => entry.start)) - result.spawnedAt,
            cpuMs: result.cpuMs,
            maxRssMiB: result.maxRssMiB,
            requests: log.length
          }
          samples.set(id, [...(samples.get(id) ?? []), sample])
        }
      }
      if (i % 10 === 0 || i === runs) progress(`  start-up: ${i}/${runs} rounds of every variant`)
    }
    return samples
  } finally {
    rmSync(workdir, { recursive: true, force: true })
  }
}

export function summarize(samples: readonly StartupSample[]): StartupSummary {
  const requests = [...new Set(samples.map(sample => sample.requests))].sort((a, b) => a - b)
  const cpu = samples.flatMap(sample => (sample.cpuMs === undefined ? [] : [sample.cpuMs]))
  return {
    runs: samples.length,
    ms: median(samples.map(sample => sample.ms)),
    fastMs: fastestTenth(samples.map(sample => sample.ms)),
    min: Math.min(...samples.map(sample => sample.ms)),
    max: Math.max(...samples.map(sample => sample.ms)),
    startup: median(samples.map(sample => sample.startup)),
    cpuMs: median(cpu),
    fastCpuMs: fastestTenth(cpu),
    maxRssMiB: median(
      samples.flatMap(sample => (sample.maxRssMiB === undefined ? [] : [sample.maxRssMiB]))
    ),
    requests: requests.join(', ')
  }
}
