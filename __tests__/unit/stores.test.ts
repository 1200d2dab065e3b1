// Key value stores by name: names resolved to ARNs once per run, ARNs named for reports, and
// a missing store reported with the closest existing name.
import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  CloudFrontClient,
  DescribeKeyValueStoreCommand,
  ListKeyValueStoresCommand
} from '@aws-sdk/client-cloudfront'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { ACCOUNT, awsError, desiredFunction, STORE_ARN } from '../../__fixtures__/cloudfront.js'
import { closestName, StoreDirectory } from '../../src/deploy/stores.js'
import { InputError } from '../../src/errors.js'

const cf = mockClient(CloudFrontClient)
const client = new CloudFrontClient({ region: 'us-east-1' })

const storeArn = (id: string): string => `arn:aws:cloudfront::${ACCOUNT}:key-value-store/${id}`
const REDIRECTS = storeArn('11111111-1111-1111-1111-111111111111')
const FLAGS = storeArn('22222222-2222-2222-2222-222222222222')
const GEO = storeArn('33333333-3333-3333-3333-333333333333')

const storeNotFound = () => awsError('EntityNotFound', { status: 404 })

/** DescribeKeyValueStore answers for these stores, and 404 for any other name. */
function serveStores(stores: Record<string, string>): void {
  cf.on(DescribeKeyValueStoreCommand).callsFake(input => {
    const arn = stores[input.Name as string]
    if (!arn) throw storeNotFound()
    return { KeyValueStore: { Name: input.Name, Id: arn.split('/')[1], ARN: arn } }
  })
}

/** ListKeyValueStores answers these stores in pages of `pageSize`. */
function listStores(stores: Record<string, string>, pageSize = 100): void {
  const items = Object.entries(stores).map(([Name, ARN]) => ({ Name, ARN }))
  cf.on(ListKeyValueStoresCommand).callsFake(input => {
    const start = Number(input.Marker ?? 0)
    const next = start + pageSize
    return {
      KeyValueStoreList: {
        Items: items.slice(start, next),
        NextMarker: next < items.length ? String(next) : undefined,
        MaxItems: pageSize,
        Quantity: Math.min(pageSize, items.length - start)
      }
    }
  })
}

function withStores(stores: string[]) {
  return desiredFunction({ config: { keyValueStoreArns: stores } })
}

beforeEach(() => {
  cf.reset()
})

describe('closestName', () => {
  const names = ['redirects', 'feature-flags', 'geo-blocklist']

  it.each([
    ['redirect', 'redirects'],
    ['Redirects', 'redirects'],
    ['redirecst', 'redirects'],
    ['feature_flag', 'feature-flags'],
    ['geo-blocklst', 'geo-blocklist']
  ])('suggests %s → %s', (typo, expected) => {
    expect(closestName(typo, names)).toBe(expected)
  })

  it('suggests nothing when no name is close', () => {
    expect(closestName('sessions', names)).toBeUndefined()
    expect(closestName('ab', ['redirects'])).toBeUndefined()
  })

  it('suggests nothing without candidates', () => {
    expect(closestName('redirects', [])).toBeUndefined()
  })

  it('allows two edits for short names, and a third of the length for long ones', () => {
    expect(closestName('kv', ['kvsx'])).toBe('kvsx')
    expect(closestName('kv', ['kvsxy'])).toBeUndefined()
    const long = 'a-very-long-store-name' // 22 characters: 7 edits allowed
    expect(closestName(long, ['a-very-long-stXXXXXXX'.padEnd(22, 'Y')])).toBeUndefined()
    expect(closestName(long, ['a-very-long-st0re-nam'])).toBe('a-very-long-st0re-nam')
  })

  it('prefers the closest of several near names', () => {
    expect(closestName('redirect', ['redirects-old', 'redirects'])).toBe('redirects')
  })
})

