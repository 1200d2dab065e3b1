import { describe, expect, it } from '@jest/globals'
import { renderDiff } from '../../src/report/diff.js'
import {
  CODE,
  NAME,
  NEW_CODE,
  STORE_ARN,
  currentFunction,
  desiredFunction
} from '../../__fixtures__/cloudfront.js'

describe('renderDiff', () => {
  it('is empty when nothing differs', () => {
    expect(renderDiff(desiredFunction(), currentFunction())).toBe('')
  })

  it('is empty for tags when tags are not managed', () => {
    expect(renderDiff(desiredFunction(), currentFunction({ tags: { team: 'web' } }))).toBe('')
  })

  it('shows a code change as a unified diff against DEVELOPMENT', () => {
    const diff = renderDiff(desiredFunction({ code: Buffer.from(NEW_CODE) }), currentFunction())
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

  it('shows config changes', () => {
    const diff = renderDiff(
      desiredFunction({ config: { comment: 'new', keyValueStoreArns: [STORE_ARN] } }),
      currentFunction({ config: { comment: 'old' } })
    )
    expect(diff).toContain(`--- config: ${NAME} (DEVELOPMENT)\n+++ config: ${NAME} (inputs)\n`)
    expect(diff).toContain('-comment: old\n+comment: new\n')
    expect(diff).toContain(' runtime: cloudfront-js-2.0\n')
    expect(diff).toContain(`-key-value-stores: \n+key-value-stores: ${STORE_ARN}\n`)
    expect(diff).not.toContain('code:')
  })

  it('shows tag changes sorted by key', () => {
    const diff = renderDiff(
      desiredFunction({ tags: { team: 'web', env: 'prod' } }),
      currentFunction({ tags: { team: 'api', old: 'x' } })
    )
    expect(diff).toContain(`--- tags: ${NAME} (DEVELOPMENT)\n+++ tags: ${NAME} (inputs)\n`)
    expect(diff).toContain('-old=x\n-team=api\n+env=prod\n+team=web\n')
  })

  it('diffs everything against /dev/null for a function to create', () => {
    const diff = renderDiff(desiredFunction({ tags: { team: 'web' } }), undefined)
    expect(diff).toContain('--- code: /dev/null\n')
    expect(diff).toContain('--- config: /dev/null\n')
    expect(diff).toContain('--- tags: /dev/null\n')
    for (const line of CODE.trimEnd().split('\n')) expect(diff).toContain(`+${line}\n`)
    expect(diff).toContain('+team=web\n')
    expect(diff).not.toMatch(/^Index:|^=+$/m)
  })
})
