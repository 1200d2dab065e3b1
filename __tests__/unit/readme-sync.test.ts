// The README's inputs and outputs tables, action.yml and the code must agree on names.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseInputs } from '../../src/inputs/parse.js'
import { outputsOf } from '../../src/report/outputs.js'
import { runResult } from '../../__fixtures__/results.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ACTION = readFileSync(`${ROOT}action.yml`, 'utf8')
const README_PATH = `${ROOT}README.md`

/** The keys one level under a top-level key of action.yml (`inputs:` or `outputs:`). */
function actionKeys(yaml: string, section: 'inputs' | 'outputs'): string[] {
  const keys: string[] = []
  let inside = false
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      // A top-level key (or a comment at column 0) starts or ends the section.
      if (!line.startsWith('#')) inside = line.replace(/\s+#.*$/, '').trimEnd() === `${section}:`
      continue
    }
    const key = /^ {2}([A-Za-z0-9_-]+):\s*(#.*)?$/.exec(line)
    if (inside && key) keys.push(key[1])
  }
  return keys
}

/** The backticked names in the first column of the tables under `## <heading>`. */
function readmeNames(markdown: string, heading: string): string[] {
  const names: string[] = []
  let inside = false
  for (const line of markdown.split(/\r?\n/)) {
    if (/^##\s/.test(line)) {
      inside = line.trim() === `## ${heading}`
      continue
    }
    const row = /^\|\s*`([^`]+)`\s*\|/.exec(line)
    if (inside && row) names.push(row[1])
  }
  return names
}

const sorted = (names: string[]): string[] => [...names].sort()

describe('the parsers', () => {
  it('read the two-level keys of action.yml', () => {
    const yaml = [
      'name: x',
      'inputs:',
      '  first:',
      "    description: 'a: b'",
      '    default: ""',
      '  second: # note',
      '    required: true',
      'outputs:',
      '  out:',
      '    description: d',
      'runs:',
      '  using: node24'
    ].join('\n')
    expect(actionKeys(yaml, 'inputs')).toEqual(['first', 'second'])
    expect(actionKeys(yaml, 'outputs')).toEqual(['out'])
  })

  it('read the names of a README table under its heading only', () => {
    const markdown = [
      '## Inputs',
      '',
      '| Name | Description |',
      '| --- | --- |',
      '| `a` | first |',
      '| `b` | uses `c` |',
      '',
      '## Outputs',
      '| `x` | out |',
      '## Other',
      '| `not-this` | no |'
    ].join('\n')
    expect(readmeNames(markdown, 'Inputs')).toEqual(['a', 'b'])
    expect(readmeNames(markdown, 'Outputs')).toEqual(['x'])
  })
})

describe('action.yml', () => {
  const inputs = actionKeys(ACTION, 'inputs')
  const outputs = actionKeys(ACTION, 'outputs')

  it('declares inputs and outputs, each once', () => {
    expect(inputs.length).toBeGreaterThan(0)
    expect(outputs.length).toBeGreaterThan(0)
    expect(new Set(inputs).size).toBe(inputs.length)
    expect(new Set(outputs).size).toBe(outputs.length)
  })

  it('declares exactly the inputs the action reads', () => {
    const read = new Set<string>()
    const values: Record<string, string> = { name: 'f', delete: 'true' }
    parseInputs(
      name => {
        read.add(name)
        return values[name] ?? ''
      },
      { GITHUB_WORKSPACE: ROOT }
    )
    // `code` is not read when deleting; read it in a deploy too.
    read.add('code')
    expect(sorted(inputs)).toEqual(sorted([...read]))
  })

  it('declares exactly the outputs the action sets', () => {
    const set = outputsOf({
      kind: 'function',
      name: 'f',
      result: runResult(),
      diff: '',
      summaryMarkdown: ''
    })
    expect(sorted(outputs)).toEqual(sorted(Object.keys(set)))
  })
})

describe('README.md', () => {
  const readme = existsSync(README_PATH) ? readFileSync(README_PATH, 'utf8') : ''

  it('exists', () => {
    expect(existsSync(README_PATH)).toBe(true)
  })

  it.each(['inputs', 'outputs'] as const)('lists exactly the %s of action.yml', section => {
    const heading = section === 'inputs' ? 'Inputs' : 'Outputs'
    const listed = readmeNames(readme, heading)
    expect(new Set(listed).size).toBe(listed.length)
    expect(sorted(listed)).toEqual(sorted(actionKeys(ACTION, section)))
  })
})
