// Never lose, never lie: writes whose answer was lost, versions another writer made, publishes
// that others did, PUBLISHING waits and tag replacement, each run as the bundled action against
// the emulator. Outputs must say what this run did, and agree with what CloudFront holds.
import {
  CreateConnectionFunctionCommand,
  CreateFunctionCommand,
  DeleteConnectionFunctionCommand,
  DeleteFunctionCommand,
  PublishConnectionFunctionCommand,
  PublishFunctionCommand,
  UpdateConnectionFunctionCommand,
  UpdateFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  expectExit,
  fixture,
  output,
  resetEmulator,
  seedFunction,
  startHarness,
  startRecordingProxy,
  stored,
  waitFor,
  writeOperations,
  type ActionRun,
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

type Kind = 'function' | 'connection-function'

/** What differs between the two kinds for these tests. */
interface KindCase {
  type: Kind
  /** The SDK operation of this kind: `UpdateFunction` → `UpdateConnectionFunction`. */
  op: (operation: 'Create' | 'Update' | 'Publish' | 'Delete') => string
  /** Code seeded first, code the run declares, and a test case the declared code passes. */
  before: string
  code: string
  testEvents: string
}

const KINDS: KindCase[] = [
  {
    type: 'function',
    op: operation => `${operation}Function`,
    before: 'const-v1.js',
    code: 'function-v1.js',
    testEvents: 'tests/function-v1.json'
  },
  {
    type: 'connection-function',
    op: operation => `${operation}ConnectionFunction`,
    before: 'connection-v2.js',
    code: 'connection-v1.js',
    testEvents: 'tests/connection-allow.json'
  }
]

/** Creates a function of either kind the way another tool would; returns its Id and ETag. */
async function seed(
  kind: Kind,
  name: string,
  file: string,
  options: { publish?: boolean; comment?: string } = {}
): Promise<{ id: string; etag: string }> {
  const client = h.client()
  const config = {
    Comment: options.comment ?? '',
    Runtime: 'cloudfront-js-2.0' as const,
    KeyValueStoreAssociations: { Quantity: 0, Items: [] }
  }
  const code = Buffer.from(fixture(file))
  if (kind === 'function') {
    const created = await client.send(
      new CreateFunctionCommand({ Name: name, FunctionConfig: config, FunctionCode: code })
    )
    if (options.publish) {
      await client.send(new PublishFunctionCommand({ Name: name, IfMatch: created.ETag }))
    }
    return { id: name, etag: created.ETag ?? '' }
  }
  const created = await client.send(
    new CreateConnectionFunctionCommand({
      Name: name,
      ConnectionFunctionConfig: config,
      ConnectionFunctionCode: code
    })
  )
  const id = created.ConnectionFunctionSummary?.Id ?? ''
  if (options.publish) {
    await client.send(new PublishConnectionFunctionCommand({ Id: id, IfMatch: created.ETag }))
  }
  return { id, etag: created.ETag ?? '' }
}

/** Writes a new DEVELOPMENT version through the API, as another writer; returns its ETag. */
async function updateAsOther(
  kind: Kind,
  id: string,
  etag: string,
  file: string,
  comment: string
): Promise<string> {
  const client = h.client()
  const config = {
    Comment: comment,
    Runtime: 'cloudfront-js-2.0' as const,
    KeyValueStoreAssociations: { Quantity: 0, Items: [] }
  }
  const code = Buffer.from(fixture(file))
  if (kind === 'function') {
    const updated = await client.send(
      new UpdateFunctionCommand({
        Name: id,
        IfMatch: etag,
        FunctionConfig: config,
        FunctionCode: code
      })
    )
    return updated.ETag ?? ''
  }
  const updated = await client.send(
    new UpdateConnectionFunctionCommand({
      Id: id,
      IfMatch: etag,
      ConnectionFunctionConfig: config,
      ConnectionFunctionCode: code
    })
  )
  return updated.ETag ?? ''
}

async function publishAsOther(kind: Kind, id: string, etag: string): Promise<void> {
  const client = h.client()
  if (kind === 'function') {
    await client.send(new PublishFunctionCommand({ Name: id, IfMatch: etag }))
  } else {
    await client.send(new PublishConnectionFunctionCommand({ Id: id, IfMatch: etag }))
  }
}

/** Status codes the emulator answered for one operation, in order. */
function statuses(operation: string): number[] {
  return h.emu
    .requestLog()
    .filter(entry => entry.operation === operation)
    .map(entry => entry.status)
}

/** Expects the outputs about the function's state to be exactly what the emulator holds. */
function expectOutputsMatchEmulator(run: ActionRun, kind: Kind, name: string): void {
  const fn = stored(h.emu, kind, name)
  expect(fn).toBeDefined()
  expect({
    etag: run.outputs.etag,
    'live-etag': run.outputs['live-etag'],
    status: run.outputs.status
  }).toEqual({
    etag: fn!.development.etag,
    'live-etag': fn!.live?.etag ?? '',
    status: fn!.status
  })
}

/** The log line a run writes when it verified a lost answer with a fresh read. */
const LOST_AND_VERIFIED = /answer was lost \([^)]*after \d+ attempts\); a fresh read shows/

