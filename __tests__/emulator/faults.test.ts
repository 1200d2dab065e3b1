import {
  CreateConnectionFunctionCommand,
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  DeleteFunctionCommand,
  DescribeConnectionFunctionCommand,
  DescribeFunctionCommand,
  GetFunctionCommand,
  ListConnectionFunctionsCommand,
  ListFunctionsCommand,
  PublishFunctionCommand,
  TestFunctionCommand,
  UpdateFunctionCommand,
  UpdateKeyValueStoreCommand,
  type CloudFrontClient
} from '@aws-sdk/client-cloudfront'
import {
  etagOf,
  FIRST_ETAG,
  SECOND_ETAG,
  startEmulator,
  type Emulator,
  type Fault
} from '../../emulator/index.js'
import { REQUEST_FN, bytes, client, config, failure, statusOf, viewerRequest } from './helpers.js'

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

const create = (name = 'fn', c = cf) =>
  c.send(
    new CreateFunctionCommand({
      Name: name,
      FunctionConfig: config(),
      FunctionCode: bytes(REQUEST_FN)
    })
  )

const update = (IfMatch: string | undefined, comment = 'mine', c = cf) =>
  c.send(
    new UpdateFunctionCommand({
      Name: 'fn',
      IfMatch,
      FunctionConfig: config(comment),
      FunctionCode: bytes(REQUEST_FN)
    })
  )

const describeFn = (Stage: 'DEVELOPMENT' | 'LIVE' = 'DEVELOPMENT') =>
  cf.send(new DescribeFunctionCommand({ Name: 'fn', Stage }))

/** Statuses the emulator answered for one operation, in order; 0 means no answer. */
const statuses = (operation: string) =>
  emu
    .requestLog()
    .filter(e => e.operation === operation)
    .map(e => e.status)

/** A client that retries once more; destroyed after the test. */
const clients: CloudFrontClient[] = []
const retrying = (maxAttempts = 2, requestTimeoutMs?: number) => {
  const c = client(emu.url, maxAttempts, requestTimeoutMs)
  clients.push(c)
  return c
}
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return
    await new Promise(r => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

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
    const e = await failure(update(created.ETag!))
    expect(e.name).toBe('PreconditionFailed')
    const now = await cf.send(new DescribeFunctionCommand({ Name: 'fn' }))
    // The other writer made the second version, with content of its own.
    expect(now.ETag).toBe(SECOND_ETAG)
    expect(now.FunctionSummary?.FunctionConfig?.Comment).toBe(
      'edited by another writer (version 2)'
    )
    const ok = await update(now.ETag!)
    expect(ok.FunctionSummary?.FunctionConfig?.Comment).toBe('mine')
    expect(ok.ETag).toBe(etagOf(3))
  })

  test('concurrent-write makes a key value store update stale too', async () => {
    await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
    emu.injectFault({ type: 'concurrent-write', operation: 'UpdateKeyValueStore' })
    const e = await failure(
      cf.send(new UpdateKeyValueStoreCommand({ Name: 'kv', IfMatch: FIRST_ETAG, Comment: 'x' }))
    )
    expect(e.name).toBe('PreconditionFailed')
    expect(emu.state().keyValueStores[0]).toMatchObject({ version: 2, etag: SECOND_ETAG })
  })

  test('concurrent-write with nothing to edit stays pending', async () => {
    emu.injectFault({ type: 'concurrent-write', operation: 'UpdateFunction' })
    expect((await failure(update('E1'))).name).toBe('NoSuchFunctionExists')
    expect(emu.faults()).toEqual([
      { type: 'concurrent-write', operation: 'UpdateFunction', count: 1 }
    ])
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
    const bad: [unknown, RegExp][] = [
      [{ type: 'throttle', status: 503 }, /no field status/],
      [{ type: 'server-error', status: 404 }, /500 or 503/],
      [{ type: 'throttle', operation: [] }, /operation/],
      [{ type: 'omit-etag', operation: 'DescribeFunction' }, /never fires for DescribeFunction/],
      [{ type: 'lost-answer', operation: 'TestFunction' }, /never fires for TestFunction/],
      [{ type: 'lost-answer', answer: 'timeout' }, /answer/],
      [{ type: 'lost-answer', answer: 'reset', status: 503 }, /status goes with/],
      [{ type: 'stall', ms: -1 }, /ms/],
      [{ type: 'write-after' }, /action/],
      [{ type: 'write-after', action: 'rename' }, /action/],
      [{ type: 'write-after', action: 'update', kind: 'distribution' }, /kind/],
      [{ type: 'write-after', action: 'update', target: '' }, /target/]
    ]
    for (const [fault, message] of bad) {
      expect(() => emu.injectFault(fault as Fault)).toThrow(message)
    }
    expect(emu.faults()).toEqual([])
  })
})

