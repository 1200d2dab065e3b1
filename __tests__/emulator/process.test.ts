// The emulator as other processes see it: the state file, the CLI entry point,
// and the AWS CLI as a second, independent client.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import {
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  DescribeFunctionCommand,
  DescribeKeyValueStoreCommand,
  ListTagsForResourceCommand,
  PublishFunctionCommand,
  UpdateFunctionCommand,
  UpdateKeyValueStoreCommand
} from '@aws-sdk/client-cloudfront'
import { etagOf, FIRST_ETAG, SECOND_ETAG, startEmulator } from '../../emulator/index.js'
import { REQUEST_FN, bytes, client, config } from './helpers.js'

const run = promisify(execFile)
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cf-emulator-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('state survives a restart through the state file', async () => {
  const stateFile = join(dir, 'state.json')
  const first = await startEmulator({ stateFile })
  const cf = client(first.url)
  await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
  first.putKeyValue('kv', 'k', 'v')
  const created = await cf.send(
    new CreateFunctionCommand({
      Name: 'kept',
      FunctionConfig: config(),
      FunctionCode: bytes(REQUEST_FN),
      Tags: { Items: [{ Key: 'a', Value: 'b' }] }
    })
  )
  await cf.send(new PublishFunctionCommand({ Name: 'kept', IfMatch: created.ETag }))
  // Saved on every change, not only at exit.
  const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { functions: unknown[] }
  expect(saved.functions).toHaveLength(1)
  const before = first.state()
  cf.destroy()
  await first.close()

  const second = await startEmulator({ stateFile })
  const cf2 = client(second.url)
  expect(second.state()).toEqual(before)
  const live = await cf2.send(new DescribeFunctionCommand({ Name: 'kept', Stage: 'LIVE' }))
  expect(live.ETag).toBe(created.ETag)
  expect(live.FunctionSummary?.Status).toBe('UNASSOCIATED')
  const tags = await cf2.send(
    new ListTagsForResourceCommand({
      Resource: live.FunctionSummary!.FunctionMetadata!.FunctionARN
    })
  )
  expect(tags.Tags?.Items).toEqual([{ Key: 'a', Value: 'b' }])
  cf2.destroy()
  await second.close()
})

test('version counters survive a restart: ETags continue where they stopped', async () => {
  const stateFile = join(dir, 'versions.json')
  const first = await startEmulator({ stateFile })
  const cf = client(first.url)
  const update = (c: typeof cf, IfMatch: string | undefined) =>
    c.send(
      new UpdateFunctionCommand({
        Name: 'counted',
        IfMatch,
        FunctionConfig: config(),
        FunctionCode: bytes(REQUEST_FN)
      })
    )
  let etag = (
    await cf.send(
      new CreateFunctionCommand({
        Name: 'counted',
        FunctionConfig: config(),
        FunctionCode: bytes(REQUEST_FN)
      })
    )
  ).ETag
  etag = (await update(cf, etag)).ETag
  await cf.send(new PublishFunctionCommand({ Name: 'counted', IfMatch: etag }))
  etag = (await update(cf, etag)).ETag
  expect(etag).toBe(etagOf(3))
  await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
  await cf.send(new UpdateKeyValueStoreCommand({ Name: 'kv', IfMatch: FIRST_ETAG, Comment: 'x' }))
  cf.destroy()
  await first.close()

  const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as {
    version: number
    functions: { development: { number: number }; live: { number: number } }[]
    stores: { version: number }[]
  }
  expect(saved.version).toBe(2)
  expect(saved.functions[0].development.number).toBe(3)
  expect(saved.functions[0].live.number).toBe(2)
  expect(saved.stores[0].version).toBe(2)

  const second = await startEmulator({ stateFile })
  const cf2 = client(second.url)
  try {
    const dev = await cf2.send(new DescribeFunctionCommand({ Name: 'counted' }))
    const live = await cf2.send(new DescribeFunctionCommand({ Name: 'counted', Stage: 'LIVE' }))
    expect([dev.ETag, live.ETag]).toEqual([etagOf(3), SECOND_ETAG])
    // The ETag held before the restart is still current, and the count goes on.
    expect((await update(cf2, etag)).ETag).toBe(etagOf(4))
    const store = await cf2.send(new DescribeKeyValueStoreCommand({ Name: 'kv' }))
    expect(store.ETag).toBe(SECOND_ETAG)
    const store3 = await cf2.send(
      new UpdateKeyValueStoreCommand({ Name: 'kv', IfMatch: SECOND_ETAG, Comment: 'y' })
    )
    expect(store3.ETag).toBe(etagOf(3))
  } finally {
    cf2.destroy()
    await second.close()
  }
})

