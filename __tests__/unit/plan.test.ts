import { describe, expect, it } from '@jest/globals'
import {
  configChanges,
  describeChange,
  describeDifferences,
  hasChange,
  planDelete,
  planDeploy,
  tagChanges
} from '../../src/deploy/plan.js'
import type { Change, CurrentFunction, DesiredFunction } from '../../src/types.js'
import {
  CODE,
  NAME,
  NEW_CODE,
  OTHER_STORE_ARN,
  STORE_ARN,
  currentFunction,
  desiredFunction
} from '../../__fixtures__/cloudfront.js'

interface Row {
  desired: DesiredFunction
  current: CurrentFunction | undefined
  changes: Change[]
}

const published = { etag: 'ETAG1', liveEtag: 'ETAG1' }

const rows: [string, Row][] = [
  ['create', { desired: desiredFunction(), current: undefined, changes: [{ action: 'create' }] }],
  [
    'create and publish',
    {
      desired: desiredFunction({ publish: true }),
      current: undefined,
      changes: [{ action: 'create' }, { action: 'publish' }]
    }
  ],
  [
    'create with tags (sent with the create, no separate tag change)',
    {
      desired: desiredFunction({ tags: { team: 'web' } }),
      current: undefined,
      changes: [{ action: 'create' }]
    }
  ],
  ['no-op', { desired: desiredFunction(), current: currentFunction(published), changes: [] }],
  [
    'no-op with publish when LIVE equals DEVELOPMENT',
    {
      desired: desiredFunction({ publish: true }),
      current: currentFunction(published),
      changes: []
    }
  ],
  [
    'code change',
    {
      desired: desiredFunction({ code: Buffer.from(NEW_CODE) }),
      current: currentFunction(published),
      changes: [{ action: 'update', code: true, config: [] }]
    }
  ],
  [
    'comment change',
    {
      desired: desiredFunction({ config: { comment: 'new' } }),
      current: currentFunction(published),
      changes: [{ action: 'update', code: false, config: ['comment'] }]
    }
  ],
  [
    'runtime change',
    {
      desired: desiredFunction({ config: { runtime: 'cloudfront-js-1.0' } }),
      current: currentFunction(published),
      changes: [{ action: 'update', code: false, config: ['runtime'] }]
    }
  ],
  [
    'store association added',
    {
      desired: desiredFunction({ config: { keyValueStoreArns: [STORE_ARN] } }),
      current: currentFunction(published),
      changes: [{ action: 'update', code: false, config: ['key-value-stores'] }]
    }
  ],
  [
    'store association removed',
    {
      desired: desiredFunction(),
      current: currentFunction({ ...published, config: { keyValueStoreArns: [STORE_ARN] } }),
      changes: [{ action: 'update', code: false, config: ['key-value-stores'] }]
    }
  ],
  [
    'store association replaced',
    {
      desired: desiredFunction({ config: { keyValueStoreArns: [OTHER_STORE_ARN] } }),
      current: currentFunction({ ...published, config: { keyValueStoreArns: [STORE_ARN] } }),
      changes: [{ action: 'update', code: false, config: ['key-value-stores'] }]
    }
  ],
  [
    'same store association',
    {
      desired: desiredFunction({ config: { keyValueStoreArns: [STORE_ARN] } }),
      current: currentFunction({ ...published, config: { keyValueStoreArns: [STORE_ARN] } }),
      changes: []
    }
  ],
  [
    'code and every config field',
    {
      desired: desiredFunction({
        code: Buffer.from(NEW_CODE),
        config: { comment: 'c', runtime: 'cloudfront-js-1.0', keyValueStoreArns: [STORE_ARN] }
      }),
      current: currentFunction(published),
      changes: [
        { action: 'update', code: true, config: ['comment', 'runtime', 'key-value-stores'] }
      ]
    }
  ],
  [
    'tags only: add and change',
    {
      desired: desiredFunction({ tags: { team: 'web', env: 'prod' } }),
      current: currentFunction({ ...published, tags: { team: 'api' } }),
      changes: [{ action: 'tag', tags: { team: 'web', env: 'prod' } }]
    }
  ],
  [
    'tags only: remove',
    {
      desired: desiredFunction({ tags: { team: 'web' } }),
      current: currentFunction({ ...published, tags: { team: 'web', old: 'x' } }),
      changes: [{ action: 'untag', keys: ['old'] }]
    }
  ],
  [
    'tags only: remove, then set (so no request passes the 50-tag limit)',
    {
      desired: desiredFunction({ tags: { team: 'web' } }),
      current: currentFunction({ ...published, tags: { old: 'x' } }),
      changes: [
        { action: 'untag', keys: ['old'] },
        { action: 'tag', tags: { team: 'web' } }
      ]
    }
  ],
  [
    'tags: aws: keys are never removed',
    {
      desired: desiredFunction({ tags: { team: 'web' } }),
      current: currentFunction({
        ...published,
        tags: { team: 'web', 'aws:cloudformation:stack-name': 'site' }
      }),
      changes: []
    }
  ],
  [
    'tags: AWS:-prefixed keys in any case are never removed',
    {
      desired: desiredFunction({ tags: {} }),
      current: currentFunction({ ...published, tags: { 'AWS:owner': 'x' } }),
      changes: []
    }
  ],
  [
    'tags: undefined leaves existing tags alone',
    {
      desired: desiredFunction({ tags: undefined }),
      current: currentFunction({ ...published, tags: { team: 'web', old: 'x' } }),
      changes: []
    }
  ],
  [
    'tags: keys named like Object.prototype members are removed like any other',
    {
      desired: desiredFunction({ tags: { team: 'web' } }),
      current: currentFunction({ ...published, tags: { team: 'web', constructor: 'x' } }),
      changes: [{ action: 'untag', keys: ['constructor'] }]
    }
  ],
  [
    'publish: never published',
    {
      desired: desiredFunction({ publish: true }),
      current: currentFunction({ etag: 'ETAG1', liveEtag: null, status: 'UNPUBLISHED' }),
      changes: [{ action: 'publish' }]
    }
  ],
  [
    'publish: LIVE ETag differs from DEVELOPMENT',
    {
      desired: desiredFunction({ publish: true }),
      current: currentFunction({ etag: 'ETAG2', liveEtag: 'ETAG1' }),
      changes: [{ action: 'publish' }]
    }
  ],
  [
    'no publish without publish: true, even when LIVE is behind',
    {
      desired: desiredFunction({ publish: false }),
      current: currentFunction({ etag: 'ETAG2', liveEtag: 'ETAG1' }),
      changes: []
    }
  ],
  [
    'update and publish',
    {
      desired: desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
      current: currentFunction(published),
      changes: [{ action: 'update', code: true, config: [] }, { action: 'publish' }]
    }
  ],
  [
    'update, tags and publish in order',
    {
      desired: desiredFunction({
        code: Buffer.from(NEW_CODE),
        tags: { team: 'web' },
        publish: true
      }),
      current: currentFunction({ ...published, tags: { old: 'x' } }),
      changes: [
        { action: 'update', code: true, config: [] },
        { action: 'untag', keys: ['old'] },
        { action: 'tag', tags: { team: 'web' } },
        { action: 'publish' }
      ]
    }
  ]
]

