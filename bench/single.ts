// One function per step: the action's deploys of one function of each kind, side by side
// with the same deploys done by bench/cli-deploy.sh (the AWS CLI script users write today),
// in the same emulator and the same run.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Emulator, RequestLogEntry } from '../emulator/index.js'
import { ROOT } from '../scripts/run-action.js'
import { countRounds } from './rounds.js'
import { expectOutputs, runBundle } from './run.js'

export type Kind = 'function' | 'connection-function'
export type Scenario = 'create+publish' | 'no-op' | 'update+publish' | 'no-op, tags set'
type Tool = 'action' | 'cli'

export const KINDS: Kind[] = ['function', 'connection-function']
export const SCENARIOS: Scenario[] = [
  'create+publish',
  'no-op',
  'update+publish',
  'no-op, tags set'
]
export const SOURCES: Record<Kind, string> = {
  function: join(ROOT, 'examples/functions/viewer-request.js'),
  'connection-function': join(ROOT, 'examples/functions/connection-function.js')
}
const CLI_SCRIPT = join(ROOT, 'bench', 'cli-deploy.sh')
const TAGS = 'team=web, managed-by=cloudfront-function-deploy'
/** Credentials and region for both tools; the emulator accepts any. */
const AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'emulator-secret',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1'
}

export interface Sample {
  requests: number
  writes: number
  rounds: number
  ms: number
}

export function measure(log: RequestLogEntry[], ms: number): Sample {
  return {
    requests: log.length,
    writes: log.filter(entry => entry.write).length,
    rounds: countRounds(log),
    ms
  }
}

/** Two versions of each kind's code in `workdir`: `<kind>-v1.js` and `<kind>-v2.js`. */
export function writeVersions(workdir: string): void {
  for (const kind of KINDS) {
    const code = readFileSync(SOURCES[kind], 'utf8')
    writeFileSync(join(workdir, `${kind}-v1.js`), code)
    writeFileSync(join(workdir, `${kind}-v2.js`), `${code}// version 2\n`)
  }
}

export class SingleBench {
  private readonly samples = new Map<string, Sample[]>()

  constructor(
    private readonly emulator: Emulator,
    private readonly entry: string,
    private readonly node: string,
    private readonly workdir: string,
    private readonly cli: boolean
  ) {}

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
    const run = await runBundle({
      entry: this.entry,
      node: this.node,
      inputs: {
        name: `bench-action-${kind}`,
        type: kind,
        code: `${kind}-${version}.js`,
        publish: 'true',
        tags
      },
      endpoint: this.emulator.url,
      workspace: this.workdir
    })
    expectOutputs(`action ${kind} ${scenario ?? 'tagging'}`, run, expected)
    if (scenario) {
      this.record('action', kind, scenario, measure(this.emulator.requestLog(), run.durationMs))
    }
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
