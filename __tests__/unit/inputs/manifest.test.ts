// The manifest: many functions in one YAML or JSON file, read like the single-function
// inputs; every error names the file, the entry and the key. And the inputs that must be
// left alone when a manifest declares the functions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/errors.js'
import { parseInputs, type Inputs } from '../../../src/inputs/parse.js'
import { defaultInputs } from '../../../scripts/run-action.js'
import { STORE_ARN } from '../../../__fixtures__/cloudfront.js'

let workspace: string

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'manifest-unit-'))
})
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
})

/**
 * Parses the inputs of a run whose `functions` input names a manifest with this text.
 * Inputs the workflow leaves out are what the runner passes: the action.yml defaults.
 */
async function load(
  text: string,
  inputs: Record<string, string> = {},
  file = 'functions.yml'
): Promise<Inputs> {
  writeFileSync(join(workspace, file), text)
  const values: Record<string, string> = { ...defaultInputs(), functions: file, ...inputs }
  return parseInputs(name => values[name] ?? '', { GITHUB_WORKSPACE: workspace })
}

/** The InputError that loading this manifest throws. */
async function failure(
  text: string,
  inputs: Record<string, string> = {},
  file = 'functions.yml'
): Promise<InputError> {
  try {
    await load(text, inputs, file)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return error
  }
  throw new Error('the manifest was accepted')
}

const ONE = 'functions:\n  - name: viewer-request\n    code: functions/viewer-request.js\n'

describe('the manifest schema', () => {
  it('reads YAML: defaults are inherited, entries override them', async () => {
    const { run, functions } = await load(`
defaults:
  runtime: cloudfront-js-2.0
  publish: true
  comment: Shared comment
  max-compute-utilization: 50
functions:
  - name: viewer-request
    code: functions/viewer-request.js
    key-value-stores: redirects
    test-events: tests/viewer-request/*.json
  - name: viewer-response
    code: functions/viewer-response.js
    comment: Security headers
    publish: false
    bundle: true
    minify: true
  - name: mtls-check
    type: connection-function
    code: functions/mtls-check.js
    diff-against: mtls-check-prod
`)
    expect(run.manifest).toBe('functions.yml')
    expect(functions).toEqual([
      {
        name: 'viewer-request',
        kind: 'function',
        code: 'functions/viewer-request.js',
        runtime: 'cloudfront-js-2.0',
        comment: 'Shared comment',
        keyValueStores: ['redirects'],
        tags: undefined,
        publish: true,
        testEvents: ['tests/viewer-request/*.json'],
        maxComputeUtilization: 50,
        diffAgainst: '',
        bundle: false,
        minify: false
      },
      expect.objectContaining({
        name: 'viewer-response',
        comment: 'Security headers',
        publish: false,
        bundle: true,
        minify: true,
        keyValueStores: []
      }),
      expect.objectContaining({
        name: 'mtls-check',
        kind: 'connection-function',
        publish: true,
        diffAgainst: 'mtls-check-prod'
      })
    ])
  })

  it('reads the same manifest written as JSON', async () => {
    const yaml = await load(
      'defaults:\n  publish: true\nfunctions:\n  - name: a\n    code: a.js\n    test-events: [t/a.json, t/b/*.json]\n'
    )
    const json = await load(
      JSON.stringify({
        defaults: { publish: true },
        functions: [{ name: 'a', code: 'a.js', 'test-events': ['t/a.json', 't/b/*.json'] }]
      }),
      { functions: 'functions.json' },
      'functions.json'
    )
    expect(json.functions).toEqual(yaml.functions)
    expect(json.run.manifest).toBe('functions.json')
  })

  it('takes test-events as one string (comma- or newline-separated) or as a list', async () => {
    const { functions } = await load(`
functions:
  - name: a
    code: a.js
    test-events: tests/a/*.json
  - name: b
    code: b.js
    test-events: tests/b/one.json, tests/b/two.json
  - name: c
    code: c.js
    test-events: |
      tests/c/one.json
      tests/c/two.json
  - name: d
    code: d.js
    test-events:
      - tests/d/one.json
      - tests/d/*.json
`)
    expect(functions.map(fn => fn.testEvents)).toEqual([
      ['tests/a/*.json'],
      ['tests/b/one.json', 'tests/b/two.json'],
      ['tests/c/one.json', 'tests/c/two.json'],
      ['tests/d/one.json', 'tests/d/*.json']
    ])
  })

  it('takes tags as a mapping or as the text form, and merges an entry over defaults', async () => {
    const { functions } = await load(`
defaults:
  tags: { team: edge, env: prod }
functions:
  - name: inherits
    code: a.js
  - name: overrides
    code: b.js
    tags: { env: test, owner: web }
  - name: text-form
    code: c.js
    tags: env=staging, cost-centre=42
  - name: numbers-and-empty
    code: d.js
    tags:
      version: 2
      flag: true
      note:
`)
    expect(functions.map(fn => fn.tags)).toEqual([
      { team: 'edge', env: 'prod' },
      { team: 'edge', env: 'test', owner: 'web' },
      { team: 'edge', env: 'staging', 'cost-centre': '42' },
      { team: 'edge', env: 'prod', version: '2', flag: 'true', note: '' }
    ])
  })

  it('leaves tags alone (undefined) when neither defaults nor the entry declare any', async () => {
    expect((await load(ONE)).functions[0].tags).toBeUndefined()
  })

  it('reads numbers and booleans as the input text they stand for', async () => {
    const [fn] = (
      await load(`
functions:
  - name: 2026
    code: a.js
    publish: True
    max-compute-utilization: 12.5
`)
    ).functions
    expect(fn).toMatchObject({ name: '2026', publish: true, maxComputeUtilization: 12.5 })
  })

  it('accepts the same name for a function and a connection function', async () => {
    const { functions } = await load(`
functions:
  - name: edge
    code: a.js
  - name: edge
    type: connection-function
    code: b.js
`)
    expect(functions.map(fn => `${fn.kind}/${fn.name}`)).toEqual([
      'function/edge',
      'connection-function/edge'
    ])
  })

  it('accepts YAML anchors used a few times', async () => {
    const { functions } = await load(`
functions:
  - name: a
    code: a.js
    test-events: &shared [tests/common/*.json]
  - name: b
    code: b.js
    test-events: *shared
`)
    expect(functions[1].testEvents).toEqual(['tests/common/*.json'])
  })
})

