// Invalid inputs fail the step before the first request to CloudFront: the
// message names the input, and the emulator sees no request at all.
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import {
  createStore,
  expectExit,
  fixture,
  seedFunction,
  startHarness,
  resetEmulator,
  type Harness
} from './helpers.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
beforeEach(() => resetEmulator(h))
afterAll(async () => {
  await h.close()
})

// A missing `}` at line 4, column 47 (where the `;` stands).
const SYNTAX_ERROR = [
  '// The object literal is not closed.',
  'function handler(event) {',
  '  var request = event.request',
  "  request.headers['x-version'] = { value: '1' ;",
  '  return request',
  '}',
  ''
].join('\n')

/** Valid code padded with a comment to exactly `bytes` bytes. */
function oversize(bytes: number): string {
  const head = 'function handler(event) {\n  return event.request\n}\n//'
  return head + 'x'.repeat(bytes - head.length - 1) + '\n'
}

interface BadInput {
  what: string
  input: string
  inputs: Record<string, string>
  files?: Record<string, string>
  message: RegExp
  /** The `::error` annotation on the code, for the pre-flight code checks. */
  annotation?: RegExp
}

const CASES: BadInput[] = [
  {
    what: 'an invalid name',
    input: 'name',
    inputs: { name: 'my function!', code: 'function-v1.js' },
    message: /'my function!' is not a valid function name/
  },
  {
    what: 'a name over 64 characters',
    input: 'name',
    inputs: { name: 'f'.repeat(65), code: 'function-v1.js' },
    message: /is not a valid function name: use 1 to 64 characters/
  },
  {
    what: 'a missing code file',
    input: 'code',
    inputs: { name: 'fn', code: 'src/missing.js' },
    message: /'src\/missing\.js' does not exist/
  },
  {
    what: 'a code path that is a directory',
    input: 'code',
    inputs: { name: 'fn', code: 'tests' },
    message: /'tests' is a directory, not a regular file/
  },
  {
    what: 'an empty code file',
    input: 'code',
    inputs: { name: 'fn', code: 'empty.js' },
    files: { 'empty.js': '' },
    message: /'empty\.js' is empty/
  },
  {
    what: 'code over 10,240 bytes',
    input: 'code',
    inputs: { name: 'fn', code: 'big.js' },
    files: { 'big.js': oversize(10_241) },
    message: /'big\.js' is 10,241 bytes, over the limit of 10,240 bytes/
  },
  {
    what: 'an unknown type',
    input: 'type',
    inputs: { name: 'fn', code: 'function-v1.js', type: 'lambda-edge' },
    message: /'lambda-edge' is not supported: use one of function, connection-function/
  },
  {
    what: 'an unknown runtime',
    input: 'runtime',
    inputs: { name: 'fn', code: 'function-v1.js', runtime: 'cloudfront-js-3.0' },
    message:
      /'cloudfront-js-3\.0' is not supported: use one of cloudfront-js-2\.0, cloudfront-js-1\.0/
  },
  {
    what: 'two key value stores',
    input: 'key-value-stores',
    inputs: { name: 'fn', code: 'kvs-function.js', 'key-value-stores': 'redirects\nother' },
    message: /2 stores given \(redirects, other\), but CloudFront allows at most 1 per function/
  },
  {
    what: 'a key value store with cloudfront-js-1.0',
    input: 'key-value-stores',
    inputs: {
      name: 'fn',
      code: 'function-v1.js',
      runtime: 'cloudfront-js-1.0',
      'key-value-stores': 'redirects'
    },
    message: /key value stores need runtime cloudfront-js-2\.0, but runtime is cloudfront-js-1\.0/
  },
  {
    what: 'a malformed store ARN',
    input: 'key-value-stores',
    inputs: {
      name: 'fn',
      code: 'kvs-function.js',
      'key-value-stores': 'arn:aws:cloudfront::123:key-value-store/x'
    },
    message: /is not a key value store ARN/
  },
  {
    what: 'a tag without =',
    input: 'tags',
    inputs: { name: 'fn', code: 'function-v1.js', tags: 'team=edge,owner' },
    message: /'owner' has no '='\. Write each tag as key=value\./
  },
  {
    what: 'a tag with characters CloudFront refuses',
    input: 'tags',
    inputs: { name: 'fn', code: 'function-v1.js', tags: 'team=edge;prod' },
    message: /the value 'edge;prod' of tag 'team' has characters CloudFront does not allow/
  },
  {
    what: 'a duplicate tag key',
    input: 'tags',
    inputs: { name: 'fn', code: 'function-v1.js', tags: 'team=edge\nteam=core' },
    message: /key 'team' is given twice/
  },
  {
    what: 'a value that is not a boolean',
    input: 'publish',
    inputs: { name: 'fn', code: 'function-v1.js', publish: 'yes' },
    message: /'yes' is not a boolean: use true or false/
  },
  {
    what: 'dry-run that is not a boolean',
    input: 'dry-run',
    inputs: { name: 'fn', code: 'function-v1.js', 'dry-run': '1' },
    message: /'1' is not a boolean/
  },
  {
    what: 'max-compute-utilization over 100',
    input: 'max-compute-utilization',
    inputs: { name: 'fn', code: 'function-v1.js', 'max-compute-utilization': '101' },
    message: /'101' is not a percentage: use a number from 0 to 100/
  },
  {
    what: 'test-events that match nothing',
    input: 'test-events',
    inputs: {
      name: 'fn',
      code: 'function-v1.js',
      'test-events': 'tests/function-v1.json\ncases/*.json'
    },
    message: /'cases\/\*\.json' matches no file in the workspace: check the glob/
  },
  {
    what: 'a test-case file with a typo in a key',
    input: 'test-events',
    inputs: { name: 'fn', code: 'function-v1.js', 'test-events': 'typo.json' },
    files: { 'typo.json': JSON.stringify({ name: 'x', event: {}, expected: {} }) },
    message: /typo\.json has unknown key 'expected'/
  },
  {
    what: 'publish together with delete',
    input: 'publish',
    inputs: { name: 'fn', delete: 'true', publish: 'true' },
    message: /publish: true cannot be combined with delete: true/
  },
  {
    what: 'a syntax error in the code',
    input: 'code',
    inputs: { name: 'fn', code: 'src/syntax.js' },
    files: { 'src/syntax.js': SYNTAX_ERROR },
    message:
      /src\/syntax\.js has 1 problem for cloudfront-js-2\.0 \(first: line 4, column 47: .*\)\. See the annotations; nothing was sent to CloudFront\./,
    annotation: /^::error title=[^\n]*,file=src\/syntax\.js,line=4,col=47::/m
  },
  {
    what: 'const with cloudfront-js-1.0',
    input: 'code',
    inputs: { name: 'fn', code: 'const-v1.js', runtime: 'cloudfront-js-1.0' },
    message: /const-v1\.js has 1 problem for cloudfront-js-1\.0 \(first: line 3, column 3: /,
    annotation: /^::error title=[^\n]*,file=const-v1\.js,line=3,col=3::[^\n]*const/m
  },
  {
    what: 'a CloudFront Function without a handler',
    input: 'code',
    inputs: { name: 'fn', code: 'connection-v1.js' },
    message: /`connectionHandler` is the entry point of connection functions/,
    annotation: /^::error title=[^\n]*,file=connection-v1\.js,line=1,col=1::/m
  },
  {
    what: 'a connection function on cloudfront-js-1.0',
    input: 'runtime',
    inputs: {
      name: 'fn',
      type: 'connection-function',
      code: 'connection-v1.js',
      runtime: 'cloudfront-js-1.0'
    },
    message:
      /cannot run a connection function: connection functions only support cloudfront-js-2\.0/
  }
]

it.each(CASES)('$what fails on input $input without any request', async bad => {
  // Something already deployed, which a failed step must leave alone.
  await seedFunction(h, 'fn', fixture('function-v1.js'), { publish: true, tags: { team: 'edge' } })
  await createStore(h, 'redirects')
  const before = h.emu.state()
  h.emu.clearRequestLog()

  const run = await h.run(h.workspace(bad.files), bad.inputs)

  expectExit(run, 1)
  const failure = run.stdout.split('\n').find(line => line.startsWith('::error::'))
  expect(failure).toBeDefined()
  expect(failure).toContain(`Input '${bad.input}': `)
  expect(failure).toMatch(bad.message)
  if (bad.annotation) expect(run.stdout).toMatch(bad.annotation)
  expect(h.emu.requestLog()).toEqual([])
  expect(h.emu.state()).toEqual(before)
  expect(run.summary).toContain(': failed')
  expect(run.outputs['summary-markdown']).toContain(`Input '${bad.input}'`)
})
