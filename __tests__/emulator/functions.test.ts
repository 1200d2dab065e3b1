import {
  CreateFunctionCommand,
  CreateKeyValueStoreCommand,
  DeleteFunctionCommand,
  DeleteKeyValueStoreCommand,
  DescribeFunctionCommand,
  DescribeKeyValueStoreCommand,
  GetFunctionCommand,
  ListFunctionsCommand,
  ListKeyValueStoresCommand,
  ListTagsForResourceCommand,
  PublishFunctionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCommand,
  UpdateKeyValueStoreCommand,
  type CloudFrontClient,
  type FunctionConfig
} from '@aws-sdk/client-cloudfront'
import {
  etagOf,
  FIRST_ETAG,
  SECOND_ETAG,
  startEmulator,
  type Emulator
} from '../../emulator/index.js'
import { ETAG_PATTERN } from '../../emulator/versions.js'
import { ACCOUNT, REQUEST_FN, bytes, client, config, failure, statusOf, text } from './helpers.js'

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

const create = (name: string, code = REQUEST_FN, cfg: FunctionConfig = config()) =>
  cf.send(new CreateFunctionCommand({ Name: name, FunctionConfig: cfg, FunctionCode: bytes(code) }))

const update = (name: string, IfMatch: string | undefined, code = REQUEST_FN, cfg = config()) =>
  cf.send(
    new UpdateFunctionCommand({
      Name: name,
      IfMatch,
      FunctionConfig: cfg,
      FunctionCode: bytes(code)
    })
  )

const etagOfStage = async (name: string, Stage: 'DEVELOPMENT' | 'LIVE' = 'DEVELOPMENT') =>
  (await cf.send(new DescribeFunctionCommand({ Name: name, Stage }))).ETag