/**
 * Runs the action while `operation` is held for a moment in the emulator, and calls `meanwhile`
 * once the request has arrived: another writer acts between the run's read and its write.
 */
async function runWhileHeld(
  operation: string,
  inputs: Record<string, string>,
  meanwhile: () => Promise<void>
): Promise<ActionRun> {
  h.emu.injectFault({ type: 'stall', ms: 1500, operation })
  const running = h.run(h.workspace(), inputs)
  await waitFor(
    () => h.emu.requestLog().some(entry => entry.operation === operation),
    `the run's ${operation}`
  )
  await meanwhile()
  return running
}

describe.each(KINDS)('a lost answer is still this run’s write ($type)', kind => {
  const answers = [
    { answer: 'reset' as const, first: 0 },
    { answer: 'server-error' as const, first: 500 }
  ]

  it.each(answers)('create, answer lost by $answer', async ({ answer, first }) => {
    h.emu.injectFault({ type: 'lost-answer', answer, operation: kind.op('Create') })
    const run = await h.run(h.workspace(), {
      name: 'lost-create',
      type: kind.type,
      code: kind.code
    })
    expectExit(run, 0)
    // The first attempt was applied; the SDK's retry found the function already there.
    expect(statuses(kind.op('Create'))).toEqual([first, 409])
    expect(run.outputs).toMatchObject({ created: 'true', changed: 'true' })
    expect(run.stdout).toMatch(LOST_AND_VERIFIED)
    const fn = stored(h.emu, kind.type, 'lost-create')
    expect(fn?.development.code).toBe(fixture(kind.code))
    expect(h.emu.state().functions).toHaveLength(1)
    expectOutputsMatchEmulator(run, kind.type, 'lost-create')
  })

  it.each(answers)('update, answer lost by $answer', async ({ answer, first }) => {
    await seed(kind.type, 'lost-update', kind.before)
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'lost-answer', answer, operation: kind.op('Update') })
    const run = await h.run(h.workspace(), {
      name: 'lost-update',
      type: kind.type,
      code: kind.code
    })
    expectExit(run, 0)
    expect(statuses(kind.op('Update'))).toEqual([first, 412])
    expect(run.outputs).toMatchObject({ created: 'false', changed: 'true' })
    expect(run.stdout).toMatch(LOST_AND_VERIFIED)
    const fn = stored(h.emu, kind.type, 'lost-update')!
    expect(fn.development.code).toBe(fixture(kind.code))
    // One update: the version after the seed, nothing more.
    expect(fn.development.version).toBe(2)
    expectOutputsMatchEmulator(run, kind.type, 'lost-update')
  })

  it.each(answers)('publish, answer lost by $answer', async ({ answer, first }) => {
    await seed(kind.type, 'lost-publish', kind.code)
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'lost-answer', answer, operation: kind.op('Publish') })
    const run = await h.run(h.workspace(), {
      name: 'lost-publish',
      type: kind.type,
      code: kind.code,
      publish: 'true'
    })
    expectExit(run, 0)
    expect(statuses(kind.op('Publish'))).toEqual([first, 412])
    expect(run.outputs).toMatchObject({ published: 'true', changed: 'true' })
    expect(run.stdout).toMatch(LOST_AND_VERIFIED)
    expect(run.stdout).not.toMatch(/already LIVE/)
    const fn = stored(h.emu, kind.type, 'lost-publish')!
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(fn.live?.code).toBe(fixture(kind.code))
    expectOutputsMatchEmulator(run, kind.type, 'lost-publish')
  })

  it.each(answers)('delete, answer lost by $answer', async ({ answer, first }) => {
    await seed(kind.type, 'lost-delete', kind.code)
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'lost-answer', answer, operation: kind.op('Delete') })
    const run = await h.run(h.workspace(), { name: 'lost-delete', type: kind.type, delete: 'true' })
    expectExit(run, 0)
    expect(statuses(kind.op('Delete'))).toEqual([first, 404])
    expect(run.outputs).toMatchObject({ changed: 'true' })
    expect(run.stdout).toMatch(/answer was lost/)
    expect(run.stdout).not.toMatch(/deleted by someone else/)
    expect(h.emu.state().functions).toEqual([])
  })
})

