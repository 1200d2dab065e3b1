// Many functions, one release: the bound on functions worked on at once, one bound on test
// runs across all of them, the release gate, delete mode, and results in manifest order.
// Each function is a stateful fake behind one mocked client, answering by name.
import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  CloudFrontClient,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DescribeFunctionCommand,
  GetFunctionCommand,
  ListTagsForResourceCommand,
  PublishFunctionCommand,
  TagResourceCommand,
  TestFunctionCommand,
  UntagResourceCommand,
  UpdateFunctionCommand
} from '@aws-sdk/client-cloudfront'
import { mockClient } from 'aws-sdk-client-mock'
import { createFunctionsApi } from '../../src/cloudfront/api.js'
import {
  deleteAll,
  deployAll,
  inPool,
  type FunctionOutcome,
  type Job,
  type OrchestrateOptions
} from '../../src/deploy/orchestrate.js'
import type { FunctionInputs } from '../../src/inputs/parse.js'
import { PARALLEL_TESTS } from '../../src/testing/gate.js'
import type { TestCase } from '../../src/testing/cases.js'
import {
  awsError,
  desiredFunction,
  recordingLog,
  type CloudFrontMock,
  type RecordingLog
} from '../../__fixtures__/cloudfront.js'
import { FakeFunction } from '../../__fixtures__/fake-cloudfront.js'

const cf = mockClient(CloudFrontClient)
const client = new CloudFrontClient({ region: 'us-east-1' })
const api = createFunctionsApi('function', client)

const COMMANDS = [
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DescribeFunctionCommand,
  GetFunctionCommand,
  ListTagsForResourceCommand,
  PublishFunctionCommand,
  TagResourceCommand,
  TestFunctionCommand,
  UntagResourceCommand,
  UpdateFunctionCommand
]
type Command = (typeof COMMANDS)[number]
type Handler = (input: Record<string, unknown>) => unknown

const OLD_CODE = 'function handler(event) {\n  return event.request\n}\n'
const NEW_CODE =
  "function handler(event) {\n  event.request.uri = '/new'\n  return event.request\n}\n"
/** How long every answer takes, so that work overlaps the way it does over the network. */
const LATENCY_MS = 4

/**
 * An account of CloudFront Functions: a FakeFunction per name, all behind the one mocked
 * client. Records how many functions, and how many test runs, were in flight at once.
 */
class Account {
  readonly fakes = new Map<string, FakeFunction>()
  private readonly handlers = new Map<string, Map<Command, Handler>>()
  private readonly busy = new Map<string, number>()
  private tests = 0
  maxFunctionsAtOnce = 0
  maxPublishesAtOnce = 0
  maxTestsAtOnce = 0
  /** Names in the order their first request arrived. */
  readonly firstSeen: string[] = []
  /** Operation and function name of every request, in arrival order. */
  readonly calls: { operation: string; name: string }[] = []

  constructor(mock: CloudFrontMock) {
    for (const command of COMMANDS) {
      // One route for every command; the command types differ only in their inputs.
      ;(mock as unknown as { on(command: Command): { callsFake(fn: Handler): unknown } })
        .on(command)
        .callsFake(input => this.route(command, input))
    }
  }

  add(name: string): FakeFunction {
    const handlers = new Map<Command, Handler>()
    this.handlers.set(name, handlers)
    const fake = new FakeFunction(
      {
        on: (command: Command) => ({
          callsFake: (handler: Handler) => handlers.set(command, handler)
        })
      } as unknown as CloudFrontMock,
      name
    )
    this.fakes.set(name, fake)
    return fake
  }

  private nameOf(input: Record<string, unknown>): string {
    if (typeof input.Name === 'string') return input.Name
    const arn = String(input.Resource ?? '')
    return arn.slice(arn.lastIndexOf('/') + 1)
  }

