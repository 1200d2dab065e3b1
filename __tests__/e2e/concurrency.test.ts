// Several deploys of one function started at once, as parallel workflow runs
// without a concurrency group would: each one succeeds or fails with the clear
// concurrency message, and the function ends up published and in one declared version.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  describeRun,
  fixture,
  startHarness,
  stored,
  type ActionRun,
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

const CONCURRENCY_MESSAGE =
  /kept changing while this run was deploying it: 3 attempts each lost a race with another writer.*Make deploys of one function run one at a time \(a workflow concurrency group\) and re-run\./

/** Each run exited 0, or 1 with the concurrency message and nothing else wrong. */
function expectSucceededOrLostClearly(runs: ActionRun[]): void {
  for (const run of runs) {
    if (run.exitCode === 0) continue
    if (run.exitCode !== 1 || !CONCURRENCY_MESSAGE.test(run.stdout)) {
      throw new Error(`a run failed without the concurrency message: ${describeRun(run)}`)
    }
  }
}

/** A version of the viewer-request function that sets x-version to `version`. */
function version(version: number): string {
  return fixture('function-v1.js').replace("value: '1'", `value: '${version}'`)
}

describe.each([2, 5])('%i runs at once with publish: true', count => {
  it('with the same inputs: one create, published, no failures', async () => {
    const ws = h.workspace()
    const runs = await Promise.all(
      Array.from({ length: count }, () =>
        h.run(ws, { name: 'shared', code: 'function-v2.js', publish: 'true', tags: 'team=edge' })
      )
    )
    expectSucceededOrLostClearly(runs)
    // With the same inputs every race converges: nobody should have to fail.
    for (const run of runs) expect(run.exitCode).toBe(0)
    const functions = h.emu.state().functions
    expect(functions).toHaveLength(1)
    const fn = functions[0]
    expect(fn.development.code).toBe(fixture('function-v2.js'))
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(fn.tags).toEqual({ team: 'edge' })
    const creates = h.emu.requestLog().filter(entry => entry.operation === 'CreateFunction')
    expect(creates.filter(entry => entry.status === 201)).toHaveLength(1)
    expect(runs.filter(run => run.outputs.created === 'true')).toHaveLength(1)
    // Every run reports the state it left behind.
    for (const run of runs) {
      expect(run.outputs.etag).toBe(fn.development.etag)
      expect(run.outputs['live-etag']).toBe(fn.development.etag)
    }
  })

  it('with different code per run: published, in one of the declared versions', async () => {
    const files = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`v${i + 1}.js`, version(i + 1)])
    )
    const ws = h.workspace(files)
    const runs = await Promise.all(
      Object.keys(files).map(code => h.run(ws, { name: 'contested', code, publish: 'true' }))
    )
    expectSucceededOrLostClearly(runs)
    expect(runs.some(run => run.exitCode === 0)).toBe(true)
    const functions = h.emu.state().functions
    expect(functions).toHaveLength(1)
    const fn = stored(h.emu, 'function', 'contested')!
    expect(Object.values(files)).toContain(fn.development.code)
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(fn.live?.code).toBe(fn.development.code)
  })
})

describe('other races', () => {
  it('5 runs at once on one connection function with the same inputs', async () => {
    const ws = h.workspace()
    const runs = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.run(ws, {
          name: 'shared-connection',
          type: 'connection-function',
          code: 'connection-v2.js',
          publish: 'true'
        })
      )
    )
    for (const run of runs) expect(describeRun(run)).toMatch(/^exit 0/)
    const functions = h.emu.state().functions
    expect(functions).toHaveLength(1)
    const fn = functions[0]
    expect(fn.development.code).toBe(fixture('connection-v2.js'))
    expect(fn.live?.etag).toBe(fn.development.etag)
    for (const run of runs) expect(run.outputs.id).toBe(fn.id)
    // Also the runs that found another run's publish still in progress waited for it.
    for (const run of runs) expect(run.outputs.status).toBe('UNASSOCIATED')
  })

  it('2 deletes at once: one deletes, the other finds it gone', async () => {
    const ws = h.workspace()
    expect((await h.run(ws, { name: 'doomed', code: 'function-v1.js' })).exitCode).toBe(0)
    h.emu.clearRequestLog()
    const runs = await Promise.all([1, 2].map(() => h.run(ws, { name: 'doomed', delete: 'true' })))
    for (const run of runs) expect(describeRun(run)).toMatch(/^exit 0/)
    expect(h.emu.state().functions).toEqual([])
    const deletes = h.emu.requestLog().filter(entry => entry.operation === 'DeleteFunction')
    expect(deletes.filter(entry => entry.status === 204)).toHaveLength(1)
    expect(runs.filter(run => run.outputs.changed === 'true').length).toBeGreaterThanOrEqual(1)
  })
})
