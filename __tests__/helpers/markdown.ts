// Renders markdown the way GitHub does for summaries and comments (CommonMark with raw HTML,
// tables and autolinks), so tests can check what a reader would get, not what the text says.
import MarkdownIt from 'markdown-it'

const renderer = new MarkdownIt({ html: true, linkify: true })

export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown)
}

/** The names of the HTML elements a rendering contains, in order (`details`, `code`, ...). */
export function elements(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)[\s>/]/g)].map(match => match[1].toLowerCase())
}

/** The text a reader sees, tags removed and entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#8203;/g, '\u200b')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/** The visible text outside code: where GitHub turns `@user` and `#1` into mentions and links. */
export function proseText(html: string): string {
  return visibleText(html.replace(/<pre>[^]*?<\/pre>|<code>[^]*?<\/code>/g, ''))
}
