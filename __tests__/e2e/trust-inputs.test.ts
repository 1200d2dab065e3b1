// Inputs that can hurt: files from outside the job (paths, symlinks, devices, pipes, huge
// files), comments CloudFront would refuse or mangle, code that reads a store nobody
// declared, and `export`. Every one is refused before the first request, names the input,
// and never echoes a file's content.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  createStore,
  expectExit,
  fixture,
  output,
  resetEmulator,
  startHarness,
  stored,
  workflowCommands,
  type ActionRun,
  type Harness
} from './helpers.js'

let h: Harness
/** A folder outside every workspace, holding files no run may read. */
let outside: string

// Looks like a credential: it must never reach the log, the outputs or the summary.
const SECRET = 'AKIAE2ETRUSTSECRET7Q-do-not-print'

const SECRET_CODE = `// ${SECRET}\nfunction handler(event) {\n  return event.request\n}\n`
const SECRET_CASE = JSON.stringify({
  name: SECRET,
  event: { version: '1.0', context: { eventType: 'viewer-request' }, request: { uri: SECRET } }
})

beforeAll(async () => {
  h = await startHarness()
  outside = mkdtempSync(join(tmpdir(), 'cf-outside-'))
  writeFileSync(join(outside, 'secret.js'), SECRET_CODE)
  writeFileSync(join(outside, 'secret.json'), SECRET_CASE)
})
beforeEach(() => resetEmulator(h))
afterAll(async () => {
  await h.close()
  rmSync(outside, { recursive: true, force: true })
})

/** The secret appears nowhere the run wrote: log, errors, outputs, summary. */
function expectNoSecret(run: ActionRun): void {
  expect(run.stdout).not.toContain(SECRET)
  expect(run.stderr).not.toContain(SECRET)
  expect(run.summary).not.toContain(SECRET)
  expect(JSON.stringify(run.outputs)).not.toContain(SECRET)
}

/** Failed on `input` with `message`, and CloudFront never heard of the run. */
function expectRefused(run: ActionRun, input: string, message?: RegExp): void {
  expectExit(run, 1)
  const failure = workflowCommands(run.stdout).find(
    command => command.command === 'error' && command.properties === ''
  )
  expect(failure?.data).toMatch(new RegExp(`^Input '${input}'`))
  if (message) expect(failure?.data).toMatch(message)
  expect(h.emu.requestLog()).toEqual([])
  expectNoSecret(run)
}

type Setup = (workspace: string) => string

/** Ways a path can lead outside the job; each returns the value to give the input. */
const ESCAPES: { what: string; file: 'secret.js' | 'secret.json'; setup: Setup }[] = []
for (const file of ['secret.js', 'secret.json'] as const) {
  ESCAPES.push(
    { what: `../ to ${file} outside`, file, setup: () => `../${basename(outside)}/${file}` },
    { what: `an absolute path to ${file} outside`, file, setup: () => join(outside, file) },
    {
      what: `a symlink in the workspace to ${file} outside`,
      file,
      setup: ws => {
        symlinkSync(join(outside, file), join(ws, `link-${file}`))
        return `link-${file}`
      }
    },
    {
      what: 'a symlink to /dev/zero',
      file,
      setup: ws => {
        symlinkSync('/dev/zero', join(ws, `zero-${file}`))
        return `zero-${file}`
      }
    },
    {
      what: 'a named pipe (FIFO)',
      file,
      setup: ws => {
        execFileSync('mkfifo', [join(ws, `pipe-${file}`)])
        return `pipe-${file}`
      }
    },
    { what: 'a directory', file, setup: () => 'tests' }
  )
}

