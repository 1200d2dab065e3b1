// Prints what a run of the bundled action showed, the way a reader sees it in the Actions UI:
// groups as headings, commands as tags, then the outputs. Shared by the demo and `npm run action`.
import type { RequestLogEntry } from '../emulator/index.js'
import type { ActionRun } from './run-action.js'

export function printStepLog(stdout: string): void {
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) console.log(`  > ${line.slice('::group::'.length)}`)
    else if (line.startsWith('::endgroup::') || line.startsWith('::set-output') || line === '') {
      continue
    } else if (line.startsWith('::')) {
      // ::error file=...::message, ::warning::message; %0A stands for a line break.
      const match = /^::([\w-]+)[^:]*::(.*)$/.exec(line)
      const text = (match?.[2] ?? line).replace(/%0A/g, '\n      ').replace(/%25/g, '%')
      console.log(`    [${match?.[1] ?? 'command'}] ${text}`)
    } else console.log(`    ${line}`)
  }
}

/** Every output, long ones (the summary, the diff) shown apart. */
export function printOutputs(run: ActionRun): void {
  const apart = new Set(['summary-markdown', 'diff'])
  for (const [name, value] of Object.entries(run.outputs)) {
    if (apart.has(name)) continue
    const text = value.length > 160 ? `${value.slice(0, 160)}… (${value.length} characters)` : value
    console.log(`  ${name.padEnd(16)} ${text === '' ? '(empty)' : text}`)
  }
}

export function printRequests(log: RequestLogEntry[]): void {
  const origin = log.length > 0 ? Math.min(...log.map(entry => entry.start)) : 0
  for (const entry of log) {
    const at = `+${Math.round(entry.start - origin)} ms`.padStart(9)
    console.log(
      `  ${at}  ${entry.status}  ${entry.write ? 'write' : 'read '}  ${entry.operation.padEnd(26)} ${entry.method} ${entry.path}`
    )
  }
}

export function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map(line => `  | ${line}`)
    .join('\n')
}
