// Everything the code of one function must pass before any request: the file is read from
// inside the job's folders, checked against the declared runtime, and checked against the
// declared key value store, so that a forgotten store cannot detach production.
import { InputError, type Annotation } from '../errors.js'
import { readJobFile, resolveJobFile, type JobRoots } from '../inputs/files.js'
import type { FunctionInputs } from '../inputs/parse.js'
import { plural } from '../report/words.js'
import { checkCode, findKeyValueStoreUse } from './check.js'

/** CloudFront's limit on the code of one function (quotas page; not adjustable). */
export const MAX_CODE_BYTES = 10_240

export interface PreparedCode {
  /** The bytes CloudFront gets. */
  code: Buffer
  /** The code file as messages name it (relative to the workspace). */
  file: string
  /** Warnings to show; problems are thrown as InputError. */
  annotations: Annotation[]
}

export function prepareCode(fn: FunctionInputs, roots: JobRoots): PreparedCode {
  const file = resolveJobFile('code', fn.code, roots, problem =>
    problem === 'directory' ? ' Point code at the function source file inside it.' : ''
  )
  const code = readJobFile(
    'code',
    file,
    MAX_CODE_BYTES,
    'CloudFront refuses larger functions: minify the code or move data into a key value store.'
  )
  if (code.length === 0) {
    throw new InputError('code', `'${file.name}' is empty. A function needs a handler.`)
  }
  const source = code.toString('utf8')
  const findings = checkCode(source, { runtime: fn.runtime, kind: fn.kind })
  const title = `CloudFront ${fn.runtime}`
  if (findings.length > 0) {
    const first = findings[0]
    throw new InputError(
      'code',
      `${file.name} has ${plural(findings.length, 'problem')} for ${fn.runtime} (first: line ${first.line}, column ${first.column}: ${first.message}). See the annotations; nothing was sent to CloudFront.`,
      findings.map(finding => ({
        level: 'error',
        message: finding.message,
        title: `${title}: ${finding.rule}`,
        file: file.name,
        line: finding.line,
        column: finding.column
      }))
    )
  }
  return { code, file: file.name, annotations: checkStoreUse(source, file.name, fn) }
}

/**
 * An update sends the whole configuration, so code that reads a store deployed without
 * `key-value-stores` would lose its association (a typo in the input name does that).
 */
function checkStoreUse(source: string, file: string, fn: FunctionInputs): Annotation[] {
  const use = findKeyValueStoreUse(source)
  if (use && fn.keyValueStores.length === 0) {
    const message = `${file} reads a key value store (cf.kvs at line ${use.line}), but key-value-stores is empty: deploying would remove the function's store association. Set key-value-stores to the store's name or ARN.`
    throw new InputError('key-value-stores', message, [
      {
        level: 'error',
        message,
        title: 'Key value store not declared',
        file,
        line: use.line,
        column: use.column
      }
    ])
  }
  if (!use && fn.keyValueStores.length > 0) {
    return [
      {
        level: 'warning',
        message: `key-value-stores associates ${fn.keyValueStores.join(', ')}, but ${file} never reads a key value store (no cf.kvs from the 'cloudfront' module). Remove the input if the function does not need the store.`,
        title: 'Key value store not used',
        file
      }
    ]
  }
  return []
}