describe('files stay inside the job', () => {
  it.each(ESCAPES.filter(escape => escape.file === 'secret.js'))(
    'code: $what is refused before any request',
    async ({ setup }) => {
      const ws = h.workspace()
      const run = await h.run(ws, { name: 'escape', code: setup(ws) })
      expectRefused(run, 'code')
    }
  )

  it.each(ESCAPES.filter(escape => escape.file === 'secret.json'))(
    'test-events: $what is refused before any request',
    async ({ setup }) => {
      const ws = h.workspace()
      const run = await h.run(ws, {
        name: 'escape',
        code: 'function-v1.js',
        'test-events': `tests/function-v1.json\n${setup(ws)}`
      })
      expectRefused(run, 'test-events')
    }
  )

  it.each([
    ['a glob that climbs out with ..', () => `../${basename(outside)}/*.json`],
    ['an absolute glob outside', () => `${outside}/*.json`],
    ['a glob of the whole file system', () => '/**/secret.json']
  ])('test-events: %s is refused before any request', async (_, pattern) => {
    const run = await h.run(h.workspace(), {
      name: 'escape',
      code: 'function-v1.js',
      'test-events': pattern()
    })
    expectRefused(run, 'test-events')
  })

  it('test-events: a glob never matches a symlink, so one leading outside is never read', async () => {
    const ws = h.workspace({
      'cases/ok.json': JSON.stringify({ name: 'ok', event: { request: { uri: '/' } } })
    })
    symlinkSync(join(outside, 'secret.json'), join(ws, 'cases', 'zz-link.json'))
    const run = await h.run(ws, {
      name: 'escape',
      code: 'function-v1.js',
      'test-events': 'cases/*.json'
    })
    expectExit(run, 0)
    const results = JSON.parse(run.outputs['test-results']) as { name: string }[]
    expect(results.map(result => result.name)).toEqual(['ok'])
    expect(output(run)).not.toContain(SECRET)
  })

  it('test-events: a glob whose folder is a link out of the job is refused, naming nothing there', async () => {
    const ws = h.workspace()
    symlinkSync(outside, join(ws, 'linked'))
    const run = await h.run(ws, {
      name: 'escape',
      code: 'function-v1.js',
      'test-events': 'linked/*.json'
    })
    expectRefused(run, 'test-events', /its folder 'linked' leads outside the workspace/)
    expect(output(run)).not.toContain(outside)
    expect(output(run)).not.toContain('secret.json')
  })

  it('test-events: a symlink to outside named without a glob is refused', async () => {
    const ws = h.workspace()
    symlinkSync(join(outside, 'secret.json'), join(ws, 'tests', 'zz-link.json'))
    const run = await h.run(ws, {
      name: 'escape',
      code: 'function-v1.js',
      'test-events': 'tests/zz-link.json'
    })
    expectRefused(run, 'test-events', /outside the workspace/)
  })

  it('code with bundle: a relative import through a symlink to outside is refused', async () => {
    const ws = h.workspace({
      'entry.js':
        "import helper from './lib/helper.js'\nfunction handler(event) {\n  return helper(event)\n}\n"
    })
    mkdirSync(join(ws, 'lib'), { recursive: true })
    writeFileSync(join(outside, 'helper.js'), `// ${SECRET}\nexport default e => e.request\n`)
    symlinkSync(join(outside, 'helper.js'), join(ws, 'lib', 'helper.js'))
    const run = await h.run(ws, { name: 'escape', code: 'entry.js', bundle: 'true' })
    expectRefused(run, 'code', /outside the workspace/)
  })

  it('test-events: a glob never reads a named pipe or a device it meets', async () => {
    const ws = h.workspace({
      'cases/ok.json': JSON.stringify({ name: 'ok', event: { request: { uri: '/' } } })
    })
    execFileSync('mkfifo', [join(ws, 'cases', 'pipe.json')])
    symlinkSync('/dev/zero', join(ws, 'cases', 'zero.json'))
    const run = await h.run(ws, {
      name: 'globbed',
      code: 'function-v1.js',
      'test-events': 'cases/*.json'
    })
    // Refused before any request, or skipped (the glob lists regular files only): never read.
    if (run.exitCode === 0) {
      const results = JSON.parse(run.outputs['test-results']) as { name: string }[]
      expect(results.map(result => result.name)).toEqual(['ok'])
    } else {
      expectRefused(run, 'test-events')
    }
  })

  // Known gap in src/testing/cases.ts (not checked before globbing): the glob follows a
  // symlinked directory out of the workspace and lists the whole file system behind it (the
  // files it finds there are refused afterwards, but only after the crawl, and the step fails).
  it('test-events: a glob does not crawl out of the workspace through a symlinked directory', async () => {
    const ws = h.workspace({
      'cases/ok.json': JSON.stringify({ name: 'ok', event: { request: { uri: '/' } } })
    })
    symlinkSync('/', join(ws, 'cases', 'root'))
    const run = await h.run(ws, {
      name: 'crawl',
      code: 'function-v1.js',
      'test-events': 'cases/**/*.json'
    })
    expectExit(run, 0)
    const results = JSON.parse(run.outputs['test-results']) as { name: string }[]
    expect(results.map(result => result.name)).toEqual(['ok'])
  }, 180_000)

  it('functions: a manifest outside the workspace is refused before any request', async () => {
    writeFileSync(
      join(outside, 'manifest.yml'),
      `functions:\n  - name: ${SECRET.replace(/-/g, '')}\n    code: function-v1.js\n`
    )
    const run = await h.run(h.workspace(), {
      functions: `../${basename(outside)}/manifest.yml`
    })
    expectRefused(run, 'functions', /outside the workspace/)
  })

  it('offline-store-data: a symlink to a file outside is refused before anything runs', async () => {
    writeFileSync(join(outside, 'store.json'), JSON.stringify({ '/': SECRET }))
    const ws = h.workspace()
    symlinkSync(join(outside, 'store.json'), join(ws, 'store.json'))
    const run = await h.run(ws, {
      name: 'offline',
      code: 'kvs-function.js',
      'key-value-stores': 'my-store',
      offline: 'true',
      'offline-store-data': 'store.json'
    })
    expectRefused(run, 'offline-store-data', /outside the workspace/)
  })

  it('a file generated into RUNNER_TEMP by an earlier step is accepted', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'cf-runner-temp-'))
    try {
      writeFileSync(join(temp, 'generated.js'), fixture('function-v1.js'))
      const run = await h.run(
        h.workspace(),
        { name: 'from-temp', code: join(temp, 'generated.js') },
        { RUNNER_TEMP: temp }
      )
      expectExit(run, 0)
      expect(stored(h.emu, 'function', 'from-temp')!.development.code).toBe(
        fixture('function-v1.js')
      )
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  })
})

