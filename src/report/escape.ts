// Every piece of text that did not come from the action itself (function names and code,
// test names, function logs and output, AWS and GitHub messages, pull-request text) passes
// through one of these functions on its way to a sink. One function per sink:
//   log lines        → logText      (never a workflow command)
//   markdown text    → mdText       (never HTML, a mention or a cross-reference)
//   text in raw HTML → htmlText     (the same, where markdown is not processed)
//   inline code      → mdCode       (a code span no backtick inside can close)
//   table cells      → mdCell       (text or code that cannot break out of its cell)
//   code blocks      → mdFence      (a fence longer than any backtick run inside)
// No other module escapes untrusted text by itself.

/**
 * The runner (actions/runner, ActionCommand) reads a line as a command when, after .NET's
 * `TrimStart()`, it starts with `::` (`::error::`, `::add-mask::`, `::stop-commands::`); .NET
 * trims U+0085 (NEXT LINE) too, which JavaScript's `\s` does not count. Such lines get a
 * visible prefix, so they are shown and never obeyed.
 */
const COMMAND_LINE = /^[\s\u0085]*(::|##vso\[)/
const COMMAND_PREFIX = '│ '
/**
 * The legacy form `##[name]` is found anywhere in a line, not only at its start: a prefix
 * cannot defuse it, so a plain space breaks the `##[` itself (a space, which no string
 * comparison ignores, unlike zero-width characters).
 */
const LEGACY_COMMAND = /##\[/g
const LEGACY_BROKEN = '## ['

/** Makes text safe to print to the job log: no line can be read as a workflow command. */
export function logText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(line => line.replace(LEGACY_COMMAND, LEGACY_BROKEN))
    .map(line => (COMMAND_LINE.test(line) ? COMMAND_PREFIX + line : line))
    .join('\n')
}

/** Zero-width space as an entity: it breaks `@user` and `#123` without changing how they read. */
const ZWSP = '&#8203;'

// With `<` escaped no tag can open, so quotes need no escaping.
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Plain text for markdown outside code: HTML is shown as text, markdown syntax characters
 * are escaped, and `@mentions`, `#123` references and bare links notify and link nobody.
 * Line breaks become `<br>`, so the text stays inside the block it is placed in.
 */
export function mdText(text: string): string {
  const escaped = text.replace(/[\\`*_[\]~#]/g, char => `\\${char}`)
  // A line of only `-` or `=` under a line of text makes it a heading, or draws a rule, when
  // it starts a line (a caller may place text there): escaped, its characters are text.
  const ruled = /^[-=\s]+$/.test(text) ? escaped.replace(/[-=]/g, char => `\\${char}`) : escaped
  // Nor may it start a list item (`- x`, `+ x`, `1. x`) inside the action's own lists.
  const line = ruled
    .replace(/^(\s*)([-+])(?=\s)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/, '$1\\$2')
  return line
    .replace(/[&<>]/g, char => HTML_ENTITIES[char])
    .replace(/\|/g, '&#124;')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/\\#(?=\d)/g, `\\#${ZWSP}`)
    .replace(/:\/\//g, `:/${ZWSP}/`)
    .replace(/\bwww\./gi, match => `${match.slice(0, 3)}${ZWSP}.`)
    .replace(/\r\n|\r|\n/g, '<br>')
}

/**
 * Text inside the action's own raw HTML (a `<summary>`), where markdown is not processed, so
 * backslash escapes would show: HTML is shown as text, and mentions, references and bare
 * links are broken as in mdText. One line.
 */
export function htmlText(text: string): string {
  return (
    text
      .replace(/[&<>"]/g, char => (char === '"' ? '&quot;' : HTML_ENTITIES[char]))
      .replace(/@/g, `@${ZWSP}`)
      // Not inside the entities just written.
      .replace(/(?<!&)#(?=\d)/g, `#${ZWSP}`)
      .replace(/:\/\//g, `:/${ZWSP}/`)
      .replace(/\bwww\./gi, match => `${match.slice(0, 3)}${ZWSP}.`)
      .replace(/\r\n|\r|\n/g, ' ')
  )
}

/** The longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return longest
}

/**
 * An inline code span: a backtick fence longer than any run inside, padded when the text
 * starts or ends with a backtick. Line breaks become spaces (a span is one line). HTML,
 * mentions and markdown are inert inside code.
 */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ')
  if (flat === '') return '` `'
  const fence = '`'.repeat(longestBacktickRun(flat) + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/**
 * A table cell. `|` would end the cell even inside a code span, so cells never use code
 * spans: `code: true` renders the text in a `<code>` element, whose content is escaped
 * like any other text (mdText turns `|` into an entity).
 */
export function mdCell(text: string, options: { code?: boolean } = {}): string {
  const cell = mdText(text.replace(/\r\n|\r|\n/g, ' '))
  return options.code && text !== '' ? `<code>${cell}</code>` : cell
}

/**
 * A fenced code block: the fence is longer than any backtick run inside, so no line of
 * `text` can close it. HTML, mentions and markdown are inert inside.
 */
export function mdFence(text: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1))
  const body = text.replace(/\r\n|\r/g, '\n').replace(/\n$/, '')
  return `${fence}${language}\n${body}\n${fence}`
}

/** Cuts `text` to at most `max` characters, saying how much was left out. */
export function truncate(text: string, max: number, what = 'characters'): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return `${cut}\n… (${text.length - max} more ${what} left out)`
}
