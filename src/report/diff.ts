// Unified diffs that answer "what changes?": the declared function against its DEVELOPMENT
// stage (what this run writes), against its LIVE stage when the run publishes (what
// production will get), and against another function's LIVE stage (`diff-against`, for
// previews: how this differs from production). Code, configuration and tags; stores show
// as the names people gave them, with their ARNs.
import { createTwoFilesPatch } from 'diff'
import type {
  CurrentFunction,
  DesiredFunction,
  FunctionConfig,
  StageContent,
  Tags
} from '../types.js'

/** Store ARNs mapped to the names people know them by. */
export type StoreNames = ReadonlyMap<string, string>

export interface DiffSources {
  /** The function as this run first read it (undefined: it did not exist). */
  before: CurrentFunction | undefined
  /** Whether the run publishes (or, dry, would publish): then LIVE is compared too. */
  publishes: boolean
  /**
   * Another function's LIVE stage to compare with (`diff-against`). Without a LIVE stage
   * (the function is missing or was never published) there is nothing to compare: the
   * summary says why, and the diff shows nothing for it.
   */
  reference?: { name: string; live: StageContent | undefined; tags: Tags | undefined }
  storeNames?: StoreNames
}

export function renderDiff(desired: DesiredFunction, sources: DiffSources): string {
  const names = sources.storeNames ?? new Map<string, string>()
  const { before } = sources
  const sections: string[] = [
    ...compare(
      desired,
      before ? `${desired.name} (DEVELOPMENT)` : '/dev/null',
      before?.development,
      desired.tags === undefined ? undefined : (before?.tags ?? {}),
      names
    )
  ]
  if (sources.publishes && before?.live?.content?.etag !== before?.development.etag) {
    const live = before?.live?.content
    sections.push(
      ...compare(desired, live ? `${desired.name} (LIVE)` : '/dev/null', live, undefined, names)
    )
  }
  if (sources.reference?.live) {
    const { name, live, tags } = sources.reference
    sections.push(
      ...compare(
        desired,
        `${name} (LIVE)`,
        live,
        desired.tags === undefined ? undefined : (tags ?? {}),
        names
      )
    )
  }
  return sections.filter(section => section !== '').join('')
}

/** Code, config and (when managed) tags of one stage against the declared function. */
function compare(
  desired: DesiredFunction,
  from: string,
  stage: Pick<StageContent, 'code' | 'config'> | undefined,
  tags: Tags | undefined,
  names: StoreNames
): string[] {
  const to = `${desired.name} (inputs)`
  const sections = [
    patch(
      'code',
      from,
      to,
      stage ? stage.code.toString('utf8') : '',
      desired.code.toString('utf8')
    ),
    patch(
      'config',
      from,
      to,
      stage ? configText(stage.config, names) : '',
      configText(desired.config, names)
    )
  ]
  if (desired.tags !== undefined && tags !== undefined) {
    sections.push(patch('tags', from, to, tagsText(tags), tagsText(desired.tags)))
  }
  return sections
}

function patch(what: string, from: string, to: string, before: string, after: string): string {
  if (before === after) return ''
  const text = createTwoFilesPatch(
    `${what}: ${from}`,
    `${what}: ${to}`,
    before,
    after,
    undefined,
    undefined,
    {
      context: 3
    }
  )
  // Drop the "Index:"/"===" preamble; keep the ---/+++ headers and hunks.
  return text.replace(/^(Index:.*\n)?(=+\n)?/, '')
}

export function describeStore(arn: string, names: StoreNames): string {
  const name = names.get(arn)
  return name ? `${name} (${arn})` : arn
}

function configText(config: FunctionConfig, names: StoreNames): string {
  return (
    [
      `comment: ${config.comment}`,
      `runtime: ${config.runtime}`,
      `key-value-stores: ${config.keyValueStoreArns.map(arn => describeStore(arn, names)).join(', ')}`
    ].join('\n') + '\n'
  )
}

function tagsText(tags: Tags): string {
  return Object.keys(tags)
    .sort()
    .map(key => `${key}=${tags[key]}\n`)
    .join('')
}