test('a format 1 state file (content ETags) loads with version numbers', async () => {
  const stateFile = join(dir, 'format-1.json')
  const code = Buffer.from(REQUEST_FN).toString('base64')
  const version = (etag: string, comment: string) => ({
    code,
    config: { comment, runtime: 'cloudfront-js-1.0', keyValueStoreArns: [] },
    etag,
    lastModified: 1_700_000_000_000
  })
  const fn = (name: string, dev: string, live?: string) => ({
    kind: 'function',
    name,
    id: name,
    arn: `arn:aws:cloudfront::123456789012:function/${name}`,
    created: 1_700_000_000_000,
    associated: false,
    development: version(dev, dev),
    live: live ? version(live, live) : undefined,
    tags: {}
  })
  writeFileSync(
    stateFile,
    JSON.stringify({
      version: 1,
      functions: [
        fn('unpublished', 'EAAAAAAAAAAAAA'),
        fn('published', 'EBBBBBBBBBBBBB', 'EBBBBBBBBBBBBB'),
        fn('ahead', 'ECCCCCCCCCCCCC', 'EDDDDDDDDDDDDD')
      ],
      stores: []
    })
  )
  const emu = await startEmulator({ stateFile })
  try {
    const versions = emu
      .state()
      .functions.map(f => [f.name, f.development.etag, f.live?.etag, f.development.config.comment])
    expect(versions).toEqual([
      ['unpublished', FIRST_ETAG, undefined, 'EAAAAAAAAAAAAA'],
      ['published', FIRST_ETAG, FIRST_ETAG, 'EBBBBBBBBBBBBB'],
      ['ahead', SECOND_ETAG, FIRST_ETAG, 'ECCCCCCCCCCCCC']
    ])
  } finally {
    await emu.close()
  }
  expect((JSON.parse(readFileSync(stateFile, 'utf8')) as { version: number }).version).toBe(2)
})

test('an unknown state file format is refused', async () => {
  const stateFile = join(dir, 'format-9.json')
  writeFileSync(stateFile, JSON.stringify({ version: 9, functions: [] }))
  await expect(startEmulator({ stateFile })).rejects.toThrow(/unsupported state file format 9/)
})

// `npx tsx …` and `npm run emulator` run the CLI under npm, which does not forward
// SIGTERM to its child: signal the whole process group, or run tsx directly.
function startCli(
  args: string[],
  via: 'tsx' | 'npx' = 'tsx'
): Promise<{ child: ChildProcess; url: string }> {
  const [cmd, pre] =
    via === 'npx' ? ['npx', ['tsx']] : [join(process.cwd(), 'node_modules/.bin/tsx'), []]
  const child = spawn(cmd, [...pre, 'emulator/cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
    detached: via === 'npx'
  })
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', line => {
      const m = /^CloudFront emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)
      if (m) resolve({ child, url: m[1] })
      else reject(new Error(`unexpected first line: ${line}`))
    })
    child.once('exit', code => reject(new Error(`emulator exited early with ${code}`)))
  })
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))

test('the CLI prints one line, serves, saves state and stops on SIGTERM with 0', async () => {
  const stateFile = join(dir, 'cli-state.json')
  const { child, url } = await startCli(['--port', '0', '--state', stateFile])
  const cf = client(url)
  await cf.send(
    new CreateFunctionCommand({
      Name: 'from-cli',
      FunctionConfig: config(),
      FunctionCode: bytes(REQUEST_FN)
    })
  )
  cf.destroy()
  const code = exited(child)
  child.kill('SIGTERM')
  expect(await code).toBe(0)
  const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { functions: { name: string }[] }
  expect(saved.functions.map(f => f.name)).toEqual(['from-cli'])

  // A second process picks the state up again, and SIGINT stops it cleanly too.
  const again = await startCli(['--port', '0', '--state', stateFile, '--latency', '5'])
  const cf2 = client(again.url)
  const d = await cf2.send(new DescribeFunctionCommand({ Name: 'from-cli' }))
  expect(d.FunctionSummary?.Name).toBe('from-cli')
  cf2.destroy()
  const code2 = exited(again.child)
  again.child.kill('SIGINT')
  expect(await code2).toBe(0)
}, 30_000)

