// Everything the code of one function must pass before any request. The file is read from
// inside the job's folders (and built, for TypeScript, bundle or minify); what CloudFront
// would get is checked against the declared runtime, its size against CloudFront's limit,
// and its use of a key value store against the declared one, so that a forgotten store
// cannot detach production. Findings point at the source line they came from.
import { InputError, type Annotation } from '../errors.js'
import {
  formatBytes,
  readJobFile,
  resolveJobFile,
  type JobFile,
  type JobRoots
} from '../inputs/files.js'
import type { FunctionInputs } from '../inputs/parse.js'
import {
  checkBuildRuntime,
  CODE_SIZE_LIMIT,
  isTypeScript,
  MAX_SOURCE_BYTES,
  needsBuild
} from '../build/needs-build.js'
import type { BuildResult } from '../build/index.js'
import { plural } from '../report/words.js'
import { checkCode, findKeyValueStoreUse, findUnlistedSyntax } from './check.js'

/** CloudFront's limit on the code of one function (quotas page; not adjustable). */
export const MAX_CODE_BYTES = CODE_SIZE_LIMIT
/** Code at or above this share of the limit gets a warning. */
export const SIZE_WARNING_SHARE = 0.9

/** A place in a file a person edits; line and column are unknown for generated code. */
export interface SourcePlace {
  file: string
  line?: number
  column?: number
}

export interface PreparedCode {
  /** The bytes CloudFront gets. */
  code: Buffer
  /** The code file as messages name it (relative to the workspace). */
  file: string
  /** Set when the code was built: what went in, and how big. */
  build?: {
    sources: { file: string; bytes: number }[]
    sourceBytes: number
    bundled: boolean
    minified: boolean
  }
  /** Where the code reads a key value store (in the source), if it does. */
  storeUse: SourcePlace | undefined
  /** Lines for the log. */
  notes: string[]
  /** Warnings to show; problems are thrown as InputError. */
  annotations: Annotation[]
}

export async function prepareCode(fn: FunctionInputs, roots: JobRoots): Promise<PreparedCode> {
  const file = resolveJobFile('code', fn.code, roots, problem =>
    problem === 'directory' ? ' Point code at the function source file inside it.' : ''
  )
  checkBuildRuntime(file.name, fn.runtime, fn)
  const built = needsBuild(file.name, fn) ? await build(fn, file, roots) : undefined
  const code = built?.code ?? readPlain(file)
  if (code.length === 0) {
    throw new InputError('code', `'${file.name}' is empty. A function needs a handler.`)
  }
  const source = code.toString('utf8')
  // A position in the deployed code, as a position in the file a person edits.
  const locate = (
    line: number,
    column: number
  ): { file: string; line?: number; column?: number } =>
    built
      ? (built.originalPosition(line, column) ?? { file: file.name })
      : { file: file.name, line, column }
  checkRuntime(source, fn, file.name, locate)
  const use = findKeyValueStoreUse(source)
  const storeUse = use && locate(use.line, use.column)
  return {
    code,
    file: file.name,
    build: built && {
      sources: built.sources,
      sourceBytes: built.sizes.sources,
      bundled: built.bundled,
      minified: built.minified
    },
    storeUse,
    notes: describeSize(code, file.name, built),
    annotations: [
      ...unlistedSyntax(source, fn, locate),
      ...checkStoreUse(storeUse, file.name, fn),
      ...sizeWarnings(code, file.name),
      ...(built ? [] : encodingWarnings(code, file.name))
    ]
  }
}

function readPlain(file: JobFile): Buffer {
  return readJobFile(
    'code',
    file,
    MAX_CODE_BYTES,
    'CloudFront refuses larger functions (the limit is not adjustable): set minify: true to build a smaller file, or move data into a key value store.'
  )
}

async function build(fn: FunctionInputs, file: JobFile, roots: JobRoots): Promise<BuildResult> {
  if (file.size > MAX_SOURCE_BYTES) {
    throw new InputError(
      'code',
      `'${file.name}' is ${formatBytes(file.size)}, over the ${formatBytes(MAX_SOURCE_BYTES)} a function's source may have.`
    )
  }
  // Loaded only when a run builds: the bundler and the minifier are large.
  const { buildFunction, checkSize } = await import('../build/index.js')
  const result = await buildFunction({
    entry: file.path,
    workspace: roots.workspace,
    bundle: fn.bundle,
    minify: fn.minify,
    kind: fn.kind,
    runtime: fn.runtime
  })
  checkSize(result, MAX_CODE_BYTES)
  return result
}

