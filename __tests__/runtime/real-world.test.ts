// Realistic functions in __tests__/fixtures/real-world/<case>/: function.js, case.json
// ({"kind", "runtime", "stores"?}) and test cases in the action's format (tests/*.json, each
// {"name", "event", "expect"}, `expect` a deep partial match of the parsed FunctionOutput).
// Every case runs through the runtime and must produce its expected output.

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runFunction, singleStore } from '../../src/runtime/index.js'
import type { FunctionKind, Runtime } from '../../src/types.js'

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real-world')

interface TestCase {
  name: string
  event: Record<string, unknown>
  expect: Record<string, unknown>
}

interface CaseConfig {
  kind: FunctionKind
  runtime: Runtime
  stores?: Record<string, unknown>
}

const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort()

test('there is a varied set of fixtures', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(10)
})

describe.each(fixtures)('%s', fixture => {
  const dir = path.join(ROOT, fixture)
  const config = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseConfig
  const code = readFileSync(path.join(dir, 'function.js'), 'utf8')
  const cases = readdirSync(path.join(dir, 'tests'))
    .filter(file => file.endsWith('.json'))
    .sort()
    .map(file => JSON.parse(readFileSync(path.join(dir, 'tests', file), 'utf8')) as TestCase)

  test.each(cases.map(c => [c.name, c] as const))('%s', async (_name, testCase) => {
    const outcome = await runFunction({
      kind: config.kind,
      runtime: config.runtime,
      code,
      event: JSON.stringify(testCase.event),
      stores: config.stores === undefined ? undefined : singleStore(config.stores)
    })
    expect(Object.keys(testCase).sort()).toEqual(['event', 'expect', 'name'])
    expect(outcome.error).toBeUndefined()
    // toMatchObject is the same deep partial match: extra keys pass, arrays match in full.
    expect(JSON.parse(outcome.output!)).toMatchObject(testCase.expect)
  })
})