describe('manifest errors name the file, the entry and the key', () => {
  it.each([
    [
      'an unknown key in an entry',
      'functions:\n  - name: a\n    code: a.js\n  - name: b\n    code: b.js\n    runtim: cloudfront-js-2.0\n',
      "functions.yml: functions[1] (b): unknown key 'runtim': use the keys of the single-function inputs (name, code, type,"
    ],
    [
      'an unknown key in defaults',
      'defaults:\n  publsh: true\nfunctions:\n  - name: a\n    code: a.js\n',
      "functions.yml: defaults: unknown key 'publsh'"
    ],
    [
      'a run-wide input as an entry key',
      'functions:\n  - name: a\n    code: a.js\n    dry-run: true\n',
      "functions.yml: functions[0] (a): unknown key 'dry-run'"
    ],
    [
      'an unknown top-level key',
      'function:\n  - name: a\n    code: a.js\n',
      "functions.yml: unknown top-level key 'function'"
    ],
    [
      'a duplicate name of the same type',
      'functions:\n  - name: a\n    code: a.js\n  - name: b\n    code: b.js\n  - name: a\n    code: c.js\n',
      "functions.yml: functions[2] (a): a function named 'a' is already declared above"
    ],
    [
      'a name the name input would refuse',
      'functions:\n  - name: not valid\n    code: a.js\n',
      "functions.yml: functions[0]: key 'name': 'not valid' is not a valid function name"
    ],
    [
      'a missing name',
      'functions:\n  - code: a.js\n',
      "functions.yml: functions[0]: key 'name': is required"
    ],
    [
      'a missing code',
      'functions:\n  - name: a\n',
      "functions.yml: functions[0] (a): key 'code': is required to deploy"
    ],
    [
      'an unknown type',
      'functions:\n  - name: a\n    code: a.js\n    type: lambda\n',
      "functions.yml: functions[0] (a): key 'type': 'lambda' is not supported"
    ],
    [
      'an unknown runtime',
      'functions:\n  - name: a\n    code: a.js\n    runtime: nodejs24.x\n',
      "functions.yml: functions[0] (a): key 'runtime': 'nodejs24.x' is not supported"
    ],
    [
      'a boolean the publish input would refuse',
      'functions:\n  - name: a\n    code: a.js\n    publish: yes\n',
      "functions.yml: functions[0] (a): key 'publish': 'yes' is not a boolean"
    ],
    [
      'a comment over 128 characters',
      `functions:\n  - name: a\n    code: a.js\n    comment: ${'x'.repeat(129)}\n`,
      "functions.yml: functions[0] (a): key 'comment': is 129 characters"
    ],
    [
      'a percentage over 100',
      'functions:\n  - name: a\n    code: a.js\n    max-compute-utilization: 150\n',
      "functions.yml: functions[0] (a): key 'max-compute-utilization': '150' is not a percentage"
    ],
    [
      'two key value stores',
      'functions:\n  - name: a\n    code: a.js\n    key-value-stores: [one, two]\n',
      "functions.yml: functions[0] (a): key 'key-value-stores': 2 stores given"
    ],
    [
      'a store with runtime 1.0',
      `functions:\n  - name: a\n    code: a.js\n    runtime: cloudfront-js-1.0\n    key-value-stores: ${STORE_ARN}\n`,
      "functions.yml: functions[0] (a): key 'key-value-stores': key value stores need runtime cloudfront-js-2.0"
    ],
    [
      'a tag with a reserved key',
      'functions:\n  - name: a\n    code: a.js\n    tags: { "aws:owner": me }\n',
      "functions.yml: functions[0] (a): key 'tags': key 'aws:owner' starts with 'aws:'"
    ],
    [
      'tags without =',
      'functions:\n  - name: a\n    code: a.js\n    tags: team\n',
      "functions.yml: functions[0] (a): key 'tags': 'team' has no '='"
    ],
    [
      'tags as a list',
      'functions:\n  - name: a\n    code: a.js\n    tags: [team=edge]\n',
      "functions.yml: functions[0] (a): key 'tags': must be a mapping of key: value, or key=value text, got a list."
    ],
    [
      'a nested tag value',
      'functions:\n  - name: a\n    code: a.js\n    tags: { team: { name: edge } }\n',
      "functions.yml: functions[0] (a): key 'tags': the value of 'team' must be text, got a mapping."
    ],
    [
      'a list where the input takes one value',
      'functions:\n  - name: a\n    code: [a.js, b.js]\n',
      "functions.yml: functions[0] (a): key 'code': must be a string, a number or a boolean, got a list."
    ],
    [
      'an entry that is not a mapping',
      'functions:\n  - a.js\n',
      'functions.yml: functions[0]: must be a mapping, got a string.'
    ],
    [
      'an empty functions list',
      'functions: []\n',
      'functions.yml: functions: must be a non-empty list'
    ],
    [
      'defaults that are not a mapping',
      'defaults: [publish]\nfunctions:\n  - name: a\n    code: a.js\n',
      'functions.yml: defaults: must be a mapping of keys, got a list.'
    ],
    ['an empty file', '', 'functions.yml: the manifest must be a mapping'],
    ['a list at the top', '- name: a\n', 'functions.yml: the manifest must be a mapping']
  ])('%s', async (_label, text, message) => {
    const error = await failure(text)
    expect(error.input).toBe('functions')
    expect(error.message).toContain(`Input 'functions': ${message}`)
  })

  it('says when a refused value comes from defaults', async () => {
    const error = await failure(
      'defaults:\n  runtime: cloudfront-js-3.0\nfunctions:\n  - name: a\n    code: a.js\n'
    )
    expect(error.message).toContain(
      "functions.yml: functions[0] (a): key 'runtime' (from defaults): 'cloudfront-js-3.0' is not supported"
    )
  })

  it('says where the YAML is broken, without quoting the file', async () => {
    const error = await failure(
      'functions:\n  - name: a\n    code: a.js\n  - name: "s3cr3t-value\n    code: b.js\n'
    )
    expect(error.message).toMatch(
      /^Input 'functions': functions\.yml is not valid YAML or JSON \(.+\) at line \d+, column \d+\. Fix the file's syntax\.$/
    )
    expect(error.message).not.toContain('s3cr3t')
    expect(error.annotations).toEqual([
      expect.objectContaining({ level: 'error', file: 'functions.yml', line: expect.any(Number) })
    ])
  })

  it('refuses a custom tag without printing or quoting it: a warning could carry commands', async () => {
    const written: string[] = []
    const onWarning = (warning: Error): void => {
      written.push(warning.message)
    }
    process.on('warning', onWarning)
    try {
      const error = await failure(
        'functions:\n  - name: a\n    code: a.js\n    comment: !!x%0A::add-mask::m7 hi\n'
      )
      expect(error.message).toMatch(
        /^Input 'functions': functions\.yml uses YAML the action does not accept \(.+\) at line 4, column \d+\. Write plain mappings, lists and values, without custom tags \(!name\) or directives\.$/
      )
      expect(error.message).not.toContain('::')
    } finally {
      process.off('warning', onWarning)
    }
    expect(written).toEqual([])
  })

  it('keeps numbers as they were written: names, tag values and numbers alike', async () => {
    const { functions } = await load(
      'functions:\n  - name: 007\n    code: a.js\n    max-compute-utilization: 080\n    tags: { version: 1.10, id: 12345678901234567890, zip: 01234 }\n'
    )
    expect(functions[0].name).toBe('007')
    expect(functions[0].maxComputeUtilization).toBe(80)
    expect(functions[0].tags).toEqual({ version: '1.10', id: '12345678901234567890', zip: '01234' })
    const tagged = await load('functions:\n  - name: a\n    code: a.js\n    comment: !!int "42"\n')
    expect(tagged.functions[0].comment).toBe('42')
  })

  it('gives the line of a bad indentation', async () => {
    const error = await failure('functions:\n  - name: a\n    code: a.js\n   type: function\n')
    expect(error.message).toContain('at line 4, column')
    expect(error.annotations[0]).toMatchObject({ file: 'functions.yml', line: 4 })
  })

  it('refuses a key given twice, with its line', async () => {
    const error = await failure('functions:\n  - name: a\n    name: b\n    code: a.js\n')
    expect(error.message).toContain('(duplicate key) at line 3')
  })

  it('refuses a JSON manifest with a syntax error', async () => {
    const error = await failure('{"functions": [{"name": "a",}', {}, 'functions.json')
    expect(error.message).toMatch(/functions\.json is not valid YAML or JSON \(.+\) at line 1/)
  })

  it('refuses an alias bomb as an input error, without expanding it', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'functions: *f',
      ''
    ].join('\n')
    const error = await failure(bomb)
    expect(error.message).toContain(
      "Input 'functions': functions.yml uses YAML aliases (*name) that expand to too much data"
    )
  })

  it('names a manifest file that does not exist', async () => {
    const values: Record<string, string> = { ...defaultInputs(), functions: 'missing.yml' }
    await expect(
      parseInputs(name => values[name] ?? '', { GITHUB_WORKSPACE: workspace })
    ).rejects.toThrow(/^Input 'functions': 'missing\.yml' does not exist/)
  })
})

