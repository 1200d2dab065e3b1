// Offline mode: the store data file, every function's cases in the embedded runtime, and the
// local runner that stands where TestFunction stands in a deploy.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { recordingLog } from '../../__fixtures__/cloudfront.js'
import type { Job } from '../../src/deploy/orchestrate.js'
import { InputError } from '../../src/errors.js'
import type { FunctionInputs } from '../../src/inputs/parse.js'
import type { TestCase } from '../../src/testing/cases.js'
import {
  ESTIMATE_ATTEMPTS,
  loadStoreData,
  MAX_STORE_DATA_BYTES,
  OFFLINE_NOTE,
  steadyEstimates,
  testAllOffline
} from '../../src/testing/offline.js'
import { localRunner, type FunctionRunner } from '../../src/testing/runner.js'
import { withoutEmptyGroups, type Log } from '../../src/report/log.js'
import type { FunctionKind, Runtime } from '../../src/types.js'

let workspace: string
let runnerTemp: string

beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'offline-ws-'))
  runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'offline-temp-'))
})
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
  rmSync(runnerTemp, { recursive: true, force: true })
})

function file(name: string, text: string, root = workspace): string {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
  writeFileSync(path.join(root, name), text)
  return name
}

function loadError(name: string): InputError {
  try {
    loadStoreData(name, { workspace, runnerTemp })
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`${name} loaded`)
}

describe('loadStoreData', () => {
  it('gives no store without a path', () => {
    expect(loadStoreData('', { workspace })).toBeUndefined()
  })

  it('reads one object of keys and values: the single store every cf.kvs() reads', () => {
    file('store.json', '{"/old": "/new", "/rule": {"target": "/x", "status": 302}}')
    expect(loadStoreData('store.json', { workspace })).toEqual({
      mode: 'single',
      store: { keys: { '/old': '/new', '/rule': { target: '/x', status: 302 } } }
    })
  })

  it('reads a file an earlier step wrote to RUNNER_TEMP', () => {
    file('generated.json', '{"k": "v"}', runnerTemp)
    const data = loadStoreData(path.join(runnerTemp, 'generated.json'), { workspace, runnerTemp })
    expect(data).toEqual({ mode: 'single', store: { keys: { k: 'v' } } })
  })

  it('refuses invalid JSON with an annotation at its line and column, quoting nothing', () => {
    file('broken.json', '{\n  "/old": "/new",\n  "/secret-path" "/x"\n}\n')
    const error = loadError('broken.json')
    expect(error.input).toBe('offline-store-data')
    expect(error.message).toMatch(
      /^Input 'offline-store-data': broken\.json is not valid JSON: .+ at line 3, column \d+\. Fix the file's syntax\.$/
    )
    expect(error.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        title: 'Invalid store data JSON',
        file: 'broken.json',
        line: 3
      })
    ])
    expect(JSON.stringify(error.annotations)).not.toContain('secret-path')
    expect(error.message).not.toContain('secret-path')
  })

  it.each([
    ['an array', '["/old", "/new"]'],
    ['a string', '"/old"'],
    ['null', 'null']
  ])('refuses %s: the file must hold one object', (_what, text) => {
    file('not-object.json', text)
    expect(loadError('not-object.json').message).toBe(
      `Input 'offline-store-data': not-object.json must hold one JSON object of keys and their values, like {"/old": "/new"}.`
    )
  })

  it('refuses a file larger than a store may be, before reading it', () => {
    const name = file('huge.json', '')
    truncateSync(path.join(workspace, name), MAX_STORE_DATA_BYTES + 1)
    const error = loadError(name)
    expect(error.input).toBe('offline-store-data')
    expect(error.message).toContain('A key value store holds at most 5 MB')
  })

  it('refuses a missing file and a file outside the job', () => {
    expect(loadError('missing.json').message).toContain("'missing.json' does not exist")
    const outside = mkdtempSync(path.join(os.tmpdir(), 'offline-outside-'))
    try {
      writeFileSync(path.join(outside, 'store.json'), '{}')
      expect(loadError(path.join(outside, 'store.json')).input).toBe('offline-store-data')
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
})

/** A viewer-request event for `uri`. */
function event(uri: string): unknown {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '198.51.100.1' },
    request: { method: 'GET', uri, headers: {} }
  }
}

function testCase(name: string, overrides: Partial<TestCase> = {}): TestCase {
  return { name, file: `tests/${name}.json`, event: event(`/${name}`), ...overrides }
}

const REWRITE = `function handler(event) {
  var request = event.request
  console.log('seen ' + request.uri)
  if (request.uri === '/boom') throw new Error('boom')
  request.uri = '/index.html'
  return request
}
`

