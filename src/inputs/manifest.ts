// The manifest: many functions in one file (YAML or JSON), each declared with the keys of the
// single-function inputs, with `defaults` every entry inherits. Each entry is parsed by the
// same code as the inputs, so a value the `name` input would refuse is refused here too;
// every error names the file, the entry and the key.
import { InputError } from '../errors.js'
import type { Tags } from '../types.js'
import { FUNCTION_INPUTS, type InputName } from './contract.js'
import { keyForMessage, readJobFile, resolveJobFile } from './files.js'
import { parseFunctionInputs, type FunctionInputs } from './function.js'
import type { RunInputs } from './run.js'
import { checkTags, parseTags } from './tags.js'
import { isValidName } from './values.js'

const INPUT = 'functions'
export const MAX_MANIFEST_BYTES = 1024 * 1024
/** Aliases a manifest may use; more is refused as a resource-exhaustion attack. */
const MAX_ALIASES = 50
const FIX_SYNTAX = "Fix the file's syntax."
const TOP_LEVEL_KEYS = new Set(['defaults', 'functions'])
/** Keys whose value may be a list; the input's text form separates items with newlines. */
const LIST_KEYS = new Set<string>(['test-events', 'key-value-stores'])

type Entry = Record<string, unknown>

export async function loadManifest(path: string, run: RunInputs): Promise<FunctionInputs[]> {
  const file = resolveJobFile(INPUT, path, run.roots)
  const text = readJobFile(INPUT, file, MAX_MANIFEST_BYTES, 'Split the manifest.').toString('utf8')
  const fail = (where: string, detail: string): never => {
    throw new InputError(INPUT, `${file.name}: ${where}${detail}`)
  }
  // Loaded only for a manifest: most runs deploy one function and never need a YAML parser.
  const yaml = await import('yaml')
  const data = parseDocument(yaml, text, file.name)
  if (!isMapping(data)) {
    return fail('', `the manifest must be a mapping with a functions list, got ${kindOf(data)}.`)
  }
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      fail(
        '',
        `unknown top-level key ${keyForMessage(key)}: a manifest has defaults (optional) and functions.`
      )
    }
  }
  const defaults = data.defaults ?? {}
  if (!isMapping(defaults))
    fail('defaults: ', `must be a mapping of keys, got ${kindOf(defaults)}.`)
  checkKeys(defaults as Entry, 'defaults', fail)
  if (!Array.isArray(data.functions) || data.functions.length === 0) {
    fail('functions: ', 'must be a non-empty list of functions, each with at least name and code.')
  }
  const seen = new Set<string>()
  return (data.functions as unknown[]).map((raw, index) => {
    const label = `functions[${index}]`
    if (!isMapping(raw)) return fail(`${label}: `, `must be a mapping, got ${kindOf(raw)}.`)
    // The name labels messages only when it is a valid name: anything else is file content.
    const where = isValidName(raw.name) ? `${label} (${raw.name})` : label
    checkKeys(raw, where, fail)
    const entry = { ...(defaults as Entry), ...raw }
    let fn: FunctionInputs
    try {
      const tags = mergedTags(defaults as Entry, raw)
      fn = parseFunctionInputs(
        name => {
          if (name === 'tags') return ''
          // A delete removes the functions whatever they declare, and an offline run only tests
          // them: the manifest that deploys and publishes them serves both.
          if (name === 'publish' && (run.delete || run.offline)) return ''
          const text = textOf(entry, name, where, fail)
          // `diff-against: <its own name>` compares a preview with production; without a
          // suffix the function is production, whose LIVE the diff already compares with.
          if (name === 'diff-against' && run.nameSuffix === '' && sameName(text, entry.name)) {
            return ''
          }
          return text
        },
        run,
        { tags }
      )
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      // Already about the manifest (a value of the wrong kind), or about the suffix input.
      if (error.input === INPUT || error.input === 'name-suffix') throw error
      const known = (FUNCTION_INPUTS as string[]).includes(error.input)
      const inherited = known && !(error.input in raw) && error.input in (defaults as Entry)
      const key = known ? `key '${error.input}'${inherited ? ' (from defaults)' : ''}: ` : ''
      return fail(`${where}: ${key}`, error.detail)
    }
    const id = `${fn.kind}/${fn.name}`
    if (seen.has(id)) {
      fail(
        `${where}: `,
        `a ${fn.kind} named '${fn.name}' is already declared above: give each function of a type its own name.`
      )
    }
    seen.add(id)
    return fn
  })
}

