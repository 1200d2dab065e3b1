// Unified diffs of what a plan changes: code, configuration and tags.
import { createTwoFilesPatch } from 'diff'
import type { CurrentFunction, DesiredFunction, FunctionConfig, Tags } from '../types.js'

export function renderDiff(desired: DesiredFunction, current: CurrentFunction | undefined): string {
  const where = current ? `${desired.name} (DEVELOPMENT)` : '/dev/null'
  const sections = [
    patch(
      `${where}`,
      `${desired.name} (inputs)`,
      current ? current.development.code.toString('utf8') : '',
      desired.code.toString('utf8'),
      'code'
    ),
    patch(
      where,
      `${desired.name} (inputs)`,
      current ? configText(current.development.config) : '',
      configText(desired.config),
      'config'
    )
  ]
  if (desired.tags !== undefined) {
    sections.push(
      patch(
        where,
        `${desired.name} (inputs)`,
        tagsText(current?.tags ?? {}),
        tagsText(desired.tags),
        'tags'
      )
    )
  }
  return sections.filter(section => section !== '').join('')
}

function patch(from: string, to: string, before: string, after: string, what: string): string {
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

function configText(config: FunctionConfig): string {
  return (
    [
      `comment: ${config.comment}`,
      `runtime: ${config.runtime}`,
      `key-value-stores: ${config.keyValueStoreArns.join(', ')}`
    ].join('\n') + '\n'
  )
}

function tagsText(tags: Tags): string {
  return Object.keys(tags)
    .sort()
    .map(key => `${key}=${tags[key]}\n`)
    .join('')
}