describe.each(KINDS)('without a retry, it stays a lost race ($type)', kind => {
  it('a create another writer made with the same content is not this run’s', async () => {
    const run = await runWhileHeld(
      kind.op('Create'),
      { name: 'raced-create', type: kind.type, code: kind.code },
      async () => void (await seed(kind.type, 'raced-create', kind.code))
    )
    expectExit(run, 0)
    // In arrival order: the run's create (held, then refused), the other writer's.
    expect(statuses(kind.op('Create'))).toEqual([409, 201])
    expect(run.outputs).toMatchObject({ created: 'false', changed: 'false' })
    expect(run.stdout).not.toMatch(/answer was lost/)
    expect(h.emu.state().functions).toHaveLength(1)
    expectOutputsMatchEmulator(run, kind.type, 'raced-create')
  })

  it('an update another writer made with the same content is not this run’s', async () => {
    const { id, etag } = await seed(kind.type, 'raced-update', kind.before)
    h.emu.clearRequestLog()
    const run = await runWhileHeld(
      kind.op('Update'),
      { name: 'raced-update', type: kind.type, code: kind.code },
      async () => void (await updateAsOther(kind.type, id, etag, kind.code, ''))
    )
    expectExit(run, 0)
    // In arrival order: the run's update (held, then refused), the other writer's.
    expect(statuses(kind.op('Update'))).toEqual([412, 200])
    expect(run.outputs).toMatchObject({ changed: 'false' })
    expect(run.stdout).not.toMatch(/answer was lost/)
    expect(run.stdout).toMatch(/changed by another writer/)
    expect(stored(h.emu, kind.type, 'raced-update')!.development.version).toBe(2)
    expectOutputsMatchEmulator(run, kind.type, 'raced-update')
  })

  it('a delete another writer made first is not this run’s', async () => {
    await seed(kind.type, 'raced-delete', kind.code)
    h.emu.clearRequestLog()
    const run = await runWhileHeld(
      kind.op('Delete'),
      { name: 'raced-delete', type: kind.type, delete: 'true' },
      async () => {
        const fn = stored(h.emu, kind.type, 'raced-delete')!
        const client = h.client()
        if (kind.type === 'function') {
          await client.send(
            new DeleteFunctionCommand({ Name: fn.name, IfMatch: fn.development.etag })
          )
        } else {
          await client.send(
            new DeleteConnectionFunctionCommand({ Id: fn.id, IfMatch: fn.development.etag })
          )
        }
      }
    )
    expectExit(run, 0)
    expect(statuses(kind.op('Delete'))).toEqual([404, 204])
    expect(run.outputs).toMatchObject({ changed: 'false' })
    expect(run.stdout).toMatch(/deleted by someone else/)
    expect(run.stdout).not.toMatch(/answer was lost/)
    expect(h.emu.state().functions).toEqual([])
  })
})