function parseDocument(yaml: typeof import('yaml'), text: string, name: string): unknown {
  const lines = new yaml.LineCounter()
  // Silent: the parser would print its warnings through Node's warning channel, unescaped, and
  // a warning can carry the file's text (a tag's %0A is a line break). Warnings are refused
  // below instead. Unique keys; source tokens keep numbers as they were written.
  const document = yaml.parseDocument(text, {
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter: lines,
    logLevel: 'silent',
    keepSourceTokens: true
  })
  if (document.errors.length > 0) {
    throw invalidYaml(document.errors[0], lines, name, 'is not valid YAML or JSON', FIX_SYNTAX)
  }
  if (document.warnings.length > 0) {
    throw invalidYaml(
      document.warnings[0],
      lines,
      name,
      'uses YAML the action does not accept',
      'Write plain mappings, lists and values, without custom tags (!name) or directives.'
    )
  }
  // Every value is text to the inputs: `007`, `1.10` or a 20-digit tag value stay as written,
  // where a YAML number would turn them into 7, 1.1 and a rounded float.
  yaml.visit(document, {
    Scalar(_key, node) {
      if (typeof node.value !== 'number' && typeof node.value !== 'bigint') return
      // A plain scalar's source is the number as written; a quoted one's holds its quotes.
      const token = node.srcToken
      node.value =
        node.type === 'PLAIN' && token && 'source' in token ? token.source : String(node.value)
    }
  })
  try {
    // Few aliases: a manifest has no use for alias bombs.
    return document.toJS({ maxAliasCount: MAX_ALIASES })
  } catch (error) {
    // The parser refuses an alias that expands too far with a plain ReferenceError.
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new InputError(
        INPUT,
        `${name} uses YAML aliases (*name) that expand to too much data, as an alias bomb does. Write the entries out, or share settings through defaults.`
      )
    }
    throw error
  }
}

/** A parser error or warning as an input error: where and what kind, never the text itself. */
function invalidYaml(
  problem: import('yaml').YAMLError,
  lines: import('yaml').LineCounter,
  name: string,
  what: string,
  fix: string
): InputError {
  const position = problem.pos.length > 0 ? lines.linePos(problem.pos[0]) : undefined
  const kind = problem.code.toLowerCase().replace(/_/g, ' ')
  const at = position ? ` at line ${position.line}, column ${position.col}` : ''
  return new InputError(
    INPUT,
    `${name} ${what} (${kind})${at}. ${fix}`,
    position
      ? [
          {
            level: 'error',
            message: `Invalid manifest: ${kind}.`,
            title: 'Invalid manifest',
            file: name,
            line: position.line,
            column: position.col
          }
        ]
      : []
  )
}

function checkKeys(
  entry: Entry,
  where: string,
  fail: (where: string, detail: string) => never
): void {
  for (const key of Object.keys(entry)) {
    if (!(FUNCTION_INPUTS as string[]).includes(key)) {
      fail(
        `${where}: `,
        `unknown key ${keyForMessage(key)}: use the keys of the single-function inputs (${FUNCTION_INPUTS.join(', ')}).`
      )
    }
  }
}

/** The input text form of one key of an entry; '' when the entry leaves it unset. */
function textOf(
  entry: Entry,
  name: string,
  where: string,
  fail: (where: string, detail: string) => never
): string {
  const value = entry[name as InputName]
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  // Numbers are text already (parseDocument keeps them as written); booleans are not.
  if (typeof value === 'boolean') return String(value)
  if (
    Array.isArray(value) &&
    LIST_KEYS.has(name) &&
    value.every(item => typeof item === 'string')
  ) {
    return value.join('\n')
  }
  return fail(
    `${where}: key '${name}': `,
    `must be ${LIST_KEYS.has(name) ? 'a string or a list of strings' : 'a string, a number or a boolean'}, got ${kindOf(value)}.`
  )
}

/**
 * Tags may be a mapping or the input's `key=value` text. An entry's tags add to (and
 * override) those of `defaults`; no tags anywhere leaves existing tags alone.
 */
function mergedTags(defaults: Entry, entry: Entry): Tags | undefined {
  const fromDefaults = tagsOf(defaults.tags)
  const fromEntry = tagsOf(entry.tags)
  if (fromDefaults === undefined && fromEntry === undefined) return undefined
  return checkTags(Object.entries({ ...fromDefaults, ...fromEntry }))
}

function tagsOf(value: unknown): Tags | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return parseTags(value)
  if (isMapping(value)) {
    const entries = Object.entries(value).map(([key, tag]): [string, string] => {
      // `key:` with nothing after it is an empty value, as `key=` is in the text form.
      if (tag === null) return [key, '']
      if (typeof tag !== 'string' && typeof tag !== 'boolean') {
        throw new InputError('tags', `the value of '${key}' must be text, got ${kindOf(tag)}.`)
      }
      return [key, String(tag)]
    })
    return checkTags(entries)
  }
  throw new InputError(
    'tags',
    `must be a mapping of key: value, or key=value text, got ${kindOf(value)}.`
  )
}

function sameName(text: string, name: unknown): boolean {
  return typeof name === 'string' && text.trim() !== '' && text.trim() === name.trim()
}

function isMapping(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value}`
}
