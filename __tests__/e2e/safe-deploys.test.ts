// The test gate, compute budgets, dry runs and the job summary: nothing reaches
// LIVE unless DEVELOPMENT passed, and a dry run writes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  expectExit,
  fixture,
  operations,
  output,
  seedFunction,
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

/** A viewer-request event for `uri`, with a host header. */
function viewerRequest(uri: string): unknown {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '198.51.100.1' },
    request: {
      method: 'GET',
      uri,
      querystring: {},
      headers: { host: { value: 'example.com' } },
      cookies: {}
    }
  }
}

const V2_CASES = JSON.stringify([
  {
    name: 'marks the request as version 2',
    event: viewerRequest('/index.html'),
    expect: { request: { headers: { 'x-version': { value: '2' } } } }
  },
  {
    name: 'redirects /old',
    event: viewerRequest('/old'),
    expect: { response: { statusCode: 301, headers: { location: { value: '/new' } } } }
  }
])

describe('test gate', () => {
  it('a failing case updates DEVELOPMENT, leaves LIVE alone and names the case', async () => {
    const liveEtag = await seedFunction(h, 'gated', fixture('function-v1.js'), { publish: true })
    h.emu.clearRequestLog()
    // The cases expect version 1; the code is version 2.
    const run = await h.run(h.workspace(), {
      name: 'gated',
      code: 'function-v2.js',
      'test-events': 'tests/function-v1.json',
      publish: 'true'
    })
    expectExit(run, 1)
    const fn = stored(h.emu, 'function', 'gated')!
    expect(fn.development.code).toBe(fixture('function-v2.js'))
    expect(fn.live?.etag).toBe(liveEtag)
    expect(fn.live?.code).toBe(fixture('function-v1.js'))
    expect(writeOperations(h.emu.requestLog())).toEqual(['UpdateFunction'])
    expect(operations(h.emu.requestLog()).filter(op => op === 'TestFunction')).toHaveLength(2)

    const text = output(run)
    expect(text).toContain('1 of 2 test cases failed, so nothing was published')
    expect(text).toContain('marks the request as version 1 (tests/function-v1.json)')
    expect(text).toContain('output $.request.headers["x-version"].value: expected "1", got "2"')
    expect(text).toContain('Before failing, this run updated its DEVELOPMENT stage')
    expect(text).toContain('LIVE was not changed')

    expect(run.outputs).toMatchObject({
      published: 'false',
      changed: 'true',
      etag: fn.development.etag,
      'live-etag': liveEtag
    })
    const results = JSON.parse(run.outputs['test-results'])
    expect(results).toEqual([
      expect.objectContaining({ name: 'marks the request as version 1', passed: false }),
      expect.objectContaining({ name: 'keeps the uri', passed: true })
    ])
    expect(run.summary).toContain('❌ fail')
    expect(run.summary).toContain('**Tests:** 1 of 2 cases passed')
  })

  it.each([
    {
      type: 'function',
      code: 'function-v1.js',
      cases: 'tests/function-v1.json',
      names: ['marks the request as version 1', 'keeps the uri'],
      test: 'TestFunction',
      publish: 'PublishFunction'
    },
    {
      type: 'connection-function',
      code: 'connection-v1.js',
      cases: 'tests/connection-allow.json',
      names: ['allows a plain connection'],
      test: 'TestConnectionFunction',
      publish: 'PublishConnectionFunction'
    }
  ])('passing cases publish a $type and are listed in test-results', async kind => {
    const run = await h.run(h.workspace(), {
      name: 'passing',
      type: kind.type,
      code: kind.code,
      'test-events': kind.cases,
      publish: 'true'
    })
    expectExit(run, 0)
    const fn = stored(h.emu, kind.type as 'function' | 'connection-function', 'passing')!
    expect(fn.live?.etag).toBe(fn.development.etag)
    expect(run.outputs.published).toBe('true')
    const log = operations(h.emu.requestLog())
    // Tested before published.
    expect(log.lastIndexOf(kind.test)).toBeLessThan(log.indexOf(kind.publish))
    const results = JSON.parse(run.outputs['test-results']) as {
      name: string
      passed: boolean
      computeUtilization: number
    }[]
    expect(results.map(result => result.name)).toEqual(kind.names)
    for (const result of results) {
      expect(result.passed).toBe(true)
      expect(typeof result.computeUtilization).toBe('number')
    }
    for (const name of kind.names) expect(run.summary).toContain(`| ${name} | ✅ pass |`)
  })

  it.each([
    {
      what: 'a tiny compute budget',
      setup: () => h.emu.setComputeBudget(0.0001),
      code: 'function-v1.js',
      max: '80',
      cases: 'tests/function-v1.json'
    },
    {
      what: 'a busy function and a low max-compute-utilization',
      setup: () => undefined,
      code: 'busy.js',
      max: '10',
      cases: 'tests/no-host.json'
    }
  ])('compute over the limit ($what) is not published', async scenario => {
    scenario.setup()
    const run = await h.run(h.workspace(), {
      name: 'heavy',
      code: scenario.code,
      'test-events': scenario.cases,
      'max-compute-utilization': scenario.max,
      publish: 'true'
    })
    expectExit(run, 1)
    expect(output(run)).toMatch(
      new RegExp(`compute utilization \\d+% is over max-compute-utilization ${scenario.max}%`)
    )
    expect(output(run)).toContain('so nothing was published')
    const fn = stored(h.emu, 'function', 'heavy')!
    expect(fn.live).toBeUndefined()
    expect(writeOperations(h.emu.requestLog())).toEqual(['CreateFunction'])
    expect(run.outputs).toMatchObject({ published: 'false', created: 'true', 'live-etag': '' })
  })

  it('a function that throws is not published and the error is shown', async () => {
    const run = await h.run(h.workspace(), {
      name: 'thrower',
      code: 'throws.js',
      'test-events': 'tests/no-host.json',
      publish: 'true'
    })
    expectExit(run, 1)
    const text = output(run)
    expect(text).toContain('request without a host header (tests/no-host.json)')
    expect(text).toContain('the function threw: Error: boom: the request has no host header')
    expect(stored(h.emu, 'function', 'thrower')!.live).toBeUndefined()
    expect(writeOperations(h.emu.requestLog())).not.toContain('PublishFunction')
    const [result] = JSON.parse(run.outputs['test-results'])
    expect(result).toMatchObject({ name: 'request without a host header', passed: false })
  })
})

