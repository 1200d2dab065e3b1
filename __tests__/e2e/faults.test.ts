// Faults injected into the emulator: every recoverable one converges to the
// declared state; a writer that keeps racing the run makes it fail clearly.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  expectExit,
  fixture,
  output,
  seedConnectionFunction,
  seedFunction,
  startHarness,
  stored,
  writeOperations,
  resetEmulator,
  type Harness
} from './helpers.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(() => resetEmulator(h))
afterAll(async () => {
  await h.close()
})

/** Status codes the emulator answered for one operation, in order. */
function statuses(operation: string): number[] {
  return h.emu
    .requestLog()
    .filter(entry => entry.operation === operation)
    .map(entry => entry.status)
}

/** Expects `name` to hold exactly function-v2.js with the given comment. */
function expectV2(name: string, comment = ''): void {
  const fn = stored(h.emu, 'function', name)
  expect(fn?.development.code).toBe(fixture('function-v2.js'))
  expect(fn?.development.config.comment).toBe(comment)
}

describe('recoverable faults converge to the declared state', () => {
  it('retries UpdateFunction throttled twice', async () => {
    await seedFunction(h, 'throttled', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'throttle', operation: 'UpdateFunction', count: 2 })
    const run = await h.run(h.workspace(), { name: 'throttled', code: 'function-v2.js' })
    expectExit(run, 0)
    expect(statuses('UpdateFunction')).toEqual([400, 400, 200])
    expectV2('throttled')
    expect(run.outputs).toMatchObject({
      changed: 'true',
      etag: stored(h.emu, 'function', 'throttled')!.development.etag
    })
  })

  it('retries CreateFunction after a server error', async () => {
    h.emu.injectFault({ type: 'server-error', operation: 'CreateFunction' })
    const run = await h.run(h.workspace(), { name: 'server-error', code: 'function-v2.js' })
    expectExit(run, 0)
    expect(statuses('CreateFunction')).toEqual([500, 201])
    expectV2('server-error')
    expect(run.outputs).toMatchObject({ created: 'true', changed: 'true' })
    expect(h.emu.state().functions).toHaveLength(1)
  })

  it('retries a 503 on the first read', async () => {
    await seedFunction(h, 'unavailable', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'server-error', status: 503, operation: 'GetFunction' })
    const run = await h.run(h.workspace(), { name: 'unavailable', code: 'function-v2.js' })
    expectExit(run, 0)
    expect(statuses('GetFunction')).toEqual([503, 200])
    expectV2('unavailable')
  })

  it('retries a read whose connection was reset', async () => {
    await seedFunction(h, 'reset-read', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'reset', operation: 'GetFunction' })
    const run = await h.run(h.workspace(), { name: 'reset-read', code: 'function-v2.js' })
    expectExit(run, 0)
    // 0: the connection was dropped without an answer.
    expect(statuses('GetFunction')).toEqual([0, 200])
    expectV2('reset-read')
  })

  it('retries a write whose connection was reset', async () => {
    await seedFunction(h, 'reset-write', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'reset', operation: 'UpdateFunction' })
    const run = await h.run(h.workspace(), { name: 'reset-write', code: 'function-v2.js' })
    expectExit(run, 0)
    expect(statuses('UpdateFunction')).toEqual([0, 200])
    expectV2('reset-write')
    expect(run.outputs.etag).toBe(stored(h.emu, 'function', 'reset-write')!.development.etag)
  })

  it('retries a connection-function listing whose connection was reset', async () => {
    await seedConnectionFunction(h, 'reset-list', fixture('connection-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'reset', operation: 'ListConnectionFunctions' })
    const run = await h.run(h.workspace(), {
      name: 'reset-list',
      type: 'connection-function',
      code: 'connection-v2.js',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(statuses('ListConnectionFunctions')[0]).toBe(0)
    const fn = stored(h.emu, 'connection-function', 'reset-list')
    expect(fn?.development.code).toBe(fixture('connection-v2.js'))
    expect(fn?.live?.etag).toBe(fn?.development.etag)
    expect(h.emu.state().functions).toHaveLength(1)
  })

  it('re-reads and retries when another writer changed the function before UpdateFunction', async () => {
    await seedFunction(h, 'raced', fixture('function-v1.js'), { comment: 'declared' })
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'concurrent-write', operation: 'UpdateFunction' })
    const run = await h.run(h.workspace(), {
      name: 'raced',
      code: 'function-v2.js',
      comment: 'declared',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(statuses('UpdateFunction')).toEqual([412, 200])
    // The other writer's comment is gone: the declared config won.
    expectV2('raced', 'declared')
    const fn = stored(h.emu, 'function', 'raced')!
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(run.stdout).toMatch(
      /::warning::raced was changed by another writer since it was read \(UpdateFunction PreconditionFailed\)\. Reading it again and re-planning \(attempt 2 of 3\)/
    )
    expect(run.outputs).toMatchObject({
      etag: fn.development.etag,
      'live-etag': fn.development.etag,
      published: 'true'
    })
  })

  it('describes the function again when UpdateFunction answers without an ETag', async () => {
    await seedFunction(h, 'no-etag', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'omit-etag', operation: 'UpdateFunction' })
    const run = await h.run(h.workspace(), { name: 'no-etag', code: 'function-v2.js' })
    expectExit(run, 0)
    const log = h.emu.requestLog()
    const update = log.findIndex(entry => entry.operation === 'UpdateFunction')
    expect(log[update].status).toBe(200)
    expect(log.slice(update + 1).map(entry => entry.operation)).toContain('DescribeFunction')
    const fn = stored(h.emu, 'function', 'no-etag')!
    expect(run.outputs.etag).not.toBe('')
    expect(run.outputs.etag).toBe(fn.development.etag)
    expectV2('no-etag')
  })

  it('publishes with the re-described ETag when UpdateFunction answers without one', async () => {
    await seedFunction(h, 'no-etag-publish', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'omit-etag', operation: 'UpdateFunction' })
    const run = await h.run(h.workspace(), {
      name: 'no-etag-publish',
      code: 'function-v2.js',
      publish: 'true'
    })
    expectExit(run, 0)
    const fn = stored(h.emu, 'function', 'no-etag-publish')!
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(run.outputs['live-etag']).toBe(fn.development.etag)
  })

  it('deletes after another writer changed the function before DeleteFunction', async () => {
    await seedFunction(h, 'delete-raced', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'concurrent-write', operation: 'DeleteFunction' })
    const run = await h.run(h.workspace(), { name: 'delete-raced', delete: 'true' })
    expectExit(run, 0)
    expect(statuses('DeleteFunction')).toEqual([412, 204])
    expect(run.stdout).toContain('::warning::delete-raced changed since it was read')
    expect(stored(h.emu, 'function', 'delete-raced')).toBeUndefined()
    expect(run.outputs.changed).toBe('true')
  })

  it('publishes after another writer changed the function before PublishFunction', async () => {
    await seedFunction(h, 'publish-raced', fixture('function-v1.js'), { comment: 'declared' })
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'concurrent-write', operation: 'PublishFunction' })
    const run = await h.run(h.workspace(), {
      name: 'publish-raced',
      code: 'function-v1.js',
      comment: 'declared',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(statuses('PublishFunction')).toEqual([412, 200])
    const fn = stored(h.emu, 'function', 'publish-raced')!
    expect(fn.development.config.comment).toBe('declared')
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(run.outputs).toMatchObject({ published: 'true', 'live-etag': fn.development.etag })
  })

  it('works with 20 ms of latency on every request', async () => {
    h.emu.setLatency(20)
    const run = await h.run(h.workspace(), {
      name: 'slow',
      code: 'function-v2.js',
      publish: 'true',
      'test-events': 'tests/no-host.json'
    })
    expectExit(run, 0)
    const fn = stored(h.emu, 'function', 'slow')!
    expect(fn.live?.etag).toBe(fn.development.etag)
    for (const entry of h.emu.requestLog())
      expect(entry.end - entry.start).toBeGreaterThanOrEqual(19)
  })
})

