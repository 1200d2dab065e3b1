// The service's limits on comments and tags, through the real SDK: lengths in
// characters (code points), reserved aws: keys, 50 tags, and text XML cannot carry.
import {
  CreateConnectionFunctionCommand,
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  DescribeFunctionCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCommand,
  type CloudFrontClient,
  type Tag
} from '@aws-sdk/client-cloudfront'
import { FIRST_ETAG, startEmulator, type Emulator } from '../../emulator/index.js'
import { REQUEST_FN, bytes, client, config, failure, statusOf } from './helpers.js'

let emu: Emulator
let cf: CloudFrontClient

beforeAll(async () => {
  emu = await startEmulator()
  cf = client(emu.url)
})
afterAll(async () => {
  cf.destroy()
  await emu.close()
})
beforeEach(() => emu.reset())

/** U+1D49C MATHEMATICAL SCRIPT CAPITAL A: one letter (\p{L}), two UTF-16 units. */
const ASTRAL = '\u{1D49C}'

const create = (Name: string, Comment = 'c', Tags?: Tag[]) =>
  cf.send(
    new CreateFunctionCommand({
      Name,
      FunctionConfig: config(Comment),
      FunctionCode: bytes(REQUEST_FN),
      ...(Tags ? { Tags: { Items: Tags } } : {})
    })
  )

const arnOf = async (name: string) => {
  const d = await cf.send(new DescribeFunctionCommand({ Name: name }))
  return d.FunctionSummary!.FunctionMetadata!.FunctionARN!
}

const tag = (Resource: string, Items: Tag[]) =>
  cf.send(new TagResourceCommand({ Resource, Tags: { Items } }))

const tagsOf = async (Resource: string) =>
  (await cf.send(new ListTagsForResourceCommand({ Resource }))).Tags?.Items ?? []

describe('comments', () => {
  test('128 characters pass, 129 are InvalidArgument, on create and update', async () => {
    const created = await create('c128', 'c'.repeat(128))
    expect(created.FunctionSummary?.FunctionConfig?.Comment).toHaveLength(128)
    const e = await failure(create('c129', 'c'.repeat(129)))
    expect(e.name).toBe('InvalidArgument')
    expect(statusOf(e)).toBe(400)
    expect(e.message).toMatch(/128 characters/)
    const onUpdate = await failure(
      cf.send(
        new UpdateFunctionCommand({
          Name: 'c128',
          IfMatch: created.ETag,
          FunctionConfig: config('c'.repeat(129)),
          FunctionCode: bytes(REQUEST_FN)
        })
      )
    )
    expect(onUpdate.name).toBe('InvalidArgument')
    // The refused update made no version.
    expect((await cf.send(new DescribeFunctionCommand({ Name: 'c128' }))).ETag).toBe(FIRST_ETAG)
  })

  test('characters are code points: 128 astral letters pass, 129 do not', async () => {
    const ok = await create('astral', ASTRAL.repeat(128))
    expect(ok.FunctionSummary?.FunctionConfig?.Comment).toBe(ASTRAL.repeat(128))
    expect((await failure(create('astral-129', ASTRAL.repeat(129)))).name).toBe('InvalidArgument')
  })

  test('tab, LF and CR are kept; other control characters are InvalidArgument', async () => {
    const text = 'line 1\r\nline 2\tend\r'
    const ok = await create('whitespace', text)
    expect(ok.FunctionSummary?.FunctionConfig?.Comment).toBe(text)
    const d = await cf.send(new DescribeFunctionCommand({ Name: 'whitespace' }))
    expect(d.FunctionSummary?.FunctionConfig?.Comment).toBe(text)
    for (const bad of ['bell\u0007', 'nul\u0000', 'escape\u001b[0m', 'not a char \uFFFE']) {
      const e = await failure(create('control', bad))
      expect(e.name).toBe('InvalidArgument')
      expect(e.message).toMatch(/XML/)
    }
  })

  test('connection functions and key value stores follow the same comment rules', async () => {
    const conn = (Comment: string) =>
      cf.send(
        new CreateConnectionFunctionCommand({
          Name: 'conn',
          ConnectionFunctionConfig: config(Comment, 'cloudfront-js-2.0'),
          ConnectionFunctionCode: bytes('function connectionHandler(c) { c.allow() }')
        })
      )
    expect((await failure(conn('c'.repeat(129)))).name).toBe('InvalidArgument')
    expect((await failure(conn('\u0001'))).name).toBe('InvalidArgument')
    const store = (Comment: string) =>
      cf.send(new CreateKeyValueStoreCommand({ Name: 'kv', Comment }))
    expect((await failure(store('c'.repeat(129)))).name).toBe('InvalidArgument')
    expect((await failure(store('\u0002'))).name).toBe('InvalidArgument')
    expect((await store(ASTRAL.repeat(128))).KeyValueStore?.Comment).toBe(ASTRAL.repeat(128))
  })
})

