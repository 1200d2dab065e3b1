// The one table of controls: every row is an in-process method and an HTTP
// endpoint that behave alike, and the README documents exactly these rows.
import { readFileSync } from 'node:fs'
import {
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  ListFunctionsCommand,
  type CloudFrontClient
} from '@aws-sdk/client-cloudfront'
import { controlRows } from '../../emulator/controls.js'
import { FAULT_TYPES } from '../../emulator/faults.js'
import {
  CONTROLS,
  DEFAULT_SETTINGS,
  etagOf,
  startEmulator,
  type Emulator
} from '../../emulator/index.js'
import { SETTING_RULES } from '../../emulator/settings.js'
import { REQUEST_FN, bytes, client, config, failure } from './helpers.js'

let emu: Emulator
let cf: CloudFrontClient

beforeAll(async () => {
  emu = await startEmulator()
  cf = client(emu.url)
})
afterAll(async () => {
  cf.destroy()
  await emu.close()
})
beforeEach(() => emu.reset())

const create = (name = 'fn') =>
  cf.send(
    new CreateFunctionCommand({
      Name: name,
      FunctionConfig: config(),
      FunctionCode: bytes(REQUEST_FN)
    })
  )

const call = async (method: string, path: string, body?: unknown, on = emu) => {
  const res = await fetch(`${on.url}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return { status: res.status, json: (await res.json()) as unknown }
}

const errorOf = (json: unknown) => (json as { error: string }).error

describe('one table for both ways in', () => {
  test('the Emulator has exactly the table’s controls, plus url, port and close', () => {
    const methods = Object.keys(emu).filter(k => !['url', 'port', 'close'].includes(k))
    expect(methods.sort()).toEqual(Object.keys(CONTROLS).sort())
    for (const name of methods) expect(typeof emu[name as keyof Emulator]).toBe('function')
  })

  test('every control answers over HTTP at its method and path', async () => {
    for (const [name, control] of Object.entries(CONTROLS)) {
      const { status } = await call(control.method, control.path)
      // 400 is fine: a control that needs arguments refuses an empty body, but it exists.
      expect([name, status]).not.toEqual([name, 404])
    }
    expect((await call('GET', 'nothing-here')).status).toBe(404)
    expect((await call('PUT', 'faults')).status).toBe(404)
  })

  test('reads give the same answer in-process and over HTTP', async () => {
    await create()
    emu.injectFault({ type: 'stall', ms: 5, operation: 'GetFunction', count: 2 })
    emu.setLatency(1)
    for (const [name, path] of [
      ['settings', 'settings'],
      ['faults', 'faults'],
      ['state', 'state'],
      ['requestLog', 'requests']
    ] as const) {
      const inProcess = JSON.parse(JSON.stringify(emu[name]())) as unknown
      expect([name, (await call('GET', path)).json]).toEqual([name, inProcess])
    }
  })

  test('arguments are refused alike, with the same message', async () => {
    const pairs: [() => unknown, string, string, unknown][] = [
      [() => emu.setLatency(-1), 'POST', 'latency', { ms: -1 }],
      [() => emu.setComputeBudget(0), 'POST', 'compute-budget', { ms: 0 }],
      [() => emu.setPublishingDelay(Number.NaN), 'POST', 'publishing-delay', { ms: null }],
      [
        () => emu.injectFault({ type: 'stall', ms: -5 }),
        'POST',
        'faults',
        { type: 'stall', ms: -5 }
      ],
      [
        () => emu.markAssociated('lambda' as never, 'fn'),
        'POST',
        'associate',
        { kind: 'lambda', nameOrId: 'fn' }
      ],
      [
        () => emu.putKeyValue('none', 'k', 'v'),
        'POST',
        'key-value',
        { store: 'none', key: 'k', value: 'v' }
      ]
    ]
    for (const [inProcess, method, path, body] of pairs) {
      let message = ''
      try {
        inProcess()
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).not.toBe('')
      const http = await call(method, path, body)
      expect(http.status).toBe(400)
      if (path !== 'publishing-delay') expect(errorOf(http.json)).toBe(message)
    }
    expect(errorOf((await call('POST', 'latency', { ms: '5' })).json)).toBe('ms must be a number')
    expect(errorOf((await call('POST', 'associate', {})).json)).toMatch(/kind/)
    expect(emu.settings()).toEqual(DEFAULT_SETTINGS)
  })

  test('faults, associate, key values, settings, log, state and reset over HTTP', async () => {
    await create()
    expect((await call('POST', 'faults', { type: 'throttle', count: 1 })).status).toBe(200)
    expect((await call('GET', 'faults')).json).toEqual([{ type: 'throttle', count: 1 }])
    expect((await failure(cf.send(new ListFunctionsCommand({})))).name).toBe('Throttling')
    await call('POST', 'faults', { type: 'reset', count: 3 })
    await call('DELETE', 'faults')
    expect((await call('GET', 'faults')).json).toEqual([])

    expect((await call('POST', 'associate', { kind: 'function', nameOrId: 'fn' })).json).toEqual({
      ok: true
    })
    expect(emu.state().functions[0]).toMatchObject({ associated: true, status: 'UNPUBLISHED' })
    await call('POST', 'associate', { kind: 'function', nameOrId: 'fn', associated: false })
    expect(emu.state().functions[0].associated).toBe(false)

    await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
    expect((await call('POST', 'key-value', { store: 'kv', key: 'k', value: 'v' })).status).toBe(
      200
    )
    expect(emu.state().keyValueStores[0].values).toEqual({ k: 'v' })

    await call('POST', 'compute-budget', { ms: 7 })
    await call('POST', 'publishing-delay', { ms: 0 })
    await call('POST', 'latency', { ms: 1 })
    expect(emu.settings()).toEqual({ latencyMs: 1, computeBudgetMs: 7, publishingDelayMs: 0 })

    const log = (await call('GET', 'requests')).json as { operation: string }[]
    expect(log.map(e => e.operation)).toEqual([
      'CreateFunction',
      'ListFunctions',
      'CreateKeyValueStore'
    ])
    await call('DELETE', 'requests')
    expect(emu.requestLog()).toEqual([])

    await call('POST', 'reset')
    expect(emu.state()).toEqual({ functions: [], keyValueStores: [] })
    expect(emu.settings()).toEqual(DEFAULT_SETTINGS)
  })
})

describe('settings', () => {
  test('one set of defaults; start options override them and reset returns to them', async () => {
    expect(DEFAULT_SETTINGS).toEqual({ latencyMs: 0, computeBudgetMs: 5, publishingDelayMs: 300 })
    expect(emu.settings()).toEqual(DEFAULT_SETTINGS)
    const own = await startEmulator({ latencyMs: 2, computeBudgetMs: 9 })
    try {
      const started = { latencyMs: 2, computeBudgetMs: 9, publishingDelayMs: 300 }
      expect(own.settings()).toEqual(started)
      own.setLatency(0)
      own.setPublishingDelay(10)
      expect((await call('GET', 'settings', undefined, own)).json).toEqual({
        ...started,
        latencyMs: 0,
        publishingDelayMs: 10
      })
      own.reset()
      expect(own.settings()).toEqual(started)
    } finally {
      await own.close()
    }
  })

  test('start options are checked like the controls', async () => {
    await expect(startEmulator({ computeBudgetMs: 0 })).rejects.toThrow(/computeBudgetMs/)
    await expect(startEmulator({ latencyMs: -1 })).rejects.toThrow(/latencyMs/)
  })
})

describe('outside the API', () => {
  test('unknown API routes answer an XML UnsupportedOperation error', async () => {
    const res = await fetch(`${emu.url}/2020-05-31/distribution`)
    expect(res.status).toBe(400)
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy()
    const body = await res.text()
    expect(body).toContain('<ErrorResponse')
    expect(body).toContain('<Type>Sender</Type><Code>UnsupportedOperation</Code>')
    expect(body).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/)
  })
})

describe('the README', () => {
  const readme = readFileSync(new URL('../../emulator/README.md', import.meta.url), 'utf8')

  /** The cells of the first table in a `## ` section, header and delimiter left out. */
  function table(section: string): string[][] {
    const start = readme.indexOf(`\n## ${section}\n`)
    expect(start).toBeGreaterThan(-1)
    const end = readme.indexOf('\n## ', start + 1)
    const lines = readme.slice(start, end < 0 ? undefined : end).split('\n')
    const first = lines.findIndex(l => l.startsWith('|'))
    const rows: string[][] = []
    for (const line of lines.slice(first + 2)) {
      if (!line.startsWith('|')) break
      rows.push(
        line
          .split('|')
          .slice(1, -1)
          .map(cell => cell.trim())
      )
    }
    return rows
  }

  test('lists exactly the controls of the table, in its order', () => {
    expect(table('Controls')).toEqual(controlRows())
  })

  test('documents every fault type in a section of its own', () => {
    for (const type of FAULT_TYPES) expect(readme).toContain(`\n### \`${type}\`\n`)
    const documented = [...readme.matchAll(/\n### `([a-z-]+)`\n/g)].map(m => m[1])
    expect(documented).toEqual([...FAULT_TYPES])
  })

  test('shows the ETag sequence the emulator uses', () => {
    const rows = table('Versions and ETags')
    expect(rows.length).toBeGreaterThanOrEqual(4)
    for (const [version, etag] of rows) expect(etag).toBe(`\`${etagOf(Number(version))}\``)
  })

  test('shows the defaults and flags of settings.ts', () => {
    const rows = table('Settings')
    expect(rows.map(r => r[0])).toEqual(Object.keys(DEFAULT_SETTINGS).map(k => `\`${k}\``))
    for (const [name, flag, value] of rows) {
      const key = name.replaceAll('`', '') as keyof typeof DEFAULT_SETTINGS
      expect([key, flag, Number(value)]).toEqual([
        key,
        `\`--${SETTING_RULES[key].flag}\``,
        DEFAULT_SETTINGS[key]
      ])
    }
  })
})
