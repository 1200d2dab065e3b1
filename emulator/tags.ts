// Tags of any taggable resource, addressed by ARN.
import { ApiError, invalid } from './errors.js'
import type { Tags } from './functions.js'
import { checkTagCount, checkTagKey, checkTags } from './validation.js'

// The model's ResourceARN pattern.
const RESOURCE_ARN = /^arn:aws(-cn)?:cloudfront::[0-9]+:.+/

export interface Taggable {
  tags: Tags
}

export class Tagging {
  constructor(
    private readonly resolve: (arn: string) => Taggable | undefined,
    private readonly changed: () => void
  ) {}

  private resource(arn: string | undefined): Taggable {
    if (!arn || !RESOURCE_ARN.test(arn)) throw invalid('The resource ARN is not valid.')
    const found = this.resolve(arn)
    if (!found) throw new ApiError('NoSuchResource', `The resource ${arn} does not exist.`)
    return found
  }

  tag(arn: string | undefined, tags: { key: string; value: string }[]): void {
    const res = this.resource(arn)
    checkTags(tags)
    const merged = { ...res.tags }
    for (const t of tags) merged[t.key] = t.value
    checkTagCount(Object.keys(merged).length)
    res.tags = merged
    this.changed()
  }

  /** Keys follow the tag key rules: a reserved aws: key cannot be removed either. */
  untag(arn: string | undefined, keys: string[]): void {
    const res = this.resource(arn)
    for (const k of keys) checkTagKey(k)
    const kept = { ...res.tags }
    for (const k of keys) delete kept[k]
    res.tags = kept
    this.changed()
  }

  list(arn: string | undefined): Tags {
    return { ...this.resource(arn).tags }
  }
}
