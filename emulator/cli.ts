// npm run emulator -- --port <n> [--state <file>] [--latency <ms>]
//   [--publishing-delay <ms>] [--compute-budget <ms>]
import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number, got ${raw}`)
    process.exit(2)
  }
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      state: { type: 'string' },
      latency: { type: 'string' },
      'publishing-delay': { type: 'string' },
      'compute-budget': { type: 'string' }
    }
  })
  const emulator = await startEmulator({
    port: number('port', values.port) ?? 0,
    host: values.host,
    stateFile: values.state,
    latencyMs: number('latency', values.latency),
    publishingDelayMs: number('publishing-delay', values['publishing-delay']),
    computeBudgetMs: number('compute-budget', values['compute-budget'])
  })
  console.log(`CloudFront emulator listening on ${emulator.url}`)

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    emulator.close().then(
      () => process.exit(0),
      err => {
        console.error(err)
        process.exit(1)
      }
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
