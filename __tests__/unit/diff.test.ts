import { describe, expect, it } from '@jest/globals'
import { renderDiff, type DiffSources } from '../../src/report/diff.js'
import {
  CODE,
  NAME,
  NEW_CODE,
  STORE_ARN,
  config,
  currentFunction,
  desiredFunction
} from '../../__fixtures__/cloudfront.js'
import type { CurrentFunction } from '../../src/types.js'

const against = (before: CurrentFunction | undefined, more: Partial<DiffSources> = {}) => ({
  before,
  publishes: false,
  ...more
})

/** A function whose LIVE stage holds `code` (a version other than DEVELOPMENT's). */
function withLive(code: string, overrides: Parameters<typeof currentFunction>[0] = {}) {
  const current = currentFunction({ etag: 'ETAG2', liveEtag: 'ETAG1', ...overrides })
  return {
    ...current,
    live: { etag: 'ETAG1', content: { etag: 'ETAG1', config: config(), code: Buffer.from(code) } }
  }
}

describe('renderDiff', () => {
  it('is empty when nothing differs', () => {
    expect(renderDiff(desiredFunction(), against(currentFunction()))).toBe('')
  })

  it('is empty for tags when tags are not managed', () => {
    expect(renderDiff(desiredFunction(), against(currentFunction({ tags: { team: 'web' } })))).toBe(
      ''
    )
  })

  it('shows a code change as a unified diff against DEVELOPMENT', () => {
    const diff = renderDiff(
      desiredFunction({ code: Buffer.from(NEW_CODE) }),
      against(currentFunction())
    )
    expect(diff).toBe(
      [
        `--- code: ${NAME} (DEVELOPMENT)`,
        `+++ code: ${NAME} (inputs)`,
        '@@ -1,3 +1,4 @@',
        ' function handler(event) {',
        "+  event.request.uri = '/index.html'",
        '   return event.request',
        ' }',
        ''
      ].join('\n')
    )
  })

  it('shows config changes, with stores by name and ARN', () => {
    const diff = renderDiff(
      desiredFunction({ config: { comment: 'new', keyValueStoreArns: [STORE_ARN] } }),
      against(currentFunction({ config: { comment: 'old' } }), {
        storeNames: new Map([[STORE_ARN, 'redirects']])
      })
    )
    expect(diff).toContain(`--- config: ${NAME} (DEVELOPMENT)\n+++ config: ${NAME} (inputs)\n`)
    expect(diff).toContain('-comment: old\n+comment: new\n')
    expect(diff).toContain(' runtime: cloudfront-js-2.0\n')
    expect(diff).toContain(`-key-value-stores: \n+key-value-stores: redirects (${STORE_ARN})\n`)
    expect(diff).not.toContain('code:')
  })

  it('shows tag changes sorted by key', () => {
    const diff = renderDiff(
      desiredFunction({ tags: { team: 'web', env: 'prod' } }),
      against(currentFunction({ tags: { team: 'api', old: 'x' } }))
    )
    expect(diff).toContain(`--- tags: ${NAME} (DEVELOPMENT)\n+++ tags: ${NAME} (inputs)\n`)
    expect(diff).toContain('-old=x\n-team=api\n+env=prod\n+team=web\n')
  })

  it('diffs everything against /dev/null for a function to create', () => {
    const diff = renderDiff(desiredFunction({ tags: { team: 'web' } }), against(undefined))
    expect(diff).toContain('--- code: /dev/null\n')
    expect(diff).toContain('--- config: /dev/null\n')
    expect(diff).toContain('--- tags: /dev/null\n')
    for (const line of CODE.trimEnd().split('\n')) expect(diff).toContain(`+${line}\n`)
    expect(diff).toContain('+team=web\n')
    expect(diff).not.toMatch(/^Index:|^=+$/m)
  })

  it('shows LIVE against the inputs when the run publishes, so a publish-only run is never empty', () => {
    // DEVELOPMENT already holds the inputs; LIVE still serves the old code.
    const before = withLive('// old\n', { code: CODE })
    const diff = renderDiff(desiredFunction(), against(before, { publishes: true }))
    expect(diff).toContain(`--- code: ${NAME} (LIVE)\n+++ code: ${NAME} (inputs)\n`)
    expect(diff).toContain('-// old\n')
    expect(diff).not.toContain('(DEVELOPMENT)')
    expect(renderDiff(desiredFunction(), against(before, { publishes: false }))).toBe('')
  })

  it("shows another function's LIVE stage against the inputs (diff-against)", () => {
    const diff = renderDiff(
      desiredFunction({ code: Buffer.from(NEW_CODE), tags: { team: 'web' } }),
      against(undefined, {
        reference: {
          name: 'production',
          live: { etag: 'E1', config: config({ comment: 'prod' }), code: Buffer.from(CODE) },
          tags: { team: 'web', env: 'prod' }
        }
      })
    )
    expect(diff).toContain('--- code: production (LIVE)\n')
    expect(diff).toContain("+  event.request.uri = '/index.html'\n")
    expect(diff).toContain('--- config: production (LIVE)\n')
    expect(diff).toContain('-comment: prod\n+comment: \n')
    expect(diff).toContain('--- tags: production (LIVE)\n')
    expect(diff).toContain('-env=prod\n')
  })

  it('shows nothing for a diff-against function without a LIVE stage (missing or never published)', () => {
    const before = withLive(CODE, { code: CODE })
    const reference = { name: 'production', live: undefined, tags: undefined }
    // Nothing else differs: a missing reference must not turn into a diff against /dev/null.
    expect(renderDiff(desiredFunction(), against(before, { reference }))).toBe('')
    const diff = renderDiff(
      desiredFunction({ code: Buffer.from(NEW_CODE) }),
      against(before, { reference })
    )
    expect(diff).toContain(`--- code: ${NAME} (DEVELOPMENT)\n`)
    expect(diff).not.toContain('production')
    expect(diff).not.toContain('/dev/null')
  })
})
