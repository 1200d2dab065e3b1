// The plan: a pure comparison of what the inputs declare with what CloudFront
// holds. Dry runs print it; deploys execute exactly this object.
import type {
  Change,
  ConfigField,
  CurrentFunction,
  DesiredFunction,
  FunctionConfig,
  Plan,
  Tags
} from '../types.js'

/** Keys CloudFront manages itself; users cannot remove them. */
const SYSTEM_TAG_PREFIX = 'aws:'

export function planDeploy(desired: DesiredFunction, current: CurrentFunction | undefined): Plan {
  const plan: Plan = { kind: desired.kind, name: desired.name, changes: [] }
  if (current === undefined) {
    plan.changes.push({ action: 'create' })
    if (desired.publish) plan.changes.push({ action: 'publish' })
    return plan
  }
  const code = !desired.code.equals(current.development.code)
  const config = configChanges(desired.config, current.development.config)
  const updating = code || config.length > 0
  if (updating) plan.changes.push({ action: 'update', code, config })
  plan.changes.push(...tagChanges(desired.tags, current.tags))
  const liveIsBehind = current.live === undefined || current.live.etag !== current.development.etag
  if (desired.publish && (updating || liveIsBehind)) plan.changes.push({ action: 'publish' })
  return plan
}

export function planDelete(
  kind: Plan['kind'],
  name: string,
  current: CurrentFunction | undefined
): Plan {
  return { kind, name, changes: current ? [{ action: 'delete' }] : [] }
}

export function configChanges(desired: FunctionConfig, current: FunctionConfig): ConfigField[] {
  const fields: ConfigField[] = []
  if (desired.comment !== current.comment) fields.push('comment')
  if (desired.runtime !== current.runtime) fields.push('runtime')
  if (!sameSet(desired.keyValueStoreArns, current.keyValueStoreArns))
    fields.push('key-value-stores')
  return fields
}

/**
 * Tag changes that make the tags exactly `desired`; none when tags are not managed. Removals
 * come first: CloudFront checks its 50-tag limit on every request, so removing before adding
 * keeps each request within it.
 */
export function tagChanges(desired: Tags | undefined, current: Tags): Change[] {
  if (desired === undefined) return []
  const changes: Change[] = []
  const remove = Object.keys(current).filter(
    key => !Object.hasOwn(desired, key) && !key.toLowerCase().startsWith(SYSTEM_TAG_PREFIX)
  )
  if (remove.length > 0) changes.push({ action: 'untag', keys: remove })
  const set = Object.fromEntries(
    Object.entries(desired).filter(
      ([key, value]) => !Object.hasOwn(current, key) || current[key] !== value
    )
  )
  if (Object.keys(set).length > 0) changes.push({ action: 'tag', tags: set })
  return changes
}

export function hasChange(plan: Plan, action: Change['action']): boolean {
  return plan.changes.some(change => change.action === action)
}

/** One line per change, for logs and the summary. */
export function describeChange(change: Change): string {
  switch (change.action) {
    case 'create':
      return 'create the function'
    case 'update': {
      const parts = [...(change.code ? ['code'] : []), ...change.config]
      return `update ${parts.join(', ')}`
    }
    case 'tag':
      return `set tags ${Object.entries(change.tags)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ')}`
    case 'untag':
      return `remove tags ${change.keys.join(', ')}`
    case 'publish':
      return 'publish DEVELOPMENT to LIVE'
    case 'delete':
      return 'delete the function'
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...a].sort()
  const right = [...b].sort()
  return left.length === right.length && left.every((item, index) => item === right[index])
}

/**
 * What the plan changes, from what to what: one line per changed field, for the log. `current`
 * is what CloudFront holds (undefined: the function does not exist yet).
 */
export function describeDifferences(
  desired: DesiredFunction,
  current: CurrentFunction | undefined
): string[] {
  if (!current) return []
  const lines: string[] = []
  const before = current.development
  if (!desired.code.equals(before.code)) {
    lines.push(`code: ${before.code.length} → ${desired.code.length} bytes`)
  }
  for (const field of configChanges(desired.config, before.config)) {
    if (field === 'comment') {
      lines.push(
        `comment: ${JSON.stringify(before.config.comment)} → ${JSON.stringify(desired.config.comment)}`
      )
    } else if (field === 'runtime') {
      lines.push(`runtime: ${before.config.runtime} → ${desired.config.runtime}`)
    } else {
      const stores = (arns: readonly string[]) => (arns.length > 0 ? arns.join(', ') : 'none')
      lines.push(
        `key value store: ${stores(before.config.keyValueStoreArns)} → ${stores(desired.config.keyValueStoreArns)}`
      )
    }
  }
  if (desired.tags !== undefined) {
    for (const key of Object.keys(current.tags).sort()) {
      if (!Object.hasOwn(desired.tags, key) && !key.toLowerCase().startsWith(SYSTEM_TAG_PREFIX)) {
        lines.push(`tag ${key}: ${JSON.stringify(current.tags[key])} → removed`)
      }
    }
    for (const key of Object.keys(desired.tags).sort()) {
      if (!Object.hasOwn(current.tags, key)) {
        lines.push(`tag ${key}: added ${JSON.stringify(desired.tags[key])}`)
      } else if (current.tags[key] !== desired.tags[key]) {
        lines.push(
          `tag ${key}: ${JSON.stringify(current.tags[key])} → ${JSON.stringify(desired.tags[key])}`
        )
      }
    }
  }
  return lines
}
