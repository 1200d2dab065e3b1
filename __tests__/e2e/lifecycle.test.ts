// The life of one function of each kind, driven through the bundled action:
// create, idempotent re-run, code, config and tag changes, publish; and key
// value store associations by name and by ARN.
import {
  CreateConnectionFunctionCommand,
  PublishConnectionFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  createStore,
  expectExit,
  fixture,
  output,
  startHarness,
  stored,
  writeOperations,
  writes,
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

const KINDS = [
  {
    type: 'function' as const,
    v1: 'function-v1.js',
    v2: 'function-v2.js',
    create: 'CreateFunction',
    update: 'UpdateFunction',
    publish: 'PublishFunction',
    // Runtime 1.0 runs the plain-ES5 fixtures too: the config change switches to it.
    changedRuntime: 'cloudfront-js-1.0',
    publishedStatus: 'UNASSOCIATED'
  },
  {
    type: 'connection-function' as const,
    v1: 'connection-v1.js',
    v2: 'connection-v2.js',
    create: 'CreateConnectionFunction',
    update: 'UpdateConnectionFunction',
    publish: 'PublishConnectionFunction',
    // Connection functions only run on cloudfront-js-2.0.
    changedRuntime: 'cloudfront-js-2.0',
    publishedStatus: 'UNASSOCIATED'
  }
]

describe.each(KINDS)('lifecycle of a $type', kind => {
  it('creates, re-runs without writes, updates code, config and tags, publishes', async () => {
    const ws = h.workspace()
    const name = `life-${kind.type}`
    const base = { name, type: kind.type, comment: 'first', tags: 'team=edge,env=test' }

    // 1. Create.
    const created = await h.run(ws, { ...base, code: kind.v1 })
    expectExit(created, 0)
    let fn = stored(h.emu, kind.type, name)
    expect(fn).toBeDefined()
    expect(writeOperations(h.emu.requestLog())).toEqual([kind.create])
    expect(created.outputs).toMatchObject({
      arn: fn!.arn,
      etag: fn!.development.etag,
      id: fn!.id,
      status: 'UNPUBLISHED',
      changed: 'true',
      created: 'true',
      published: 'false',
      'live-etag': ''
    })
    if (kind.type === 'function') expect(created.outputs.id).toBe(name)
    else expect(created.outputs.id).not.toBe(name)
    expect(fn!.development.code).toBe(h.workspaceFile(ws, kind.v1))
    expect(fn!.development.config).toEqual({
      comment: 'first',
      runtime: 'cloudfront-js-2.0',
      keyValueStoreArns: []
    })
    expect(fn!.tags).toEqual({ team: 'edge', env: 'test' })
    expect(fn!.live).toBeUndefined()

    // 2. The same inputs again: reads only, the same outputs.
    h.emu.clearRequestLog()
    const again = await h.run(ws, { ...base, code: kind.v1 })
    expectExit(again, 0)
    expect(h.emu.requestLog().length).toBeGreaterThan(0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(again.outputs).toMatchObject({ changed: 'false', created: 'false', published: 'false' })
    for (const key of ['arn', 'etag', 'id', 'status', 'live-etag'])
      expect(again.outputs[key]).toBe(created.outputs[key])
    expect(again.outputs.diff).toBe('')
    expect(again.summary).toContain('no changes')

    // 3. Code change: one update, a new ETag.
    h.emu.clearRequestLog()
    const coded = await h.run(ws, { ...base, code: kind.v2 })
    expectExit(coded, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([kind.update])
    fn = stored(h.emu, kind.type, name)
    expect(coded.outputs.etag).not.toBe(created.outputs.etag)
    expect(coded.outputs.etag).toBe(fn!.development.etag)
    expect(coded.outputs).toMatchObject({ changed: 'true', created: 'false', arn: fn!.arn })
    expect(fn!.development.code).toBe(h.workspaceFile(ws, kind.v2))
    expect(fn!.development.config.comment).toBe('first')
    expect(JSON.parse(coded.outputs.plan)).toEqual({
      kind: kind.type,
      name,
      changes: [{ action: 'update', code: true, config: [] }]
    })

    // 4. Config change: comment (and runtime where the kind allows another one).
    h.emu.clearRequestLog()
    const configured = await h.run(ws, {
      ...base,
      code: kind.v2,
      comment: 'second',
      runtime: kind.changedRuntime
    })
    expectExit(configured, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([kind.update])
    fn = stored(h.emu, kind.type, name)
    expect(fn!.development.config).toEqual({
      comment: 'second',
      runtime: kind.changedRuntime,
      keyValueStoreArns: []
    })
    expect(fn!.development.code).toBe(h.workspaceFile(ws, kind.v2))
    expect(configured.outputs.etag).toBe(fn!.development.etag)
    expect(configured.outputs.etag).not.toBe(coded.outputs.etag)
    const configChange = JSON.parse(configured.outputs.plan).changes[0]
    expect(configChange.code).toBe(false)
    expect(configChange.config).toContain('comment')

    // 5. Tags change: tag and untag calls only, the function's content untouched.
    h.emu.clearRequestLog()
    const etagBeforeTags = fn!.development.etag
    const tagged = await h.run(ws, {
      ...base,
      code: kind.v2,
      comment: 'second',
      runtime: kind.changedRuntime,
      tags: 'team=edge,owner=alice'
    })
    expectExit(tagged, 0)
    expect(writeOperations(h.emu.requestLog()).sort()).toEqual(['TagResource', 'UntagResource'])
    fn = stored(h.emu, kind.type, name)
    expect(fn!.tags).toEqual({ team: 'edge', owner: 'alice' })
    expect(fn!.development.etag).toBe(etagBeforeTags)
    expect(tagged.outputs).toMatchObject({ changed: 'true', etag: etagBeforeTags })

    // 6. Publish: LIVE gets the DEVELOPMENT ETag.
    const final = {
      ...base,
      code: kind.v2,
      comment: 'second',
      runtime: kind.changedRuntime,
      tags: 'team=edge,owner=alice',
      publish: 'true'
    }
    h.emu.clearRequestLog()
    const published = await h.run(ws, final)
    expectExit(published, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([kind.publish])
    fn = stored(h.emu, kind.type, name)
    expect(fn!.live?.etag).toBe(fn!.development.etag)
    expect(fn!.live?.code).toBe(h.workspaceFile(ws, kind.v2))
    expect(published.outputs).toMatchObject({
      published: 'true',
      changed: 'true',
      etag: fn!.development.etag,
      'live-etag': fn!.development.etag,
      status: kind.publishedStatus
    })

    // 7. Publish again: nothing left to publish, nothing written.
    h.emu.clearRequestLog()
    const republished = await h.run(ws, final)
    expectExit(republished, 0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(republished.outputs).toMatchObject({
      published: 'false',
      changed: 'false',
      'live-etag': fn!.development.etag,
      etag: fn!.development.etag
    })
  })
})

describe('a connection function still PUBLISHING', () => {
  // A run with publish: true leaves the function ready for later steps (a distribution
  // update): it waits for PUBLISHING to end also when another run published the same version
  // moments ago and there is nothing left to write.
  it('is waited for by a run with publish: true that has nothing to write', async () => {
    const client = h.client()
    const created = await client.send(
      new CreateConnectionFunctionCommand({
        Name: 'still-publishing',
        ConnectionFunctionConfig: {
          Comment: '',
          Runtime: 'cloudfront-js-2.0',
          KeyValueStoreAssociations: { Quantity: 0, Items: [] }
        },
        ConnectionFunctionCode: Buffer.from(fixture('connection-v1.js'))
      })
    )
    h.emu.setPublishingDelay(1500)
    await client.send(
      new PublishConnectionFunctionCommand({
        Id: created.ConnectionFunctionSummary!.Id,
        IfMatch: created.ETag
      })
    )
    h.emu.clearRequestLog()
    const run = await h.run(h.workspace(), {
      name: 'still-publishing',
      type: 'connection-function',
      code: 'connection-v1.js',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(run.outputs.status).toBe('UNASSOCIATED')
  })
})

it('leaves tags alone when the tags input is empty', async () => {
  const ws = h.workspace()
  expectExit(await h.run(ws, { name: 'tags-kept', code: 'function-v1.js', tags: 'team=edge' }), 0)
  h.emu.clearRequestLog()
  const run = await h.run(ws, { name: 'tags-kept', code: 'function-v1.js' })
  expectExit(run, 0)
  expect(writes(h.emu.requestLog())).toEqual([])
  expect(h.emu.requestLog().map(entry => entry.operation)).not.toContain('ListTagsForResource')
  expect(stored(h.emu, 'function', 'tags-kept')!.tags).toEqual({ team: 'edge' })
})

describe('key value stores', () => {
  it.each([
    { type: 'function', code: 'kvs-function.js', create: 'CreateFunction' },
    { type: 'connection-function', code: 'connection-kvs.js', create: 'CreateConnectionFunction' }
  ])('associates a $type with a store given by name, then by ARN', async kind => {
    const arn = await createStore(h, 'redirects')
    h.emu.clearRequestLog()
    const ws = h.workspace()
    const name = `kvs-${kind.type}`

    const byName = await h.run(ws, {
      name,
      type: kind.type,
      code: kind.code,
      'key-value-stores': 'redirects'
    })
    expectExit(byName, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([kind.create])
    expect(h.emu.requestLog().map(entry => entry.operation)).toContain('DescribeKeyValueStore')
    const fn = stored(h.emu, kind.type as 'function' | 'connection-function', name)
    expect(fn!.development.config.keyValueStoreArns).toEqual([arn])

    // The same association given as the ARN: nothing to change.
    h.emu.clearRequestLog()
    const byArn = await h.run(ws, {
      name,
      type: kind.type,
      code: kind.code,
      'key-value-stores': arn
    })
    expectExit(byArn, 0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(byArn.outputs.changed).toBe('false')

    // And by name again: the name resolves to the same ARN, still nothing to change.
    h.emu.clearRequestLog()
    const again = await h.run(ws, {
      name,
      type: kind.type,
      code: kind.code,
      'key-value-stores': 'redirects'
    })
    expectExit(again, 0)
    expect(writes(h.emu.requestLog())).toEqual([])
  })

  it('keeps the association on a code change, refuses to drop it while the code reads it', async () => {
    const arn = await createStore(h, 'redirects')
    const ws = h.workspace({ 'v2.js': fixture('kvs-function.js').replace('302', '307') })
    expectExit(
      await h.run(ws, { name: 'kvs-kept', code: 'kvs-function.js', 'key-value-stores': arn }),
      0
    )
    h.emu.clearRequestLog()
    expectExit(
      await h.run(ws, { name: 'kvs-kept', code: 'v2.js', 'key-value-stores': 'redirects' }),
      0
    )
    expect(writeOperations(h.emu.requestLog())).toEqual(['UpdateFunction'])
    let fn = stored(h.emu, 'function', 'kvs-kept')!
    expect(fn.development.config.keyValueStoreArns).toEqual([arn])
    expect(fn.development.code).toContain('307')

    // A forgotten (or misspelt) key-value-stores input must not detach the store: refused.
    h.emu.clearRequestLog()
    const forgotten = await h.run(ws, { name: 'kvs-kept', code: 'v2.js' })
    expectExit(forgotten, 1)
    expect(h.emu.requestLog()).toEqual([])
    expect(forgotten.stdout).toMatch(
      /::error title=Key value store not declared,file=v2\.js,line=\d+,col=\d+::/
    )
    expect(stored(h.emu, 'function', 'kvs-kept')!.development.config.keyValueStoreArns).toEqual([
      arn
    ])

    // Code that no longer reads a store, with no store declared, removes the association.
    h.emu.clearRequestLog()
    const removed = await h.run(ws, { name: 'kvs-kept', code: 'function-v2.js' })
    expectExit(removed, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual(['UpdateFunction'])
    fn = stored(h.emu, 'function', 'kvs-kept')!
    expect(fn.development.config.keyValueStoreArns).toEqual([])
    expect(removed.outputs.diff).toContain(`-key-value-stores: redirects (${arn})`)
  })

  it('runs the test gate against the associated store and publishes', async () => {
    await createStore(h, 'redirects')
    h.emu.putKeyValue('redirects', '/old', '/new-home')
    const ws = h.workspace({
      'tests/kvs.json': JSON.stringify({
        name: 'redirects from the store',
        event: {
          version: '1.0',
          context: { eventType: 'viewer-request' },
          viewer: { ip: '198.51.100.1' },
          request: { method: 'GET', uri: '/old', querystring: {}, headers: {}, cookies: {} }
        },
        expect: { response: { statusCode: 302, headers: { location: { value: '/new-home' } } } }
      })
    })
    const run = await h.run(ws, {
      name: 'kvs-gated',
      code: 'kvs-function.js',
      'key-value-stores': 'redirects',
      'test-events': 'tests/kvs.json',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(run.outputs.published).toBe('true')
    expect(JSON.parse(run.outputs['test-results'])).toEqual([
      expect.objectContaining({ name: 'redirects from the store', passed: true })
    ])
  })

  it('fails before any write when a store name does not exist', async () => {
    const ws = h.workspace()
    const run = await h.run(ws, {
      name: 'kvs-missing',
      code: 'kvs-function.js',
      'key-value-stores': 'no-such-store'
    })
    expectExit(run, 1)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(output(run)).toMatch(
      /::error::Input 'key-value-stores': no key value store named 'no-such-store'/
    )
    expect(h.emu.state().functions).toEqual([])
  })
})
