// Error types and the one helper that turns any thrown value into a message.
import { inspect } from 'node:util'
import type { FunctionKind } from './types.js'

/** A message tied to a place in a file, shown by the runner on that line. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  title?: string
  /** Relative to the workspace, with `/` separators. */
  file?: string
  /** 1-based. */
  line?: number
  /** 1-based. */
  column?: number
}

/** A problem with an input: the step fails before any request to AWS. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    /** What is wrong with the value and how to fix it. */
    readonly detail: string,
    /** Where in the input's files the problem is, when it is in a file. */
    readonly annotations: readonly Annotation[] = [],
    /** The function the problem belongs to, when its name and type were already read. */
    readonly subject?: { kind: FunctionKind; name: string }
  ) {
    super(`Input '${input}': ${detail}`)
    this.name = 'InputError'
  }

  /** The same error, saying which function it belongs to. */
  about(subject: { kind: FunctionKind; name: string }): InputError {
    return new InputError(this.input, this.detail, this.annotations, subject)
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
