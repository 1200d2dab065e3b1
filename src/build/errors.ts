// The error of a build that fails because of the sources: it names the file and position.
import { InputError } from '../errors.js'

/** An input error located in one source file, so the action can annotate that line. */
export class SourceError extends InputError {
  constructor(
    /** Workspace-relative, with '/' separators. */
    readonly file: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly column: number,
    message: string
  ) {
    super('code', `${file}:${line}:${column}: ${message}`, [
      { level: 'error', message, title: 'Build', file, line, column }
    ])
    this.name = 'SourceError'
  }
}

/** 1-based line and column of a 0-based offset into `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset))
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: offset - lineStart + 1 }
}