  private async route(command: Command, input: Record<string, unknown>): Promise<unknown> {
    const name = this.nameOf(input)
    const handler = this.handlers.get(name)?.get(command)
    if (!handler) throw new Error(`no function ${name} in the fake account`)
    const operation = command.name.replace(/Command$/, '')
    this.calls.push({ operation, name })
    if (!this.firstSeen.includes(name)) this.firstSeen.push(name)
    this.busy.set(name, (this.busy.get(name) ?? 0) + 1)
    // Publishing runs after every function staged, with a bound of its own.
    if (command === PublishFunctionCommand) {
      this.maxPublishesAtOnce = Math.max(this.maxPublishesAtOnce, this.busy.size)
    } else {
      this.maxFunctionsAtOnce = Math.max(this.maxFunctionsAtOnce, this.busy.size)
    }
    const testing = command === TestFunctionCommand
    if (testing) this.maxTestsAtOnce = Math.max(this.maxTestsAtOnce, ++this.tests)
    try {
      await new Promise(resolve => setTimeout(resolve, testing ? LATENCY_MS * 3 : LATENCY_MS))
      return handler(input)
    } finally {
      if (testing) this.tests--
      const left = (this.busy.get(name) ?? 1) - 1
      if (left === 0) this.busy.delete(name)
      else this.busy.set(name, left)
    }
  }

  operations(operation: string): string[] {
    return this.calls.filter(call => call.operation === operation).map(call => call.name)
  }
}

let account: Account
let log: RecordingLog

beforeEach(() => {
  cf.reset()
  account = new Account(cf)
  log = recordingLog()
})

function fnInputs(name: string, overrides: Partial<FunctionInputs> = {}): FunctionInputs {
  return {
    name,
    kind: 'function',
    code: `functions/${name}.js`,
    runtime: 'cloudfront-js-2.0',
    comment: '',
    keyValueStores: [],
    tags: undefined,
    publish: true,
    testEvents: [],
    maxComputeUtilization: 80,
    diffAgainst: '',
    bundle: false,
    minify: false,
    ...overrides
  }
}

function testCases(name: string, count: number): TestCase[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `${name} case ${index + 1}`,
    file: `tests/${name}.json`,
    event: { request: { uri: `/${name}/${index}` } }
  }))
}

function job(
  name: string,
  options: { code?: string; tests?: number; publish?: boolean } = {}
): Job {
  const fn = fnInputs(name, { publish: options.publish ?? true })
  return {
    fn,
    desired: desiredFunction({
      name,
      code: Buffer.from(options.code ?? NEW_CODE),
      publish: fn.publish
    }),
    testCases: testCases(name, options.tests ?? 0)
  }
}

function options(overrides: Partial<OrchestrateOptions> = {}): OrchestrateOptions {
  return {
    dryRun: false,
    maxParallel: 4,
    apiFor: () => api,
    resolve: async desired => desired,
    log,
    ...overrides
  }
}