describe('lost answers: the write is applied, then the answer never arrives', () => {
  test('a reset after CreateFunction: the retry gets 409 FunctionAlreadyExists', async () => {
    emu.injectFault({ type: 'lost-answer', operation: 'CreateFunction' })
    const e = await failure(create('fn', retrying()))
    expect(e.name).toBe('FunctionAlreadyExists')
    expect(statusOf(e)).toBe(409)
    expect(statuses('CreateFunction')).toEqual([0, 409])
    expect(emu.state().functions.map(f => [f.name, f.development.version])).toEqual([['fn', 1]])
  })

  test.each([500, 503] as const)(
    'a %d after UpdateFunction: the retry gets 412 and DEVELOPMENT holds the update',
    async status => {
      const created = await create()
      emu.injectFault({
        type: 'lost-answer',
        answer: 'server-error',
        status,
        operation: 'UpdateFunction'
      })
      const e = await failure(update(created.ETag, 'mine', retrying()))
      expect(e.name).toBe('PreconditionFailed')
      expect(statuses('UpdateFunction')).toEqual([status, 412])
      const now = await describeFn()
      expect(now.ETag).toBe(SECOND_ETAG)
      expect(now.FunctionSummary?.FunctionConfig?.Comment).toBe('mine')
    }
  )

  test('without retries the client sees the error although the publish happened', async () => {
    const created = await create()
    emu.injectFault({ type: 'lost-answer', status: 503, operation: 'PublishFunction' })
    expect(emu.faults()[0]).toMatchObject({ answer: 'server-error', status: 503 })
    const e = await failure(
      cf.send(new PublishFunctionCommand({ Name: 'fn', IfMatch: created.ETag }))
    )
    expect(e.name).toBe('ServiceUnavailable')
    expect((await describeFn('LIVE')).ETag).toBe(FIRST_ETAG)
    // A second attempt is a publish of what LIVE already holds.
    const again = await failure(
      cf.send(new PublishFunctionCommand({ Name: 'fn', IfMatch: created.ETag }))
    )
    expect(again.name).toBe('PreconditionFailed')
  })

  test('a reset after DeleteFunction: the retry gets 404', async () => {
    const created = await create()
    emu.injectFault({ type: 'lost-answer', answer: 'reset' })
    const e = await failure(
      retrying().send(new DeleteFunctionCommand({ Name: 'fn', IfMatch: created.ETag }))
    )
    expect(e.name).toBe('NoSuchFunctionExists')
    expect(statuses('DeleteFunction')).toEqual([0, 404])
    expect(emu.state().functions).toEqual([])
  })

  test('reads and refused writes answer normally and leave the fault pending', async () => {
    await create()
    emu.injectFault({ type: 'lost-answer' })
    await describeFn()
    expect((await failure(update('E-STALE'))).name).toBe('PreconditionFailed')
    expect(emu.faults()).toHaveLength(1)
  })
})

describe('stalls', () => {
  test('a request that is never answered times out in the client', async () => {
    await create()
    emu.injectFault({ type: 'stall', operation: 'DescribeFunction' })
    const t = performance.now()
    const e = await failure(retrying(1, 200).send(new DescribeFunctionCommand({ Name: 'fn' })))
    expect(e.name).toBe('TimeoutError')
    expect(performance.now() - t).toBeGreaterThanOrEqual(190)
    expect(statuses('DescribeFunction')).toEqual([0])
    // Consumed: the next request is answered.
    expect((await describeFn()).ETag).toBe(FIRST_ETAG)
  })

  test('a client that times out retries and gets the answer', async () => {
    await create()
    emu.injectFault({ type: 'stall', operation: 'GetFunction' })
    const out = await retrying(2, 200).send(new GetFunctionCommand({ Name: 'fn' }))
    expect(out.$metadata.attempts).toBe(2)
    expect(statuses('GetFunction')).toEqual([0, 200])
  })

  test('with ms, the answer comes late but complete', async () => {
    emu.injectFault({ type: 'stall', ms: 150, operation: 'CreateFunction' })
    const t = performance.now()
    const created = await create()
    expect(performance.now() - t).toBeGreaterThanOrEqual(145)
    expect(created.ETag).toBe(FIRST_ETAG)
    const [entry] = emu.requestLog()
    expect(entry.end - entry.start).toBeGreaterThanOrEqual(145)
  })

  test('close() does not wait for stalled requests', async () => {
    const own = await startEmulator()
    const c = client(own.url)
    own.injectFault({ type: 'stall', operation: 'ListFunctions' })
    own.injectFault({ type: 'stall', ms: 60_000, operation: 'DescribeFunction' })
    const never = c.send(new ListFunctionsCommand({})).catch((e: Error) => e)
    const slow = c.send(new DescribeFunctionCommand({ Name: 'x' })).catch((e: Error) => e)
    await until(() => own.requestLog().length === 2, 'both requests to arrive')
    const t = performance.now()
    await own.close()
    expect(performance.now() - t).toBeLessThan(1000)
    expect(await never).toBeInstanceOf(Error)
    expect(await slow).toBeInstanceOf(Error)
    c.destroy()
  })
})

