// JSON parsing that reports where a file is wrong without ever quoting it: the engine's own
// messages include a snippet of the text, and a file's content must never reach a log.
// JSON.parse does the work; on failure a small scanner finds the first offending position.
import { InputError } from '../errors.js'

export class JsonSyntaxError extends Error {
  constructor(
    /** What is wrong, in words that never contain the file's text. */
    readonly reason: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly column: number,
    /** Valid JSON, nested deeper than MAX_JSON_DEPTH. */
    readonly tooDeep = false
  ) {
    super(`${reason} at line ${line}, column ${column}`)
    this.name = 'JsonSyntaxError'
  }

  /** The whole sentence about a file, from its name: what is wrong, where, and the fix. */
  describe(file: string): string {
    const where = `at line ${this.line}, column ${this.column}`
    return this.tooDeep
      ? `${file} is JSON ${this.reason} ${where}: flatten the data.`
      : `${file} is not valid JSON: ${this.reason} ${where}. Fix the file's syntax.`
  }
}

/**
 * How deep arrays and objects may nest. Events and expectations are a few levels deep; far
 * deeper data would overflow the stack of whatever walks it next (JSON.stringify included).
 */
export const MAX_JSON_DEPTH = 100

/** Parses JSON text (a leading byte-order mark is ignored); throws JsonSyntaxError. */
export function parseJson(text: string): unknown {
  const source = text.replace(/^\uFEFF/, '')
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch {
    throw locateError(source)
  }
  const tooDeep = firstTooDeep(source)
  if (tooDeep !== undefined) {
    const { line, column } = new Scanner(source).error('', tooDeep)
    throw new JsonSyntaxError(`nesting is deeper than ${MAX_JSON_DEPTH} levels`, line, column, true)
  }
  return value
}

/** The offset of the first bracket that nests deeper than the limit, in valid JSON text. */
function firstTooDeep(text: string): number | undefined {
  let depth = 0
  let inString = false
  for (let at = 0; at < text.length; at++) {
    const char = text[at]
    if (inString) {
      if (char === '\\') at++
      else if (char === '"') inString = false
    } else if (char === '"') {
      inString = true
    } else if (char === '{' || char === '[') {
      if (++depth > MAX_JSON_DEPTH) return at
    } else if (char === '}' || char === ']') {
      depth--
    }
  }
  return undefined
}

/**
 * Parses the JSON of a file an input names: a syntax error becomes an input error naming the
 * file, with an annotation at the position (`title` says what kind of file it is).
 */
export function parseJsonFile(input: string, file: string, text: string, title: string): unknown {
  try {
    return parseJson(text)
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    throw new InputError(input, error.describe(file), [
      {
        level: 'error',
        message: `${error.reason}.`,
        title,
        file,
        line: error.line,
        column: error.column
      }
    ])
  }
}

/** Finds the first syntax error of text that JSON.parse refused. */
function locateError(text: string): JsonSyntaxError {
  const scanner = new Scanner(text)
  try {
    scanner.skipSpace()
    scanner.value()
    scanner.skipSpace()
    if (scanner.at < text.length) scanner.fail('unexpected text after the JSON value')
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error
    throw error
  }
  // The scanner accepts everything JSON.parse refuses; this is only a safety net.
  return scanner.error('invalid JSON', 0)
}

class Scanner {
  at = 0
  private depth = 0

  constructor(private readonly text: string) {}

  error(reason: string, offset = this.at): JsonSyntaxError {
    const before = this.text.slice(0, offset)
    const lines = before.split(/\r\n|\r|\n/)
    return new JsonSyntaxError(reason, lines.length, lines[lines.length - 1].length + 1)
  }

  fail(reason: string, offset = this.at): never {
    throw this.error(reason, offset)
  }

  skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at++
  }

  value(): void {
    const char = this.text[this.at]
    if (char === undefined) this.fail('unexpected end of the file: a value is missing')
    if (char === '{') return this.object()
    if (char === '[') return this.array()
    if (char === '"') return this.string()
    if (char === '-' || (char >= '0' && char <= '9')) return this.number()
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length
        return
      }
    }
    if (char === "'") this.fail('strings must use double quotes')
    if (char === '}' || char === ']') this.fail('a value is missing (trailing comma?)')
    this.fail('unexpected character: expected a value')
  }

  private nest(): void {
    // Deep nesting is refused by JSON.parse too (stack size); keep the scanner bounded.
    if (++this.depth > MAX_JSON_DEPTH) this.fail(`nesting is deeper than ${MAX_JSON_DEPTH} levels`)
  }

  private object(): void {
    this.nest()
    this.at++
    this.skipSpace()
    if (this.text[this.at] === '}') {
      this.at++
      this.depth--
      return
    }
    for (;;) {
      this.skipSpace()
      if (this.text[this.at] === '}') this.fail('trailing comma before }')
      if (this.text[this.at] !== '"') {
        this.fail(
          this.at >= this.text.length
            ? 'unexpected end of the file inside an object'
            : 'expected a key in double quotes'
        )
      }
      this.string()
      this.skipSpace()
      if (this.text[this.at] !== ':') this.fail('expected : after the key')
      this.at++
      this.skipSpace()
      this.value()
      this.skipSpace()
      const next = this.text[this.at]
      if (next === ',') {
        this.at++
        continue
      }
      if (next === '}') {
        this.at++
        this.depth--
        return
      }
      this.fail(
        next === undefined
          ? 'unexpected end of the file: } is missing'
          : 'expected , or } after a value'
      )
    }
  }

  private array(): void {
    this.nest()
    this.at++
    this.skipSpace()
    if (this.text[this.at] === ']') {
      this.at++
      this.depth--
      return
    }
    for (;;) {
      this.skipSpace()
      if (this.text[this.at] === ']') this.fail('trailing comma before ]')
      this.value()
      this.skipSpace()
      const next = this.text[this.at]
      if (next === ',') {
        this.at++
        continue
      }
      if (next === ']') {
        this.at++
        this.depth--
        return
      }
      this.fail(
        next === undefined
          ? 'unexpected end of the file: ] is missing'
          : 'expected , or ] after a value'
      )
    }
  }

  private string(): void {
    const start = this.at
    this.at++
    while (this.at < this.text.length) {
      const char = this.text[this.at]
      if (char === '"') {
        this.at++
        return
      }
      if (char === '\\') {
        const escape = this.text[this.at + 1]
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
            this.fail('invalid \\u escape in a string')
          }
          this.at += 6
          continue
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
          this.fail('invalid escape in a string')
        }
        this.at += 2
        continue
      }
      if (char < ' ') this.fail('control character (such as a line break) inside a string')
      this.at++
    }
    this.fail('unterminated string', start)
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at))
    if (!match) this.fail('invalid number')
    this.at += match[0].length
  }
}