describe('dry run', () => {
  it('on create: reads only, reports the plan and the diff', async () => {
    const run = await h.run(h.workspace(), {
      name: 'dry-new',
      code: 'function-v1.js',
      comment: 'planned',
      tags: 'team=edge',
      publish: 'true',
      'test-events': 'tests/function-v1.json',
      'dry-run': 'true'
    })
    expectExit(run, 0)
    expect(h.emu.requestLog().length).toBeGreaterThan(0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(operations(h.emu.requestLog())).not.toContain('TestFunction')
    expect(h.emu.state().functions).toEqual([])

    expect(JSON.parse(run.outputs.plan)).toEqual({
      kind: 'function',
      name: 'dry-new',
      changes: [{ action: 'create' }, { action: 'publish' }]
    })
    const diff = run.outputs.diff
    expect(diff).toContain('--- code: /dev/null')
    expect(diff).toContain('+++ code: dry-new (inputs)')
    expect(diff).toMatch(/^@@ -0,0 \+1,\d+ @@/m)
    expect(diff).toContain("+  request.headers['x-version'] = { value: '1' }")
    expect(diff).toContain('+comment: planned')
    expect(diff).toContain('+team=edge')
    expect(run.outputs).toMatchObject({ changed: 'false', created: 'false', arn: '' })
    expect(run.stdout).toContain('Dry run: 2 test cases loaded but not run')
    expect(run.stdout).toContain('::group::Diff')
    expect(run.summary).toContain('dry run, changes pending')
    expect(run.summary).toContain('**Plan (dry run, nothing was written):**')
    expect(run.summary).toContain('- create the function')
  })

  it('on a code change: reads only, the diff shows the changed lines', async () => {
    const etag = await seedFunction(h, 'dry-change', fixture('function-v1.js'))
    const before = h.emu.state()
    h.emu.clearRequestLog()
    const run = await h.run(h.workspace(), {
      name: 'dry-change',
      code: 'function-v2.js',
      publish: 'true',
      'dry-run': 'true'
    })
    expectExit(run, 0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(h.emu.state()).toEqual(before)
    expect(JSON.parse(run.outputs.plan).changes).toEqual([
      { action: 'update', code: true, config: [] },
      { action: 'publish' }
    ])
    const diff = run.outputs.diff
    expect(diff).toContain('--- code: dry-change (DEVELOPMENT)')
    expect(diff).toContain('+++ code: dry-change (inputs)')
    expect(diff).toContain("-  request.headers['x-version'] = { value: '1' }")
    expect(diff).toContain("+  request.headers['x-version'] = { value: '2' }")
    // Never published: LIVE would get all of it, so the diff shows LIVE as empty too.
    expect(diff).toContain('--- code: /dev/null\n+++ code: dry-change (inputs)')
    expect(diff).not.toContain('config: dry-change (DEVELOPMENT)')
    expect(run.outputs).toMatchObject({
      changed: 'false',
      'has-changes': 'true',
      etag,
      published: 'false'
    })
    expect(run.summary).toContain('dry run, changes pending')
    expect(run.summary).toContain('```diff')
  })

  it('with nothing to change: no diff, the summary says so', async () => {
    await seedFunction(h, 'dry-same', fixture('function-v1.js'))
    h.emu.clearRequestLog()
    const run = await h.run(h.workspace(), {
      name: 'dry-same',
      code: 'function-v1.js',
      'dry-run': 'true'
    })
    expectExit(run, 0)
    expect(writes(h.emu.requestLog())).toEqual([])
    expect(run.outputs.diff).toBe('')
    expect(JSON.parse(run.outputs.plan).changes).toEqual([])
    expect(run.summary).toContain('dry run, no changes')
  })
})

describe('job summary', () => {
  it('after a deploy: function, kind, ARN, ETags before and after, tests, diff', async () => {
    const before = await seedFunction(h, 'summarized', fixture('function-v1.js'), {
      publish: true
    })
    h.emu.clearRequestLog()
    const run = await h.run(h.workspace({ 'tests/v2.json': V2_CASES }), {
      name: 'summarized',
      code: 'function-v2.js',
      'test-events': 'tests/v2.json',
      publish: 'true'
    })
    expectExit(run, 0)
    const fn = stored(h.emu, 'function', 'summarized')!
    const after = fn.development.etag
    expect(after).not.toBe(before)
    const summary = run.summary
    expect(summary).toContain('### CloudFront Function `summarized`: updated, published')
    const code = (text: string): string => `<code>${text}</code>`
    expect(summary).toContain(`| ARN | ${code(fn.arn)} | ${code(fn.arn)} |`)
    expect(summary).toContain(`| Status | ${code('UNASSOCIATED')} | ${code('UNASSOCIATED')} |`)
    expect(summary).toContain(`| DEVELOPMENT ETag | ${code(before)} | ${code(after)} |`)
    expect(summary).toContain(`| LIVE ETag | ${code(before)} | ${code(after)} |`)
    expect(summary).toContain('- update code')
    expect(summary).toContain('- publish DEVELOPMENT to LIVE')
    expect(summary).toContain('**Tests:** 2 of 2 cases passed')
    expect(summary).toContain('| marks the request as version 2 | ✅ pass |')
    expect(summary).toContain('| redirects /old | ✅ pass |')
    expect(summary).toMatch(
      /<details><summary>Diff<\/summary>\n\n```diff\n--- code: summarized \(DEVELOPMENT\)[\s\S]*\+ {2}request.headers\['x-version'\] = \{ value: '2' \}[\s\S]*```\n\n<\/details>/
    )
    expect(run.outputs['summary-markdown'].trim()).toBe(summary.trim())
  })

  it('for a connection function: the kind and its Id-based ARN', async () => {
    const run = await h.run(h.workspace(), {
      name: 'summarized-connection',
      type: 'connection-function',
      code: 'connection-v1.js'
    })
    expectExit(run, 0)
    const fn = stored(h.emu, 'connection-function', 'summarized-connection')!
    expect(run.summary).toContain(
      '### CloudFront Connection Function `summarized-connection`: created'
    )
    expect(run.summary).toContain(`| ARN | — | <code>${fn.arn}</code> |`)
    expect(run.summary).toContain(`| DEVELOPMENT ETag | — | <code>${fn.development.etag}</code> |`)
    expect(fn.arn).toContain(`:connection-function/${fn.id}`)
  })
})