test('the CLI refuses settings outside their limits with exit code 2', async () => {
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
  const refused = await run(tsx, ['emulator/cli.ts', '--compute-budget', '0'], {
    env: { ...process.env, NODE_OPTIONS: '' }
  }).then(
    () => undefined,
    (e: { code: number; stderr: string }) => e
  )
  expect(refused?.code).toBe(2)
  expect(refused?.stderr).toContain('--compute-budget must be a number of milliseconds > 0, got 0')
}, 30_000)

test('under npx, SIGTERM to the process group stops the emulator', async () => {
  const { child, url } = await startCli(['--port', '0'], 'npx')
  expect((await fetch(`${url}/__emulator/state`)).status).toBe(200)
  const done = exited(child)
  process.kill(-child.pid!, 'SIGTERM')
  await done
  // The emulator itself is gone: its port refuses connections.
  let refused = false
  for (let i = 0; i < 40 && !refused; i++) {
    refused = await fetch(`${url}/__emulator/state`).then(
      () => false,
      () => true
    )
    if (!refused) await new Promise(r => setTimeout(r, 50))
  }
  expect(refused).toBe(true)
}, 30_000)

const hasAws = (() => {
  try {
    return (process.env.PATH ?? '').split(':').some(p => {
      try {
        readFileSync(join(p, 'aws'))
        return true
      } catch {
        return false
      }
    })
  } catch {
    return false
  }
})()

