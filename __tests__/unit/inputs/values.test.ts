// Single input values that CloudFront would refuse, or store mangled, are refused before any
// request: here the comment, whose every character must travel in XML.
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/errors.js'
import { characters, parseComment } from '../../../src/inputs/values.js'

function refusal(comment: string): InputError {
  try {
    parseComment(comment)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`parseComment accepted ${JSON.stringify(comment)}`)
}

describe('parseComment', () => {
  it.each([
    ['U+FFFF', 'a\uffffb', 'contains U+FFFF at character 2'],
    ['U+FFFE', '\ufffe', 'contains U+FFFE at character 1'],
    ['a lone high surrogate', 'ab\ud800', 'contains U+D800 at character 3'],
    ['a lone low surrogate', '\udc00', 'contains U+DC00 at character 1'],
    ['U+0085 (NEXT LINE)', 'a\u0085b', 'contains U+0085 at character 2']
  ])('refuses %s, which XML cannot carry or which breaks a line', (_, comment, message) => {
    const error = refusal(comment)
    expect(error.input).toBe('comment')
    expect(error.message).toContain(message)
  })

  it('accepts letters outside the BMP (surrogate pairs), counted as characters', () => {
    const comment = `${'𝒜'.repeat(127)}é`
    expect(parseComment(comment)).toBe(comment)
    expect(characters(comment)).toBe(128)
  })

  it('accepts the characters XML can carry just below U+FFFE', () => {
    expect(parseComment('a\ufffdb\ufeff')).toBe('a\ufffdb\ufeff')
  })
})