describe('StoreDirectory', () => {
  it('keeps a declared ARN as it is, without asking CloudFront', async () => {
    const directory = new StoreDirectory(client)
    const desired = withStores([STORE_ARN])
    expect(await directory.resolve(desired)).toBe(desired)
    expect(cf.calls()).toHaveLength(0)
  })

  it('resolves a name to its ARN and remembers the name for reports', async () => {
    serveStores({ redirects: REDIRECTS })
    const directory = new StoreDirectory(client)
    const resolved = await directory.resolve(withStores(['redirects']))
    expect(resolved.config.keyValueStoreArns).toEqual([REDIRECTS])
    expect(resolved.config.comment).toBe('')
    expect(cf).toHaveReceivedCommandWith(DescribeKeyValueStoreCommand, { Name: 'redirects' })
    expect(directory.names()).toEqual(new Map([[REDIRECTS, 'redirects']]))
  })

  it('asks once per name, however many functions share the store', async () => {
    serveStores({ redirects: REDIRECTS })
    const directory = new StoreDirectory(client)
    const all = await Promise.all(
      Array.from({ length: 5 }, () => directory.resolve(withStores(['redirects'])))
    )
    for (const desired of all) expect(desired.config.keyValueStoreArns).toEqual([REDIRECTS])
    expect(cf).toHaveReceivedCommandTimes(DescribeKeyValueStoreCommand, 1)
  })

  it('refuses a name that does not exist and suggests the closest existing one', async () => {
    serveStores({ redirects: REDIRECTS })
    listStores({ redirects: REDIRECTS, 'feature-flags': FLAGS, 'geo-blocklist': GEO }, 2)
    const error = await new StoreDirectory(client)
      .resolve(withStores(['redirect']))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('key-value-stores')
    expect((error as InputError).message).toBe(
      "Input 'key-value-stores': no key value store named 'redirect' exists in this account (DescribeKeyValueStore found none). Did you mean 'redirects'? Create it first, or give its ARN."
    )
    // Every page of the list was read.
    expect(cf).toHaveReceivedCommandTimes(ListKeyValueStoresCommand, 2)
  })

  it('suggests nothing when no existing name is close', async () => {
    serveStores({})
    listStores({ redirects: REDIRECTS })
    const error = await new StoreDirectory(client)
      .resolve(withStores(['sessions']))
      .catch((caught: unknown) => caught)
    expect((error as InputError).message).toBe(
      "Input 'key-value-stores': no key value store named 'sessions' exists in this account (DescribeKeyValueStore found none). Create it first, or give its ARN."
    )
  })

  it('still says the store does not exist when the role may not list stores', async () => {
    serveStores({})
    cf.on(ListKeyValueStoresCommand).rejects(awsError('AccessDenied', { status: 403 }))
    const error = await new StoreDirectory(client)
      .resolve(withStores(['redirect']))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toContain("no key value store named 'redirect' exists")
    expect((error as InputError).message).not.toContain('Did you mean')
  })

  it('lets other failures of the lookup through as they are', async () => {
    cf.on(DescribeKeyValueStoreCommand).rejects(awsError('AccessDenied', { status: 403 }))
    const error = await new StoreDirectory(client)
      .resolve(withStores(['redirects']))
      .catch((caught: unknown) => caught)
    expect(error).not.toBeInstanceOf(InputError)
    expect(String(error)).toContain('AccessDenied')
    expect(cf).toHaveReceivedCommandTimes(ListKeyValueStoresCommand, 0)
  })

  describe('learn', () => {
    it('names the ARNs a report shows, listing the stores once', async () => {
      listStores({ redirects: REDIRECTS, 'feature-flags': FLAGS })
      const directory = new StoreDirectory(client)
      await directory.learn([REDIRECTS])
      await directory.learn([FLAGS, GEO])
      expect(directory.names()).toEqual(
        new Map([
          [REDIRECTS, 'redirects'],
          [FLAGS, 'feature-flags']
        ])
      )
      expect(cf).toHaveReceivedCommandTimes(ListKeyValueStoresCommand, 1)
    })

    it('asks nothing when every ARN is named already', async () => {
      serveStores({ redirects: REDIRECTS })
      const directory = new StoreDirectory(client)
      await directory.resolve(withStores(['redirects']))
      await directory.learn([REDIRECTS])
      expect(cf).toHaveReceivedCommandTimes(ListKeyValueStoresCommand, 0)
    })

    it('names nothing, and does not fail, when the role may not list stores', async () => {
      cf.on(ListKeyValueStoresCommand).rejects(awsError('AccessDenied', { status: 403 }))
      const directory = new StoreDirectory(client)
      await expect(directory.learn([REDIRECTS])).resolves.toBeUndefined()
      expect(directory.names().size).toBe(0)
    })
  })
})