function checkRuntime(
  source: string,
  fn: FunctionInputs,
  file: string,
  locate: (line: number, column: number) => SourcePlace
): void {
  const findings = checkCode(source, { runtime: fn.runtime, kind: fn.kind })
  if (findings.length === 0) return
  const title = `CloudFront ${fn.runtime}`
  const annotations: Annotation[] = findings.map(finding => ({
    level: 'error',
    message: finding.message,
    title: `${title}: ${finding.rule}`,
    ...locate(finding.line, finding.column)
  }))
  const first = annotations[0]
  const place = first.file === file ? '' : `${first.file} `
  const where = first.line ? `${place}line ${first.line}, column ${first.column}` : first.file
  throw new InputError(
    'code',
    `${file} has ${plural(findings.length, 'problem')} for ${fn.runtime} (first: ${where}: ${first.message}). See the annotations; nothing was sent to CloudFront.`,
    annotations
  )
}

/** Syntax the guide does not list: a warning at its first use, naming the guide. */
function unlistedSyntax(
  source: string,
  fn: FunctionInputs,
  locate: (line: number, column: number) => SourcePlace
): Annotation[] {
  return findUnlistedSyntax(source, fn.runtime).map(finding => ({
    level: 'warning',
    message: finding.message,
    title: `CloudFront ${fn.runtime}: syntax the guide does not list`,
    ...locate(finding.line, finding.column)
  }))
}

/**
 * An update sends the whole configuration, so code that reads a store deployed without
 * `key-value-stores` would lose its association (a typo in the input name does that).
 */
function checkStoreUse(
  use: SourcePlace | undefined,
  file: string,
  fn: FunctionInputs
): Annotation[] {
  if (use && fn.keyValueStores.length === 0) {
    const at = use.line ? `${use.file === file ? '' : `${use.file} `}line ${use.line}` : use.file
    const message = `${file} reads a key value store (cf.kvs at ${at}), but key-value-stores is empty: deploying would remove the function's store association. Set key-value-stores to the store's name or ARN.`
    throw new InputError('key-value-stores', message, [
      { level: 'error', message, title: 'Key value store not declared', ...use }
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

function describeSize(code: Buffer, file: string, built: BuildResult | undefined): string[] {
  const share = `${code.length} of ${MAX_CODE_BYTES} bytes (${Math.round((code.length / MAX_CODE_BYTES) * 100)}% of CloudFront's limit)`
  if (!built) return [`Code ${file}: ${share}.`]
  const steps = [
    built.sources.some(source => isTypeScript(source.file)) ? 'TypeScript types removed' : '',
    built.bundled ? `${plural(built.sources.length, 'module')} bundled` : '',
    built.minified ? 'minified' : ''
  ].filter(Boolean)
  return [
    `Built ${file} (${steps.join(', ')}): ${plural(built.sizes.sources, 'byte')} of source → ${share}.`
  ]
}

function sizeWarnings(code: Buffer, file: string): Annotation[] {
  if (code.length < SIZE_WARNING_SHARE * MAX_CODE_BYTES) return []
  return [
    {
      level: 'warning',
      message: `${file} deploys ${code.length} bytes, ${Math.round((code.length / MAX_CODE_BYTES) * 100)}% of CloudFront's 10,240-byte limit: little room is left. Consider minify: true, or moving data into a key value store.`,
      title: 'Code close to the size limit',
      file
    }
  ]
}

/**
 * Line endings and a byte-order mark are part of the code CloudFront compares: a checkout
 * that converts them makes every other run an update and a publish.
 */
function encodingWarnings(code: Buffer, file: string): Annotation[] {
  const problems: string[] = []
  if (code[0] === 0xef && code[1] === 0xbb && code[2] === 0xbf)
    problems.push('starts with a byte-order mark')
  if (code.includes('\r\n')) problems.push('has CRLF line endings')
  if (problems.length === 0) return []
  return [
    {
      level: 'warning',
      message: `${file} ${problems.join(' and ')}. CloudFront compares code byte for byte, so checkouts that convert line endings (Windows, core.autocrlf) turn every other run into an update and a publish. Add '*.js text eol=lf' to .gitattributes and save the file without a byte-order mark.`,
      title: 'Line endings',
      file
    }
  ]
}