describe('a writer that keeps racing the run', () => {
  it('fails after three lost races, says what to do and what it had changed', async () => {
    await seedFunction(h, 'contested', fixture('function-v1.js'), { tags: { team: 'edge' } })
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'concurrent-write', operation: 'UpdateFunction', count: 3 })
    const run = await h.run(h.workspace(), {
      name: 'contested',
      code: 'function-v2.js',
      tags: 'team=edge,owner=alice',
      publish: 'true'
    })
    expectExit(run, 1)
    expect(statuses('UpdateFunction')).toEqual([412, 412, 412])
    expect(writeOperations(h.emu.requestLog())).not.toContain('PublishFunction')
    const text = output(run)
    expect(text).toContain(
      'contested kept changing while this run was deploying it: 3 attempts each lost a race with another writer'
    )
    expect(text).toMatch(/one at a time \(a workflow concurrency group\) and re-run/)
    // The tags went through on the first attempt, alongside the refused update.
    expect(text).toMatch(/Before failing, this run changed its tags/)
    expect(text).toMatch(/LIVE was not changed/)
    const fn = stored(h.emu, 'function', 'contested')!
    expect(fn.tags).toEqual({ team: 'edge', owner: 'alice' })
    expect(fn.live).toBeUndefined()
    expect(fn.development.code).toBe(fixture('function-v1.js'))
    expect(run.summary).toContain('failed')
    expect(run.summary).toContain('kept changing')
  })
})
