// Loading code: the require() and import forms of the built-in modules per runtime, `export`
// refused as the service refuses it, and syntax real functions use beyond the guide's lists.

import { V1, evaluate, outputOf, run } from './helpers.js'

describe('require()', () => {
  test('runtime 1.0 provides crypto and querystring', async () => {
    const result = await evaluate(
      `result = [typeof require('crypto').createHash, typeof require('querystring').parse];
       try { require('cloudfront'); } catch (e) { result.push(e.message); }
       try { require('buffer'); } catch (e) { result.push(e.message); }`,
      { runtime: V1 }
    )
    expect(result).toEqual([
      'function',
      'function',
      'Cannot find module "cloudfront"',
      'Cannot find module "buffer"'
    ])
  })

  test('runtime 2.0 provides crypto, querystring, buffer and cloudfront', async () => {
    const result = await evaluate(
      `result = [typeof require('crypto').createHmac, typeof require('querystring').stringify,
        typeof require('buffer').Buffer, typeof require('cloudfront').kvs];`
    )
    expect(result).toEqual(['function', 'function', 'function', 'function'])
  })
})

describe('import (runtime 2.0)', () => {
  test('default, namespace, named and renamed imports bind the built-in modules', async () => {
    const result = await evaluate(
      `result = [crypto === require('crypto'), qs === require('querystring'), typeof createHash,
        typeof hmac, cf === require('cloudfront'), typeof B.from];`,
      {
        prelude: `import crypto from 'crypto';
import * as qs from "querystring";
import { createHash, createHmac as hmac } from 'crypto';
import cf from 'cloudfront';
import { Buffer as B } from 'buffer';`
      }
    )
    expect(result).toEqual([true, true, 'function', 'function', true, 'function'])
  })

  test('a rewritten import keeps the line numbers of the code after it', async () => {
    const outcome = await run(`import crypto from 'crypto';
import {
  createHash
} from 'crypto';
function handler(event) {
  try { null.x; } catch (e) { return { statusCode: 200, headers: { at: { value: e.stack.split('\\n')[1] } } }; }
}`)
    expect(outputOf(outcome).response.headers.at.value).toContain('function.js:6:')
  })

  test('an unknown module fails the load', async () => {
    const outcome = await run(`import fs from 'fs';
      function handler(event) { return event.request; }`)
    expect(outcome.error).toBe('Error: Cannot find module "fs"')
  })

  test('runtime 1.0 refuses import', async () => {
    const outcome = await run(
      `import crypto from 'crypto';
      function handler(event) { return event.request; }`,
      { runtime: V1 }
    )
    expect(outcome.error).toMatch(
      /^SyntaxError: `import` is not supported by cloudfront-js-1\.0.*\(line 1\)$/
    )
  })

  test('import() and import.meta are refused', async () => {
    const dynamic = await run(
      `async function handler(event) { await import('crypto'); return event.request; }`
    )
    expect(dynamic.error).toMatch(/^SyntaxError: `import\(\)` is not supported/)
    const meta = await run(`function handler(event) { return import.meta; }`)
    expect(meta.error).toMatch(/^SyntaxError: `import\.meta` is not supported/)
  })
})

test.each([
  ['export function', 'export function handler(event) { return event.request; }'],
  ['export default', 'function handler(event) { return event.request; }\nexport default handler;'],
  ['export list', 'function handler(event) { return event.request; }\nexport { handler };']
])('%s fails the load, as the service cannot load it', async (_label, code) => {
  const outcome = await run(code)
  expect(outcome.error).toMatch(
    /^SyntaxError: `export` is not supported: .*remove `export` \(line \d\)$/
  )
  expect(outcome.output).toBeUndefined()
})

test('a syntax error fails the load with its position', async () => {
  const outcome = await run('function handler(event) { return event.request')
  expect(outcome.error).toMatch(/^SyntaxError: Unexpected token \(1:\d+\)$/)
})

test('code runs in strict mode without asking for it', async () => {
  const outcome = await run(`function handler(event) { undeclared = 1; return event.request; }`, {
    runtime: V1
  })
  expect(outcome.error).toBe('ReferenceError: undeclared is not defined')
})

test('syntax the guide does not list but real functions use runs', async () => {
  const result = await evaluate(
    `class Route {
       constructor(prefix, target = '/index.html') { this.prefix = prefix; this.target = target; }
       matches(uri) { return uri.startsWith(this.prefix); }
     }
     const routes = [new Route('/docs', '/docs/index.html'), new Route('/')];
     const { request: { uri, headers } } = event;
     const found = routes.find(r => r.matches(uri));
     const copy = { ...headers, extra: { value: 'x' } };
     let names = [];
     for (const name of Object.keys(copy)) names.push(name);
     result = [found?.target, headers.missing?.value ?? 'none', names, [...'ab'], 2 ** 10, \`\${uri}!\`];`
  )
  expect(result).toEqual([
    '/index.html',
    'none',
    ['host', 'extra'],
    ['a', 'b'],
    1024,
    '/index.html!'
  ])
})
