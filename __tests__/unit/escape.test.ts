// The one module that escapes untrusted text, sink by sink: log lines the runner must never
// obey, and markdown that must render as the text it holds.
import { describe, expect, it } from '@jest/globals'
import {
  htmlText,
  logText,
  mdCell,
  mdCode,
  mdFence,
  mdText,
  truncate
} from '../../src/report/escape.js'
import { elements, proseText, renderMarkdown, visibleText } from '../helpers/markdown.js'

/**
 * Whether the runner would obey a line (actions/runner, ActionCommand.TryParseV2 then
 * TryParse): `::` after .NET's TrimStart(), or the legacy `##[` anywhere.
 */
function obeyed(line: string): boolean {
  const trimmed = line.replace(
    /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/,
    ''
  )
  return /^::[^\s:]+(?: [^]*?)?::/.test(trimmed) || /##\[[^\s\]]+(?: [^\]]*)?\]/.test(line)
}

describe('logText', () => {
  it.each([
    ['a command at the start of a line', '::add-mask::DEVELOPMENT'],
    ['a command after a line break', 'ok\n::error title=x::y'],
    ['a command after a carriage return', 'ok\r::warning::z'],
    ['a command after spaces and tabs', ' \t ::notice::z'],
    ['a command after U+0085, which .NET trims', '\u0085::add-mask::DEVELOPMENT'],
    ['a command after no-break and ideographic spaces', '\u00a0\u3000::error::y'],
    ['the legacy form at the start', '##[error]legacy'],
    ['the legacy form inside a line', 'PASS ok ##[add-mask]DEVELOPMENT (compute 2%)'],
    ['the legacy form with properties inside a line', 'x ##[set-output name=published;]true'],
    ['stop-commands inside a line', 'logs: a | ##[stop-commands]pause'],
    ['a run of # before [', 'x ###[error]y'],
    ['an Azure command', '##vso[task.setvariable variable=x]y']
  ])('no line of %s is obeyed, and the words stay', (_, text) => {
    const safe = logText(text)
    for (const line of safe.split('\n')) expect(obeyed(line)).toBe(false)
    const words = text.match(/[a-z-]{3,}/gi) ?? []
    for (const word of words) expect(safe).toContain(word)
  })

  it('leaves ordinary text alone', () => {
    expect(logText('Plan: update code; publish DEVELOPMENT to LIVE.')).toBe(
      'Plan: update code; publish DEVELOPMENT to LIVE.'
    )
    expect(logText('a: b :: c')).toBe('a: b :: c')
    expect(logText('# heading\n## [not a command]')).toBe('# heading\n## [not a command]')
  })

  it('ends every line with \\n, whatever the line breaks were', () => {
    expect(logText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd')
  })
})

describe('markdown sinks', () => {
  const HOSTILE = '</details><img src=x><h1>t</h1> @octocat #1 **b** [l](https://e.example) | x'

  it('mdText renders as the same text, without markup, mentions or links', () => {
    const html = renderMarkdown(mdText(HOSTILE))
    expect(elements(html)).toEqual(['p'])
    expect(
      visibleText(html)
        .replace(/\u200b/g, '')
        .trim()
    ).toBe(HOSTILE)
    expect(proseText(html)).not.toMatch(/@octocat|(^|\s)#1\b/)
  })

  it('mdText keeps line breaks inside the block', () => {
    expect(elements(renderMarkdown(`- ${mdText('a\n# b\n- c')}`))).toEqual(['ul', 'li', 'br', 'br'])
  })

  it.each(['- all tests passed', '+ merged', '1. first', '2) second'])(
    'mdText of %j at the start of a quoted line makes no list item',
    line => {
      const html = renderMarkdown(`> [!CAUTION]\n> ${mdText(line)}`)
      expect(elements(html).filter(tag => /^(ul|ol|li)$/.test(tag))).toEqual([])
      expect(visibleText(html)).toContain(line)
    }
  )

  it.each(['===', '---', '- - -', ' = = ', '--'])(
    'mdText of %j at the start of a line under text makes no heading or rule',
    line => {
      for (const markdown of [`text\n${mdText(line)}`, `> text\n> ${mdText(line)}`]) {
        const found = elements(renderMarkdown(markdown))
        expect(found.filter(tag => /^(h\d|hr)$/.test(tag))).toEqual([])
        expect(visibleText(renderMarkdown(markdown))).toContain(line.trim())
      }
    }
  )

  it('mdCode is one code span, whatever backticks it holds', () => {
    for (const text of ['a`b', '``x``', '`start', 'end`', ' both ', '']) {
      const html = renderMarkdown(mdCode(text))
      expect(elements(html)).toEqual(['p', 'code'])
    }
    expect(visibleText(renderMarkdown(mdCode('a ``` b')))).toBe('a ``` b\n')
  })

  it('mdCell stays in its cell', () => {
    const table = `| a | b |\n| --- | --- |\n| ${mdCell(HOSTILE)} | ${mdCell('x|y\nz', { code: true })} |`
    const html = renderMarkdown(table)
    expect(elements(html).filter(tag => tag === 'td')).toHaveLength(2)
    expect(elements(html)).not.toContain('img')
  })

  it('mdFence is longer than any run of backticks inside', () => {
    const text = 'a\n``````\n</details>\nafter'
    const html = renderMarkdown(`${mdFence(text, 'diff')}\n\nnext`)
    expect(elements(html)).toEqual(['pre', 'code', 'p'])
    expect(visibleText(html)).toContain('after')
  })

  it('truncate says how much it left out', () => {
    expect(truncate('abcdef', 4)).toBe('abcd\n… (2 more characters left out)')
    expect(truncate('abc', 4)).toBe('abc')
  })
})

describe('htmlText', () => {
  it('shows text inside raw HTML as it is: no backslashes, no markup, no mentions', () => {
    const html = renderMarkdown(
      `<details><summary>${htmlText('viewer_request <b>x</b> @octocat #1')}</summary>\n\nbody\n\n</details>`
    )
    expect(visibleText(html)).toContain('viewer_request <b>x</b> @\u200boctocat #\u200b1')
    expect(elements(html)).not.toContain('b')
  })
})
