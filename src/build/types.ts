// The shape of a build's result, shared by the build and the size check.
import type { FunctionKind, Runtime } from '../types.js'

export interface BuildOptions {
  /** Absolute path of the entry file (already checked to be inside the workspace). */
  entry: string
  /** Absolute; every resolved import must stay inside it. */
  workspace: string
  bundle: boolean
  minify: boolean
  kind: FunctionKind
  runtime: Runtime
}

/** A file and a number of bytes; files are workspace-relative with '/' separators. */
export interface FileBytes {
  file: string
  bytes: number
}

/** A position in a source file; line and column are 1-based. */
export interface SourcePosition {
  file: string
  line: number
  column: number
}

/** The numbers the log and the summary show. */
export interface BuildSizes {
  /** Bytes of the entry file as written. */
  entry: number
  /** Bytes of all source files the build read, the entry included. */
  sources: number
  /** Bytes of the code CloudFront gets. */
  built: number
  /** CloudFront's limit. */
  limit: number
}

export interface BuildResult {
  /** What CloudFront gets. */
  code: Buffer
  /** Source map (version 3, JSON) of `code`; sources are workspace-relative. */
  map: string
  /** The entry, workspace-relative. */
  entry: string
  bundled: boolean
  minified: boolean
  /** Every file the build read: the entry first, then the others by path. */
  sources: FileBytes[]
  /** Bytes each source contributes to `code`, largest first. */
  contributors: FileBytes[]
  sizes: BuildSizes
  /** Notes from the bundler worth a log line (circular imports, for example). */
  warnings: string[]
  /**
   * The source position a position of `code` came from (1-based line and column, as the
   * code check reports them), or `undefined` for code the build generated itself.
   */
  originalPosition(line: number, column: number): SourcePosition | undefined
}