describe('sizes are checked before reading', () => {
  it('code: a 3 GiB sparse file gets a size message', async () => {
    const ws = h.workspace()
    writeFileSync(join(ws, 'huge.js'), '')
    truncateSync(join(ws, 'huge.js'), 3 * 1024 ** 3)
    const run = await h.run(ws, { name: 'huge', code: 'huge.js' })
    expectRefused(run, 'code', /3\.0 GiB, over the limit of 10,240 bytes/)
    expect(output(run)).not.toMatch(/permission/i)
  })

  it('code to build: a 3 GiB TypeScript file gets a size message', async () => {
    const ws = h.workspace()
    writeFileSync(join(ws, 'huge.ts'), '')
    truncateSync(join(ws, 'huge.ts'), 3 * 1024 ** 3)
    const run = await h.run(ws, { name: 'huge', code: 'huge.ts' })
    expectRefused(run, 'code', /3\.0 GiB, over the 1\.0 MiB/)
  })

  // Known gap in src/build/load-module.ts (not checked before reading): an imported module's
  // size is never checked; Node refuses this one only because it is over 2 GiB, with a message
  // that is not about the input and names an absolute path. A 1.9 GiB module is read whole.
  it('code with bundle: an imported module of 3 GiB gets a size message', async () => {
    const ws = h.workspace({
      'entry.js': "import big from './big.js'\nfunction handler(event) {\n  return big(event)\n}\n"
    })
    writeFileSync(join(ws, 'big.js'), '')
    truncateSync(join(ws, 'big.js'), 3 * 1024 ** 3)
    const run = await h.run(ws, { name: 'huge', code: 'entry.js', bundle: 'true' })
    expectRefused(run, 'code', /3\.0 GiB/)
  })

  it('test-events: a 3 GiB sparse file gets a size message', async () => {
    const ws = h.workspace()
    writeFileSync(join(ws, 'tests', 'huge.json'), '')
    truncateSync(join(ws, 'tests', 'huge.json'), 3 * 1024 ** 3)
    const run = await h.run(ws, {
      name: 'huge',
      code: 'function-v1.js',
      'test-events': 'tests/huge.json'
    })
    expectRefused(run, 'test-events', /3\.0 GiB, over the limit of 1\.0 MiB/)
    expect(output(run)).not.toMatch(/permission/i)
  })

  it('test-events: a case file just over 1 MiB is refused without quoting it', async () => {
    const padded = JSON.stringify({
      name: SECRET,
      event: { request: { uri: '/' }, padding: SECRET.repeat(Math.ceil(1024 ** 2 / SECRET.length)) }
    })
    const ws = h.workspace({ 'tests/big.json': padded })
    const run = await h.run(ws, {
      name: 'big',
      code: 'function-v1.js',
      'test-events': 'tests/big.json'
    })
    expectRefused(run, 'test-events', /over the limit of 1\.0 MiB/)
  })

  it('code: one byte over 10,240 is refused without quoting it', async () => {
    const code = `${SECRET_CODE}//${'x'.repeat(10_241 - SECRET_CODE.length - 3)}\n`
    expect(Buffer.byteLength(code)).toBe(10_241)
    const run = await h.run(h.workspace({ 'big.js': code }), { name: 'big', code: 'big.js' })
    expectRefused(run, 'code', /10,241 bytes, over the limit of 10,240 bytes/)
  })
})