const names = (count: number, prefix = 'fn'): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(2, '0')}`)

/** Every function exists with OLD_CODE, published. */
function existing(list: string[]): void {
  for (const name of list) account.add(name).exists({ code: OLD_CODE }, true)
}

function outcomeNames(outcomes: FunctionOutcome[]): string[] {
  return outcomes.map(outcome => outcome.fn.name)
}

describe('inPool', () => {
  it('runs at most `limit` at once and keeps the order of the items', async () => {
    let active = 0
    let most = 0
    const items = [30, 5, 20, 1, 15, 2, 8, 3]
    const results = await inPool(items, 3, async ms => {
      most = Math.max(most, ++active)
      await new Promise(resolve => setTimeout(resolve, ms))
      active--
      return ms * 2
    })
    expect(results).toEqual(items.map(ms => ms * 2))
    expect(most).toBe(3)
  })

  it('handles no items and a limit above their count', async () => {
    await expect(inPool([], 4, async () => 1)).resolves.toEqual([])
    await expect(inPool([1, 2], 10, async n => n)).resolves.toEqual([1, 2])
  })
})

describe('deployAll', () => {
  it.each([1, 3, 4])('works on at most max-parallel (%i) functions at once', async limit => {
    const list = names(10)
    existing(list)
    const outcomes = await deployAll(
      list.map(name => job(name)),
      options({ maxParallel: limit })
    )
    expect(outcomes.every(outcome => outcome.failure === undefined)).toBe(true)
    expect(account.maxFunctionsAtOnce).toBe(limit)
    expect(account.maxPublishesAtOnce).toBe(limit)
    expect(account.operations('PublishFunction').sort()).toEqual(list)
  })

  it('starts the functions in manifest order and reports them in manifest order', async () => {
    const list = names(8)
    existing(list)
    // The first functions are the slowest: they finish last.
    const jobs = list.map((name, index) => job(name, { tests: index < 2 ? 6 : 0 }))
    const outcomes = await deployAll(jobs, options({ maxParallel: 3 }))
    expect(account.firstSeen.slice(0, 3).sort()).toEqual(list.slice(0, 3))
    expect(outcomeNames(outcomes)).toEqual(list)
    expect(outcomes.map(outcome => outcome.result?.published)).toEqual(list.map(() => true))
  })

  it('bounds TestFunction calls across all functions with one shared limit', async () => {
    const list = names(6)
    existing(list)
    const outcomes = await deployAll(
      list.map(name => job(name, { tests: 5 })),
      options({ maxParallel: 6 })
    )
    expect(outcomes.every(outcome => outcome.result?.tests.length === 5)).toBe(true)
    expect(account.operations('TestFunction')).toHaveLength(30)
    // Six functions with five cases each: a bound per function would allow far more.
    expect(account.maxTestsAtOnce).toBe(PARALLEL_TESTS)
    expect(account.maxFunctionsAtOnce).toBeGreaterThan(1)
  })

  it('publishes nothing when one test fails; the others are updated and held', async () => {
    const list = ['edge-a', 'edge-b', 'edge-c', 'edge-d']
    existing(list)
    account.fakes.get('edge-c')!.testOutput = () => ({ error: 'boom: no host header' })
    const outcomes = await deployAll(
      list.map(name => job(name, { tests: 2 })),
      options({ maxParallel: 2 })
    )

    expect(account.operations('PublishFunction')).toEqual([])
    expect(outcomeNames(outcomes)).toEqual(list)
    const [a, b, c, d] = outcomes
    expect(c.failure).toContain('boom: no host header')
    expect(c.held).toBe(false)
    expect(c.result).toMatchObject({ updated: true, published: false })
    for (const other of [a, b, d]) {
      expect(other.failure).toBeUndefined()
      expect(other.held).toBe(true)
      expect(other.result).toMatchObject({ updated: true, published: false })
      expect(other.result?.tests.every(test => test.passed)).toBe(true)
      expect(other.result?.notes).toContain(
        'Not published: edge-c failed, and a run publishes all of its functions or none.'
      )
    }
    // DEVELOPMENT holds the new code everywhere; LIVE still serves the old code.
    for (const name of list) {
      const fake = account.fakes.get(name)!
      expect(fake.dev?.code).toBe(NEW_CODE)
      expect(fake.live?.code).toBe(OLD_CODE)
    }
  })

  it('names every failed function in the held notes', async () => {
    const list = ['one', 'two', 'three']
    existing(list)
    account.fakes.get('one')!.testOutput = () => ({ error: 'first' })
    account.fakes.get('three')!.testOutput = () => ({ error: 'third' })
    const outcomes = await deployAll(
      list.map(name => job(name, { tests: 1 })),
      options()
    )
    expect(outcomes.map(outcome => Boolean(outcome.failure))).toEqual([true, false, true])
    expect(outcomes[1].result?.notes).toContain(
      'Not published: one and three failed, and a run publishes all of its functions or none.'
    )
    expect(account.operations('PublishFunction')).toEqual([])
  })

  it('holds nothing back that would not publish anyway', async () => {
    const list = ['staged', 'unpublished', 'broken']
    existing(list)
    account.fakes.get('broken')!.testOutput = () => ({ error: 'nope' })
    const jobs = [
      job('staged'),
      job('unpublished', { publish: false }),
      job('broken', { tests: 1 })
    ]
    const outcomes = await deployAll(jobs, options())
    expect(outcomes.map(outcome => outcome.held)).toEqual([true, false, false])
    expect(outcomes[1].result?.notes.some(note => note.startsWith('Not published'))).toBe(false)
  })

  it('gates on a failed write too: an update CloudFront refuses publishes nothing', async () => {
    const list = ['ok-1', 'refused', 'ok-2']
    existing(list)
    account.fakes.get('refused')!.before('UpdateFunction', () => {
      throw awsError('AccessDenied', { status: 403, message: 'not allowed' })
    })
    const outcomes = await deployAll(
      list.map(name => job(name)),
      options()
    )
    expect(account.operations('PublishFunction')).toEqual([])
    expect(outcomes[1].failure).toContain('not allowed')
    expect(outcomes[1].result?.updated).toBe(false)
    expect(outcomes.map(outcome => outcome.held)).toEqual([true, false, true])
  })

  it('reports a publish that fails after the gate; the others still publish', async () => {
    const list = ['first', 'second', 'third']
    existing(list)
    account.fakes.get('second')!.before('PublishFunction', () => {
      throw awsError('AccessDenied', { status: 403, message: 'publish not allowed' })
    })
    const outcomes = await deployAll(
      list.map(name => job(name)),
      options()
    )
    expect(outcomes.map(outcome => Boolean(outcome.failure))).toEqual([false, true, false])
    expect(outcomes[1].failure).toContain('publish not allowed')
    // What the failed function did before the failure is still reported.
    expect(outcomes[1].result).toMatchObject({ updated: true, published: false })
    expect(outcomes.map(outcome => outcome.result?.published)).toEqual([true, false, true])
    expect(account.fakes.get('second')!.live?.code).toBe(OLD_CODE)
  })

  it('reports a diff-against function that cannot be read, without failing', async () => {
    existing(['preview', 'production'])
    account.fakes.get('production')!.before('DescribeFunction', () => {
      throw awsError('AccessDenied', { status: 403, message: 'no read access' })
    })
    const [outcome] = await deployAll(
      [{ ...job('preview'), fn: fnInputs('preview', { diffAgainst: 'production' }) }],
      options()
    )
    expect(outcome.failure).toBeUndefined()
    expect(outcome.result?.published).toBe(true)
    expect(outcome.reference).toMatchObject({ name: 'production', found: false })
    expect(outcome.reference?.found === false && outcome.reference.reason).toContain(
      'it could not be read:'
    )
  })

  it('a re-run of a deployed manifest writes nothing', async () => {
    const list = names(5)
    for (const name of list) account.add(name).exists({ code: NEW_CODE }, true)
    const outcomes = await deployAll(
      list.map(name => job(name, { tests: 1 })),
      options()
    )
    const writes = account.calls.filter(call =>
      ['CreateFunction', 'UpdateFunction', 'PublishFunction'].includes(call.operation)
    )
    expect(writes).toEqual([])
    expect(outcomes.every(outcome => outcome.result?.plan.changes.length === 0)).toBe(true)
  })

  it('creates missing functions and publishes them all once every one has staged', async () => {
    const list = names(3, 'new')
    for (const name of list) account.add(name)
    const outcomes = await deployAll(
      list.map(name => job(name, { tests: 1 })),
      options({ maxParallel: 3 })
    )
    expect(outcomes.map(outcome => outcome.result?.created)).toEqual([true, true, true])
    const creates = account.calls.map(call => call.operation).lastIndexOf('CreateFunction')
    const tests = account.calls.map(call => call.operation).lastIndexOf('TestFunction')
    const firstPublish = account.calls.map(call => call.operation).indexOf('PublishFunction')
    // The release gate is a barrier: every write and test comes before the first publish.
    expect(firstPublish).toBeGreaterThan(creates)
    expect(firstPublish).toBeGreaterThan(tests)
    for (const name of list) expect(account.fakes.get(name)!.live?.code).toBe(NEW_CODE)
  })

  it('runs no test and writes nothing in a dry run', async () => {
    const list = names(3)
    existing(list)
    const outcomes = await deployAll(
      list.map(name => job(name, { tests: 2 })),
      options({ dryRun: true })
    )
    expect(
      account.calls.every(call => ['DescribeFunction', 'GetFunction'].includes(call.operation))
    ).toBe(true)
    expect(outcomes.map(outcome => outcome.result?.firstPlan.changes.map(c => c.action))).toEqual(
      list.map(() => ['update', 'publish'])
    )
    expect(log.lines).toContain(
      'fn-02: Dry run: 2 test cases loaded but not run (DEVELOPMENT is not updated in a dry run).'
    )
  })

  it('reads the diff-against function without writing to it, and reports one that is missing', async () => {
    existing(['preview', 'production'])
    const jobs = [
      { ...job('preview'), fn: fnInputs('preview', { diffAgainst: 'production' }) },
      { ...job('other'), fn: fnInputs('other', { diffAgainst: 'nowhere' }) }
    ]
    account.add('other')
    account.add('nowhere')
    const outcomes = await deployAll(jobs, options())
    expect(outcomes[0].reference).toMatchObject({ name: 'production', found: true })
    expect(outcomes[1].reference).toEqual({
      name: 'nowhere',
      found: false,
      reason: 'no function named nowhere exists'
    })
    expect(
      account.calls.filter(call => call.name === 'production').map(call => call.operation)
    ).not.toContain('UpdateFunction')
  })

  it('says whose each line is: group titles and lines outside groups carry the name', async () => {
    const list = ['alpha', 'beta']
    existing(list)
    const lines: string[] = []
    await deployAll(
      list.map(name => job(name)),
      options({
        log: {
          info: message => lines.push(`  ${message}`),
          warning: message => lines.push(`warning ${message}`),
          startGroup: title => lines.push(`group ${title}`),
          endGroup: () => lines.push('end')
        }
      })
    )
    const groups = lines.filter(line => line.startsWith('group '))
    expect(groups).toEqual(
      expect.arrayContaining([
        'group alpha: Read function alpha',
        'group alpha: Write DEVELOPMENT',
        'group alpha: Publish DEVELOPMENT to LIVE',
        'group beta: Read function beta',
        'group beta: Publish DEVELOPMENT to LIVE'
      ])
    )
    // Outside a group, a line names its function.
    let depth = 0
    for (const line of lines) {
      if (line.startsWith('group ')) depth++
      else if (line === 'end') depth--
      else if (depth === 0) expect(line).toMatch(/^ {2}(alpha|beta): /)
    }
    // One function's lines are not interleaved with the other's inside a group.
    expect(lines.indexOf('group alpha: Read function alpha')).toBeLessThan(
      lines.indexOf('group beta: Read function beta')
    )
  })
})

describe('deleteAll', () => {
  it('deletes every function; one in use fails and the others are still deleted', async () => {
    const list = names(5, 'pr')
    existing(list)
    account.add('pr-missing')
    account.fakes.get('pr-03')!.before('DeleteFunction', () => {
      throw awsError('FunctionInUse', {
        status: 409,
        message: 'Cannot delete function, it is associated with a distribution'
      })
    })
    const all = [...list, 'pr-missing'].map(name => fnInputs(name, { code: '', publish: false }))
    const outcomes = await deleteAll(all, options({ maxParallel: 2 }))

    expect(outcomeNames(outcomes)).toEqual([...list, 'pr-missing'])
    expect(outcomes.map(outcome => Boolean(outcome.failure))).toEqual([
      false,
      false,
      true,
      false,
      false,
      false
    ])
    expect(outcomes[2].failure).toContain(
      'still associated with a CloudFront distribution (FunctionInUse)'
    )
    expect(outcomes.map(outcome => outcome.result?.deleted ?? false)).toEqual([
      true,
      true,
      false,
      true,
      true,
      false
    ])
    for (const name of list) {
      expect(account.fakes.get(name)!.dev === undefined).toBe(name !== 'pr-03')
    }
    expect(account.maxFunctionsAtOnce).toBeLessThanOrEqual(2)
  })

  it('deletes nothing in a dry run', async () => {
    const list = names(3)
    existing(list)
    const outcomes = await deleteAll(
      list.map(name => fnInputs(name, { code: '' })),
      options({ dryRun: true })
    )
    expect(account.operations('DeleteFunction')).toEqual([])
    expect(outcomes.map(outcome => outcome.result?.firstPlan.changes.map(c => c.action))).toEqual(
      list.map(() => ['delete'])
    )
  })
})
