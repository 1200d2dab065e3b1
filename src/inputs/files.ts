// Files named by inputs (code, test events, manifests, store data) are read only when they
// resolve, after following symlinks, to a regular file inside the job's own folders:
// GITHUB_WORKSPACE, or RUNNER_TEMP for files an earlier step generated. Sizes are checked
// before reading, so a huge file or a device never gets read, and no message quotes a file.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync
} from 'node:fs'
import path from 'node:path'
import { isDynamicPattern } from 'tinyglobby'
import { InputError } from '../errors.js'
import { thousands } from '../report/words.js'

/** The folders a run may read from. */
export interface JobRoots {
  workspace: string
  /** RUNNER_TEMP, when the runner sets it. */
  runnerTemp?: string
}

/** A file that passed the checks: inside the job's folders and a regular file. */
export interface JobFile {
  /** Absolute real path (symlinks resolved). */
  path: string
  /** How messages name it: relative to the workspace with `/`, or `$RUNNER_TEMP/…`. */
  name: string
  size: number
}

export function jobRoots(env: NodeJS.ProcessEnv = process.env): JobRoots {
  return {
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: env.RUNNER_TEMP ? path.resolve(env.RUNNER_TEMP) : undefined
  }
}

function realRoot(root: string): string {
  try {
    return realpathSync(root)
  } catch {
    return path.resolve(root)
  }
}

/** Whether `file` is `root` or below it. `..foo.js` is a name inside; `../foo.js` is not. */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file)
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)
}

/** The display name of a real path inside the job's folders; undefined when outside. */
export function displayName(file: string, roots: JobRoots): string | undefined {
  const workspace = realRoot(roots.workspace)
  if (isInside(file, workspace)) return toSlashes(path.relative(workspace, file)) || '.'
  if (roots.runnerTemp) {
    const temp = realRoot(roots.runnerTemp)
    if (isInside(file, temp)) return `$RUNNER_TEMP/${toSlashes(path.relative(temp, file))}`
  }
  return undefined
}

function toSlashes(file: string): string {
  return file.split(path.sep).join('/')
}

/** Formats a byte count for messages: exact below 1 MiB, rounded above. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${thousands(bytes)} bytes`
  const units = ['MiB', 'GiB', 'TiB']
  let value = bytes / (1024 * 1024)
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** What kind of thing a stat describes, for messages. */
function describeKind(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }) {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  return 'a device or other special file'
}

/**
 * Resolves `given` (relative to the workspace, or absolute) to a regular file inside the
 * job's folders. Throws an InputError naming `input` otherwise; `hint` adds advice for a
 * path that does not exist or is a directory.
 */
export function resolveJobFile(
  input: string,
  given: string,
  roots: JobRoots,
  hint: (problem: 'missing' | 'directory') => string = () => ''
): JobFile {
  const value = given.trim()
  if (value === '') throw new InputError(input, 'the path is empty.')
  if (value.includes('\0')) throw new InputError(input, 'the path contains a NUL character.')
  const candidate = path.resolve(roots.workspace, value)
  let real: string
  try {
    real = realpathSync(candidate)
  } catch {
    const backslash = value.includes('\\')
      ? ' The path contains backslashes: use / between folders, as on Linux runners.'
      : ''
    throw new InputError(
      input,
      `'${value}' does not exist (looked for ${candidate}).${backslash}${hint('missing')}`
    )
  }
  const name = displayName(real, roots)
  if (name === undefined) {
    throw new InputError(
      input,
      `'${value}' resolves to a file outside the workspace${roots.runnerTemp ? ' and RUNNER_TEMP' : ''}. Only files inside the job's checkout (or generated into RUNNER_TEMP) can be used: copy the file into the workspace.`
    )
  }
  const stats = statSync(real)
  if (!stats.isFile()) {
    throw new InputError(
      input,
      `'${value}' is ${describeKind(stats)}, not a regular file.${stats.isDirectory() ? hint('directory') : ''}`
    )
  }
  return { path: real, name, size: stats.size }
}

