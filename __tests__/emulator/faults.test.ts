import {
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  DescribeFunctionCommand,
  ListFunctionsCommand,
  PublishFunctionCommand,
  TestFunctionCommand,
  UpdateFunctionCommand,
  type CloudFrontClient
} from '@aws-sdk/client-cloudfront'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { REQUEST_FN, bytes, client, config, failure, viewerRequest } from './helpers.js'

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

describe('faults', () => {
  test('throttle answers 400 Throttling and the SDK retries to success', async () => {
    await create()
    emu.injectFault({ type: 'throttle', operation: 'DescribeFunction', count: 2 })
    const retrying = client(emu.url, 3)
    const out = await retrying.send(new DescribeFunctionCommand({ Name: 'fn' }))
    retrying.destroy()
    expect(out.$metadata.attempts).toBe(3)
    const statuses = emu
      .requestLog()
      .filter(e => e.operation === 'DescribeFunction')
      .map(e => e.status)
    expect(statuses).toEqual([400, 400, 200])
  })

  test('throttle without retries surfaces as Throttling', async () => {
    emu.injectFault({ type: 'throttle', count: 1 })
    const e = await failure(cf.send(new ListFunctionsCommand({})))
    expect(e.name).toBe('Throttling')
    expect((e.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400)
    // consumed: the next call passes
    await cf.send(new ListFunctionsCommand({}))
  })

  test('server-error answers 500 InternalError or 503 ServiceUnavailable', async () => {
    emu.injectFault({ type: 'server-error', operation: ['ListFunctions'], count: 1 })
    const e500 = await failure(cf.send(new ListFunctionsCommand({})))
    expect(e500.name).toBe('InternalError')
    expect((e500.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(500)
    emu.injectFault({ type: 'server-error', status: 503, count: 1 })
    const e503 = await failure(cf.send(new ListFunctionsCommand({})))
    expect(e503.name).toBe('ServiceUnavailable')
    emu.injectFault({ type: 'server-error', count: 1 })
    const retrying = client(emu.url, 2)
    const ok = await retrying.send(new ListFunctionsCommand({}))
    retrying.destroy()
    expect(ok.$metadata.attempts).toBe(2)
  })

  test('reset destroys the connection without an answer', async () => {
    emu.injectFault({ type: 'reset', operation: 'ListFunctions', count: 1 })
    const e = await failure(cf.send(new ListFunctionsCommand({})))
    expect(String(e.code ?? e.message)).toMatch(/ECONNRESET|socket hang up/)
    expect(emu.requestLog()[0]).toMatchObject({ operation: 'ListFunctions', status: 0 })
    emu.injectFault({ type: 'reset', count: 1 })
    const retrying = client(emu.url, 2)
    const ok = await retrying.send(new ListFunctionsCommand({}))
    retrying.destroy()
    expect(ok.$metadata.attempts).toBe(2)
  })

  test('faults only hit the named operation', async () => {
    emu.injectFault({ type: 'throttle', operation: 'UpdateFunction', count: 1 })
    await create()
    await cf.send(new ListFunctionsCommand({}))
    expect(emu.requestLog().map(e => e.status)).toEqual([201, 200])
  })

  test('concurrent-write makes the If-Match stale: 412, then a fresh ETag works', async () => {
    const created = await create()
    emu.injectFault({ type: 'concurrent-write', operation: 'UpdateFunction', count: 1 })
    const update = (IfMatch: string) =>
      cf.send(
        new UpdateFunctionCommand({
          Name: 'fn',
          IfMatch,
          FunctionConfig: config('mine'),
          FunctionCode: bytes(REQUEST_FN)
        })
      )
    const e = await failure(update(created.ETag!))
    expect(e.name).toBe('PreconditionFailed')
    const now = await cf.send(new DescribeFunctionCommand({ Name: 'fn' }))
    expect(now.ETag).not.toBe(created.ETag)
    expect(now.FunctionSummary?.FunctionConfig?.Comment).not.toBe('test')
    const ok = await update(now.ETag!)
    expect(ok.FunctionSummary?.FunctionConfig?.Comment).toBe('mine')
  })

  test('concurrent-write also hits publish, and ignores reads and tests', async () => {
    const created = await create()
    emu.injectFault({ type: 'concurrent-write', count: 1 })
    await cf.send(new DescribeFunctionCommand({ Name: 'fn' }))
    await cf.send(
      new TestFunctionCommand({ Name: 'fn', IfMatch: created.ETag, EventObject: viewerRequest() })
    )
    const e = await failure(
      cf.send(new PublishFunctionCommand({ Name: 'fn', IfMatch: created.ETag }))
    )
    expect(e.name).toBe('PreconditionFailed')
  })

  test('omit-etag answers writes without ETag headers', async () => {
    emu.injectFault({ type: 'omit-etag', count: 2 })
    const created = await create()
    expect(created.ETag).toBeUndefined()
    const d = await cf.send(new DescribeFunctionCommand({ Name: 'fn' }))
    expect(d.ETag).toBeTruthy() // reads keep their ETag and do not consume the fault
    const updated = await cf.send(
      new UpdateFunctionCommand({
        Name: 'fn',
        IfMatch: d.ETag,
        FunctionConfig: config('2'),
        FunctionCode: bytes(REQUEST_FN)
      })
    )
    expect(updated.ETag).toBeUndefined()
    expect(updated.FunctionSummary?.FunctionConfig?.Comment).toBe('2')
  })

  test('invalid faults are refused', () => {
    expect(() => emu.injectFault({ type: 'nope' as never })).toThrow(/unknown fault/)
    expect(() => emu.injectFault({ type: 'throttle', count: 0 })).toThrow(/count/)
  })
})

describe('latency and the request log', () => {
  test('latency applies to every request', async () => {
    emu.setLatency(80)
    const t = performance.now()
    await cf.send(new ListFunctionsCommand({}))
    expect(performance.now() - t).toBeGreaterThanOrEqual(75)
    const [entry] = emu.requestLog()
    expect(entry.end - entry.start).toBeGreaterThanOrEqual(75)
  })

  test('entries name the operation, method, path, status, times and writes', async () => {
    const before = Date.now()
    const created = await create()
    await cf.send(new DescribeFunctionCommand({ Name: 'fn', Stage: 'DEVELOPMENT' }))
    await cf.send(
      new TestFunctionCommand({ Name: 'fn', IfMatch: created.ETag, EventObject: viewerRequest() })
    )
    await cf.send(new PublishFunctionCommand({ Name: 'fn', IfMatch: created.ETag }))
    await failure(cf.send(new DescribeFunctionCommand({ Name: 'missing' })))
    await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
    const log = emu.requestLog()
    expect(log.map(e => [e.operation, e.method, e.status, e.write])).toEqual([
      ['CreateFunction', 'POST', 201, true],
      ['DescribeFunction', 'GET', 200, false],
      ['TestFunction', 'POST', 200, false],
      ['PublishFunction', 'POST', 200, true],
      ['DescribeFunction', 'GET', 404, false],
      ['CreateKeyValueStore', 'POST', 201, true]
    ])
    expect(log[1].path).toBe('/2020-05-31/function/fn/describe?Stage=DEVELOPMENT')
    for (const e of log) {
      expect(e.start).toBeGreaterThanOrEqual(before - 1)
      expect(e.end).toBeGreaterThanOrEqual(e.start)
    }
    expect(log.some(e => !Number.isInteger(e.start))).toBe(true) // sub-millisecond
    emu.clearRequestLog()
    expect(emu.requestLog()).toEqual([])
  })
})

describe('HTTP controls', () => {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    return { status: res.status, json: (await res.json()) as unknown }
  }

  test('faults, latency, associate, key values, budgets, log, state, reset', async () => {
    await create()
    expect((await call('POST', 'faults', { type: 'throttle', count: 1 })).status).toBe(200)
    expect((await call('GET', 'faults')).json).toEqual([{ type: 'throttle', count: 1 }])
    expect((await failure(cf.send(new ListFunctionsCommand({})))).name).toBe('Throttling')
    await call('POST', 'faults', { type: 'reset', count: 3 })
    await call('DELETE', 'faults')
    expect((await call('GET', 'faults')).json).toEqual([])

    expect((await call('POST', 'associate', { kind: 'function', nameOrId: 'fn' })).status).toBe(200)
    const state = (await call('GET', 'state')).json as {
      functions: {
        name: string
        associated: boolean
        status: string
        development: { code: string }
      }[]
    }
    expect(state.functions[0]).toMatchObject({
      name: 'fn',
      associated: true,
      status: 'UNPUBLISHED'
    })
    expect(state.functions[0].development.code).toBe(REQUEST_FN)

    await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
    expect((await call('POST', 'key-value', { store: 'kv', key: 'k', value: 'v' })).status).toBe(
      200
    )
    expect(emu.state().keyValueStores[0].values).toEqual({ k: 'v' })
    expect((await call('POST', 'key-value', { store: 'none', key: 'k', value: 'v' })).status).toBe(
      400
    )

    expect((await call('POST', 'compute-budget', { ms: 5 })).status).toBe(200)
    expect((await call('POST', 'compute-budget', { ms: 0 })).status).toBe(400)
    expect((await call('POST', 'publishing-delay', { ms: 0 })).status).toBe(200)
    expect((await call('POST', 'latency', { ms: 1 })).status).toBe(200)
    expect((await call('POST', 'latency', { ms: -1 })).status).toBe(400)

    const log = (await call('GET', 'requests')).json as { operation: string }[]
    expect(log.map(e => e.operation)).toContain('CreateKeyValueStore')
    await call('DELETE', 'requests')
    expect((await call('GET', 'requests')).json).toEqual([])

    await call('POST', 'reset')
    expect(emu.state()).toEqual({ functions: [], keyValueStores: [] })
    expect((await call('GET', 'nothing-here')).status).toBe(404)
  })

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