describe('no message quotes a file', () => {
  it('invalid test-case JSON: an annotation at its file and line, no content', async () => {
    const bad = `{\n  "name": "fine",\n  "event": { "uri": ${SECRET} }\n}\n`
    const ws = h.workspace({ 'tests/bad.json': bad })
    const run = await h.run(ws, {
      name: 'bad-json',
      code: 'function-v1.js',
      'test-events': 'tests/bad.json'
    })
    expectRefused(run, 'test-events', /tests\/bad\.json is not valid JSON/)
    const annotation = workflowCommands(run.stdout).find(
      command => command.command === 'error' && command.properties.includes('file=')
    )
    expect(annotation?.properties).toMatch(/file=tests\/bad\.json/)
    expect(annotation?.properties).toMatch(/line=3\b/)
  })

  it('functions: a YAML file of secrets is refused without quoting a value', async () => {
    const ws = h.workspace({ 'secrets.yml': `api_key: ${SECRET}\nfunctions: ${SECRET}\n` })
    const run = await h.run(ws, { functions: 'secrets.yml' })
    expectRefused(run, 'functions')
  })

  it('functions: invalid YAML is refused at its line without quoting it', async () => {
    const ws = h.workspace({ 'bad.yml': `functions:\n  - name: a\n    code: "${SECRET}\n` })
    const run = await h.run(ws, { functions: 'bad.yml' })
    expectRefused(run, 'functions', /bad\.yml is not valid YAML/)
  })

  it('offline-store-data: invalid JSON is refused at its line without quoting it', async () => {
    const ws = h.workspace({ 'store.json': `{\n  "/": ${SECRET}\n}\n` })
    const run = await h.run(ws, {
      name: 'offline',
      code: 'kvs-function.js',
      'key-value-stores': 'my-store',
      offline: 'true',
      'offline-store-data': 'store.json'
    })
    expectRefused(run, 'offline-store-data', /store\.json is not valid JSON/)
    const annotation = workflowCommands(run.stdout).find(
      command => command.command === 'error' && command.properties.includes('file=')
    )
    expect(annotation?.properties).toMatch(/file=store\.json,line=2\b/)
  })

  it.each([
    ['a string where the event goes', { name: 'x', event: SECRET }],
    ['a non-string name', { name: [SECRET], event: {} }],
    ['an expectation that is not an object', { event: {}, expect: SECRET }]
  ])('a case with %s: says what is wrong, not what the file holds', async (_, content) => {
    const ws = h.workspace({ 'tests/shape.json': JSON.stringify(content) })
    const run = await h.run(ws, {
      name: 'bad-case',
      code: 'function-v1.js',
      'test-events': 'tests/shape.json'
    })
    expectRefused(run, 'test-events')
  })

  it('code that does not parse: the position, not the line', async () => {
    const code = `function handler(event) {\n  var token = "${SECRET}" +;\n  return event.request\n}\n`
    const run = await h.run(h.workspace({ 'broken.js': code }), {
      name: 'broken',
      code: 'broken.js'
    })
    expectRefused(run, 'code')
  })
})

describe('comment', () => {
  it.each([
    ['129 characters', 'c'.repeat(129), /129 characters; CloudFront allows at most 128/],
    ['a newline', 'first line\nsecond line', /line break/],
    ['a carriage return', 'first\rsecond', /line break/],
    ['a control character', 'bell\u0007', /U\+0007/],
    ['a line separator', 'a\u2028b', /U\+2028/],
    ['a noncharacter XML cannot carry', 'a\uffffb', /U\+FFFF/]
  ])('with %s is refused before any request', async (_, comment, message) => {
    const run = await h.run(h.workspace(), { name: 'commented', code: 'function-v1.js', comment })
    expectRefused(run, 'comment', message)
  })

  it('counts characters, not UTF-16 units: 128 letters outside the BMP are accepted', async () => {
    const comment = '𝒞'.repeat(128)
    const run = await h.run(h.workspace(), { name: 'astral', code: 'function-v1.js', comment })
    expectExit(run, 0)
    expect(stored(h.emu, 'function', 'astral')!.development.config.comment).toBe(comment)
  })
})

