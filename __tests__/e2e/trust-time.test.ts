// Bounded in time, and safe to kill: an endpoint that never answers fails the step within about
// a minute, naming the operation and the endpoint; a run killed with SIGKILL after its first
// write leaves a state that the next run converges from, with outputs that say what it did.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubApiStub } from '../helpers/github-api-stub.js'
import {
  expectExit,
  fixture,
  output,
  resetEmulator,
  seedConnectionFunction,
  seedFunction,
  startAction,
  startHarness,
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

function expectOutputsMatchEmulator(
  run: ActionRun,
  kind: 'function' | 'connection-function',
  name: string
): void {
  const fn = stored(h.emu, kind, name)!
  expect({
    etag: run.outputs.etag,
    'live-etag': run.outputs['live-etag'],
    status: run.outputs.status
  }).toEqual({ etag: fn.development.etag, 'live-etag': fn.live?.etag ?? '', status: fn.status })
}

describe('an endpoint that accepts the request and never answers', () => {
  it('fails the step in well under the job timeout, naming the operation and the endpoint', async () => {
    await seedFunction(h, 'silent', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    h.emu.injectFault({ type: 'stall', operation: 'DescribeFunction', count: 100 })
    const run = await h.run(h.workspace(), { name: 'silent', code: 'function-v2.js' })
    expectExit(run, 1)
    // Three attempts of 10 s each plus back-off: about 30-40 s, never the job's timeout.
    expect(run.durationMs).toBeLessThan(60_000)
    const failure = run.stdout.split('\n').find(line => line.startsWith('::error::')) ?? ''
    expect(failure).toContain('DescribeFunction')
    expect(failure).toContain(h.emu.url)
    expect(failure).toMatch(/did not answer/)
    // Nothing was written, and the run says so.
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    expect(stored(h.emu, 'function', 'silent')!.development.code).toBe(fixture('function-v1.js'))
  }, 120_000)
})

describe('a write that CloudFront never answers', () => {
  it('is reported as unknown, never as nothing changed, and LIVE is not claimed unchanged', async () => {
    await seedFunction(h, 'unanswered', fixture('function-v1.js'), { publish: true })
    h.emu.clearRequestLog()
    // Every attempt is held past the client's timeout; the emulator applies it later.
    h.emu.injectFault({ type: 'stall', operation: 'PublishFunction', ms: 40_000, count: 3 })
    const run = await h.run(h.workspace(), {
      name: 'unanswered',
      code: 'function-v2.js',
      publish: 'true'
    })
    expectExit(run, 1)
    const failure = run.stdout.split('\n').find(line => line.startsWith('::error::')) ?? ''
    expect(failure).toContain('PublishFunction')
    expect(failure).toContain('The outcome of PublishFunction is unknown')
    expect(failure).toContain('Before failing, this run updated its DEVELOPMENT stage')
    expect(failure).not.toContain('LIVE was not changed')
    expect(failure).not.toContain('Nothing was changed')
    expect(run.outputs.published).toBe('false')
  }, 120_000)
})

describe('a GitHub API that accepts the request and never answers', () => {
  it('costs the pull-request comment, not the step: a warning within seconds, the deploy stands', async () => {
    const github = await startGitHubApiStub({ stall: true })
    try {
      const ws = h.workspace()
      const event = join(ws, 'event.json')
      writeFileSync(event, JSON.stringify({ pull_request: { number: 7 }, number: 7 }))
      const run = await h.run(
        ws,
        {
          name: 'silent-github',
          code: 'function-v1.js',
          'comment-on-pr': 'true',
          'github-token': 'ghs_e2eSilentGitHubToken0123456789'
        },
        {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_REPOSITORY: 'owner/repo',
          GITHUB_API_URL: github.url
        }
      )
      expectExit(run, 0)
      expect(run.durationMs).toBeLessThan(60_000)
      expect(run.stdout).toMatch(
        /::warning::The pull-request comment could not be written: .*GitHub did not answer within 10 s/
      )
      expect(github.requests().length).toBeGreaterThan(0)
      expect(run.outputs.created).toBe('true')
      expect(stored(h.emu, 'function', 'silent-github')).toBeDefined()
    } finally {
      await github.close()
    }
  }, 120_000)
})

describe('a run killed with SIGKILL after its first write', () => {
  /**
   * Starts the action with latency on every request, holds its next `holdAt` request without
   * an answer once `afterWrite` has been answered, and kills the process there.
   */
  async function killAfter(
    afterWrite: string,
    holdAt: string,
    inputs: Record<string, string>
  ): Promise<ActionRun> {
    h.emu.setLatency(50)
    const running = startAction({ inputs, endpoint: h.emu.url, workspace: h.workspace() })
    const answered = () =>
      h.emu.requestLog().findIndex(entry => entry.operation === afterWrite && entry.status >= 200)
    await waitFor(() => answered() >= 0, `the answer to ${afterWrite}`)
    // Faults fire after the latency, so the request that follows the write is still held.
    h.emu.injectFault({ type: 'stall', operation: holdAt })
    // The fault is spent once it holds a request: the run is stuck there, mid-run.
    await waitFor(() => h.emu.faults().length === 0, `${holdAt} after ${afterWrite}`)
    const held = h.emu
      .requestLog()
      .findIndex(entry => entry.operation === holdAt && entry.status === 0)
    expect(held).toBeGreaterThan(answered())
    running.child.kill('SIGKILL')
    const killed = await running.done
    h.emu.setLatency(0)
    h.emu.clearFaults()
    h.emu.clearRequestLog()
    return killed
  }

  it('updated but not published: the re-run publishes it and says so', async () => {
    await seedFunction(h, 'killed-update', fixture('function-v2.js'), { publish: true })
    const inputs = {
      name: 'killed-update',
      code: 'function-v1.js',
      'test-events': 'tests/function-v1.json',
      publish: 'true'
    }
    const killed = await killAfter('UpdateFunction', 'TestFunction', inputs)
    expect(killed.exitCode).not.toBe(0)
    const between = stored(h.emu, 'function', 'killed-update')!
    expect(between.development.code).toBe(fixture('function-v1.js'))
    expect(between.live?.code).toBe(fixture('function-v2.js'))

    const rerun = await h.run(h.workspace(), inputs)
    expectExit(rerun, 0)
    // DEVELOPMENT already holds the declared version: no second update, a test and a publish.
    expect(writeOperations(h.emu.requestLog())).toEqual(['PublishFunction'])
    expect(rerun.outputs).toMatchObject({ published: 'true', changed: 'true', created: 'false' })
    const fn = stored(h.emu, 'function', 'killed-update')!
    expect(fn.live?.code).toBe(fixture('function-v1.js'))
    expect(fn.live?.etag).toBe(fn.development.etag)
    expectOutputsMatchEmulator(rerun, 'function', 'killed-update')
  })

  it('created but not tested: the re-run tests and publishes it, and did not create it', async () => {
    const inputs = {
      name: 'killed-create',
      code: 'function-v1.js',
      'test-events': 'tests/function-v1.json',
      publish: 'true'
    }
    await killAfter('CreateFunction', 'TestFunction', inputs)
    expect(stored(h.emu, 'function', 'killed-create')!.live).toBeUndefined()

    const rerun = await h.run(h.workspace(), inputs)
    expectExit(rerun, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual(['PublishFunction'])
    expect(rerun.outputs).toMatchObject({ created: 'false', published: 'true', changed: 'true' })
    expect(h.emu.state().functions).toHaveLength(1)
    expectOutputsMatchEmulator(rerun, 'function', 'killed-create')
  })

  it('published, killed while waiting out PUBLISHING: the re-run waits, writes nothing', async () => {
    await seedConnectionFunction(h, 'killed-publishing', fixture('connection-v2.js'))
    const inputs = {
      name: 'killed-publishing',
      type: 'connection-function',
      code: 'connection-v1.js',
      publish: 'true'
    }
    h.emu.setPublishingDelay(2500)
    // Held at the first read of the wait: the publish itself went through.
    await killAfter('PublishConnectionFunction', 'DescribeConnectionFunction', inputs)
    expect(stored(h.emu, 'connection-function', 'killed-publishing')!.status).toBe('PUBLISHING')

    const rerun = await h.run(h.workspace(), inputs)
    expectExit(rerun, 0)
    expect(writeOperations(h.emu.requestLog())).toEqual([])
    // The first run published; this one did not, and says so.
    expect(rerun.outputs).toMatchObject({ published: 'false', changed: 'false' })
    expect(rerun.outputs.status).not.toBe('PUBLISHING')
    expectOutputsMatchEmulator(rerun, 'connection-function', 'killed-publishing')
    expect(output(rerun)).not.toMatch(/::error::/)
  })
})
