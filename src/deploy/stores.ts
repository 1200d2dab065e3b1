// Key value stores by name: declared names become ARNs before a write, and the ARNs a report
// shows become the names people gave them. Lookups are remembered for the run, so many
// functions sharing a store ask CloudFront once.
import {
  listKeyValueStores,
  resolveKeyValueStore,
  type CloudFrontClient
} from '../cloudfront/api.js'
import { isNotFound } from '../cloudfront/errors.js'
import { InputError } from '../errors.js'
import type { DesiredFunction } from '../types.js'

export class StoreDirectory {
  private readonly arns = new Map<string, Promise<string>>()
  private readonly known = new Map<string, string>()
  private listed: Promise<void> | undefined

  constructor(private readonly client: CloudFrontClient) {}

  /** The declared state with every store name replaced by its ARN. */
  async resolve(desired: DesiredFunction): Promise<DesiredFunction> {
    const stores = desired.config.keyValueStoreArns
    if (stores.every(store => store.startsWith('arn:'))) return desired
    const arns = await Promise.all(stores.map(store => this.arnOf(store)))
    return { ...desired, config: { ...desired.config, keyValueStoreArns: arns } }
  }

  /** ARN → name for every store this run has named, or listed. */
  names(): ReadonlyMap<string, string> {
    return this.known
  }

  /** Learns the names of `arns` not known yet (best effort: a refused list names none). */
  async learn(arns: readonly string[]): Promise<void> {
    if (arns.every(arn => this.known.has(arn))) return
    await this.list()
  }

  private arnOf(store: string): Promise<string> {
    if (store.startsWith('arn:')) return Promise.resolve(store)
    let arn = this.arns.get(store)
    if (!arn) {
      arn = this.describe(store)
      this.arns.set(store, arn)
    }
    return arn
  }

  private async describe(name: string): Promise<string> {
    try {
      const arn = await resolveKeyValueStore(this.client, name)
      this.known.set(arn, name)
      return arn
    } catch (error) {
      if (!isNotFound(error)) throw error
      await this.list()
      const closest = closestName(name, [...this.known.values()])
      const hint = closest ? ` Did you mean '${closest}'?` : ''
      throw new InputError(
        'key-value-stores',
        `no key value store named '${name}' exists in this account (DescribeKeyValueStore found none).${hint} Create it first, or give its ARN.`
      )
    }
  }

  private list(): Promise<void> {
    this.listed ??= listKeyValueStores(this.client).then(
      stores => {
        for (const store of stores) this.known.set(store.arn, store.name)
      },
      // Only names for messages depend on it: a role without ListKeyValueStores still deploys.
      () => undefined
    )
    return this.listed
  }
}

/** The most similar name, when it is close enough to be a typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (!best || distance < best.distance) best = { candidate, distance }
  }
  const allowed = Math.max(2, Math.floor(name.length / 3))
  return best && best.distance <= allowed ? best.candidate : undefined
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j] + 1,
        row[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    }
    previous = row
  }
  return previous[b.length]
}