describe('a forgotten store cannot detach production', () => {
  /** The 1-based line of `text` in `source`. */
  const lineOf = (source: string, text: string): number =>
    source.split('\n').findIndex(line => line.includes(text)) + 1

  const READERS: { what: string; type: string; file: string; source?: string; at: string }[] = [
    { what: 'cf.kvs() (function)', type: 'function', file: 'kvs-function.js', at: 'cf.kvs(' },
    {
      what: 'cf.kvs() (connection function)',
      type: 'connection-function',
      file: 'connection-kvs.js',
      at: 'cf.kvs('
    },
    {
      what: 'another name for the module',
      type: 'function',
      file: 'renamed.js',
      source:
        "import edge from 'cloudfront'\n\nasync function handler(event) {\n  const store = edge.kvs()\n  await store.get('k')\n  return event.request\n}\n",
      at: 'edge.kvs('
    },
    {
      what: 'a named import of kvs',
      type: 'function',
      file: 'named.js',
      source:
        "import { kvs } from 'cloudfront'\n\nasync function handler(event) {\n  await kvs().get('k')\n  return event.request\n}\n",
      at: '{ kvs }'
    }
  ]

  for (const reader of READERS) {
    for (const [how, inputs] of [
      ['left empty', {}],
      ['misspelt as key-value-store (an unknown input)', { 'key-value-store': 'my-store' }]
    ] as const) {
      it(`code reading a store through ${reader.what}, key-value-stores ${how}: refused at the line`, async () => {
        await createStore(h, 'my-store')
        h.emu.clearRequestLog()
        const ws = h.workspace(reader.source ? { [reader.file]: reader.source } : {})
        const source = reader.source ?? fixture(reader.file)
        const run = await h.run(ws, {
          name: 'reads-store',
          type: reader.type,
          code: reader.file,
          ...inputs
        })
        expectRefused(run, 'key-value-stores')
        const annotation = workflowCommands(run.stdout).find(
          command => command.command === 'error' && command.properties.includes('file=')
        )
        expect(annotation?.properties).toContain(`file=${reader.file}`)
        expect(annotation?.properties).toContain(`line=${lineOf(source, reader.at)}`)
        expect(h.emu.state().functions).toEqual([])
      })
    }
  }

  it('an existing association is kept: the refused run changes nothing', async () => {
    const arn = await createStore(h, 'prod-store')
    const ws = h.workspace()
    expectExit(
      await h.run(ws, {
        name: 'attached',
        code: 'kvs-function.js',
        'key-value-stores': 'prod-store',
        publish: 'true'
      }),
      0
    )
    h.emu.clearRequestLog()
    const typo = await h.run(ws, {
      name: 'attached',
      code: 'kvs-function.js',
      'key-value-store': 'prod-store',
      publish: 'true'
    })
    expectRefused(typo, 'key-value-stores')
    const fn = stored(h.emu, 'function', 'attached')!
    expect(fn.development.config.keyValueStoreArns).toEqual([arn])
    expect(fn.live?.config.keyValueStoreArns).toEqual([arn])
  })

  it('a declared store the code never reads gets a warning and is associated', async () => {
    const arn = await createStore(h, 'unused-store')
    const run = await h.run(h.workspace(), {
      name: 'unused-store',
      code: 'function-v1.js',
      'key-value-stores': 'unused-store'
    })
    expectExit(run, 0)
    const warning = workflowCommands(run.stdout).find(
      command => command.command === 'warning' && command.data.includes('never reads')
    )
    expect(warning?.properties).toContain('file=function-v1.js')
    expect(stored(h.emu, 'function', 'unused-store')!.development.config.keyValueStoreArns).toEqual(
      [arn]
    )
  })
})

describe('export is refused by the code check', () => {
  const CASES = [
    {
      runtime: 'cloudfront-js-2.0',
      type: 'function',
      code: 'export function handler(event) {\n  return event.request\n}\n',
      line: 1
    },
    {
      runtime: 'cloudfront-js-2.0',
      type: 'function',
      code: 'function handler(event) {\n  return event.request\n}\n\nexport default handler\n',
      line: 5
    },
    {
      runtime: 'cloudfront-js-1.0',
      type: 'function',
      code: 'function handler(event) {\n  return event.request\n}\nexport { handler }\n',
      line: 4
    },
    {
      runtime: 'cloudfront-js-2.0',
      type: 'connection-function',
      code: 'export function connectionHandler(connection) {\n  connection.allow()\n}\n',
      line: 1
    }
  ]

  it.each(CASES)('$runtime, $type: export at line $line', async ({ runtime, type, code, line }) => {
    const run = await h.run(h.workspace({ 'exported.js': code }), {
      name: 'exported',
      type,
      runtime,
      code: 'exported.js'
    })
    expectRefused(run, 'code')
    const annotation = workflowCommands(run.stdout).find(
      command => command.command === 'error' && command.properties.includes('file=')
    )
    expect(annotation?.properties).toContain('file=exported.js')
    expect(annotation?.properties).toContain(`line=${line}`)
    expect(annotation?.data.toLowerCase()).toContain('export')
  })
})
