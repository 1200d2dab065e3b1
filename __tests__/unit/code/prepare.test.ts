// The code of a function passes every check before any request: it is read from inside the
// workspace, fits CloudFront's limit, suits its runtime, and declares the store it reads.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_CODE_BYTES, prepareCode } from '../../../src/code/prepare.js'
import { InputError } from '../../../src/errors.js'
import type { FunctionInputs } from '../../../src/inputs/parse.js'

let workspace: string

const KVS_CODE = `import cf from 'cloudfront'
const store = cf.kvs()
async function handler(event) {
  const target = await store.get(event.request.uri)
  return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: target } } }
}
`

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'prepare-'))
  mkdirSync(join(workspace, 'functions'))
  const file = (name: string, text: string) =>
    writeFileSync(join(workspace, 'functions', name), text)
  file('ok.js', 'function handler(event) { return event.request }\n')
  file('empty.js', '')
  file('at-limit.js', `function handler(e) { return e }\n//${'x'.repeat(MAX_CODE_BYTES - 36)}\n`)
  file('over-limit.js', 'x'.repeat(MAX_CODE_BYTES + 1))
  file(
    'uses-const.js',
    'function handler(event) {\n  var a = 1\n  const b = 2\n  return event.request\n}\n'
  )
  file('exports.js', 'export function handler(event) { return event.request }\n')
  file('kvs.js', KVS_CODE)
  file(
    'commented.js',
    `// ${'a comment the minifier drops '.repeat(20)}\nfunction handler(event) {\n  return event.request\n}\n`
  )
  file(
    'typed.ts',
    'function handler(event: { request: object }): object {\n  return event.request\n}\n'
  )
  file('helper.ts', 'export const marker: string = "x"\n')
  file(
    'uses-helper.js',
    "import { marker } from './helper.js'\nfunction handler(event) {\n  event.request.headers.m = { value: marker }\n  return event.request\n}\n"
  )
})

afterAll(() => rmSync(workspace, { recursive: true, force: true }))

function fn(overrides: Partial<FunctionInputs> = {}): FunctionInputs {
  return {
    name: 'viewer-request',
    kind: 'function',
    code: 'functions/ok.js',
    runtime: 'cloudfront-js-2.0',
    comment: '',
    keyValueStores: [],
    tags: undefined,
    publish: false,
    testEvents: [],
    maxComputeUtilization: 80,
    diffAgainst: '',
    bundle: false,
    minify: false,
    ...overrides
  }
}

async function refusal(overrides: Partial<FunctionInputs>): Promise<InputError> {
  try {
    await prepareCode(fn(overrides), { workspace })
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('prepareCode accepted the code')
}

describe('prepareCode', () => {
  it('reads and checks the code, naming the file relative to the workspace', async () => {
    const prepared = await prepareCode(fn(), { workspace })
    expect(prepared.file).toBe('functions/ok.js')
    expect(prepared.code.toString()).toBe('function handler(event) { return event.request }\n')
    expect(prepared.annotations).toEqual([])
  })

  it('accepts exactly 10,240 bytes and refuses one more, before reading it', async () => {
    expect(
      (await prepareCode(fn({ code: 'functions/at-limit.js' }), { workspace })).code
    ).toHaveLength(MAX_CODE_BYTES)
    expect((await refusal({ code: 'functions/over-limit.js' })).message).toBe(
      "Input 'code': 'functions/over-limit.js' is 10,241 bytes, over the limit of 10,240 bytes. CloudFront refuses larger functions (the limit is not adjustable): set minify: true to build a smaller file, or move data into a key value store."
    )
  })

  it('refuses an empty file and a directory', async () => {
    expect((await refusal({ code: 'functions/empty.js' })).message).toContain('is empty')
    expect((await refusal({ code: 'functions' })).message).toContain(
      'is a directory, not a regular file'
    )
  })

  it('annotates code findings at their line and column', async () => {
    const error = await refusal({ code: 'functions/uses-const.js', runtime: 'cloudfront-js-1.0' })
    expect(error.message).toMatch(
      /^Input 'code': functions\/uses-const\.js has 1 problem for cloudfront-js-1\.0 \(first: line 3, column 3: /
    )
    expect(error.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'functions/uses-const.js',
        line: 3,
        column: 3,
        title: 'CloudFront cloudfront-js-1.0: unsupported-syntax'
      })
    ])
  })

  it.each(['cloudfront-js-1.0', 'cloudfront-js-2.0'] as const)(
    'refuses export on %s',
    async runtime => {
      const error = await refusal({ code: 'functions/exports.js', runtime })
      expect(error.annotations[0].message).toContain('`export` is not supported')
    }
  )

  it('warns at 90% of the limit, and about CRLF line endings and a byte-order mark', async () => {
    writeFileSync(
      join(workspace, 'functions', 'crlf.js'),
      `\uFEFFfunction handler(e) {\r\n  return e\r\n}\r\n//${'x'.repeat(9300)}\r\n`
    )
    const prepared = await prepareCode(fn({ code: 'functions/crlf.js' }), { workspace })
    expect(prepared.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Code close to the size limit'],
      ['warning', 'Line endings']
    ])
    expect(prepared.annotations[1].message).toContain(
      'starts with a byte-order mark and has CRLF line endings'
    )
    expect(prepared.annotations[1].message).toContain('.gitattributes')
    const quiet = await prepareCode(fn(), { workspace })
    expect(quiet.annotations).toEqual([])
  })

  describe('built code', () => {
    it.each([
      ['a minified JavaScript file', { code: 'functions/commented.js', minify: true }, 'minified'],
      ['a TypeScript file', { code: 'functions/typed.ts' }, 'TypeScript types removed'],
      [
        'a JavaScript entry bundled with a TypeScript helper',
        { code: 'functions/uses-helper.js', bundle: true },
        'TypeScript types removed, 2 modules bundled'
      ]
    ])('says what the build of %s did, with the sizes', async (_label, overrides, steps) => {
      const prepared = await prepareCode(fn(overrides), { workspace })
      const built = prepared.code.length
      expect(prepared.notes).toEqual([
        `Built ${overrides.code} (${steps}): ${prepared.build?.sourceBytes} bytes of source → ${built} of 10240 bytes (${Math.round((built / 10_240) * 100)}% of CloudFront's limit).`
      ])
    })
  })

  describe('key value stores', () => {
    it('refuses code that reads a store when key-value-stores is empty, at the line', async () => {
      const error = await refusal({ code: 'functions/kvs.js' })
      expect(error.input).toBe('key-value-stores')
      expect(error.message).toContain(
        "functions/kvs.js reads a key value store (cf.kvs at line 2), but key-value-stores is empty: deploying would remove the function's store association."
      )
      expect(error.annotations).toEqual([
        expect.objectContaining({ level: 'error', file: 'functions/kvs.js', line: 2, column: 15 })
      ])
    })

    it('accepts code that reads the declared store', async () => {
      const prepared = await prepareCode(
        fn({ code: 'functions/kvs.js', keyValueStores: ['redirects'] }),
        { workspace }
      )
      expect(prepared.annotations).toEqual([])
    })

    it('warns about a declared store the code never reads', async () => {
      const prepared = await prepareCode(fn({ keyValueStores: ['redirects'] }), { workspace })
      expect(prepared.annotations).toEqual([
        expect.objectContaining({
          level: 'warning',
          title: 'Key value store not used',
          message: expect.stringContaining('never reads a key value store')
        })
      ])
    })
  })
})