function job(
  name: string,
  code: string,
  cases: TestCase[],
  overrides: { kind?: FunctionKind; runtime?: Runtime; maxComputeUtilization?: number } = {}
): Job {
  const kind = overrides.kind ?? 'function'
  const runtime = overrides.runtime ?? 'cloudfront-js-2.0'
  return {
    fn: {
      name,
      kind,
      runtime,
      maxComputeUtilization: overrides.maxComputeUtilization ?? 100
    } as FunctionInputs,
    desired: {
      kind,
      name,
      code: Buffer.from(code),
      config: { comment: '', runtime, keyValueStoreArns: [] },
      tags: undefined,
      publish: false
    },
    testCases: cases
  }
}

/** A log that records groups too, as the runner shows them. */
function groupLog(): Log & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    info: message => calls.push(message),
    warning: message => calls.push(`warning: ${message}`),
    startGroup: title => calls.push(`::group::${title}`),
    endGroup: () => calls.push('::endgroup::')
  }
}

describe('testAllOffline', () => {
  it('runs every case in the local runtime and says so', async () => {
    const log = groupLog()
    const [outcome] = await testAllOffline(
      [
        job('rewrite', REWRITE, [testCase('docs', { expect: { request: { uri: '/index.html' } } })])
      ],
      { maxParallel: 4, stores: undefined, log }
    )
    expect(outcome.failure).toBeUndefined()
    expect(outcome.held).toBe(false)
    expect(outcome.reference).toBeUndefined()
    const result = outcome.result!
    expect(result.tests).toEqual([
      expect.objectContaining({
        name: 'docs',
        file: 'tests/docs.json',
        passed: true,
        failures: [],
        logs: ['seen /docs']
      })
    ])
    // Nothing was planned or written: there is no CloudFront in an offline run.
    expect(result.firstPlan.changes).toEqual([])
    expect(result).toMatchObject({ created: false, updated: false, published: false })
    expect(result.before).toBeUndefined()
    expect(result.after).toBeUndefined()
    expect(result.notes).toEqual([OFFLINE_NOTE])
    expect(log.calls[0]).toBe(OFFLINE_NOTE)
    expect(log.calls.slice(1)).toEqual([
      '::group::Test locally (1 case)',
      expect.stringMatching(/^PASS docs \(compute \d+%, estimated\)$/),
      '::endgroup::'
    ])
  })

  it('fails a function whose case fails, naming how many, and runs the others anyway', async () => {
    const log = recordingLog()
    const outcomes = await testAllOffline(
      [
        job('broken', REWRITE, [testCase('docs'), testCase('boom')]),
        job('fine', REWRITE, [testCase('docs')])
      ],
      { maxParallel: 1, stores: undefined, log }
    )
    expect(outcomes.map(outcome => outcome.fn.name)).toEqual(['broken', 'fine'])
    expect(outcomes[0].failure).toBe('1 of 2 test cases failed in the local runtime.')
    expect(outcomes[0].result!.tests.map(test => [test.name, test.passed])).toEqual([
      ['docs', true],
      ['boom', false]
    ])
    expect(outcomes[0].result!.tests[1].failures).toEqual(['the function threw: Error: boom'])
    expect(outcomes[1].failure).toBeUndefined()
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        /^FAIL boom \(compute \d+%, estimated\)\n {2}the function threw: Error: boom$/
      )
    )
  })

  it('keeps the log of each function together when several run at once', async () => {
    const log = groupLog()
    await testAllOffline(
      [
        job('first', REWRITE, [testCase('a'), testCase('b')]),
        job('second', REWRITE, [testCase('c')])
      ],
      { maxParallel: 2, stores: undefined, log }
    )
    const titles = log.calls.filter(call => call.startsWith('::group::'))
    expect(titles.sort()).toEqual([
      '::group::first: Test locally (2 cases)',
      '::group::second: Test locally (1 case)'
    ])
    // Each group holds its own function's lines, and only those.
    const first = log.calls.indexOf('::group::first: Test locally (2 cases)')
    expect(log.calls.slice(first + 1, first + 4)).toEqual([
      expect.stringMatching(/^PASS a /),
      expect.stringMatching(/^PASS b /),
      '::endgroup::'
    ])
  })

  it('applies max-compute-utilization to the estimate', async () => {
    const busy = `function handler(event) {
  var total = 0
  for (var i = 0; i < 3000000; i++) total = (total + i * 7) % 1000003
  event.request.headers['x-total'] = { value: String(total) }
  return event.request
}
`
    const [outcome] = await testAllOffline(
      [job('busy', busy, [testCase('spin')], { maxComputeUtilization: 5 })],
      { maxParallel: 1, stores: undefined, log: recordingLog() }
    )
    const [test] = outcome.result!.tests
    expect(test.computeUtilization).toBeGreaterThan(5)
    expect(test.failures).toEqual([
      `compute utilization ${test.computeUtilization}% is over max-compute-utilization 5%`
    ])
    expect(outcome.failure).toBe('1 of 1 test case failed in the local runtime.')
  })

  it('gives the code the store data to read', async () => {
    const code = `import cf from 'cloudfront'
const kvs = cf.kvs()
async function handler(event) {
  const target = await kvs.get(event.request.uri)
  return { statusCode: 302, headers: { location: { value: target } } }
}
`
    const [outcome] = await testAllOffline(
      [
        job('redirects', code, [
          testCase('old', {
            event: event('/old'),
            expect: { response: { statusCode: 302, headers: { location: { value: '/new' } } } }
          })
        ])
      ],
      {
        maxParallel: 1,
        stores: { mode: 'single', store: { keys: { '/old': '/new' } } },
        log: recordingLog()
      }
    )
    expect(outcome.result!.tests[0]).toMatchObject({ passed: true, failures: [] })
  })

  it('reports a function without cases as tested, without opening a group for nothing', async () => {
    const log = groupLog()
    const [outcome] = await testAllOffline([job('bare', REWRITE, [])], {
      maxParallel: 1,
      stores: undefined,
      log: withoutEmptyGroups(log)
    })
    expect(outcome.failure).toBeUndefined()
    expect(outcome.result!.tests).toEqual([])
    expect(log.calls).toEqual([OFFLINE_NOTE])
  })
})

