// Everything checked before the first request, for every function of a run; with a manifest,
// a problem with one entry's code or test cases names the manifest, the entry and the key.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { prepareAll } from '../../../src/deploy/prepare.js'
import { InputError } from '../../../src/errors.js'
import type { FunctionInputs, RunInputs } from '../../../src/inputs/parse.js'

let workspace: string

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'prepare-all-'))
  mkdirSync(join(workspace, 'functions'))
  mkdirSync(join(workspace, 'tests'))
  writeFileSync(
    join(workspace, 'functions/a.js'),
    'function handler(event) {\n  return event.request\n}\n'
  )
  writeFileSync(
    join(workspace, 'functions/uses-const.js'),
    'function handler(event) {\n  const request = event.request\n  return request\n}\n'
  )
  writeFileSync(
    join(workspace, 'functions/kvs.js'),
    "import cf from 'cloudfront'\nconst store = cf.kvs()\nasync function handler(event) {\n  await store.exists('x')\n  return event.request\n}\n"
  )
  writeFileSync(
    join(workspace, 'tests/a.json'),
    JSON.stringify({ name: 'passes', event: { request: { uri: '/' } } })
  )
})
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

function run(overrides: Partial<RunInputs> = {}): RunInputs {
  return {
    dryRun: false,
    delete: false,
    offline: false,
    offlineStoreData: '',
    manifest: 'functions.yml',
    nameSuffix: '',
    maxParallel: 4,
    commentOnPr: false,
    githubToken: '',
    roots: { workspace },
    ...overrides
  }
}

function fn(name: string, overrides: Partial<FunctionInputs> = {}): FunctionInputs {
  return {
    name,
    kind: 'function',
    code: 'functions/a.js',
    runtime: 'cloudfront-js-2.0',
    comment: '',
    keyValueStores: [],
    tags: undefined,
    publish: true,
    testEvents: [],
    maxComputeUtilization: 80,
    diffAgainst: '',
    bundle: false,
    minify: false,
    ...overrides
  }
}

async function refusal(
  functions: FunctionInputs[],
  runInputs: RunInputs = run()
): Promise<InputError> {
  try {
    await prepareAll(functions, runInputs, undefined)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return error
  }
  throw new Error('prepareAll accepted every function')
}

describe('prepareAll', () => {
  it('prepares every function: its code, its test cases, its declared state', async () => {
    const prepared = await prepareAll(
      [fn('a', { testEvents: ['tests/a.json'] }), fn('b', { tags: { team: 'edge' } })],
      run(),
      undefined
    )
    expect(prepared.map(item => item.fn.name)).toEqual(['a', 'b'])
    expect(prepared[0].testCases.map(test => test.name)).toEqual(['passes'])
    expect(prepared[0].notes).toContain('Test gate: 1 test case loaded.')
    expect(prepared[1].desired).toMatchObject({ name: 'b', publish: true, tags: { team: 'edge' } })
    expect(prepared[1].desired.code.toString()).toContain('function handler')
  })

  it.each([
    [
      'a missing code file',
      { code: 'functions/missing.js' },
      "key 'code': 'functions/missing.js' does not exist"
    ],
    [
      'a test-events glob that matches nothing',
      { testEvents: ['tests/none/*.json'] },
      "key 'test-events': 'tests/none/*.json' matches no file"
    ],
    [
      'code the runtime refuses',
      { code: 'functions/uses-const.js', runtime: 'cloudfront-js-1.0' as const },
      "key 'code': functions/uses-const.js has 1 problem for cloudfront-js-1.0"
    ],
    [
      'code that reads a store the entry does not declare',
      { code: 'functions/kvs.js' },
      "key 'key-value-stores': functions/kvs.js reads a key value store"
    ]
  ])('names the manifest, the entry and the key for %s', async (_label, overrides, message) => {
    const error = await refusal([fn('a'), fn('b'), fn('c', overrides)])
    expect(error.input).toBe('functions')
    expect(error.message).toContain(
      `Input 'functions': functions.yml: functions[2] (c): ${message}`
    )
    expect(error.subject).toEqual({ kind: 'function', name: 'c' })
  })

  it('keeps the annotations on the source line', async () => {
    const error = await refusal([
      fn('a', { code: 'functions/uses-const.js', runtime: 'cloudfront-js-1.0' })
    ])
    expect(error.annotations).toEqual([
      expect.objectContaining({ file: 'functions/uses-const.js', line: 2, level: 'error' })
    ])
  })

  it('names the declared entry, and the deployed name as the subject, with a suffix', async () => {
    const error = await refusal(
      [fn('a-pr-3'), fn('b-pr-3', { code: 'functions/missing.js' })],
      run({ nameSuffix: '-pr-3' })
    )
    expect(error.message).toContain("functions.yml: functions[1] (b): key 'code':")
    expect(error.subject).toEqual({ kind: 'function', name: 'b-pr-3' })
  })

  it('reports the input itself without a manifest', async () => {
    const error = await refusal([fn('a', { code: 'functions/missing.js' })], run({ manifest: '' }))
    expect(error.input).toBe('code')
    expect(error.message).toMatch(/^Input 'code': 'functions\/missing\.js' does not exist/)
    expect(error.subject).toEqual({ kind: 'function', name: 'a' })
  })

  it('leaves a run-wide input error as it is', async () => {
    const error = await refusal(
      [fn('a', { code: 'functions/kvs.js', keyValueStores: ['redirects'], publish: false })],
      run({ offline: true })
    )
    expect(error.input).toBe('offline-store-data')
    expect(error.subject).toEqual({ kind: 'function', name: 'a' })
  })

  it('reads no code when the run deletes', async () => {
    const prepared = await prepareAll(
      [fn('a', { code: '' }), fn('b', { code: '' })],
      run({ delete: true }),
      undefined
    )
    expect(prepared.map(item => item.code)).toEqual([undefined, undefined])
    expect(prepared.map(item => item.testCases)).toEqual([[], []])
  })
})
