// Realistic functions (__tests__/fixtures/real-world/<case>/: function.js, case.json
// {"kind", "runtime", "stores"?} and tests/*.json) through the bundled action, twice: deployed
// to the emulator with their test cases as the test gate (the store created and filled through
// the emulator first), and offline, with the store's keys in offline-store-data and no AWS
// variable at all. Both must pass every case; the offline run sends no request.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runOffline } from '../fixtures/offline/run-offline.js'
import {
  createStore,
  describeRun,
  expectExit,
  FIXTURES,
  operations,
  resetEmulator,
  startHarness,
  stored,
  type Harness
} from './helpers.js'

const ROOT = resolve(FIXTURES, '../real-world')

interface CaseConfig {
  kind: 'function' | 'connection-function'
  runtime: 'cloudfront-js-1.0' | 'cloudfront-js-2.0'
  stores?: Record<string, unknown>
}

interface RealWorldCase {
  id: string
  config: CaseConfig
  code: string
  /** Case file name → its text. */
  tests: Record<string, string>
  /** The case names, in the order the action runs them (file name order). */
  names: string[]
}

const CASES: RealWorldCase[] = readdirSync(ROOT, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort()
  .map(id => {
    const dir = join(ROOT, id)
    const files = readdirSync(join(dir, 'tests'))
      .filter(file => file.endsWith('.json'))
      .sort()
    const tests = Object.fromEntries(
      files.map(file => [file, readFileSync(join(dir, 'tests', file), 'utf8')])
    )
    return {
      id,
      config: JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseConfig,
      code: readFileSync(join(dir, 'function.js'), 'utf8'),
      tests,
      names: files.map(file => (JSON.parse(tests[file]) as { name: string }).name)
    }
  })

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(() => resetEmulator(h))
afterAll(async () => {
  await h.close()
})

/** A workspace holding the case's function, its test cases and its store data under case/. */
function workspace(testCase: RealWorldCase): string {
  const files: Record<string, string> = { 'case/function.js': testCase.code }
  for (const [file, text] of Object.entries(testCase.tests)) files[`case/tests/${file}`] = text
  if (testCase.config.stores) {
    files['case/store-data.json'] = JSON.stringify(testCase.config.stores)
  }
  return h.workspace(files)
}

interface Result {
  name: string
  passed: boolean
  failures: string[]
  computeUtilization: number
}

function results(json: string | undefined): Result[] {
  return JSON.parse(json ?? 'null') as Result[]
}

it('covers a varied set of functions', () => {
  const kinds = new Set(CASES.map(c => c.config.kind))
  const runtimes = new Set(CASES.map(c => c.config.runtime))
  expect(CASES.length).toBeGreaterThanOrEqual(10)
  expect([...kinds].sort()).toEqual(['connection-function', 'function'])
  expect([...runtimes].sort()).toEqual(['cloudfront-js-1.0', 'cloudfront-js-2.0'])
  expect(CASES.filter(c => c.config.stores).length).toBeGreaterThanOrEqual(2)
})

describe.each(CASES.map(c => [c.id, c] as const))('%s', (_id, testCase) => {
  const { kind, runtime, stores } = testCase.config
  const name = `rw-${testCase.id}`.slice(0, 64)

  it('passes its test gate in the emulator and is published', async () => {
    const ws = workspace(testCase)
    let storeInput = ''
    let storeArn: string | undefined
    if (stores) {
      storeInput = `${name}-store`
      storeArn = await createStore(h, storeInput)
      for (const [key, value] of Object.entries(stores)) {
        h.emu.putKeyValue(
          storeInput,
          key,
          typeof value === 'string' ? value : JSON.stringify(value)
        )
      }
    }
    h.emu.clearRequestLog()
    const run = await h.run(ws, {
      name,
      type: kind,
      runtime,
      code: 'case/function.js',
      'key-value-stores': storeInput,
      'test-events': 'case/tests/*.json',
      publish: 'true'
    })
    expectExit(run, 0)
    const tested = results(run.outputs['test-results'])
    expect(tested.map(test => test.name)).toEqual(testCase.names)
    for (const test of tested) expect(test).toMatchObject({ passed: true, failures: [] })
    const testOperation = kind === 'function' ? 'TestFunction' : 'TestConnectionFunction'
    expect(operations(h.emu.requestLog()).filter(op => op === testOperation)).toHaveLength(
      testCase.names.length
    )
    expect(run.outputs).toMatchObject({ created: 'true', published: 'true' })
    const fn = stored(h.emu, kind, name)!
    expect(fn.live?.code).toBe(testCase.code)
    expect(fn.live?.config).toEqual({
      comment: '',
      runtime,
      keyValueStoreArns: storeArn ? [storeArn] : []
    })
    expect(run.summary).toContain(
      `**Tests:** ${testCase.names.length} of ${testCase.names.length} case${testCase.names.length === 1 ? '' : 's'} passed`
    )
  })

  it('passes every case offline, with no AWS variable and no request', async () => {
    const ws = workspace(testCase)
    const run = await runOffline(ws, {
      name,
      type: kind,
      runtime,
      code: 'case/function.js',
      // Declared as for a deploy (the guard against a forgotten store applies), not looked up.
      'key-value-stores': stores ? `${name}-store` : '',
      'offline-store-data': stores ? 'case/store-data.json' : '',
      'test-events': 'case/tests/*.json',
      offline: 'true'
    })
    if (run.exitCode !== 0) throw new Error(describeRun(run))
    expect(run.variables.filter(variable => variable.startsWith('AWS_'))).toEqual([])
    expect(h.emu.requestLog()).toEqual([])
    const tested = results(run.outputs['test-results'])
    expect(tested.map(test => test.name)).toEqual(testCase.names)
    for (const test of tested) expect(test).toMatchObject({ passed: true, failures: [] })
    expect(run.outputs).toMatchObject({ changed: 'false', published: 'false', created: 'false' })
    expect(run.summary).toContain(
      `tested offline, ${testCase.names.length} of ${testCase.names.length} case`
    )
  })
})