describe('a retried create is this run’s only when CloudFront holds everything it sent', () => {
  it('another writer created the same code and config with other tags: a lost race, then tagged', async () => {
    // The first attempt fails before it is applied; another writer creates the function while
    // the retry is held; the retry answers 409 after 2 attempts.
    h.emu.injectFault({ type: 'server-error', operation: 'CreateFunction' })
    const run = await runWhileHeld(
      'CreateFunction',
      { name: 'retried-create', code: 'function-v1.js', tags: 'team=edge' },
      async () => {
        await waitFor(
          () => h.emu.requestLog().filter(e => e.operation === 'CreateFunction').length >= 2,
          'the retried CreateFunction'
        )
        await seedFunction(h, 'retried-create', fixture('function-v1.js'), {
          tags: { team: 'someone-else' }
        })
      }
    )
    expectExit(run, 0)
    expect(statuses('CreateFunction')).toEqual([500, 409, 201])
    // Not this run's create: the other writer's, with other tags, which this run then fixed.
    expect(run.outputs).toMatchObject({ created: 'false', changed: 'true' })
    expect(run.stdout).not.toMatch(/so it was created by this run/)
    expect(stored(h.emu, 'function', 'retried-create')!.tags).toEqual({ team: 'edge' })
  })
})

describe.each(KINDS)(
  'a create answered without an ETag, then another writer’s version ($type)',
  kind => {
    it('is still this run’s create: created=true, and its own version is the one published', async () => {
      h.emu.injectFault({ type: 'omit-etag', operation: kind.op('Create') })
      h.emu.injectFault({ type: 'write-after', action: 'update', operation: kind.op('Create') })
      const run = await h.run(h.workspace(), {
        name: 'created-then-edited',
        type: kind.type,
        code: kind.code,
        comment: 'declared',
        publish: 'true'
      })
      expectExit(run, 0)
      expect(run.outputs).toMatchObject({ created: 'true', changed: 'true', published: 'true' })
      const fn = stored(h.emu, kind.type, 'created-then-edited')!
      expect(fn.live?.config.comment).toBe('declared')
      expect(fn.live?.code).toBe(fixture(kind.code))
      expectOutputsMatchEmulator(run, kind.type, 'created-then-edited')
    })
  }
)

describe.each(KINDS)('never adopt another writer’s version ($type)', kind => {
  it('an update answered without an ETag, then another writer’s version: tests and publishes its own', async () => {
    await seed(kind.type, 'adopt', kind.before, { publish: true })
    h.emu.clearRequestLog()
    // The update's answer has no ETag, and another writer saves a version right after it.
    h.emu.injectFault({ type: 'omit-etag', operation: kind.op('Update') })
    h.emu.injectFault({ type: 'write-after', action: 'update', operation: kind.op('Update') })
    const proxy = await startRecordingProxy(h.emu.url)
    let run: ActionRun
    try {
      run = await h.run(
        h.workspace(),
        {
          name: 'adopt',
          type: kind.type,
          code: kind.code,
          comment: 'declared',
          'test-events': kind.testEvents,
          publish: 'true'
        },
        { AWS_ENDPOINT_URL_CLOUDFRONT: proxy.url }
      )
    } finally {
      await proxy.close()
    }
    expectExit(run, 0)
    const fn = stored(h.emu, kind.type, 'adopt')!
    // LIVE is this run's own version: its code and its comment, not the other writer's.
    expect(fn.live?.code).toBe(fixture(kind.code))
    expect(fn.live?.config.comment).toBe('declared')
    expect(fn.live?.etag).toBe(fn.development.etag)
    // Every test run and the publish named that version, never the other writer's.
    const conditional = proxy
      .requests()
      .filter(request => /\/(test|publish)$/.test(request.path.split('?')[0]))
    expect(conditional.length).toBeGreaterThanOrEqual(2)
    expect(new Set(conditional.map(request => request.ifMatch))).toEqual(
      new Set([fn.development.etag])
    )
    expect(run.outputs).toMatchObject({ published: 'true', changed: 'true' })
    expectOutputsMatchEmulator(run, kind.type, 'adopt')
    const results = JSON.parse(run.outputs['test-results']) as { passed: boolean }[]
    expect(results.every(result => result.passed)).toBe(true)
  })
})

