import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/errors.js'
import { parseInputs } from '../../../src/inputs/parse.js'
import { parseTags } from '../../../src/inputs/tags.js'
import { parseBoolean, splitList } from '../../../src/inputs/values.js'
import { STORE_ARN } from '../../../__fixtures__/cloudfront.js'

const workspace = '/work/space'

const BASE: Record<string, string> = {
  name: 'viewer-request',
  code: 'functions/viewer-request.js'
}

/** Parses `overrides` over valid inputs. */
async function parse(overrides: Record<string, string> = {}) {
  const values = { ...BASE, ...overrides }
  return parseInputs(name => values[name] ?? '', { GITHUB_WORKSPACE: workspace })
}

/** The settings of the one function the inputs declare. */
async function fn(overrides: Record<string, string> = {}) {
  return (await parse(overrides)).functions[0]
}

/** The InputError that parsing `overrides` throws. */
async function failure(overrides: Record<string, string>): Promise<InputError> {
  try {
    await parse(overrides)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('parseInputs did not throw')
}

describe('parseInputs', () => {
  it('returns the defaults for a minimal deploy', async () => {
    const inputs = await parse()
    expect(inputs.functions).toEqual([
      {
        name: 'viewer-request',
        kind: 'function',
        code: 'functions/viewer-request.js',
        runtime: 'cloudfront-js-2.0',
        comment: '',
        keyValueStores: [],
        tags: undefined,
        publish: false,
        testEvents: [],
        maxComputeUtilization: 80,
        diffAgainst: '',
        bundle: false,
        minify: false
      }
    ])
    expect(inputs.run).toEqual({
      dryRun: false,
      delete: false,
      offline: false,
      offlineStoreData: '',
      manifest: '',
      nameSuffix: '',
      maxParallel: 4,
      commentOnPr: false,
      githubToken: '',
      roots: { workspace, runnerTemp: undefined }
    })
  })

  it('falls back to the working directory without GITHUB_WORKSPACE, and reads RUNNER_TEMP', async () => {
    const values: Record<string, string> = { ...BASE }
    const inputs = await parseInputs(name => values[name] ?? '', { RUNNER_TEMP: '/tmp/runner' })
    expect(inputs.run.roots).toEqual({ workspace: process.cwd(), runnerTemp: '/tmp/runner' })
  })

  it('reads every input', async () => {
    const inputs = await parse({
      type: 'connection-function',
      runtime: 'cloudfront-js-2.0',
      comment: 'Adds security headers',
      'key-value-stores': STORE_ARN,
      tags: 'team=web,env=prod',
      publish: 'true',
      'test-events': 'tests/a.json\ntests/*.json',
      'max-compute-utilization': '55.5',
      'dry-run': 'TRUE',
      'comment-on-pr': 'True',
      'github-token': 'ghs_token'
    })
    expect(inputs.functions[0]).toMatchObject({
      kind: 'connection-function',
      comment: 'Adds security headers',
      keyValueStores: [STORE_ARN],
      tags: { team: 'web', env: 'prod' },
      publish: true,
      testEvents: ['tests/a.json', 'tests/*.json'],
      maxComputeUtilization: 55.5
    })
    expect(inputs.run).toMatchObject({ dryRun: true, commentOnPr: true, githubToken: 'ghs_token' })
  })

  it('names the function in errors found after its name and type were read', async () => {
    expect((await failure({ publish: 'yes', type: 'connection-function' })).subject).toEqual({
      kind: 'connection-function',
      name: 'viewer-request'
    })
    expect((await failure({ name: '' })).subject).toBeUndefined()
  })

  describe('name', () => {
    it.each([
      ['empty', '', /is required/],
      ['blank', '   ', /is required/],
      ['with a space', 'my function', /not a valid function name/],
      ['with a dot', 'my.function', /not a valid function name/],
      ['65 characters long', 'a'.repeat(65), /not a valid function name/]
    ])('rejects a name that is %s', async (_label, name, message) => {
      const error = await failure({ name })
      expect(error.input).toBe('name')
      expect(error.message).toMatch(/^Input 'name': /)
      expect(error.message).toMatch(message)
    })

    it('accepts 64 characters from the allowed set', async () => {
      const name = 'A-z_0'.repeat(12) + 'abcd'
      expect(name).toHaveLength(64)
      expect((await fn({ name })).name).toBe(name)
    })
  })

  describe('code', () => {
    it('is required to deploy', async () => {
      const error = await failure({ code: '' })
      expect(error.input).toBe('code')
      expect(error.message).toContain('is required to deploy')
    })

    it('is not needed to delete', async () => {
      const inputs = await parse({ code: '', delete: 'true' })
      expect(inputs.run.delete).toBe(true)
      expect(inputs.functions[0].code).toBe('')
    })
  })

  describe('comment', () => {
    it('accepts 128 characters, counted as code points', async () => {
      expect((await fn({ comment: '𝒜'.repeat(128) })).comment).toHaveLength(256)
    })

    it('refuses 129 characters', async () => {
      const error = await failure({ comment: 'c'.repeat(129) })
      expect(error.input).toBe('comment')
      expect(error.message).toBe(
        "Input 'comment': is 129 characters; CloudFront allows at most 128. Shorten it."
      )
    })

    it.each([
      ['a line break', 'first\nsecond', 'contains a line break at character 6'],
      ['a tab', 'a\tb', 'contains U+0009 at character 2'],
      ['an escape character', 'x\u001b[31m', 'contains U+001B at character 2'],
      ['a line separator', 'x\u2028y', 'contains U+2028 at character 2']
    ])('refuses %s', async (_label, comment, message) => {
      const error = await failure({ comment })
      expect(error.input).toBe('comment')
      expect(error.message).toContain(message)
    })
  })

  it.each([
    ['type', 'lambda', /'lambda' is not supported: use one of function, connection-function/],
    ['runtime', 'cloudfront-js-3.0', /'cloudfront-js-3.0' is not supported/]
  ])('rejects an unknown %s', async (input, value, message) => {
    const error = await failure({ [input]: value })
    expect(error.input).toBe(input)
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `))
    expect(error.message).toMatch(message)
  })

  it('rejects runtime 1.0 for a connection function before any code is read', async () => {
    const error = await failure({ type: 'connection-function', runtime: 'cloudfront-js-1.0' })
    expect(error.input).toBe('runtime')
    expect(error.message).toContain(
      "'cloudfront-js-1.0' cannot run a connection function: connection functions only support cloudfront-js-2.0"
    )
  })

  describe('key-value-stores', () => {
    it('rejects more than one store', async () => {
      const error = await failure({ 'key-value-stores': 'one,two' })
      expect(error.input).toBe('key-value-stores')
      expect(error.message).toContain('2 stores given (one, two)')
      expect(error.message).toContain('at most 1')
    })

    it('rejects a malformed ARN', async () => {
      const error = await failure({
        'key-value-stores': 'arn:aws:cloudfront::12345:key-value-store/abc'
      })
      expect(error.input).toBe('key-value-stores')
      expect(error.message).toContain('is not a key value store ARN')
    })

    it('rejects an invalid store name', async () => {
      const error = await failure({ 'key-value-stores': 'my store!' })
      expect(error.input).toBe('key-value-stores')
      expect(error.message).toContain('neither a key value store ARN nor a valid store name')
    })

    it('rejects a store with runtime cloudfront-js-1.0', async () => {
      const error = await failure({ 'key-value-stores': 'redirects', runtime: 'cloudfront-js-1.0' })
      expect(error.input).toBe('key-value-stores')
      expect(error.message).toContain('need runtime cloudfront-js-2.0')
    })

    it('accepts one name or one ARN, from a comma or newline list', async () => {
      expect((await fn({ 'key-value-stores': 'redirects' })).keyValueStores).toEqual(['redirects'])
      expect((await fn({ 'key-value-stores': `\n${STORE_ARN}\n,\n` })).keyValueStores).toEqual([
        STORE_ARN
      ])
    })
  })

  describe('booleans', () => {
    it.each(['publish', 'dry-run', 'delete', 'comment-on-pr'])(
      "rejects 'yes' for %s",
      async input => {
        const error = await failure({ [input]: 'yes' })
        expect(error.input).toBe(input)
        expect(error.message).toBe(`Input '${input}': 'yes' is not a boolean: use true or false.`)
      }
    )
  })

  it('rejects delete combined with publish', async () => {
    const error = await failure({ delete: 'true', publish: 'true' })
    expect(error.input).toBe('publish')
    expect(error.message).toContain('cannot be combined with delete: true')
  })

  describe('max-compute-utilization', () => {
    it.each(['101', '-1', 'abc', '50%', '1e2'])('rejects %s', async value => {
      const error = await failure({ 'max-compute-utilization': value })
      expect(error.input).toBe('max-compute-utilization')
      expect(error.message).toContain('is not a percentage')
    })

    it.each([
      ['0', 0],
      ['100', 100],
      ['12.5', 12.5],
      ['', 80]
    ])('accepts %j', async (value, expected) => {
      expect((await fn({ 'max-compute-utilization': value })).maxComputeUtilization).toBe(expected)
    })
  })
})

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', false],
    [' true ', true]
  ])('reads %j as %s', async (value, expected) => {
    expect(parseBoolean('publish', value)).toBe(expected)
  })

  it.each(['yes', 'no', '1', 'on', 'tRuE'])('rejects %j', async value => {
    expect(() => parseBoolean('publish', value)).toThrow(
      new InputError('publish', `'${value}' is not a boolean: use true or false.`)
    )
  })
})

describe('parseTags', () => {
  it('leaves tags alone when empty', async () => {
    expect(parseTags('')).toBeUndefined()
    expect(parseTags(' \n , ')).toBeUndefined()
  })

  it('reads comma and newline lists, trimming entries', async () => {
    expect(parseTags('team=web, env = prod\ncost-center=42\n\n')).toEqual({
      team: 'web',
      env: 'prod',
      'cost-center': '42'
    })
  })

  it('splits at the first =', async () => {
    expect(parseTags('query=a=b')).toEqual({ query: 'a=b' })
  })

  it('counts characters as code points: 65 astral letters are 65 characters', async () => {
    const astral = '𝒜'.repeat(65)
    expect(parseTags(`${astral}=${'𝒱'.repeat(256)}`)).toEqual({ [astral]: '𝒱'.repeat(256) })
    expect(() => parseTags(`k=${'𝒱'.repeat(257)}`)).toThrow('is 257 characters; the limit is 256')
  })

  it('accepts exactly 50 tags', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `k${i}=v`).join(',')
    expect(Object.keys(parseTags(fifty) ?? {})).toHaveLength(50)
  })

  it('accepts an empty value, a 128-character key and a 256-character value', async () => {
    expect(parseTags(`empty=,${'k'.repeat(128)}=${'v'.repeat(256)}`)).toEqual({
      empty: '',
      ['k'.repeat(128)]: 'v'.repeat(256)
    })
  })

  it('accepts letters of any script and the allowed punctuation', async () => {
    expect(parseTags('owner=Zoë Ångström,path=a/b:c+d@e.f_g-h')).toEqual({
      owner: 'Zoë Ångström',
      path: 'a/b:c+d@e.f_g-h'
    })
  })

  it.each([
    ['a pair without =', 'team', /'team' has no '='/],
    ['an empty key', '=web', /a tag has an empty key \('=web'\)/],
    ['an aws: key', 'AWS:team=web', /starts with 'aws:', which AWS reserves/],
    [
      '51 tags',
      Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(','),
      /51 tags given; CloudFront allows at most 50 per function\. Remove 1\./
    ],
    ['a 129-character key', `${'k'.repeat(129)}=v`, /is 129 characters; the limit is 128/],
    [
      'a 257-character value',
      `team=${'v'.repeat(257)}`,
      /the value of 'team' is 257 characters; the limit is 256/
    ],
    [
      'a key with bad characters',
      'team!=web',
      /the key 'team!' of tag 'team!' has characters CloudFront does not allow/
    ],
    ['a value with bad characters', 'team=web;rm', /the value 'web;rm' of tag 'team'/],
    ['a duplicate key', 'team=web,team=api', /key 'team' is given twice/]
  ])('rejects %s', async (_label, value, message) => {
    let thrown: unknown
    try {
      parseTags(value)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect((thrown as InputError).input).toBe('tags')
    expect((thrown as InputError).message).toMatch(/^Input 'tags': /)
    expect((thrown as InputError).message).toMatch(message)
  })

  it('takes keys that name Object.prototype members like any other key', async () => {
    expect(parseTags('constructor=x,toString=y')).toEqual({ constructor: 'x', toString: 'y' })
    const tags = parseTags('__proto__=z') as Record<string, string>
    expect(Object.keys(tags)).toEqual(['__proto__'])
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe('z')
  })

  it('reports tag errors through parseInputs with the input name', async () => {
    expect((await failure({ tags: 'no-equals' })).input).toBe('tags')
  })
})

describe('splitList', () => {
  it('splits on commas and newlines, trims and drops empty entries', async () => {
    expect(splitList(' a ,b\n\n c,, ')).toEqual(['a', 'b', 'c'])
    expect(splitList('')).toEqual([])
  })
})
