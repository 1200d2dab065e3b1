import {
  CreateConnectionFunctionCommand,
  DeleteConnectionFunctionCommand,
  DescribeConnectionFunctionCommand,
  GetConnectionFunctionCommand,
  ListConnectionFunctionsCommand,
  ListTagsForResourceCommand,
  PublishConnectionFunctionCommand,
  TestConnectionFunctionCommand,
  UpdateConnectionFunctionCommand,
  type CloudFrontClient
} from '@aws-sdk/client-cloudfront'
import { FIRST_ETAG, SECOND_ETAG, startEmulator, type Emulator } from '../../emulator/index.js'
import { ACCOUNT, bytes, client, config, failure, text } from './helpers.js'

const ALLOW = `function connectionHandler(connection) {
  console.log('client', connection.clientIp);
  if (connection.clientIp === '203.0.113.9') connection.deny('blocked');
  else connection.allow();
}`

let emu: Emulator
let cf: CloudFrontClient

beforeAll(async () => {
  emu = await startEmulator({ publishingDelayMs: 0 })
  cf = client(emu.url)
})
afterAll(async () => {
  cf.destroy()
  await emu.close()
})
beforeEach(() => emu.reset())

const js2 = (comment = 'conn') => config(comment, 'cloudfront-js-2.0')
const create = (name: string, code = ALLOW) =>
  cf.send(
    new CreateConnectionFunctionCommand({
      Name: name,
      ConnectionFunctionConfig: js2(),
      ConnectionFunctionCode: bytes(code)
    })
  )

test('create gives an opaque Id, an ARN on the Id, ETag and Location', async () => {
  const out = await create('mtls')
  expect(out.$metadata.httpStatusCode).toBe(201)
  const s = out.ConnectionFunctionSummary!
  expect(s.Id).toMatch(/^[A-Z0-9]{14}$/)
  expect(s.Name).toBe('mtls')
  expect(s.ConnectionFunctionArn).toBe(`arn:aws:cloudfront::${ACCOUNT}:connection-function/${s.Id}`)
  expect(s.Status).toBe('UNPUBLISHED')
  expect(s.Stage).toBe('DEVELOPMENT')
  expect(s.ConnectionFunctionConfig).toEqual(js2())
  expect(out.ETag).toBe(FIRST_ETAG)
  expect(out.Location).toContain(`/connection-function/${s.Id}`)
})