describe.each(KINDS)('"already LIVE" only when it is ($type)', kind => {
  it('another writer published this run’s version: published=false, the ETags agree', async () => {
    await seed(kind.type, 'published-by-other', kind.before, { publish: true })
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'write-after', action: 'publish', operation: kind.op('Update') })
    const run = await h.run(h.workspace(), {
      name: 'published-by-other',
      type: kind.type,
      code: kind.code,
      publish: 'true'
    })
    expectExit(run, 0)
    expect(run.outputs).toMatchObject({ published: 'false', changed: 'true' })
    expect(run.stdout).toMatch(/already LIVE/)
    const fn = stored(h.emu, kind.type, 'published-by-other')!
    expect(fn.live?.code).toBe(fixture(kind.code))
    expectOutputsMatchEmulator(run, kind.type, 'published-by-other')
  })

  it('a throttled publish retried into 412 is still another writer’s publish, not a lost answer', async () => {
    await seed(kind.type, 'throttled-publish', kind.before, { publish: true })
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'write-after', action: 'publish', operation: kind.op('Update') })
    h.emu.injectFault({ type: 'throttle', operation: kind.op('Publish'), count: 1 })
    const run = await h.run(h.workspace(), {
      name: 'throttled-publish',
      type: kind.type,
      code: kind.code,
      publish: 'true'
    })
    expectExit(run, 0)
    // The first attempt was refused (throttled), so it cannot have been applied.
    expect(statuses(kind.op('Publish'))).toEqual([400, 412])
    expect(run.outputs).toMatchObject({ published: 'false', changed: 'true' })
    expect(run.stdout).toMatch(/already LIVE/)
    expect(run.stdout).not.toMatch(/answer was lost/)
    expectOutputsMatchEmulator(run, kind.type, 'throttled-publish')
  })

  it('DEVELOPMENT went A→B→A and others published it: not reported as this run’s version', async () => {
    const { id } = await seed(kind.type, 'aba', kind.before, { publish: true })
    h.emu.clearRequestLog()
    const run = await runWhileHeld(
      kind.op('Publish'),
      { name: 'aba', type: kind.type, code: kind.code, publish: 'true' },
      async () => {
        // This run updated DEVELOPMENT to A; others change it to B, back to A, and publish.
        const a = stored(h.emu, kind.type, 'aba')!.development.etag
        const b = await updateAsOther(kind.type, id, a, kind.before, 'B')
        const again = await updateAsOther(kind.type, id, b, kind.code, '')
        await publishAsOther(kind.type, id, again)
      }
    )
    expectExit(run, 0)
    // In arrival order: the run's publish (held, then refused as stale), the others'.
    expect(statuses(kind.op('Publish'))).toEqual([412, 200])
    const fn = stored(h.emu, kind.type, 'aba')!
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(fn.live?.code).toBe(fixture(kind.code))
    // This run's own version (the first A) never went live: it did not publish anything.
    expect(run.outputs.published).toBe('false')
    expect(run.stdout).not.toMatch(/already LIVE/)
    expectOutputsMatchEmulator(run, kind.type, 'aba')
  })
})