describe('name-suffix', () => {
  it('is appended to every name; diff-against keeps the name it was given', async () => {
    const { functions } = await load(
      `
functions:
  - name: viewer-request
    code: a.js
    diff-against: viewer-request
  - name: mtls-check
    type: connection-function
    code: b.js
`,
      { 'name-suffix': '-pr-42' }
    )
    expect(functions.map(fn => fn.name)).toEqual(['viewer-request-pr-42', 'mtls-check-pr-42'])
    expect(functions[0].diffAgainst).toBe('viewer-request')
  })

  it('lets one manifest serve production and previews: diff-against its own name', async () => {
    const text = `
functions:
  - name: viewer-request
    code: a.js
    diff-against: viewer-request
`
    // The preview compares with production; production itself has nothing else to compare with.
    expect((await load(text, { 'name-suffix': '-pr-3' })).functions[0]).toMatchObject({
      name: 'viewer-request-pr-3',
      diffAgainst: 'viewer-request'
    })
    expect((await load(text)).functions[0]).toMatchObject({
      name: 'viewer-request',
      diffAgainst: ''
    })
  })

  it('refuses diff-against naming the suffixed function itself', async () => {
    const error = await failure(
      'functions:\n  - name: a\n    code: a.js\n    diff-against: a-pr-1\n',
      {
        'name-suffix': '-pr-1'
      }
    )
    expect(error.message).toContain(
      "functions.yml: functions[0] (a): key 'diff-against': names the function itself ('a-pr-1')"
    )
  })

  it('is validated like name: the whole name must stay a valid function name', async () => {
    const long = 'a'.repeat(60)
    const error = await failure(`functions:\n  - name: ${long}\n    code: a.js\n`, {
      'name-suffix': '-pr-1234'
    })
    expect(error.input).toBe('name-suffix')
    expect(error.message).toContain(`makes the name '${long}-pr-1234', which is not a valid`)
    expect(
      (await failure(ONE, { 'name-suffix': '/pr/1' })).message.startsWith(
        "Input 'name-suffix': '/pr/1'"
      )
    ).toBe(true)
  })
})