;(hasAws ? describe : describe.skip)('AWS CLI cross-check', () => {
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: ''
  }
  const aws = async <T>(url: string, ...args: string[]): Promise<T> => {
    const { stdout } = await run(
      'aws',
      ['cloudfront', ...args, '--endpoint-url', url, '--output', 'json'],
      {
        env
      }
    )
    return JSON.parse(stdout || '{}') as T
  }

  const awsFails = async (url: string, ...args: string[]): Promise<string> => {
    try {
      await aws(url, ...args)
    } catch (e) {
      return String((e as { stderr?: string }).stderr)
    }
    throw new Error(`aws ${args[0]} was expected to fail`)
  }

  test('create-function, describe-function, list-functions and connection functions', async () => {
    const emu = await startEmulator()
    const cf = client(emu.url)
    try {
      const codeFile = join(dir, 'fn.js')
      writeFileSync(codeFile, REQUEST_FN)
      const created = await aws<{
        ETag: string
        FunctionSummary: { Name: string; Status: string }
      }>(
        emu.url,
        'create-function',
        '--name',
        'cli-fn',
        '--function-config',
        'Comment=from cli,Runtime=cloudfront-js-1.0',
        '--function-code',
        `fileb://${codeFile}`
      )
      expect(created.FunctionSummary.Name).toBe('cli-fn')
      expect(created.FunctionSummary.Status).toBe('UNPUBLISHED')
      expect(created.ETag).toBe(FIRST_ETAG)

      const described = await aws<{
        ETag: string
        FunctionSummary: { FunctionConfig: { Comment: string } }
      }>(emu.url, 'describe-function', '--name', 'cli-fn')
      expect(described.ETag).toBe(created.ETag)
      expect(described.FunctionSummary.FunctionConfig.Comment).toBe('from cli')

      const listed = await aws<{
        FunctionList: { Quantity: number; Items: { Name: string }[] }
      }>(emu.url, 'list-functions')
      expect(listed.FunctionList.Items.map(i => i.Name)).toEqual(['cli-fn'])

      const conn = await aws<{ ETag: string; ConnectionFunctionSummary: { Id: string } }>(
        emu.url,
        'create-connection-function',
        '--name',
        'cli-conn',
        '--connection-function-config',
        'Comment=c,Runtime=cloudfront-js-2.0',
        '--connection-function-code',
        `fileb://${codeFile}`
      )
      expect(conn.ETag).toBe(FIRST_ETAG)
      const id = conn.ConnectionFunctionSummary.Id
      const d = await aws<{
        ConnectionFunctionSummary: { Name: string }
      }>(emu.url, 'describe-connection-function', '--identifier', id)
      expect(d.ConnectionFunctionSummary.Name).toBe('cli-conn')
      const list = await aws<{
        ConnectionFunctions: { Id: string }[]
      }>(emu.url, 'list-connection-functions')
      expect(list.ConnectionFunctions.map(c => c.Id)).toEqual([id])

      // The SDK sees what the CLI wrote.
      const viaSdk = await cf.send(new DescribeFunctionCommand({ Name: 'cli-fn' }))
      expect(viaSdk.ETag).toBe(created.ETag)
    } finally {
      cf.destroy()
      await emu.close()
    }
  }, 30_000)

  test('ETags count versions through the CLI: update (same code), publish, LIVE', async () => {
    const emu = await startEmulator()
    try {
      const codeFile = join(dir, 'versions.js')
      writeFileSync(codeFile, REQUEST_FN)
      const fnConfig = ['--function-config', 'Comment=same,Runtime=cloudfront-js-1.0']
      const code = ['--function-code', `fileb://${codeFile}`]
      const created = await aws<{ ETag: string }>(
        emu.url,
        'create-function',
        '--name',
        'versions',
        ...fnConfig,
        ...code
      )
      expect(created.ETag).toBe(FIRST_ETAG)
      // The CLI reads UpdateFunction's ETag from the model's "ETtag" header, as the SDK.
      const updated = await aws<{ ETag: string }>(
        emu.url,
        'update-function',
        '--name',
        'versions',
        '--if-match',
        FIRST_ETAG,
        ...fnConfig,
        ...code
      )
      expect(updated.ETag).toBe(SECOND_ETAG)
      await aws(emu.url, 'publish-function', '--name', 'versions', '--if-match', SECOND_ETAG)
      const live = await aws<{ ETag: string; FunctionSummary: { Status: string } }>(
        emu.url,
        'describe-function',
        '--name',
        'versions',
        '--stage',
        'LIVE'
      )
      expect(live.ETag).toBe(SECOND_ETAG)
      expect(live.FunctionSummary.Status).toBe('UNASSOCIATED')
      const again = await awsFails(
        emu.url,
        'publish-function',
        '--name',
        'versions',
        '--if-match',
        SECOND_ETAG
      )
      expect(again).toContain('(PreconditionFailed)')
      const third = await aws<{ ETag: string }>(
        emu.url,
        'update-function',
        '--name',
        'versions',
        '--if-match',
        SECOND_ETAG,
        ...fnConfig,
        ...code
      )
      expect(third.ETag).toBe(etagOf(3))
    } finally {
      await emu.close()
    }
  }, 30_000)

  test('validation errors reach the CLI: aws: tag keys, comments over 128 characters', async () => {
    const emu = await startEmulator()
    try {
      const codeFile = join(dir, 'validated.js')
      writeFileSync(codeFile, REQUEST_FN)
      const created = await aws<{ FunctionSummary: { FunctionMetadata: { FunctionARN: string } } }>(
        emu.url,
        'create-function',
        '--name',
        'validated',
        '--function-config',
        'Comment=ok,Runtime=cloudfront-js-1.0',
        '--function-code',
        `fileb://${codeFile}`
      )
      const arn = created.FunctionSummary.FunctionMetadata.FunctionARN
      const reserved = await awsFails(
        emu.url,
        'tag-resource',
        '--resource',
        arn,
        '--tags',
        'Items=[{Key=AWS:owner,Value=me}]'
      )
      expect(reserved).toContain('(InvalidTagging)')
      expect(reserved).toContain('reserved')
      const long = await awsFails(
        emu.url,
        'update-function',
        '--name',
        'validated',
        '--if-match',
        FIRST_ETAG,
        '--function-config',
        `Comment=${'c'.repeat(129)},Runtime=cloudfront-js-1.0`,
        '--function-code',
        `fileb://${codeFile}`
      )
      expect(long).toContain('(InvalidArgument)')
      expect(long).toContain('128 characters')
      // Neither request changed anything.
      const fn = emu.state().functions[0]
      expect([fn.development.version, fn.tags]).toEqual([1, {}])
    } finally {
      await emu.close()
    }
  }, 30_000)
})
