// npm run demo: deploys examples/functions/viewer-request.js through the bundled action
// (dist/index.js, run as the GitHub runner runs it) against the local CloudFront emulator,
// then runs the same step again to show that it changes nothing. No AWS account, no network.
// Exits non-zero when any step does not behave as expected.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { ACTION_ENTRY, actionNode, ROOT, runAction, type ActionRun } from './run-action.js'
import { indent, printOutputs, printRequests, printStepLog } from './step-log.js'

const WORKSPACE = join(ROOT, 'examples')
const NAME = 'demo-viewer-request'
const INPUTS: Record<string, string> = {
  name: NAME,
  code: 'functions/viewer-request.js',
  comment: 'Viewer request rewrites (demo)',
  'test-events': 'tests/viewer-request/*.json',
  tags: 'team=web, managed-by=cloudfront-function-deploy',
  publish: 'true'
}

const failures: string[] = []

function heading(text: string): void {
  console.log(`\n${'='.repeat(72)}\n${text}\n${'='.repeat(72)}`)
}

function subheading(text: string): void {
  console.log(`\n--- ${text} ---`)
}

function check(what: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}${detail ? ` (${detail})` : ''}`)
  if (!ok) failures.push(what)
}

async function deployStep(emulator: Emulator, title: string): Promise<ActionRun> {
  heading(title)
  emulator.clearRequestLog()
  const run = await runAction({ inputs: INPUTS, endpoint: emulator.url, workspace: WORKSPACE })
  subheading(`Step log (exit code ${run.exitCode}, ${Math.round(run.durationMs)} ms)`)
  printStepLog(run.stdout)
  // stderr holds only Node's warnings on a successful run; show it when something failed.
  if (run.exitCode !== 0 && run.stderr.trim()) console.log(indent(run.stderr))
  subheading('Outputs')
  printOutputs(run)
  subheading('Job summary')
  console.log(indent(run.summary))
  subheading('Requests CloudFront received')
  printRequests(emulator.requestLog())
  return run
}

async function main(): Promise<void> {
  if (!existsSync(ACTION_ENTRY)) {
    console.error(`${ACTION_ENTRY} is missing: build it with npm run package, then re-run.`)
    process.exit(1)
  }
  const node = actionNode()
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  heading('CloudFront Function deploy: demo against the local CloudFront emulator')
  console.log(`  action       ${ACTION_ENTRY}`)
  console.log(`  node         ${node} (${version})`)
  console.log(`  workspace    ${WORKSPACE}`)
  for (const [name, value] of Object.entries(INPUTS))
    console.log(`  with.${name.padEnd(12)}${value}`)

  // The emulator measures a test run's compute on the wall clock of this machine, where a
  // scheduler pause during the first call of a handler in a fresh context can exceed 1 ms,
  // CloudFront's budget. A 10 ms budget keeps the demo's test gate from failing on a busy machine.
  const emulator = await startEmulator({ port: 0, computeBudgetMs: 10 })
  console.log(`  emulator     ${emulator.url}`)
  try {
    const first = await deployStep(emulator, '1. First run: create, test, publish')
    const firstLog = emulator.requestLog()
    subheading('Checks')
    check('the step succeeded', first.exitCode === 0, `exit code ${first.exitCode}`)
    check('changed=true', first.outputs.changed === 'true')
    check('created=true', first.outputs.created === 'true')
    check('published=true', first.outputs.published === 'true')
    check(
      'LIVE serves what DEVELOPMENT holds (live-etag = etag)',
      !!first.outputs.etag && first.outputs['live-etag'] === first.outputs.etag
    )
    const tests = JSON.parse(first.outputs['test-results'] || '[]') as { passed: boolean }[]
    check(
      'every test case passed before the publish',
      tests.length > 0 && tests.every(test => test.passed),
      `${tests.filter(test => test.passed).length} of ${tests.length}`
    )
    check(
      'CloudFront received writes',
      firstLog.some(entry => entry.write),
      firstLog
        .filter(entry => entry.write)
        .map(entry => entry.operation)
        .join(', ')
    )
    const stored = emulator.state().functions.find(f => f.kind === 'function' && f.name === NAME)
    check(
      'the function carries the tags',
      stored?.tags.team === 'web' && stored?.tags['managed-by'] === 'cloudfront-function-deploy',
      JSON.stringify(stored?.tags ?? {})
    )

    const second = await deployStep(emulator, '2. Second run, same inputs: nothing to do')
    const secondLog = emulator.requestLog()
    const writes = secondLog.filter(entry => entry.write)
    subheading('Checks')
    check('the step succeeded', second.exitCode === 0, `exit code ${second.exitCode}`)
    check('changed=false', second.outputs.changed === 'false')
    check('created=false', second.outputs.created === 'false')
    check('published=false', second.outputs.published === 'false')
    check(
      'zero writes in the request log',
      writes.length === 0,
      `${secondLog.length} requests, ${writes.length} writes`
    )
    check(
      'the ETags did not move',
      second.outputs.etag === first.outputs.etag &&
        second.outputs['live-etag'] === first.outputs['live-etag']
    )
  } finally {
    await emulator.close()
  }

  heading(failures.length === 0 ? 'Demo passed' : `Demo FAILED: ${failures.length} checks`)
  for (const failure of failures) console.log(`  - ${failure}`)
  process.exit(failures.length === 0 ? 0 : 1)
}

main().catch(error => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