describe('connection functions: outputs after PUBLISHING come from one read', () => {
  beforeEach(() => h.emu.setPublishingDelay(1200))

  it('after a publish: etag, live-etag and status agree with the emulator', async () => {
    const run = await h.run(h.workspace(), {
      name: 'publishing',
      type: 'connection-function',
      code: 'connection-v1.js',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(run.outputs.status).not.toBe('PUBLISHING')
    expect(run.outputs.published).toBe('true')
    expectOutputsMatchEmulator(run, 'connection-function', 'publishing')
  })

  it('when another writer saves a version while it is PUBLISHING', async () => {
    await seed('connection-function', 'publishing-raced', 'connection-v2.js', { publish: true })
    h.emu.clearRequestLog()
    h.emu.injectFault({
      type: 'write-after',
      action: 'update',
      operation: 'PublishConnectionFunction'
    })
    const run = await h.run(h.workspace(), {
      name: 'publishing-raced',
      type: 'connection-function',
      code: 'connection-v1.js',
      publish: 'true'
    })
    expectExit(run, 0)
    expect(run.outputs.published).toBe('true')
    expectOutputsMatchEmulator(run, 'connection-function', 'publishing-raced')
  })
})

describe('tags are never lost', () => {
  const tagList = (prefix: string, count: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]))
  const asInput = (tags: Record<string, string>): string =>
    Object.entries(tags)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n')

  it('replacing 30 tags with 30 others ends with exactly the new 30', async () => {
    await seedFunction(h, 'retag', fixture('function-v1.js'), { tags: tagList('old', 30) })
    h.emu.clearRequestLog()
    const declared = tagList('new', 30)
    const run = await h.run(h.workspace(), {
      name: 'retag',
      code: 'function-v1.js',
      tags: asInput(declared)
    })
    expectExit(run, 0)
    expect(stored(h.emu, 'function', 'retag')!.tags).toEqual(declared)
    expect(run.outputs.changed).toBe('true')
    // Every tag write was accepted: none went over the 50-tag limit.
    const tagging = h.emu.requestLog().filter(entry => /TagResource$/.test(entry.operation))
    expect(tagging.map(entry => entry.status)).toEqual(tagging.map(() => 204))
  })

  it('a refused tag write says which tags the function has now', async () => {
    await seedFunction(h, 'tag-fails', fixture('function-v1.js'), {
      tags: { keep: 'k', drop: 'd' }
    })
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'server-error', operation: 'TagResource', count: 10 })
    const run = await h.run(h.workspace(), {
      name: 'tag-fails',
      code: 'function-v1.js',
      tags: 'keep=k\nadded=a'
    })
    expectExit(run, 1)
    const now = stored(h.emu, 'function', 'tag-fails')!.tags
    expect(now).toEqual({ keep: 'k' })
    expect(output(run)).toMatch(/tags are now: keep=k\b/)
  })

  it.each([
    ['51 tags', asInput(tagList('t', 51)), /51 tags/],
    ['a key starting with aws: in any case', 'AWS:team=edge', /aws:/],
    ['a 129-character key', `${'k'.repeat(129)}=v`, /129 characters/],
    ['a 257-character value', `k=${'v'.repeat(257)}`, /257 characters/],
    ['a key of 129 letters outside the BMP', `${'𝒜'.repeat(129)}=v`, /129 characters/],
    ['a comma inside a value is a second tag without =', 'team=a,b', /has no '='/]
  ])('refuses %s before any request', async (_, tags, message) => {
    const run = await h.run(h.workspace(), { name: 'bad-tags', code: 'function-v1.js', tags })
    expectExit(run, 1)
    expect(run.stdout).toMatch(/::error::Input 'tags'/)
    expect(output(run)).toMatch(message)
    expect(h.emu.requestLog()).toEqual([])
  })

  it('counts characters, not UTF-16 units: 128 and 256 letters outside the BMP are accepted', async () => {
    const key = '𝒜'.repeat(128)
    const value = '𝒵'.repeat(256)
    const run = await h.run(h.workspace(), {
      name: 'astral-tags',
      code: 'function-v1.js',
      tags: `${key}=${value}`
    })
    expectExit(run, 0)
    expect(stored(h.emu, 'function', 'astral-tags')!.tags).toEqual({ [key]: value })
    expect(writeOperations(h.emu.requestLog())).toEqual(['CreateFunction'])
  })
})
