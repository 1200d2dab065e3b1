// JSON errors say where, never what: a file's content must not reach a log.
import { describe, expect, it } from '@jest/globals'
import { JsonSyntaxError, MAX_JSON_DEPTH, parseJson } from '../../../src/inputs/json.js'

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJson(text)
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError)
    return error as JsonSyntaxError
  }
  throw new Error('parseJson accepted the text')
}

describe('parseJson', () => {
  it('parses JSON, ignoring a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": [1, "x", null, true]}')).toEqual({ a: [1, 'x', null, true] })
  })

  it.each([
    ['{"a": 1,}', 'trailing comma before }', 1, 9],
    ['[1, 2,]', 'trailing comma before ]', 1, 7],
    ['{\n  "a": \'x\'\n}', 'strings must use double quotes', 2, 8],
    ['{"a" 1}', 'expected : after the key', 1, 6],
    ['{"a": 1', 'unexpected end of the file: } is missing', 1, 8],
    ['"abc', 'unterminated string', 1, 1],
    ['{"a": "x\ny"}', 'control character (such as a line break) inside a string', 1, 9],
    ['{"a": 01}', 'expected , or } after a value', 1, 8],
    ['{a: 1}', 'expected a key in double quotes', 1, 2],
    ['{} {}', 'unexpected text after the JSON value', 1, 4],
    ['', 'unexpected end of the file: a value is missing', 1, 1],
    ['{"a": "\\q"}', 'invalid escape in a string', 1, 8]
  ])('locates %j', (text, reason, line, column) => {
    const error = syntaxError(text)
    expect([error.reason, error.line, error.column]).toEqual([reason, line, column])
  })

  it('never quotes the text in its message', () => {
    const error = syntaxError('{"password": "hunter2",}')
    expect(error.message).toBe('trailing comma before } at line 1, column 24')
    expect(error.message).not.toContain('hunter2')
  })
})

describe('nesting', () => {
  it('refuses valid JSON nested deeper than the limit, at the bracket that goes too deep', () => {
    const error = syntaxError(
      `{"event":\n${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`
    )
    expect([error.reason, error.line, error.column]).toEqual([
      `nesting is deeper than ${MAX_JSON_DEPTH} levels`,
      2,
      MAX_JSON_DEPTH
    ])
    expect(error.tooDeep).toBe(true)
    expect(error.describe('cases.json')).toBe(
      `cases.json is JSON nesting is deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${MAX_JSON_DEPTH}: flatten the data.`
    )
    const invalid = syntaxError('['.repeat(5000))
    expect(invalid.reason).toBe(`nesting is deeper than ${MAX_JSON_DEPTH} levels`)
    expect(invalid.describe('cases.json')).toMatch(/^cases\.json is not valid JSON: /)
  })

  it('accepts the limit itself, and brackets inside strings do not count', () => {
    const deepest = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`
    expect(() => parseJson(deepest)).not.toThrow()
    expect(parseJson(`["${'[{'.repeat(200)}\\"["]`)).toEqual([`${'[{'.repeat(200)}"[`])
  })
})
