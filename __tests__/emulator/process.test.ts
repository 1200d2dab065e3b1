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
  ListTagsForResourceCommand,
  PublishFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { startEmulator } from '../../emulator/index.js'
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

  test('create-function, describe-function, list-functions and connection functions', async () => {
    const emu = await startEmulator()
    const codeFile = join(dir, 'fn.js')
    writeFileSync(codeFile, REQUEST_FN)
    const created = await aws<{ ETag: string; FunctionSummary: { Name: string; Status: string } }>(
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
    expect(created.ETag).toMatch(/^E[0-9A-F]{13}$/)

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

    const conn = await aws<{ ConnectionFunctionSummary: { Id: string } }>(
      emu.url,
      'create-connection-function',
      '--name',
      'cli-conn',
      '--connection-function-config',
      'Comment=c,Runtime=cloudfront-js-2.0',
      '--connection-function-code',
      `fileb://${codeFile}`
    )
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
    const cf = client(emu.url)
    const viaSdk = await cf.send(new DescribeFunctionCommand({ Name: 'cli-fn' }))
    expect(viaSdk.ETag).toBe(created.ETag)
    cf.destroy()
    await emu.close()
  }, 30_000)
})
