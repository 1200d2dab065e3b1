// Request shapes read from XML and response shapes written as XML, with the element
// names of the CloudFront API model (2020-05-31).
import { invalid } from './errors.js'
import { stageOf, statusOf, type FunctionRecord, type Stage, type Tags } from './functions.js'
import type { KeyValueStoreRecord } from './key-value-stores.js'
import type { FunctionConfig } from './validation.js'
import {
  child,
  childText,
  children,
  el,
  leaf,
  parseXml,
  XmlError,
  type Xml,
  type XmlNode
} from './xml.js'

export function parseBody(body: Buffer): XmlNode | undefined {
  const text = body.toString('utf8').trim()
  if (!text) return undefined
  try {
    return parseXml(text)
  } catch (e) {
    throw invalid(`Malformed XML: ${e instanceof XmlError ? e.message : String(e)}`)
  }
}

/** Blobs travel base64-encoded inside XML. */
export function readBlob(node: XmlNode | undefined, name: string): Buffer | undefined {
  const text = childText(node, name)
  if (text === undefined) return undefined
  const clean = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw invalid(`${name} is not valid base64.`)
  return Buffer.from(clean, 'base64')
}

export function readConfig(node: XmlNode | undefined): FunctionConfig | undefined {
  if (!node) return undefined
  const comment = childText(node, 'Comment')
  const runtime = childText(node, 'Runtime')
  if (comment === undefined) throw invalid('FunctionConfig.Comment is required.')
  if (runtime === undefined) throw invalid('FunctionConfig.Runtime is required.')
  const assoc = child(node, 'KeyValueStoreAssociations')
  const arns = children(child(assoc, 'Items'), 'KeyValueStoreAssociation').map(
    a => childText(a, 'KeyValueStoreARN') ?? ''
  )
  if (assoc) {
    const quantity = Number(childText(assoc, 'Quantity'))
    if (!Number.isInteger(quantity) || quantity !== arns.length) {
      throw invalid('KeyValueStoreAssociations.Quantity does not match the number of items.')
    }
  }
  return { comment, runtime, keyValueStoreArns: arns }
}

export function readTags(node: XmlNode | undefined): { key: string; value: string }[] {
  return children(child(node, 'Items'), 'Tag').map(t => ({
    key: childText(t, 'Key') ?? '',
    value: childText(t, 'Value') ?? ''
  }))
}

// ---- writing ---------------------------------------------------------------

const time = (ms: number): string => new Date(ms).toISOString()

function configXml(name: string, c: FunctionConfig): Xml {
  const assoc = c.keyValueStoreArns.length
    ? el(
        'KeyValueStoreAssociations',
        leaf('Quantity', c.keyValueStoreArns.length),
        el(
          'Items',
          ...c.keyValueStoreArns.map(arn =>
            el('KeyValueStoreAssociation', leaf('KeyValueStoreARN', arn))
          )
        )
      )
    : undefined
  return el(name, leaf('Comment', c.comment), leaf('Runtime', c.runtime), assoc)
}

/** Inner elements of a FunctionSummary or ConnectionFunctionSummary for one stage. */
export function summaryXml(rec: FunctionRecord, stage: Stage): Xml {
  const v = stageOf(rec, stage)
  if (rec.kind === 'function') {
    return [
      leaf('Name', rec.name),
      leaf('Status', statusOf(rec)),
      configXml('FunctionConfig', v.config),
      el(
        'FunctionMetadata',
        leaf('FunctionARN', rec.arn),
        leaf('Stage', stage),
        leaf('CreatedTime', time(rec.created)),
        leaf('LastModifiedTime', time(v.lastModified))
      )
    ].join('')
  }
  return [
    leaf('Name', rec.name),
    leaf('Id', rec.id),
    configXml('ConnectionFunctionConfig', v.config),
    leaf('ConnectionFunctionArn', rec.arn),
    leaf('Status', statusOf(rec)),
    leaf('Stage', stage),
    leaf('CreatedTime', time(rec.created)),
    leaf('LastModifiedTime', time(v.lastModified))
  ].join('')
}

export function storeXml(s: KeyValueStoreRecord): Xml {
  return [
    leaf('Name', s.name),
    leaf('Id', s.id),
    leaf('Comment', s.comment),
    leaf('ARN', s.arn),
    leaf('Status', 'READY'),
    leaf('LastModifiedTime', time(s.lastModified))
  ].join('')
}

export function tagsXml(tags: Tags): Xml {
  const entries = Object.entries(tags)
  if (!entries.length) return ''
  return el('Items', ...entries.map(([k, v]) => el('Tag', leaf('Key', k), leaf('Value', v))))
}