test('describe and get take the Id; LIVE is 404 EntityNotFound before publish', async () => {
  const { ConnectionFunctionSummary: s, ETag } = await create('ids')
  const d = await cf.send(new DescribeConnectionFunctionCommand({ Identifier: s!.Id }))
  expect(d.ETag).toBe(ETag)
  const g = await cf.send(new GetConnectionFunctionCommand({ Identifier: s!.Id }))
  expect(text(g.ConnectionFunctionCode)).toBe(ALLOW)
  const live = await failure(
    cf.send(new DescribeConnectionFunctionCommand({ Identifier: s!.Id, Stage: 'LIVE' }))
  )
  expect(live.name).toBe('EntityNotFound')
  expect((live.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(404)
  const liveCode = await failure(
    cf.send(new GetConnectionFunctionCommand({ Identifier: s!.Id, Stage: 'LIVE' }))
  )
  expect(liveCode.name).toBe('EntityNotFound')
})

test('update, publish (PUBLISHING, then UNASSOCIATED), 412s, delete', async () => {
  emu.setPublishingDelay(150)
  const { ConnectionFunctionSummary: s, ETag } = await create('cycle')
  const Id = s!.Id!
  const missing = await failure(
    cf.send(
      new UpdateConnectionFunctionCommand({
        Id,
        IfMatch: '',
        ConnectionFunctionConfig: js2('v2'),
        ConnectionFunctionCode: bytes(ALLOW)
      })
    )
  )
  expect(missing.name).toBe('InvalidIfMatchVersion')
  const updated = await cf.send(
    new UpdateConnectionFunctionCommand({
      Id,
      IfMatch: ETag,
      ConnectionFunctionConfig: js2('v2'),
      ConnectionFunctionCode: bytes(ALLOW)
    })
  )
  expect(updated.ETag).toBe(SECOND_ETAG)
  expect(updated.ConnectionFunctionSummary?.ConnectionFunctionConfig?.Comment).toBe('v2')

  const stale = await failure(cf.send(new PublishConnectionFunctionCommand({ Id, IfMatch: ETag })))
  expect(stale.name).toBe('PreconditionFailed')

  const published = await cf.send(
    new PublishConnectionFunctionCommand({ Id, IfMatch: updated.ETag })
  )
  expect(published.ConnectionFunctionSummary?.Status).toBe('PUBLISHING')
  expect(published.ConnectionFunctionSummary?.Stage).toBe('LIVE')
  expect('ETag' in published).toBe(false)
  await new Promise(r => setTimeout(r, 200))
  const live = await cf.send(
    new DescribeConnectionFunctionCommand({ Identifier: Id, Stage: 'LIVE' })
  )
  expect(live.ConnectionFunctionSummary?.Status).toBe('UNASSOCIATED')
  expect(live.ETag).toBe(updated.ETag)

  const again = await failure(
    cf.send(new PublishConnectionFunctionCommand({ Id, IfMatch: updated.ETag }))
  )
  expect(again.name).toBe('PreconditionFailed')

  emu.markAssociated('connection-function', 'cycle', true)
  expect(
    (await cf.send(new DescribeConnectionFunctionCommand({ Identifier: Id })))
      .ConnectionFunctionSummary?.Status
  ).toBe('DEPLOYED')
  const inUse = await failure(
    cf.send(new DeleteConnectionFunctionCommand({ Id, IfMatch: updated.ETag }))
  )
  expect(inUse.name).toBe('CannotDeleteEntityWhileInUse')
  expect((inUse.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(409)
  emu.markAssociated('connection-function', Id, false)
  const del = await cf.send(new DeleteConnectionFunctionCommand({ Id, IfMatch: updated.ETag }))
  expect(del.$metadata.httpStatusCode).toBe(204)
  expect(
    (await failure(cf.send(new DescribeConnectionFunctionCommand({ Identifier: Id })))).name
  ).toBe('EntityNotFound')
})

test('validation errors use the connection-function codes', async () => {
  await create('taken')
  expect((await failure(create('taken'))).name).toBe('EntityAlreadyExists')
  const big = await failure(create('big', 'x'.repeat(10_241)))
  expect(big.name).toBe('EntitySizeLimitExceeded')
  expect((big.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(413)
  expect((await failure(create('bad name'))).name).toBe('InvalidArgument')
  const js1 = await failure(
    cf.send(
      new CreateConnectionFunctionCommand({
        Name: 'js1',
        ConnectionFunctionConfig: config('x', 'cloudfront-js-1.0'),
        ConnectionFunctionCode: bytes(ALLOW)
      })
    )
  )
  expect(js1.name).toBe('InvalidArgument')
  const badTag = await failure(
    cf.send(
      new CreateConnectionFunctionCommand({
        Name: 'tags',
        ConnectionFunctionConfig: js2(),
        ConnectionFunctionCode: bytes(ALLOW),
        Tags: { Items: [{ Key: 'a,b', Value: 'x' }] }
      })
    )
  )
  expect(badTag.name).toBe('InvalidTagging')
})

test('100 connection functions per account → EntityLimitExceeded', async () => {
  for (let i = 0; i < 100; i++) await create(`c${i}`)
  expect((await failure(create('c100'))).name).toBe('EntityLimitExceeded')
})

test('tags on create land on the Id-based ARN', async () => {
  const out = await cf.send(
    new CreateConnectionFunctionCommand({
      Name: 'tagged',
      ConnectionFunctionConfig: js2(),
      ConnectionFunctionCode: bytes(ALLOW),
      Tags: { Items: [{ Key: 'owner', Value: 'sec' }] }
    })
  )
  const tags = await cf.send(
    new ListTagsForResourceCommand({
      Resource: out.ConnectionFunctionSummary!.ConnectionFunctionArn
    })
  )
  expect(tags.Tags?.Items).toEqual([{ Key: 'owner', Value: 'sec' }])
})

test('ListConnectionFunctions (POST body) pages and filters by Stage', async () => {
  const names = ['n1', 'n2', 'n3']
  const ids: Record<string, { id: string; etag: string }> = {}
  for (const n of names) {
    const out = await create(n)
    ids[n] = { id: out.ConnectionFunctionSummary!.Id!, etag: out.ETag! }
  }
  await cf.send(new PublishConnectionFunctionCommand({ Id: ids.n2.id, IfMatch: ids.n2.etag }))
  const seen: string[] = []
  let Marker: string | undefined
  do {
    const page = await cf.send(
      new ListConnectionFunctionsCommand({ Stage: 'DEVELOPMENT', MaxItems: 2, Marker })
    )
    expect(page.ConnectionFunctions!.length).toBeLessThanOrEqual(2)
    seen.push(...page.ConnectionFunctions!.map(c => c.Name!))
    Marker = page.NextMarker
  } while (Marker)
  expect(seen).toEqual(names)
  const live = await cf.send(new ListConnectionFunctionsCommand({ Stage: 'LIVE' }))
  expect(live.ConnectionFunctions?.map(c => [c.Name, c.Id, c.Stage])).toEqual([
    ['n2', ids.n2.id, 'LIVE']
  ])
  const all = await cf.send(new ListConnectionFunctionsCommand({}))
  expect(all.ConnectionFunctions).toHaveLength(4)
})

test('TestConnectionFunction runs connectionHandler and reports the decision', async () => {
  const { ConnectionFunctionSummary: s, ETag } = await create('decide')
  const run = async (ip: string) =>
    (
      await cf.send(
        new TestConnectionFunctionCommand({
          Id: s!.Id,
          IfMatch: ETag,
          ConnectionObject: bytes(JSON.stringify({ clientIp: ip }))
        })
      )
    ).ConnectionFunctionTestResult!
  const allowed = await run('198.51.100.7')
  expect(JSON.parse(allowed.ConnectionFunctionOutput!)).toEqual({ action: 'allow' })
  expect(allowed.ConnectionFunctionExecutionLogs).toEqual(['client 198.51.100.7'])
  expect(allowed.ConnectionFunctionSummary?.Id).toBe(s!.Id)
  expect(Number(allowed.ComputeUtilization)).toBeGreaterThanOrEqual(0)
  const denied = await run('203.0.113.9')
  // The decision is the output; a reason given to deny() is not part of it.
  expect(JSON.parse(denied.ConnectionFunctionOutput!)).toEqual({ action: 'deny' })

  const noDecision = await create('silent', 'function connectionHandler(c) { return 1 }')
  const r = await cf.send(
    new TestConnectionFunctionCommand({
      Id: noDecision.ConnectionFunctionSummary!.Id,
      IfMatch: noDecision.ETag,
      ConnectionObject: bytes('{}')
    })
  )
  // The guide: a connection the function neither allows nor denies is denied.
  expect(r.ConnectionFunctionTestResult?.ConnectionFunctionErrorMessage).toBeUndefined()
  expect(JSON.parse(r.ConnectionFunctionTestResult!.ConnectionFunctionOutput!)).toEqual({
    action: 'deny'
  })

  const stale = await failure(
    cf.send(
      new TestConnectionFunctionCommand({
        Id: s!.Id,
        IfMatch: 'EOLD',
        ConnectionObject: bytes('{}')
      })
    )
  )
  expect(stale.name).toBe('PreconditionFailed')
})

test('connection functions count versions: same ETags for any content, LIVE copies it', async () => {
  const a = await create('count-a')
  const b = await create('count-b', ALLOW.replace('blocked', 'no'))
  expect([a.ETag, b.ETag]).toEqual([FIRST_ETAG, FIRST_ETAG])
  const Id = a.ConnectionFunctionSummary!.Id!
  // The same content again is still a new version.
  const same = await cf.send(
    new UpdateConnectionFunctionCommand({
      Id,
      IfMatch: a.ETag,
      ConnectionFunctionConfig: js2(),
      ConnectionFunctionCode: bytes(ALLOW)
    })
  )
  expect(same.ETag).toBe(SECOND_ETAG)
  await cf.send(new PublishConnectionFunctionCommand({ Id, IfMatch: same.ETag }))
  const live = await cf.send(
    new DescribeConnectionFunctionCommand({ Identifier: Id, Stage: 'LIVE' })
  )
  expect(live.ETag).toBe(SECOND_ETAG)
  const dev = await cf.send(new DescribeConnectionFunctionCommand({ Identifier: Id }))
  expect(dev.ETag).toBe(SECOND_ETAG)
})
