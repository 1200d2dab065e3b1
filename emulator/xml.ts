// Just enough XML for the CloudFront REST-XML wire format: elements, attributes,
// text, CDATA and the five predefined entities. No DTDs, no namespaces beyond
// keeping the xmlns attribute around.

export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  text: string
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ent: string) => {
    if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16))
    if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10))
    const v = ENTITIES[ent]
    if (v === undefined) throw new XmlError(`unknown entity ${whole}`)
    return v
  })
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#xD;') // a raw CR would reach the client as LF
}

/** Parses a document and returns its root element; throws XmlError when malformed. */
export function parseXml(text: string): XmlNode {
  // XML end-of-line handling: raw CRLF and CR read as LF; a CR survives only as &#xD;.
  const src = text.replace(/\r\n?/g, '\n')
  let i = 0
  const stack: XmlNode[] = []
  let root: XmlNode | undefined

  const skipMisc = (): boolean => {
    if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i)
      if (end < 0) throw new XmlError('unterminated processing instruction')
      i = end + 2
      return true
    }
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i)
      if (end < 0) throw new XmlError('unterminated comment')
      i = end + 3
      return true
    }
    if (src.startsWith('<!DOCTYPE', i) || src.startsWith('<!ENTITY', i)) {
      throw new XmlError('DTDs are not accepted')
    }
    return false
  }

  while (i < src.length) {
    const top = stack[stack.length - 1]
    if (src[i] !== '<') {
      const next = src.indexOf('<', i)
      const chunk = src.slice(i, next < 0 ? src.length : next)
      if (top) top.text += decodeEntities(chunk)
      else if (chunk.trim()) throw new XmlError('text outside the root element')
      i = next < 0 ? src.length : next
      continue
    }
    if (skipMisc()) continue
    if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i)
      if (end < 0 || !top) throw new XmlError('bad CDATA section')
      top.text += src.slice(i + 9, end)
      i = end + 3
      continue
    }
    if (src[i + 1] === '/') {
      const end = src.indexOf('>', i)
      if (end < 0) throw new XmlError('unterminated end tag')
      const name = src.slice(i + 2, end).trim()
      const open = stack.pop()
      if (!open || open.name !== name) throw new XmlError(`mismatched end tag </${name}>`)
      i = end + 1
      continue
    }
    const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
      src.slice(i, i + 4096)
    )
    if (!m) throw new XmlError(`bad tag at offset ${i}`)
    const node: XmlNode = { name: m[1], attrs: {}, children: [], text: '' }
    for (const a of m[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      node.attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '')
    }
    if (top) top.children.push(node)
    else if (root) throw new XmlError('more than one root element')
    else root = node
    if (!m[3]) stack.push(node)
    i += m[0].length
  }
  if (stack.length || !root) throw new XmlError('unexpected end of document')
  return root
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find(c => c.name === name)
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter(c => c.name === name) : []
}

/** Text of a direct child, or undefined when the child is absent. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return child(node, name)?.text
}

// Writing: elements are plain strings so responses compose by concatenation.
export type Xml = string

export function el(name: string, ...content: (Xml | undefined | false)[]): Xml {
  return `<${name}>${content.filter(c => typeof c === 'string').join('')}</${name}>`
}

/** A leaf element with escaped text; omitted when value is undefined. */
export function leaf(name: string, value: string | number | boolean | undefined): Xml {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`
}

export const CF_NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/'

export function doc(root: string, ...content: (Xml | undefined | false)[]): string {
  const inner = content.filter(c => typeof c === 'string').join('')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${CF_NS}">${inner}</${root}>`
}