describe('planDeploy', () => {
  it.each(rows)('%s', (_label, { desired, current, changes }) => {
    expect(planDeploy(desired, current)).toEqual({ kind: 'function', name: NAME, changes })
  })

  it('keeps the kind of the desired function', () => {
    expect(planDeploy(desiredFunction({ kind: 'connection-function' }), undefined).kind).toBe(
      'connection-function'
    )
  })
})

describe('planDelete', () => {
  it('deletes a function that exists', () => {
    expect(planDelete('function', NAME, currentFunction())).toEqual({
      kind: 'function',
      name: NAME,
      changes: [{ action: 'delete' }]
    })
  })

  it('has nothing to do when the function does not exist', () => {
    expect(planDelete('connection-function', NAME, undefined)).toEqual({
      kind: 'connection-function',
      name: NAME,
      changes: []
    })
  })
})

describe('configChanges', () => {
  it('compares store associations as sets', () => {
    expect(
      configChanges(
        { comment: '', runtime: 'cloudfront-js-2.0', keyValueStoreArns: ['b', 'a'] },
        { comment: '', runtime: 'cloudfront-js-2.0', keyValueStoreArns: ['a', 'b'] }
      )
    ).toEqual([])
  })
})

describe('tagChanges', () => {
  it('makes no changes when tags already match', () => {
    expect(tagChanges({ a: '1' }, { a: '1' })).toEqual([])
  })

  it('sets an empty value that differs from the current one', () => {
    expect(tagChanges({ a: '' }, { a: '1' })).toEqual([{ action: 'tag', tags: { a: '' } }])
  })
})

describe('hasChange and describeChange', () => {
  const plan = planDeploy(
    desiredFunction({ code: Buffer.from(NEW_CODE), publish: true }),
    currentFunction()
  )

  it('finds a change by action', () => {
    expect(hasChange(plan, 'update')).toBe(true)
    expect(hasChange(plan, 'delete')).toBe(false)
  })

  it.each<[Change, string]>([
    [{ action: 'create' }, 'create the function'],
    [
      { action: 'update', code: true, config: ['comment', 'runtime'] },
      'update code, comment, runtime'
    ],
    [{ action: 'update', code: false, config: ['key-value-stores'] }, 'update key-value-stores'],
    [{ action: 'tag', tags: { team: 'web', env: 'prod' } }, 'set tags team=web, env=prod'],
    [{ action: 'untag', keys: ['old', 'stale'] }, 'remove tags old, stale'],
    [{ action: 'publish' }, 'publish DEVELOPMENT to LIVE'],
    [{ action: 'delete' }, 'delete the function']
  ])('describes %j', (change, text) => {
    expect(describeChange(change)).toBe(text)
  })
})

describe('describeDifferences', () => {
  it('says what changes from what to what, one line per field', () => {
    const lines = describeDifferences(
      desiredFunction({
        code: Buffer.from(NEW_CODE),
        config: { comment: 'new', runtime: 'cloudfront-js-2.0', keyValueStoreArns: [STORE_ARN] },
        tags: { team: 'web', env: 'prod' }
      }),
      currentFunction({
        config: { comment: 'old', runtime: 'cloudfront-js-1.0' },
        tags: { team: 'api', old: 'x', 'aws:owner': 'y' }
      })
    )
    expect(lines).toEqual([
      `code: ${Buffer.byteLength(CODE)} → ${Buffer.byteLength(NEW_CODE)} bytes`,
      'comment: "old" → "new"',
      'runtime: cloudfront-js-1.0 → cloudfront-js-2.0',
      `key value store: none → ${STORE_ARN}`,
      'tag old: "x" → removed',
      'tag env: added "prod"',
      'tag team: "api" → "web"'
    ])
  })

  it('says nothing for a function to create, or one that matches', () => {
    expect(describeDifferences(desiredFunction(), undefined)).toEqual([])
    expect(describeDifferences(desiredFunction(), currentFunction())).toEqual([])
  })
})