describe('tags', () => {
  test.each(['aws:owner', 'AWS:owner', 'Aws:Owner', 'aWs:x'])(
    'keys starting with aws: are reserved in any case (%s)',
    async key => {
      const onCreate = await failure(create('reserved', 'c', [{ Key: key, Value: 'v' }]))
      expect(onCreate.name).toBe('InvalidTagging')
      await create('plain')
      const arn = await arnOf('plain')
      const onTag = await failure(tag(arn, [{ Key: key, Value: 'v' }]))
      expect(onTag.name).toBe('InvalidTagging')
      expect(statusOf(onTag)).toBe(400)
      const onUntag = await failure(
        cf.send(new UntagResourceCommand({ Resource: arn, TagKeys: { Items: [key] } }))
      )
      expect(onUntag.name).toBe('InvalidTagging')
    }
  )

  test('aws inside or without the colon is an ordinary key', async () => {
    await create('ordinary', 'c', [
      { Key: 'my:aws:key', Value: '1' },
      { Key: 'aws', Value: '2' },
      { Key: 'awsome', Value: '3' }
    ])
    expect(await tagsOf(await arnOf('ordinary'))).toHaveLength(3)
  })

  test('50 tags on a resource pass, 51 do not, also after a TagResource merge', async () => {
    const tags = (n: number, prefix = 'k') =>
      Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: 'v' }))
    const e = await failure(create('fifty-one', 'c', tags(51)))
    expect(e.name).toBe('InvalidTagging')
    await create('fifty', 'c', tags(50))
    const arn = await arnOf('fifty')
    expect(await tagsOf(arn)).toHaveLength(50)
    // Overwriting existing keys keeps the count at 50.
    await tag(arn, [{ Key: 'k0', Value: 'changed' }])
    const merged = await failure(tag(arn, [{ Key: 'one-more', Value: 'v' }]))
    expect(merged.name).toBe('InvalidTagging')
    expect(merged.message).toMatch(/50/)
    const now = await tagsOf(arn)
    expect(now).toHaveLength(50)
    expect(now.find(t => t.Key === 'k0')?.Value).toBe('changed')
    expect(now.some(t => t.Key === 'one-more')).toBe(false)

    await create('forty', 'c', tags(40))
    const forty = await arnOf('forty')
    expect((await failure(tag(forty, tags(11, 'n')))).name).toBe('InvalidTagging')
    await tag(forty, tags(10, 'n'))
    expect(await tagsOf(forty)).toHaveLength(50)
  })

  test('key 1-128 and value 0-256 characters, counted as code points', async () => {
    await create('lengths')
    const arn = await arnOf('lengths')
    // 65 astral letters are 130 UTF-16 units but 65 characters: a valid key.
    await tag(arn, [{ Key: ASTRAL.repeat(65), Value: ASTRAL.repeat(256) }])
    await tag(arn, [{ Key: ASTRAL.repeat(128), Value: '' }])
    expect((await tagsOf(arn)).map(t => [...t.Key!].length).sort()).toEqual([128, 65])
    for (const [Key, Value] of [
      [ASTRAL.repeat(129), 'v'],
      ['k'.repeat(129), 'v'],
      ['', 'v'],
      ['k', ASTRAL.repeat(257)],
      ['k', 'v'.repeat(257)]
    ]) {
      const e = await failure(tag(arn, [{ Key, Value }]))
      expect(e.name).toBe('InvalidTagging')
    }
    expect(await tagsOf(arn)).toHaveLength(2)
  })

  test('control characters in keys or values are InvalidTagging', async () => {
    await create('controls')
    const arn = await arnOf('controls')
    for (const [Key, Value] of [
      ['bell\u0007', 'v'],
      ['k', 'nul\u0000'],
      ['k', 'tab\there'],
      ['line\nbreak', 'v']
    ]) {
      const e = await failure(tag(arn, [{ Key, Value }]))
      expect(e.name).toBe('InvalidTagging')
    }
    expect(await tagsOf(arn)).toEqual([])
  })

  test('a key given twice in one request is InvalidTagging', async () => {
    const e = await failure(
      create('twice', 'c', [
        { Key: 'team', Value: 'a' },
        { Key: 'team', Value: 'b' }
      ])
    )
    expect(e.name).toBe('InvalidTagging')
  })

  test('a refused create leaves nothing behind', async () => {
    await failure(create('refused', 'c', [{ Key: 'aws:x', Value: 'v' }]))
    expect(emu.state().functions).toEqual([])
  })
})
