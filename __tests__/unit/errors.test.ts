import { describe, expect, it } from '@jest/globals'
import { errorMessage, InputError } from '../../src/errors.js'

describe('InputError', () => {
  it('names the input in its message and keeps it', () => {
    const error = new InputError('tags', "'x' has no '='.")
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('InputError')
    expect(error.input).toBe('tags')
    expect(error.message).toBe("Input 'tags': 'x' has no '='.")
  })
})

describe('errorMessage', () => {
  class CustomError extends Error {
    override name = 'CustomError'
  }
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic

  it.each([
    ['an Error', new Error('boom'), 'boom'],
    ['an Error without a message', new CustomError(''), 'CustomError'],
    ['a string', 'plain text', 'plain text'],
    ['an object', { code: 'E1', detail: [1, 2] }, '{"code":"E1","detail":[1,2]}'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['a BigInt', 10n, '10'],
    ['a cyclic object', cyclic, '<ref *1> { self: [Circular *1] }'],
    ['a function', () => 1, '() => 1']
  ])('renders %s', (_label, value, message) => {
    expect(errorMessage(value)).toBe(message)
  })
})
