// npm run emulator -- --port <n> [--host <addr>] [--state <file>] [--latency <ms>]
//   [--publishing-delay <ms>] [--compute-budget <ms>]
import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'
import { checkSetting, SETTING_RULES, type Settings } from './settings.js'

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

function port(raw: string | undefined): number {
  if (raw === undefined) return 0
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 65_535) fail(`--port must be 0 to 65535, got ${raw}`)
  return n
}

async function main(): Promise<void> {
  const names = Object.keys(SETTING_RULES) as (keyof Settings)[]
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      state: { type: 'string' },
      ...Object.fromEntries(names.map(n => [SETTING_RULES[n].flag, { type: 'string' as const }]))
    }
  })
  const settings: Partial<Settings> = {}
  for (const name of names) {
    const { flag } = SETTING_RULES[name]
    const raw = values[flag as keyof typeof values] as string | undefined
    if (raw === undefined) continue
    try {
      settings[name] = checkSetting(name, raw.trim() === '' ? NaN : Number(raw))
    } catch {
      fail(
        `--${flag} must be a number of milliseconds ${SETTING_RULES[name].positive ? '> 0' : '>= 0'}, got ${raw}`
      )
    }
  }
  const emulator = await startEmulator({
    port: port(values.port as string | undefined),
    host: values.host as string | undefined,
    stateFile: values.state as string | undefined,
    ...settings
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