describe('write-after: another writer acts between two requests', () => {
  test('update after DescribeFunction: the ETag just read is stale for the next write', async () => {
    await create()
    emu.injectFault({ type: 'write-after', operation: 'DescribeFunction', action: 'update' })
    const read = await describeFn()
    // The answer was computed before the other writer acted.
    expect(read.ETag).toBe(FIRST_ETAG)
    expect(read.FunctionSummary?.FunctionConfig?.Comment).toBe('test')
    const e = await failure(update(read.ETag))
    expect(e.name).toBe('PreconditionFailed')
    const now = await describeFn()
    expect(now.ETag).toBe(SECOND_ETAG)
    expect(now.FunctionSummary?.FunctionConfig?.Comment).toBe(
      'edited by another writer (version 2)'
    )
  })

  test('publish after UpdateFunction: LIVE already holds the new version', async () => {
    const created = await create()
    emu.injectFault({ type: 'write-after', operation: 'UpdateFunction', action: 'publish' })
    const updated = await update(created.ETag)
    expect(updated.ETag).toBe(SECOND_ETAG)
    expect(updated.FunctionSummary?.Status).toBe('UNPUBLISHED')
    expect((await describeFn('LIVE')).ETag).toBe(SECOND_ETAG)
    const e = await failure(
      cf.send(new PublishFunctionCommand({ Name: 'fn', IfMatch: updated.ETag }))
    )
    expect(e.name).toBe('PreconditionFailed')
  })

  test('delete after GetFunction: the next request gets 404', async () => {
    await create()
    emu.injectFault({ type: 'write-after', operation: 'GetFunction', action: 'delete' })
    const got = await cf.send(new GetFunctionCommand({ Name: 'fn' }))
    expect(got.ETag).toBe(FIRST_ETAG)
    const e = await failure(update(got.ETag))
    expect(e.name).toBe('NoSuchFunctionExists')
  })

  test('the writer follows the rules: no delete of an associated function', async () => {
    await create()
    emu.markAssociated('function', 'fn')
    emu.injectFault({ type: 'write-after', operation: 'DescribeFunction', action: 'delete' })
    await describeFn()
    expect(emu.faults()).toEqual([])
    expect(emu.state().functions).toHaveLength(1)
  })

  test('target names the function after an operation that addresses none', async () => {
    const conn = await cf.send(
      new CreateConnectionFunctionCommand({
        Name: 'conn',
        ConnectionFunctionConfig: config('c', 'cloudfront-js-2.0'),
        ConnectionFunctionCode: bytes('function connectionHandler(c) { c.allow() }')
      })
    )
    const Identifier = conn.ConnectionFunctionSummary!.Id!
    emu.injectFault({
      type: 'write-after',
      operation: 'ListConnectionFunctions',
      action: 'update',
      target: 'conn'
    })
    const listed = await cf.send(new ListConnectionFunctionsCommand({}))
    expect(listed.ConnectionFunctions?.[0].ConnectionFunctionConfig?.Comment).toBe('c')
    const d = await cf.send(new DescribeConnectionFunctionCommand({ Identifier }))
    expect(d.ETag).toBe(SECOND_ETAG)
  })

  test('count: the writer acts after each matching answer, then stops', async () => {
    await create()
    emu.injectFault({
      type: 'write-after',
      operation: 'DescribeFunction',
      action: 'update',
      count: 2
    })
    expect((await describeFn()).ETag).toBe(FIRST_ETAG)
    expect((await describeFn()).ETag).toBe(SECOND_ETAG)
    expect((await describeFn()).ETag).toBe(etagOf(3))
    expect((await describeFn()).ETag).toBe(etagOf(3))
  })

  test('with nothing to act on, the fault stays pending', async () => {
    emu.injectFault({ type: 'write-after', operation: 'ListFunctions', action: 'update' })
    await cf.send(new ListFunctionsCommand({}))
    expect(emu.faults()).toHaveLength(1)
  })

  test('injected over HTTP like every fault', async () => {
    await create()
    const post = (fault: unknown) =>
      fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify(fault) })
    expect(
      (await post({ type: 'write-after', operation: 'DescribeFunction', action: 'update' })).status
    ).toBe(200)
    expect((await post({ type: 'write-after', action: 'rename' })).status).toBe(400)
    expect((await post({ type: 'stall', ms: 'soon' })).status).toBe(400)
    expect((await post({ type: 'lost-answer', operation: 'ListFunctions' })).status).toBe(400)
    const read = await describeFn()
    expect((await failure(update(read.ETag))).name).toBe('PreconditionFailed')
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
