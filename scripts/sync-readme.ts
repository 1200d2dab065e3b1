// npm run readme: rewrites the Inputs and Outputs tables of README.md from action.yml, so the
// descriptions users read in both places are the same (a unit test checks that they are).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './run-action.js'

interface Entry {
  description: string
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, Entry>
  outputs: Record<string, Entry>
}

function table(entries: Record<string, Entry>): string {
  const rows = Object.entries(entries).map(([name, entry]) => [
    `\`${name}\``,
    entry.description.replace(/\|/g, '\\|')
  ])
  return [['Name', 'Description'], ['---', '---'], ...rows]
    .map(([name, description]) => `| ${name} | ${description} |`)
    .join('\n')
}

/** Replaces the table that follows `## <heading>` (after any paragraphs) with `text`. */
function replaceTable(readme: string, heading: string, text: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`)
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`)
  const tableStart = readme.indexOf('\n|', start) + 1
  const tableEnd = readme.indexOf('\n\n', tableStart)
  return readme.slice(0, tableStart) + text + readme.slice(tableEnd)
}

const path = join(ROOT, 'README.md')
let readme = readFileSync(path, 'utf8')
readme = replaceTable(readme, 'Inputs', table(action.inputs))
readme = replaceTable(readme, 'Outputs', table(action.outputs))
writeFileSync(path, readme)
console.log('README.md: Inputs and Outputs tables rewritten from action.yml; run npm run format.')
