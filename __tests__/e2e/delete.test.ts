// Delete mode: removes a function of either kind, succeeds quietly when it is
// already gone, and refuses clearly while a distribution still uses it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  expectExit,
  fixture,
  operations,
  output,
  resetEmulator,
  seedConnectionFunction,
  seedFunction,
  startHarness,
  stored,
  writeOperations,
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
    seed: () => seedFunction(h, 'doomed', fixture('function-v1.js'), { publish: true }),
    deleteOperation: 'DeleteFunction'
  },
  {
    type: 'connection-function' as const,
    seed: () => seedConnectionFunction(h, 'doomed', fixture('connection-v1.js')),
    deleteOperation: 'DeleteConnectionFunction'
  }
]

describe.each(KINDS)('delete: true with a $type', kind => {
  it('deletes it when it exists, without a code input', async () => {
    await kind.seed()
    // Another function of the same kind stays.
    if (kind.type === 'function') await seedFunction(h, 'kept', fixture('function-v1.js'))
    else await seedConnectionFunction(h, 'kept', fixture('connection-v1.js'))
    h.emu.clearRequestLog()

    const run = await h.run(h.workspace(), { name: 'doomed', type: kind.type, delete: 'true' })

    expectExit(run, 0)
    expect(stored(h.emu, kind.type, 'doomed')).toBeUndefined()
    expect(stored(h.emu, kind.type, 'kept')).toBeDefined()
    expect(writeOperations(h.emu.requestLog())).toEqual([kind.deleteOperation])
    expect(run.outputs).toMatchObject({
      changed: 'true',
      created: 'false',
      published: 'false',
      arn: '',
      etag: ''
    })
    expect(JSON.parse(run.outputs.plan).changes).toEqual([{ action: 'delete' }])
    expect(run.summary).toContain(': deleted')
  })

  it('succeeds with changed=false when it does not exist', async () => {
    const run = await h.run(h.workspace(), { name: 'never-was', type: kind.type, delete: 'true' })
    expectExit(run, 0)
    expect(run.outputs.changed).toBe('false')
    expect(operations(h.emu.requestLog())).not.toContain(kind.deleteOperation)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(run.summary).toContain('nothing to delete')
  })

  it('refuses while a distribution uses it and says what to do', async () => {
    await kind.seed()
    h.emu.markAssociated(kind.type, 'doomed')
    const before = h.emu.state()
    h.emu.clearRequestLog()

    const run = await h.run(h.workspace(), { name: 'doomed', type: kind.type, delete: 'true' })

    expectExit(run, 1)
    const text = output(run)
    expect(text).toMatch(/::error::.*still associated with a CloudFront distribution/)
    expect(text).toContain(
      "Remove it from every distribution's cache behaviors (or connection settings), wait for the distribution to deploy, then delete it again."
    )
    expect(text).toContain('Nothing was changed in CloudFront by this run.')
    expect(stored(h.emu, kind.type, 'doomed')).toBeDefined()
    expect(h.emu.state()).toEqual(before)
    expect(run.outputs.changed).toBe('false')
  })

  it('plans the delete without writing in a dry run', async () => {
    await kind.seed()
    h.emu.clearRequestLog()
    const run = await h.run(h.workspace(), {
      name: 'doomed',
      type: kind.type,
      delete: 'true',
      'dry-run': 'true'
    })
    expectExit(run, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(stored(h.emu, kind.type, 'doomed')).toBeDefined()
    expect(JSON.parse(run.outputs.plan).changes).toEqual([{ action: 'delete' }])
    expect(run.outputs.changed).toBe('false')
  })
})

it('ignores a code input that points at no file when deleting', async () => {
  await seedFunction(h, 'doomed', fixture('function-v1.js'))
  const run = await h.run(h.workspace(), { name: 'doomed', code: 'gone.js', delete: 'true' })
  expectExit(run, 0)
  expect(stored(h.emu, 'function', 'doomed')).toBeUndefined()
})

it('deletes only the function of the given type when both kinds share the name', async () => {
  await seedFunction(h, 'twin', fixture('function-v1.js'))
  await seedConnectionFunction(h, 'twin', fixture('connection-v1.js'))
  const run = await h.run(h.workspace(), {
    name: 'twin',
    type: 'connection-function',
    delete: 'true'
  })
  expectExit(run, 0)
  expect(stored(h.emu, 'connection-function', 'twin')).toBeUndefined()
  expect(stored(h.emu, 'function', 'twin')).toBeDefined()
})
