// The README's inputs and outputs tables, action.yml and the code must agree on names.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { INPUTS } from '../../src/inputs/contract.js'
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

/** Name → description of the README table under `## <heading>`, backticks and escapes removed. */
function readmeDescriptions(markdown: string, heading: string): Map<string, string> {
  const descriptions = new Map<string, string>()
  let inside = false
  for (const line of markdown.split(/\r?\n/)) {
    if (/^##\s/.test(line)) {
      inside = line.trim() === `## ${heading}`
      continue
    }
    const row = /^\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|$/.exec(line)
    if (inside && row) descriptions.set(row[1], row[2].replace(/`/g, '').replace(/\\\|/g, '|'))
  }
  return descriptions
}

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

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const action = parseYaml(ACTION) as ActionYaml

describe('action.yml', () => {
  const inputs = actionKeys(ACTION, 'inputs')
  const outputs = actionKeys(ACTION, 'outputs')

  it('declares inputs and outputs, each once', () => {
    expect(inputs.length).toBeGreaterThan(0)
    expect(outputs.length).toBeGreaterThan(0)
    expect(new Set(inputs).size).toBe(inputs.length)
    expect(new Set(outputs).size).toBe(outputs.length)
  })

  it('declares exactly the inputs of the contract table, with its defaults', () => {
    expect(sorted(inputs)).toEqual(sorted(Object.keys(INPUTS)))
    for (const [name, definition] of Object.entries(INPUTS)) {
      expect([name, action.inputs[name].default ?? '']).toEqual([name, definition.default])
    }
  })

  it('gives every input a default, so booleans never read as empty', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, typeof input.default]).toEqual([name, 'string'])
      expect([name, input.required ?? false]).toEqual([name, false])
    }
  })

  it('states each default in the description', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      const fallback = input.default ?? ''
      if (fallback === '' || fallback.startsWith('${{')) continue
      expect([name, input.description]).toEqual([
        name,
        expect.stringContaining(`Default: ${fallback}.`)
      ])
    }
  })

  it('declares exactly the outputs the action sets', () => {
    const set = outputsOf({
      outcomes: [
        {
          fn: { name: 'f', kind: 'function' } as never,
          result: runResult(),
          reference: undefined,
          failure: undefined,
          held: false
        }
      ],
      manifest: false,
      mode: 'deploy',
      diff: '',
      summaryMarkdown: '',
      codeSize: 1
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

  it.each(['inputs', 'outputs'] as const)('describes the %s as action.yml does', section => {
    const heading = section === 'inputs' ? 'Inputs' : 'Outputs'
    const described = readmeDescriptions(readme, heading)
    for (const [name, entry] of Object.entries(action[section])) {
      expect([name, described.get(name)]).toEqual([name, entry.description])
    }
  })
})
