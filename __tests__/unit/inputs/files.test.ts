// Files named by inputs stay inside the job's folders, are regular files, and are measured
// before they are read.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../../src/errors.js'
import {
  checkMatch,
  checkPattern,
  displayName,
  formatBytes,
  readJobFile,
  resolveJobFile,
  type JobRoots
} from '../../../src/inputs/files.js'

let base: string
let roots: JobRoots

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'job-files-'))
  const workspace = join(base, 'workspace')
  const temp = join(base, 'runner-temp')
  mkdirSync(join(workspace, 'functions'), { recursive: true })
  mkdirSync(temp)
  writeFileSync(join(workspace, 'functions', 'a.js'), 'function handler(e) { return e }\n')
  writeFileSync(join(temp, 'generated.js'), 'function handler(e) { return e }\n')
  writeFileSync(join(base, 'outside.js'), 'secret\n')
  symlinkSync(join(base, 'outside.js'), join(workspace, 'escape.js'))
  symlinkSync('/dev/zero', join(workspace, 'zero.js'))
  symlinkSync(join(workspace, 'functions', 'a.js'), join(workspace, 'inside-link.js'))
  execFileSync('mkfifo', [join(workspace, 'pipe.js')])
  roots = { workspace, runnerTemp: temp }
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

function refusal(given: string, hint?: (problem: 'missing' | 'directory') => string): InputError {
  try {
    resolveJobFile('code', given, roots, hint)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error(`resolveJobFile accepted ${given}`)
}

describe('resolveJobFile', () => {
  it('accepts a file inside the workspace, by relative or absolute path', () => {
    const file = resolveJobFile('code', 'functions/a.js', roots)
    expect(file.name).toBe('functions/a.js')
    expect(file.size).toBe(33)
    expect(resolveJobFile('code', file.path, roots).name).toBe('functions/a.js')
  })

  it('accepts a name that starts with two dots: it is inside, unlike ../', () => {
    writeFileSync(join(roots.workspace, '..dotted.js'), 'x\n')
    expect(resolveJobFile('code', '..dotted.js', roots).name).toBe('..dotted.js')
  })

  it('accepts a file in RUNNER_TEMP, named as such', () => {
    const file = resolveJobFile('code', join(roots.runnerTemp!, 'generated.js'), roots)
    expect(file.name).toBe('$RUNNER_TEMP/generated.js')
  })

  it('follows a symlink that stays inside the workspace', () => {
    expect(resolveJobFile('code', 'inside-link.js', roots).name).toBe('functions/a.js')
  })

  it.each([
    ['a path climbing out with ..', '../outside.js'],
    ['an absolute path elsewhere', '/etc/hostname'],
    ['a symlink pointing outside', 'escape.js'],
    ['a symlink to /dev/zero', 'zero.js']
  ])('refuses %s before reading anything', (_label, given) => {
    const error = refusal(given)
    expect(error.input).toBe('code')
    expect(error.message).toContain('resolves to a file outside the workspace and RUNNER_TEMP')
    expect(error.message).not.toContain('secret')
  })

  it('refuses a FIFO and a directory, saying what they are', () => {
    expect(refusal('pipe.js').message).toContain(
      "'pipe.js' is a named pipe (FIFO), not a regular file."
    )
    expect(refusal('functions', () => ' Point code at a file.').message).toBe(
      "Input 'code': 'functions' is a directory, not a regular file. Point code at a file."
    )
  })

  it('says when a path does not exist, with a hint for backslashes', () => {
    const error = refusal('functions\\a.js', () => ' Check the path.')
    expect(error.message).toContain("'functions\\a.js' does not exist")
    expect(error.message).toContain('use / between folders')
    expect(error.message).toContain('Check the path.')
  })

  it('refuses empty paths and NUL characters', () => {
    expect(refusal('  ').message).toBe("Input 'code': the path is empty.")
    expect(refusal('a\0b').message).toContain('NUL')
  })
})

describe('readJobFile', () => {
  it('reads a file within the limit', () => {
    const file = resolveJobFile('code', 'functions/a.js', roots)
    expect(readJobFile('code', file, 100, '').toString()).toBe('function handler(e) { return e }\n')
  })

  it('refuses a file over the limit from its size alone, without reading it', () => {
    const file = { ...resolveJobFile('code', 'functions/a.js', roots), size: 3 * 1024 ** 3 }
    expect(() => readJobFile('code', file, 10_240, 'Minify it.')).toThrow(
      "Input 'code': 'functions/a.js' is 3.0 GiB, over the limit of 10,240 bytes. Minify it."
    )
  })

  it('refuses a file that grew past the limit after it was measured', () => {
    const file = resolveJobFile('code', 'functions/a.js', roots)
    expect(() => readJobFile('code', file, 10, '')).toThrow(
      'is 33 bytes, over the limit of 10 bytes'
    )
  })
})

describe('checkPattern', () => {
  it.each(['../*.json', 'tests/../../x/*.json', '/etc/*'])('refuses %s', pattern => {
    expect(() => checkPattern('test-events', pattern, roots)).toThrow(InputError)
  })

  it('refuses a glob whose fixed folder is a link out of the job, naming nothing outside', () => {
    mkdirSync(join(base, 'elsewhere', 'ssh'), { recursive: true })
    mkdirSync(join(roots.workspace, 'g'), { recursive: true })
    symlinkSync(join(base, 'elsewhere'), join(roots.workspace, 'g', 'etc'))
    symlinkSync(join(roots.workspace, 'functions'), join(roots.workspace, 'g', 'fns'))
    for (const pattern of ['g/etc/ssh/*', 'g/etc/**/*.json', 'g/etc/*']) {
      const error = (() => {
        try {
          checkPattern('test-events', pattern, roots)
        } catch (caught) {
          return caught as InputError
        }
        throw new Error(`${pattern} was accepted`)
      })()
      expect(error.message).toMatch(/its folder 'g\/etc(\/ssh)?' leads outside the workspace/)
      expect(error.message).not.toContain(base)
    }
    expect(() => checkPattern('test-events', 'g/fns/*.js', roots)).not.toThrow()
    // A name the glob library reads as plain text, though it holds a character of globs.
    symlinkSync(join(base, 'elsewhere'), join(roots.workspace, 'g', 'x!y'))
    expect(() => checkPattern('test-events', 'g/x!y/ssh/*', roots)).toThrow(/leads outside/)
    expect(() => checkPattern('test-events', 'missing/*.json', roots)).not.toThrow()
  })

  it('refuses a match whose folder is outside the job, naming the pattern only', () => {
    const outsideMatch = join(roots.workspace, 'g', 'etc', 'ssh', 'found.json')
    const error = (() => {
      try {
        checkMatch('test-events', 'g/e\\tc/**', outsideMatch, roots)
      } catch (caught) {
        return caught as InputError
      }
      throw new Error('the match was accepted')
    })()
    expect(error.message).toContain("'g/e\\tc/**' leads outside the workspace")
    expect(error.message).not.toContain('found.json')
    expect(() =>
      checkMatch('test-events', 'functions/*', join(roots.workspace, 'functions', 'a.js'), roots)
    ).not.toThrow()
  })

  it('accepts globs inside the workspace and RUNNER_TEMP', () => {
    expect(() => checkPattern('test-events', 'tests/**/*.json', roots)).not.toThrow()
    expect(() =>
      checkPattern('test-events', join(roots.runnerTemp!, '*.json'), roots)
    ).not.toThrow()
  })
})

it('formats sizes exactly below 1 MiB and rounded above', () => {
  expect(formatBytes(10_240)).toBe('10,240 bytes')
  expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB')
  expect(displayName('/elsewhere/x', roots)).toBeUndefined()
})
