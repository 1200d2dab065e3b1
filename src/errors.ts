// Error types and the one helper that turns any thrown value into a message.
import { inspect } from 'node:util'

/** A problem with an input: the step fails before any request to AWS. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
    this.name = 'InputError'
  }
}

/** The message of any thrown value, never `[object Object]`. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  if (typeof error === 'string') return error
  try {
    const json = JSON.stringify(error)
    if (json !== undefined) return json
  } catch {
    // fall through: a value JSON cannot render (a cycle, a BigInt)
  }
  const text = String(error)
  return text === '[object Object]' ? inspect(error, { depth: 2 }) : text
}