/**
 * Reads a checked file, refusing it before reading when it is larger than `maxBytes`.
 * The file is opened without following a symlink and without blocking, and checked again
 * after opening, so a file swapped for a pipe or a link meanwhile is not read either.
 */
export function readJobFile(
  input: string,
  file: JobFile,
  maxBytes: number,
  advice: string
): Buffer {
  const tooBig = (size: number): InputError =>
    new InputError(
      input,
      `'${file.name}' is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}. ${advice}`
    )
  if (file.size > maxBytes) throw tooBig(file.size)
  let fd: number
  try {
    fd = openSync(file.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (error) {
    throw new InputError(
      input,
      `'${file.name}' cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check that the step can read it.`
    )
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) {
      throw new InputError(input, `'${file.name}' is ${describeKind(stats)}, not a regular file.`)
    }
    if (stats.size > maxBytes) throw tooBig(stats.size)
    // Read at most one byte past the limit: a file that grew meanwhile is still refused.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1)
    let length = 0
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    if (length > maxBytes) throw tooBig(length)
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

/**
 * Checks a glob pattern before it is expanded: it must stay inside the job's folders, so a
 * pattern can neither list the whole file system nor climb out with `..`.
 */
export function checkPattern(input: string, pattern: string, roots: JobRoots): void {
  if (pattern.split(/[\\/]+/).includes('..')) {
    throw new InputError(
      input,
      `'${pattern}' climbs out of its folder with '..': give paths relative to the workspace, without '..'.`
    )
  }
  if (path.isAbsolute(pattern)) {
    const inside =
      isInside(path.resolve(pattern), roots.workspace) ||
      (roots.runnerTemp !== undefined && isInside(path.resolve(pattern), roots.runnerTemp))
    if (!inside) {
      throw new InputError(
        input,
        `'${pattern}' is outside the workspace: give a path relative to the workspace.`
      )
    }
  }
  // The crawl starts in the pattern's fixed folder: a symbolic link there would lead it out of
  // the job, and messages would name what it found. That folder must really be inside.
  const folder = fixedFolder(pattern)
  if (folder === '') return
  let real: string
  try {
    real = realpathSync(path.resolve(roots.workspace, folder))
  } catch {
    return // No such folder: the glob matches nothing, and says so.
  }
  if (displayName(real, roots) === undefined) {
    throw new InputError(
      input,
      `'${pattern}': its folder '${folder}' leads outside the workspace through a symbolic link. Only the job's own files can be matched: copy them into the workspace.`
    )
  }
}

/** The folders a glob names before its first wildcard: `tests/*.json` → `tests`. */
function fixedFolder(pattern: string): string {
  const segments = pattern.split('/')
  const fixed: string[] = []
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break
    fixed.push(segment)
  }
  return fixed.join('/')
}

/**
 * Refuses a glob match whose folder is really outside the job (the glob library may start its
 * crawl below a folder the pattern's text does not show as fixed, an escaped one say). The
 * message names the pattern only: the match is a name from outside.
 */
export function checkMatch(input: string, pattern: string, match: string, roots: JobRoots): void {
  let folder: string
  try {
    folder = realpathSync(path.dirname(match))
  } catch {
    return // Gone meanwhile: resolving the match says so.
  }
  if (displayName(folder, roots) === undefined) {
    throw new InputError(
      input,
      `'${pattern}' leads outside the workspace through a symbolic link. Only the job's own files can be matched: copy them into the workspace.`
    )
  }
}

/**
 * A key read from a file, as a message may name it: short key-like names are what a person
 * mistypes and needs to see; anything else is file content, and is not quoted.
 */
export function keyForMessage(key: string): string {
  return /^[A-Za-z0-9_.-]{1,40}$/.test(key) ? `'${key}'` : 'a key that is not a plain name'
}