describe('inputs with a manifest', () => {
  it.each(['name', 'code'])('refuses %s set next to functions', async input => {
    const error = await failure(ONE, { [input]: 'something' })
    expect(error.input).toBe(input)
    expect(error.message).toContain(
      `must be empty when functions is set: every function, with its ${input}, is declared in the manifest.`
    )
  })

  it.each([
    ['type', 'connection-function'],
    ['runtime', 'cloudfront-js-1.0'],
    ['comment', 'hello'],
    ['key-value-stores', 'redirects'],
    ['tags', 'team=edge'],
    ['publish', 'true'],
    ['test-events', 'tests/*.json'],
    ['max-compute-utilization', '50'],
    ['diff-against', 'production'],
    ['bundle', 'true'],
    ['minify', 'true']
  ])(
    'refuses the per-function input %s set to something else than its default',
    async (input, value) => {
      const error = await failure(ONE, { [input]: value })
      expect(error.input).toBe(input)
      expect(error.message).toContain('while functions names a manifest: put it in the manifest')
    }
  )

  it('accepts per-function inputs at their action.yml defaults, as the runner passes them', async () => {
    const { functions } = await load(ONE, {
      type: 'function',
      runtime: 'cloudfront-js-2.0',
      publish: 'false',
      'max-compute-utilization': '80',
      bundle: 'false',
      minify: 'false',
      comment: '',
      tags: ''
    })
    expect(functions).toHaveLength(1)
  })

  it('accepts a value that means the default, written another way', async () => {
    const { functions } = await load(ONE, {
      publish: 'False',
      'max-compute-utilization': '80.0',
      bundle: 'FALSE'
    })
    expect(functions).toHaveLength(1)
  })

  it('applies the run-wide inputs to every function', async () => {
    const { run, functions } = await load(
      'functions:\n  - name: a\n    code: a.js\n  - name: b\n    code: b.js\n',
      { 'dry-run': 'true', 'max-parallel': '7', 'comment-on-pr': 'true' }
    )
    expect(run).toMatchObject({ dryRun: true, maxParallel: 7, commentOnPr: true })
    expect(functions).toHaveLength(2)
  })

  it.each(['0', '11', 'two', '2.5'])(
    'refuses max-parallel %s: 1 to 10 functions at once',
    async value => {
      const error = await failure(ONE, { 'max-parallel': value })
      expect(error.input).toBe('max-parallel')
      expect(error.message).toContain(`'${value}' is not a whole number from 1 to 10.`)
    }
  )

  it('tests offline with the manifest that deploys and publishes: publish is not in the way', async () => {
    const { functions } = await load(
      'defaults:\n  publish: true\nfunctions:\n  - name: a\n    code: a.js\n  - name: b\n    code: b.js\n    publish: true\n',
      { offline: 'true' }
    )
    expect(functions.map(fn => fn.publish)).toEqual([false, false])
  })

  it('deletes with the manifest that deploys and publishes: publish is not in the way', async () => {
    const { run, functions } = await load(
      'defaults:\n  publish: true\nfunctions:\n  - name: a\n    code: a.js\n  - name: b\n    publish: true\n',
      { delete: 'true', 'name-suffix': '-pr-9' }
    )
    expect(run.delete).toBe(true)
    expect(functions.map(fn => [fn.name, fn.code])).toEqual([
      ['a-pr-9', ''],
      ['b-pr-9', '']
    ])
  })

  it('still refuses an invalid entry in delete mode', async () => {
    const error = await failure('functions:\n  - name: a\n    code: a.js\n    runtim: x\n', {
      delete: 'true'
    })
    expect(error.message).toContain("functions[0] (a): unknown key 'runtim'")
  })
})
