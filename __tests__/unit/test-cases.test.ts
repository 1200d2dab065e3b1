import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '../../src/errors.js'
import { loadTestCases, matchExpectation, MAX_EVENT_BYTES } from '../../src/testing/cases.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixtures = path.join(here, '..', 'fixtures', 'test-cases')

function loadError(patterns: string[], workspace = fixtures): InputError {
  try {
    loadTestCases(patterns, { workspace: workspace })
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected loadTestCases to throw')
}

describe('loadTestCases', () => {
  it('loads a file holding one case', () => {
    const cases = loadTestCases(['good/single.json'], { workspace: fixtures })
    expect(cases).toEqual([
      {
        name: 'rewrites the root to index.html',
        file: 'good/single.json',
        event: expect.objectContaining({ version: '1.0', viewer: { ip: '198.51.100.7' } }),
        expect: { uri: '/index.html' }
      }
    ])
  })

  it('loads an array of cases in file order and names unnamed cases after the file', () => {
    const cases = loadTestCases(['good/array.json'], { workspace: fixtures })
    expect(cases.map(c => c.name)).toEqual(['redirects http', 'good/array.json#2'])
    expect(cases[0].expect).toEqual({ statusCode: 301 })
    expect(cases[1]).not.toHaveProperty('expect')
    expect(cases[1].event).toEqual({ version: '1.0', request: { method: 'GET', uri: '/new' } })
  })

  it('names an unnamed single case after its file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cases-'))
    try {
      writeFileSync(path.join(dir, 'one.json'), '\uFEFF{"event": {"version": "1.0"}}')
      expect(loadTestCases(['one.json'], { workspace: dir })).toEqual([
        { name: 'one.json', file: 'one.json', event: { version: '1.0' } }
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('expands globs in file name order, keeps pattern order and loads a file once', () => {
    const cases = loadTestCases(['good/single.json', 'good/**/*.json', ' ', ''], {
      workspace: fixtures
    })
    expect(cases.map(c => `${c.file}: ${c.name}`)).toEqual([
      'good/single.json: rewrites the root to index.html',
      'good/array.json: redirects http',
      'good/array.json: good/array.json#2',
      'good/more/other.json: other'
    ])
  })

  it('accepts a path given relative to the workspace with ./ and an absolute path', () => {
    const absolute = path.join(fixtures, 'good', 'more', 'other.json')
    const cases = loadTestCases(['./good/more/other.json', absolute], { workspace: fixtures })
    expect(cases).toHaveLength(1)
    expect(cases[0].file).toBe('good/more/other.json')
  })

  it('returns no case for no pattern', () => {
    expect(loadTestCases([], { workspace: fixtures })).toEqual([])
  })

  it.each([
    ['a missing file', 'good/missing.json', "'good/missing.json' does not exist"],
    [
      'a glob without a match',
      'good/**/*.yaml',
      "'good/**/*.yaml' matches no file in the workspace"
    ],
    [
      'a directory',
      'good',
      "'good' is a directory, not a regular file. To use every case file in it, write 'good/*.json'."
    ],
    [
      'a path with backslashes',
      'good\\single.json',
      "'good\\single.json' does not exist (looked for"
    ],
    [
      'a glob with backslashes',
      'good\\more\\o*.json',
      "'good\\more\\o*.json' matches no file in the workspace: check the glob (relative to the workspace), or remove it from test-events. The pattern contains backslashes: use / between folders, as on Linux runners."
    ]
  ])('refuses %s, naming the pattern', (_label, pattern, message) => {
    const error = loadError([pattern])
    expect(error.input).toBe('test-events')
    expect(error.message).toContain(`Input 'test-events': ${message}`)
  })

  it('says so when a path has backslashes, and only then', () => {
    expect(loadError(['good\\single.json']).message).toContain(
      'The path contains backslashes: use / between folders'
    )
    expect(loadError(['good/**/*.yaml']).message).not.toContain('backslash')
    expect(loadError(['good/missing.json']).message).not.toContain('backslash')
  })

  it('refuses invalid JSON with its line and column, without quoting the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cases-'))
    try {
      writeFileSync(
        path.join(dir, 'broken.json'),
        '{\n  "event": { "version": "secret-1.0", }\n}\n'
      )
      const error = loadError(['*.json'], dir)
      expect(error.message).toBe(
        "Input 'test-events': broken.json is not valid JSON: trailing comma before } at line 2, column 39. Fix the file's syntax."
      )
      expect(error.message).not.toContain('secret')
      expect(error.annotations).toEqual([
        {
          level: 'error',
          message: 'trailing comma before }.',
          title: 'Invalid test case JSON',
          file: 'broken.json',
          line: 2,
          column: 39
        }
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    ['bad/empty-array.json', 'bad/empty-array.json holds an empty array: add at least one case'],
    ['bad/not-a-case.json', 'bad/not-a-case.json[1] is a number, not a case'],
    ['bad/no-event.json', 'bad/no-event.json has no "event"'],
    ['bad/event-not-object.json', '"event" must be an object', 'got a string'],
    ['bad/unknown-key.json', "bad/unknown-key.json has unknown key 'expected'"],
    ['bad/blank-name.json', '"name" must be a non-empty string, got a string'],
    ['bad/expect-not-object.json', '"expect" must be an object', 'got a number']
  ])('refuses the wrong shape in %s', (file, ...fragments) => {
    const error = loadError([file])
    expect(error.input).toBe('test-events')
    for (const fragment of fragments) expect(error.message).toContain(fragment)
  })

  it.each([
    ['null', 'null'],
    ['[[]]', 'an array'],
    ['[{"event": []}]', 'got an array'],
    ['{"name": 7, "event": {}}', 'got a number'],
    ['{"event": {}, "expectLogs": "x"}', '"expectLogs" must be an array of strings'],
    ['{"event": {}, "expectAbsent": [""]}', '"expectAbsent" must be an array of paths'],
    ['{"event": {}, "expectError": ""}', '"expectError" must be a non-empty string'],
    ['{"event": {}, "expect": {}, "expectError": "x"}', 'cannot be combined with "expect"'],
    ['{"event": {}, "expect": null}', 'got null'],
    ['{"event": {}, "a": 1, "b": 2}', "unknown keys 'a', 'b'"],
    ['{"event": {}, "-----BEGIN KEY-----": 1}', 'unknown key a key that is not a plain name']
  ])('refuses %s', (content, fragment) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cases-'))
    try {
      writeFileSync(path.join(dir, 'case.json'), content)
      expect(loadError(['case.json'], dir).message).toContain(fragment)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  describe('event size', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'cases-'))
      // {"body":"<n x>"} serializes to n + 11 bytes.
      const event = (bytes: number) => ({ body: 'x'.repeat(bytes - 11) })
      writeFileSync(path.join(dir, 'limit.json'), JSON.stringify({ event: event(MAX_EVENT_BYTES) }))
      writeFileSync(
        path.join(dir, 'over.json'),
        JSON.stringify([{ event: {} }, { name: 'big', event: event(MAX_EVENT_BYTES + 1) }])
      )
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('accepts an event of exactly 40,960 bytes', () => {
      expect(loadTestCases(['limit.json'], { workspace: dir })).toHaveLength(1)
    })

    it('refuses an event over 40,960 bytes, naming the case', () => {
      expect(loadError(['over.json'], dir).message).toBe(
        `Input 'test-events': over.json[1]: the event is 40961 bytes serialized, over CloudFront's limit of 40960 bytes: trim headers, cookies or the body`
      )
    })
  })
})

describe('matchExpectation', () => {
  const response = {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: 'https://example.com/new' },
      'cache-control': { value: 'max-age=3600' }
    },
    cookies: {},
    tags: ['a', 'b'],
    empty: null
  }

  it.each<[string, unknown, unknown]>([
    ['an empty expectation', {}, response],
    ['a subset of keys', { statusCode: 301 }, response],
    ['nested objects', { headers: { location: { value: 'https://example.com/new' } } }, response],
    ['arrays element-wise', { tags: ['a', 'b'] }, response],
    ['null', { empty: null }, response],
    ['equal primitives', 'x', 'x'],
    ['objects inside arrays partially', [{ a: 1 }], [{ a: 1, b: 2 }]]
  ])('matches %s', (_label, expected, actual) => {
    expect(matchExpectation(expected, actual)).toEqual([])
  })

  it.each<[string, unknown, unknown, string[]]>([
    [
      'a different primitive',
      { statusCode: 302 },
      response,
      ['$.statusCode: expected 302, got 301']
    ],
    ['a missing key', { body: 'moved' }, response, ['$.body: expected "moved", got missing']],
    [
      'a key that needs quoting',
      { headers: { 'x-frame-options': { value: 'DENY' } } },
      response,
      ['$.headers["x-frame-options"]: expected {"value":"DENY"}, got missing']
    ],
    [
      'a nested difference',
      { headers: { 'cache-control': { value: 'no-store' } } },
      response,
      ['$.headers["cache-control"].value: expected "no-store", got "max-age=3600"']
    ],
    [
      'an array of another length',
      { tags: ['a'] },
      response,
      ['$.tags: expected ["a"], got ["a","b"]']
    ],
    ['an array element', { tags: ['a', 'c'] }, response, ['$.tags[1]: expected "c", got "b"']],
    [
      'an object where the output has a string',
      { statusDescription: {} },
      response,
      ['$.statusDescription: expected {}, got "Moved Permanently"']
    ],
    [
      'an array where the output has an object',
      { cookies: [] },
      response,
      ['$.cookies: expected [], got {}']
    ],
    [
      'an object where the output has null',
      { empty: { a: 1 } },
      response,
      ['$.empty: expected {"a":1}, got null']
    ],
    [
      'a number against its string',
      { statusCode: '301' },
      response,
      ['$.statusCode: expected "301", got 301']
    ],
    [
      'an output that is missing altogether',
      { a: 1 },
      undefined,
      ['$: expected {"a":1}, got missing']
    ],
    [
      'a key whose value is undefined',
      { a: 1 },
      { a: undefined },
      ['$.a: expected 1, got missing']
    ],
    [
      'several differences, one line each, in expectation order',
      { statusCode: 200, headers: { location: { value: '/x' } }, body: '' },
      response,
      [
        '$.statusCode: expected 200, got 301',
        '$.headers.location.value: expected "/x", got "https://example.com/new"',
        '$.body: expected "", got missing'
      ]
    ],
    ['a root primitive', 1, 2, ['$: expected 1, got 2']]
  ])('reports %s', (_label, expected, actual, lines) => {
    expect(matchExpectation(expected, actual)).toEqual(lines)
  })
})