describe('function lifecycle', () => {
  test('create answers 201 with the first ETag, a Location and an UNPUBLISHED summary', async () => {
    const out = await create('hello')
    expect(out.$metadata.httpStatusCode).toBe(201)
    expect(out.ETag).toBe(FIRST_ETAG)
    expect(out.Location).toContain(`arn:aws:cloudfront::${ACCOUNT}:function/hello`)
    const s = out.FunctionSummary!
    expect(s.Name).toBe('hello')
    expect(s.Status).toBe('UNPUBLISHED')
    expect(s.FunctionConfig).toEqual({ Comment: 'test', Runtime: 'cloudfront-js-1.0' })
    expect(s.FunctionMetadata?.FunctionARN).toBe(`arn:aws:cloudfront::${ACCOUNT}:function/hello`)
    expect(s.FunctionMetadata?.Stage).toBe('DEVELOPMENT')
    expect(s.FunctionMetadata?.CreatedTime).toBeInstanceOf(Date)
    expect(s.FunctionMetadata?.LastModifiedTime).toBeInstanceOf(Date)
  })

  test('LIVE does not exist before the first publish', async () => {
    await create('fresh')
    const d = await failure(cf.send(new DescribeFunctionCommand({ Name: 'fresh', Stage: 'LIVE' })))
    expect(d.name).toBe('NoSuchFunctionExists')
    expect((d.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(404)
    const g = await failure(cf.send(new GetFunctionCommand({ Name: 'fresh', Stage: 'LIVE' })))
    expect(g.name).toBe('NoSuchFunctionExists')
  })

  test('describe, get, update, publish, delete with stages and ETags', async () => {
    const created = await create('flow')
    const dev = await cf.send(new DescribeFunctionCommand({ Name: 'flow' }))
    expect(dev.ETag).toBe(created.ETag)
    const got = await cf.send(new GetFunctionCommand({ Name: 'flow', Stage: 'DEVELOPMENT' }))
    expect(text(got.FunctionCode)).toBe(REQUEST_FN)
    expect(got.ETag).toBe(created.ETag)
    expect(got.ContentType).toBe('application/octet-stream')

    const newCode = REQUEST_FN.replace('yes', 'v2')
    const updated = await cf.send(
      new UpdateFunctionCommand({
        Name: 'flow',
        IfMatch: created.ETag,
        FunctionConfig: config('second'),
        FunctionCode: bytes(newCode)
      })
    )
    // The SDK reads UpdateFunction's ETag from the "ETtag" header of the model.
    expect(updated.ETag).toBe(SECOND_ETAG)
    expect(updated.FunctionSummary?.FunctionConfig?.Comment).toBe('second')

    const published = await cf.send(
      new PublishFunctionCommand({ Name: 'flow', IfMatch: updated.ETag })
    )
    expect(published.FunctionSummary?.Status).toBe('UNASSOCIATED')
    expect(published.FunctionSummary?.FunctionMetadata?.Stage).toBe('LIVE')
    expect('ETag' in published).toBe(false)

    const live = await cf.send(new DescribeFunctionCommand({ Name: 'flow', Stage: 'LIVE' }))
    expect(live.ETag).toBe(updated.ETag) // nothing left to publish
    const liveCode = await cf.send(new GetFunctionCommand({ Name: 'flow', Stage: 'LIVE' }))
    expect(text(liveCode.FunctionCode)).toBe(newCode)

    // Publishing what is already LIVE is refused.
    const again = await failure(
      cf.send(new PublishFunctionCommand({ Name: 'flow', IfMatch: updated.ETag }))
    )
    expect(again.name).toBe('PreconditionFailed')

    // A DEVELOPMENT change gives LIVE and DEVELOPMENT different ETags until published.
    const third = await cf.send(
      new UpdateFunctionCommand({
        Name: 'flow',
        IfMatch: updated.ETag,
        FunctionConfig: config('third'),
        FunctionCode: bytes(newCode)
      })
    )
    const live2 = await cf.send(new DescribeFunctionCommand({ Name: 'flow', Stage: 'LIVE' }))
    expect(live2.ETag).toBe(updated.ETag)
    expect(live2.FunctionSummary?.FunctionConfig?.Comment).toBe('second')
    expect(third.ETag).not.toBe(live2.ETag)

    const del = await cf.send(new DeleteFunctionCommand({ Name: 'flow', IfMatch: third.ETag }))
    expect(del.$metadata.httpStatusCode).toBe(204)
    const gone = await failure(cf.send(new DescribeFunctionCommand({ Name: 'flow' })))
    expect(gone.name).toBe('NoSuchFunctionExists')
  })

  test('writes need If-Match: missing → 400 InvalidIfMatchVersion, stale → 412', async () => {
    const created = await create('guarded')
    const body = { FunctionConfig: config('x'), FunctionCode: bytes(REQUEST_FN) }
    const missing = await failure(
      cf.send(new UpdateFunctionCommand({ Name: 'guarded', IfMatch: '', ...body }))
    )
    expect(missing.name).toBe('InvalidIfMatchVersion')
    expect((missing.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400)

    const stale = await failure(
      cf.send(new UpdateFunctionCommand({ Name: 'guarded', IfMatch: 'E0000000000000', ...body }))
    )
    expect(stale.name).toBe('PreconditionFailed')
    expect((stale.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(412)

    for (const cmd of [
      new PublishFunctionCommand({ Name: 'guarded', IfMatch: 'EBAD' }),
      new DeleteFunctionCommand({ Name: 'guarded', IfMatch: 'EBAD' })
    ]) {
      expect((await failure(cf.send(cmd as never))).name).toBe('PreconditionFailed')
    }
    for (const cmd of [
      new PublishFunctionCommand({ Name: 'guarded', IfMatch: '' }),
      new DeleteFunctionCommand({ Name: 'guarded', IfMatch: '' })
    ]) {
      expect((await failure(cf.send(cmd as never))).name).toBe('InvalidIfMatchVersion')
    }

    // The LIVE ETag is not accepted for writes once DEVELOPMENT moved on.
    await cf.send(new PublishFunctionCommand({ Name: 'guarded', IfMatch: created.ETag }))
    const moved = await cf.send(
      new UpdateFunctionCommand({ Name: 'guarded', IfMatch: created.ETag, ...body })
    )
    const live = await failure(
      cf.send(new UpdateFunctionCommand({ Name: 'guarded', IfMatch: created.ETag, ...body }))
    )
    expect(live.name).toBe('PreconditionFailed')
    expect(moved.ETag).not.toBe(created.ETag)
  })

  test('writes to a missing function answer 404', async () => {
    const e = await failure(
      cf.send(
        new UpdateFunctionCommand({
          Name: 'ghost',
          IfMatch: 'E1',
          FunctionConfig: config(),
          FunctionCode: bytes('x')
        })
      )
    )
    expect(e.name).toBe('NoSuchFunctionExists')
  })

  test('status DEPLOYED when associated, and an associated function cannot be deleted', async () => {
    const created = await create('attached')
    await cf.send(new PublishFunctionCommand({ Name: 'attached', IfMatch: created.ETag }))
    emu.markAssociated('function', 'attached', true)
    const d = await cf.send(new DescribeFunctionCommand({ Name: 'attached' }))
    expect(d.FunctionSummary?.Status).toBe('DEPLOYED')
    const inUse = await failure(
      cf.send(new DeleteFunctionCommand({ Name: 'attached', IfMatch: created.ETag }))
    )
    expect(inUse.name).toBe('FunctionInUse')
    expect((inUse.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(409)
    emu.markAssociated('function', 'attached', false)
    await cf.send(new DeleteFunctionCommand({ Name: 'attached', IfMatch: created.ETag }))
  })
})

describe('ETags count versions, not content', () => {
  test('the sequence: two fixed ETags, then distinct ones of the same shape', () => {
    expect(etagOf(1)).toBe('ETVPDKIKX0DER')
    expect(etagOf(2)).toBe('E3UN6WX5RRO2AG')
    const etags = Array.from({ length: 5000 }, (_, i) => etagOf(i + 1))
    expect(new Set(etags).size).toBe(etags.length)
    for (const etag of etags) expect(etag).toMatch(ETAG_PATTERN)
    expect(etagOf(3)).toBe(etagOf(3))
    expect(() => etagOf(0)).toThrow(/version/)
  })

  test('create, update, identical update, publish and LIVE; two functions share ETags', async () => {
    const a = await create('a')
    const b = await create('b', REQUEST_FN.replace('yes', 'other'), config('other comment'))
    expect(a.ETag).toBe(FIRST_ETAG)
    expect(b.ETag).toBe(FIRST_ETAG) // different content, same first version

    const second = await update('a', a.ETag, REQUEST_FN, config('v2'))
    expect(second.ETag).toBe(SECOND_ETAG)
    // Identical content is a new version all the same.
    const third = await update('a', second.ETag, REQUEST_FN, config('v2'))
    expect(third.ETag).toBe(etagOf(3))
    expect(await etagOfStage('a')).toBe(etagOf(3))
    const code = await cf.send(new GetFunctionCommand({ Name: 'a' }))
    expect(code.ETag).toBe(etagOf(3))

    // Publishing copies the version: LIVE carries its ETag, DEVELOPMENT keeps it.
    await cf.send(new PublishFunctionCommand({ Name: 'a', IfMatch: third.ETag }))
    expect(await etagOfStage('a', 'LIVE')).toBe(etagOf(3))
    expect(await etagOfStage('a')).toBe(etagOf(3))
    const liveCode = await cf.send(new GetFunctionCommand({ Name: 'a', Stage: 'LIVE' }))
    expect(liveCode.ETag).toBe(etagOf(3))
    const again = await failure(
      cf.send(new PublishFunctionCommand({ Name: 'a', IfMatch: third.ETag }))
    )
    expect(again.name).toBe('PreconditionFailed')

    const fourth = await update('a', third.ETag, REQUEST_FN, config('v2'))
    expect(fourth.ETag).toBe(etagOf(4))
    expect(await etagOfStage('a', 'LIVE')).toBe(etagOf(3))
    // The old LIVE ETag is stale for writes now.
    const stale = await failure(update('a', third.ETag))
    expect(stale.name).toBe('PreconditionFailed')

    // b keeps its own count.
    expect((await update('b', b.ETag)).ETag).toBe(SECOND_ETAG)
    expect(
      emu.state().functions.map(f => [f.name, f.development.version, f.live?.version])
    ).toEqual([
      ['a', 4, 3],
      ['b', 2, undefined]
    ])
  })

  test('a deleted and re-created function starts again at the first ETag', async () => {
    const first = await create('again')
    const second = await update('again', first.ETag, REQUEST_FN, config('2'))
    await cf.send(new PublishFunctionCommand({ Name: 'again', IfMatch: second.ETag }))
    await cf.send(new DeleteFunctionCommand({ Name: 'again', IfMatch: second.ETag }))
    const recreated = await create('again')
    expect(recreated.ETag).toBe(FIRST_ETAG)
    expect(await etagOfStage('again')).toBe(FIRST_ETAG)
    const live = await failure(etagOfStage('again', 'LIVE'))
    expect(live.name).toBe('NoSuchFunctionExists')
    // The ETag the deleted function had means nothing for the new one.
    expect((await failure(update('again', SECOND_ETAG))).name).toBe('PreconditionFailed')
  })

  test('key value stores count versions the same way; update and delete need If-Match', async () => {
    const created = await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv', Comment: 'one' }))
    expect(created.ETag).toBe(FIRST_ETAG)
    const other = await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv2' }))
    expect(other.ETag).toBe(FIRST_ETAG)
    const described = await cf.send(new DescribeKeyValueStoreCommand({ Name: 'kv' }))
    expect(described.ETag).toBe(FIRST_ETAG)

    const updateStore = (IfMatch: string | undefined, Comment = 'two') =>
      cf.send(new UpdateKeyValueStoreCommand({ Name: 'kv', IfMatch, Comment }))
    const updated = await updateStore(FIRST_ETAG)
    expect(updated.ETag).toBe(SECOND_ETAG)
    expect(updated.KeyValueStore?.Comment).toBe('two')
    const same = await updateStore(SECOND_ETAG)
    expect(same.ETag).toBe(etagOf(3))
    expect((await failure(updateStore(SECOND_ETAG))).name).toBe('PreconditionFailed')
    expect((await failure(updateStore(''))).name).toBe('InvalidIfMatchVersion')
    const long = await failure(updateStore(etagOf(3), 'c'.repeat(129)))
    expect(long.name).toBe('InvalidArgument')

    // A store a function uses cannot be deleted.
    const arn = created.KeyValueStore!.ARN!
    const fn = await create('uses-kv', REQUEST_FN, {
      ...config('kv', 'cloudfront-js-2.0'),
      KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: arn }] }
    })
    const inUse = await failure(
      cf.send(new DeleteKeyValueStoreCommand({ Name: 'kv', IfMatch: etagOf(3) }))
    )
    expect(inUse.name).toBe('CannotDeleteEntityWhileInUse')
    expect(statusOf(inUse)).toBe(409)
    await cf.send(new DeleteFunctionCommand({ Name: 'uses-kv', IfMatch: fn.ETag }))

    const stale = await failure(
      cf.send(new DeleteKeyValueStoreCommand({ Name: 'kv', IfMatch: SECOND_ETAG }))
    )
    expect(stale.name).toBe('PreconditionFailed')
    const deleted = await cf.send(
      new DeleteKeyValueStoreCommand({ Name: 'kv', IfMatch: etagOf(3) })
    )
    expect(deleted.$metadata.httpStatusCode).toBe(204)
    const gone = await failure(cf.send(new DescribeKeyValueStoreCommand({ Name: 'kv' })))
    expect(gone.name).toBe('EntityNotFound')
    const recreated = await cf.send(new CreateKeyValueStoreCommand({ Name: 'kv' }))
    expect(recreated.ETag).toBe(FIRST_ETAG)
  })
})

describe('function validation', () => {
  test.each([
    ['bad name', { Name: 'has space' }, 'InvalidArgument'],
    ['long name', { Name: 'x'.repeat(65) }, 'InvalidArgument'],
    ['runtime', { FunctionConfig: config('c', 'nodejs20.x') }, 'InvalidArgument'],
    ['empty code', { FunctionCode: new Uint8Array() }, 'InvalidArgument'],
    ['10 KB + 1', { FunctionCode: bytes('x'.repeat(10_241)) }, 'FunctionSizeLimitExceeded']
  ])('%s', async (_label, override, code) => {
    const input = {
      Name: 'valid',
      FunctionConfig: config(),
      FunctionCode: bytes(REQUEST_FN),
      ...override
    }
    const e = await failure(cf.send(new CreateFunctionCommand(input)))
    expect(e.name).toBe(code)
  })

  test('10,240 bytes of code are accepted and 413 carries the status', async () => {
    await create('max', 'x'.repeat(10_240))
    const e = await failure(create('over', 'x'.repeat(10_241)))
    expect((e.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(413)
  })

  test('duplicate name → 409 FunctionAlreadyExists', async () => {
    await create('dup')
    const e = await failure(create('dup'))
    expect(e.name).toBe('FunctionAlreadyExists')
    expect((e.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(409)
  })

  test('100 functions per account → TooManyFunctions', async () => {
    for (let i = 0; i < 100; i++) await create(`f${i}`)
    const e = await failure(create('f100'))
    expect(e.name).toBe('TooManyFunctions')
  })

  test('key value store associations: at most one, must exist, need js-2.0', async () => {
    const a = await cf.send(new CreateKeyValueStoreCommand({ Name: 'kvs-a' }))
    const b = await cf.send(new CreateKeyValueStoreCommand({ Name: 'kvs-b' }))
    const arnA = a.KeyValueStore!.ARN!
    const arnB = b.KeyValueStore!.ARN!
    const assoc = (arns: string[], runtime = 'cloudfront-js-2.0') => ({
      ...config('kvs', runtime),
      KeyValueStoreAssociations: {
        Quantity: arns.length,
        Items: arns.map(KeyValueStoreARN => ({ KeyValueStoreARN }))
      }
    })
    const ok = await create('with-kvs', REQUEST_FN, assoc([arnA]))
    expect(ok.FunctionSummary?.FunctionConfig?.KeyValueStoreAssociations).toEqual({
      Quantity: 1,
      Items: [{ KeyValueStoreARN: arnA }]
    })
    expect((await failure(create('two', REQUEST_FN, assoc([arnA, arnB])))).name).toBe(
      'InvalidArgument'
    )
    const missing = arnA.replace(/[0-9a-f]{12}$/, '000000000000')
    expect((await failure(create('missing', REQUEST_FN, assoc([missing])))).name).toBe(
      'InvalidArgument'
    )
    expect(
      (await failure(create('js1', REQUEST_FN, assoc([arnA], 'cloudfront-js-1.0')))).name
    ).toBe('InvalidArgument')

    // UpdateFunction replaces the whole config: leaving out the association drops it.
    const updated = await cf.send(
      new UpdateFunctionCommand({
        Name: 'with-kvs',
        IfMatch: ok.ETag,
        FunctionConfig: config('kvs', 'cloudfront-js-2.0'),
        FunctionCode: bytes(REQUEST_FN)
      })
    )
    expect(updated.FunctionSummary?.FunctionConfig?.KeyValueStoreAssociations).toBeUndefined()
  })
})

describe('listing', () => {
  test('ListFunctions pages with Marker/MaxItems and filters by Stage', async () => {
    const names = ['a1', 'b2', 'c3', 'd4', 'e5']
    for (const n of names) await create(n)
    const e5 = await cf.send(new DescribeFunctionCommand({ Name: 'e5' }))
    const b2 = await cf.send(new DescribeFunctionCommand({ Name: 'b2' }))
    await cf.send(new PublishFunctionCommand({ Name: 'e5', IfMatch: e5.ETag }))
    await cf.send(new PublishFunctionCommand({ Name: 'b2', IfMatch: b2.ETag }))

    const seen: string[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = await cf.send(
        new ListFunctionsCommand({ Stage: 'DEVELOPMENT', MaxItems: 2, Marker: marker })
      )
      expect(page.FunctionList?.MaxItems).toBe(2)
      expect(page.FunctionList?.Quantity).toBe(page.FunctionList?.Items?.length)
      seen.push(...(page.FunctionList?.Items ?? []).map(s => s.Name!))
      marker = page.FunctionList?.NextMarker
      pages++
    } while (marker)
    expect(seen).toEqual(names)
    expect(pages).toBe(3)

    const live = await cf.send(new ListFunctionsCommand({ Stage: 'LIVE' }))
    expect(live.FunctionList?.Items?.map(s => s.Name)).toEqual(['b2', 'e5'])
    expect(live.FunctionList?.Items?.every(s => s.FunctionMetadata?.Stage === 'LIVE')).toBe(true)
    expect(live.FunctionList?.NextMarker).toBeUndefined()

    const all = await cf.send(new ListFunctionsCommand({}))
    expect(all.FunctionList?.Quantity).toBe(7) // every DEVELOPMENT plus two LIVE

    const bad = await failure(cf.send(new ListFunctionsCommand({ MaxItems: 'many' as never })))
    expect(bad.name).toBe('InvalidArgument')
  })

  test('an empty list parses', async () => {
    const out = await cf.send(new ListFunctionsCommand({}))
    expect(out.FunctionList?.Quantity).toBe(0)
    expect(out.FunctionList?.Items ?? []).toEqual([])
  })
})

describe('key value stores', () => {
  test('create, describe, list with pagination', async () => {
    const created = await cf.send(
      new CreateKeyValueStoreCommand({ Name: 'store-1', Comment: 'first' })
    )
    expect(created.$metadata.httpStatusCode).toBe(201)
    expect(created.ETag).toBeTruthy()
    const s = created.KeyValueStore!
    expect(s.ARN).toMatch(
      new RegExp(`^arn:aws:cloudfront::${ACCOUNT}:key-value-store/[0-9a-f-]{36}$`)
    )
    expect(s.ARN?.endsWith(s.Id!)).toBe(true)
    expect(s.Status).toBe('READY')
    const d = await cf.send(new DescribeKeyValueStoreCommand({ Name: 'store-1' }))
    expect(d.KeyValueStore?.ARN).toBe(s.ARN)
    expect(d.KeyValueStore?.Comment).toBe('first')
    await cf.send(new CreateKeyValueStoreCommand({ Name: 'store-2' }))
    await cf.send(new CreateKeyValueStoreCommand({ Name: 'store-3' }))

    const p1 = await cf.send(new ListKeyValueStoresCommand({ MaxItems: 2 }))
    expect(p1.KeyValueStoreList?.Items?.map(x => x.Name)).toEqual(['store-1', 'store-2'])
    const p2 = await cf.send(
      new ListKeyValueStoresCommand({ MaxItems: 2, Marker: p1.KeyValueStoreList?.NextMarker })
    )
    expect(p2.KeyValueStoreList?.Items?.map(x => x.Name)).toEqual(['store-3'])
    expect(p2.KeyValueStoreList?.NextMarker).toBeUndefined()

    expect((await failure(cf.send(new CreateKeyValueStoreCommand({ Name: 'store-1' })))).name).toBe(
      'EntityAlreadyExists'
    )
    expect((await failure(cf.send(new DescribeKeyValueStoreCommand({ Name: 'nope' })))).name).toBe(
      'EntityNotFound'
    )
  })
})

describe('tags', () => {
  test('tags on create, tag, untag, list', async () => {
    const created = await cf.send(
      new CreateFunctionCommand({
        Name: 'tagged',
        FunctionConfig: config(),
        FunctionCode: bytes(REQUEST_FN),
        Tags: { Items: [{ Key: 'team', Value: 'edge' }] }
      })
    )
    const arn = created.FunctionSummary!.FunctionMetadata!.FunctionARN!
    const list = async () =>
      (await cf.send(new ListTagsForResourceCommand({ Resource: arn }))).Tags?.Items ?? []
    expect(await list()).toEqual([{ Key: 'team', Value: 'edge' }])

    const tagged = await cf.send(
      new TagResourceCommand({
        Resource: arn,
        Tags: {
          Items: [
            { Key: 'env', Value: 'prod' },
            { Key: 'empty', Value: '' }
          ]
        }
      })
    )
    expect(tagged.$metadata.httpStatusCode).toBe(204)
    expect((await list()).map(t => t.Key).sort()).toEqual(['empty', 'env', 'team'])

    await cf.send(
      new UntagResourceCommand({ Resource: arn, TagKeys: { Items: ['team', 'empty'] } })
    )
    expect(await list()).toEqual([{ Key: 'env', Value: 'prod' }])
    expect(emu.state().functions[0].tags).toEqual({ env: 'prod' })
  })

  test.each([
    ['comma in key', 'a,b', 'v'],
    ['empty key', '', 'v'],
    ['long key', 'k'.repeat(129), 'v'],
    ['long value', 'k', 'v'.repeat(257)],
    ['bad value char', 'k', 'semi;colon']
  ])('invalid tags → InvalidTagging (%s)', async (_label, Key, Value) => {
    const created = await create('t')
    const arn = created.FunctionSummary!.FunctionMetadata!.FunctionARN!
    const e = await failure(
      cf.send(new TagResourceCommand({ Resource: arn, Tags: { Items: [{ Key, Value }] } }))
    )
    expect(e.name).toBe('InvalidTagging')
    const onCreate = await failure(
      cf.send(
        new CreateFunctionCommand({
          Name: 't2',
          FunctionConfig: config(),
          FunctionCode: bytes(REQUEST_FN),
          Tags: { Items: [{ Key, Value }] }
        })
      )
    )
    expect(onCreate.name).toBe('InvalidTagging')
  })

  test('unknown resources → NoSuchResource, malformed ARNs → InvalidArgument', async () => {
    const missing = await failure(
      cf.send(
        new ListTagsForResourceCommand({ Resource: `arn:aws:cloudfront::${ACCOUNT}:function/x` })
      )
    )
    expect(missing.name).toBe('NoSuchResource')
    const bad = await failure(cf.send(new ListTagsForResourceCommand({ Resource: 'nonsense' })))
    expect(bad.name).toBe('InvalidArgument')
  })

  test('key value stores take tags too', async () => {
    const s = await cf.send(
      new CreateKeyValueStoreCommand({ Name: 'ts', Tags: { Items: [{ Key: 'a', Value: '1' }] } })
    )
    const out = await cf.send(new ListTagsForResourceCommand({ Resource: s.KeyValueStore!.ARN }))
    expect(out.Tags?.Items).toEqual([{ Key: 'a', Value: '1' }])
  })
})