describe('steadyEstimates', () => {
  /** A runner that answers these compute estimates in turn, and counts its runs. */
  function scripted(estimates: number[]): FunctionRunner & { runs: number } {
    const runner = {
      runs: 0,
      run: async () => {
        const computeUtilization = estimates[Math.min(runner.runs, estimates.length - 1)]
        runner.runs++
        return { computeUtilization, logs: [`run ${runner.runs}`], errorMessage: '', output: '{}' }
      }
    }
    return runner
  }

  it('runs a case under the limit once', async () => {
    const runner = scripted([12])
    const outcome = await steadyEstimates(runner, 80).run({})
    expect(outcome.computeUtilization).toBe(12)
    expect(runner.runs).toBe(1)
  })

  it('runs a case over the limit again, keeping the run with the lowest estimate', async () => {
    const runner = scripted([100, 14])
    const outcome = await steadyEstimates(runner, 80).run({})
    expect(outcome).toEqual({
      computeUtilization: 14,
      logs: ['run 2'],
      errorMessage: '',
      output: '{}'
    })
    expect(runner.runs).toBe(2)
  })

  it(`stops after ${ESTIMATE_ATTEMPTS} runs of a function that stays over the limit`, async () => {
    const runner = scripted([100, 95, 97, 10])
    const outcome = await steadyEstimates(runner, 80).run({})
    expect(outcome.computeUtilization).toBe(95)
    expect(outcome.logs).toEqual(['run 2'])
    expect(runner.runs).toBe(ESTIMATE_ATTEMPTS)
  })
})

describe('localRunner', () => {
  it('answers as TestFunction does: output as JSON text, logs and compute', async () => {
    const runner = localRunner({
      kind: 'function',
      runtime: 'cloudfront-js-2.0',
      code: Buffer.from(REWRITE),
      stores: undefined
    })
    const outcome = await runner.run(event('/docs'))
    expect(outcome.errorMessage).toBe('')
    expect(JSON.parse(outcome.output)).toEqual({
      request: { method: 'GET', uri: '/index.html', querystring: {}, headers: {}, cookies: {} }
    })
    expect(outcome.logs).toEqual(['seen /docs'])
    expect(outcome.computeUtilization).toBeGreaterThanOrEqual(0)
    expect(outcome.computeUtilization).toBeLessThanOrEqual(100)
  })

  it('answers a thrown error in errorMessage, with no output', async () => {
    const runner = localRunner({
      kind: 'function',
      runtime: 'cloudfront-js-2.0',
      code: Buffer.from(REWRITE),
      stores: undefined
    })
    const outcome = await runner.run(event('/boom'))
    expect(outcome.errorMessage).toBe('Error: boom')
    expect(outcome.output).toBe('')
    expect(outcome.logs).toEqual(['seen /boom'])
  })

  it('runs the declared kind and runtime', async () => {
    const connection = localRunner({
      kind: 'connection-function',
      runtime: 'cloudfront-js-2.0',
      code: Buffer.from('function connectionHandler(connection) { connection.deny() }\n'),
      stores: undefined
    })
    const denied = await connection.run({ connectionId: 'c-1', clientIp: '198.51.100.7' })
    expect(JSON.parse(denied.output)).toEqual({ action: 'deny' })

    // cloudfront-js-1.0 has the byte string helpers; 2.0 does not.
    const code = Buffer.from(
      `function handler(event) {
  event.request.headers['x-bytes'] = { value: typeof String.bytesFrom }
  return event.request
}
`
    )
    for (const [runtime, expected] of [
      ['cloudfront-js-1.0', 'function'],
      ['cloudfront-js-2.0', 'undefined']
    ] as const) {
      const outcome = await localRunner({ kind: 'function', runtime, code, stores: undefined }).run(
        event('/')
      )
      expect(JSON.parse(outcome.output).request.headers['x-bytes']).toEqual({ value: expected })
    }
  })
})
