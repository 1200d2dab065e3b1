// Everything checked before the first request, for every function of the run: the code
// (read, built, checked), the test cases, the offline store data. One bad function means
// no request at all.
import { prepareCode, type PreparedCode } from '../code/prepare.js'
import { InputError, type Annotation } from '../errors.js'
import { FUNCTION_INPUTS } from '../inputs/contract.js'
import type { FunctionInputs, RunInputs } from '../inputs/parse.js'
import { suspiciousTagValues } from '../inputs/tags.js'
import type { KeyValueStores } from '../runtime/index.js'
import { loadTestCases } from '../testing/cases.js'
import type { DesiredFunction } from '../types.js'
import type { Job } from './orchestrate.js'
import { plural } from '../report/words.js'

/** A function that passed every check, with what the log and the report say about it. */
export interface Prepared extends Job {
  /** Undefined when the run deletes: no code is read. */
  code: PreparedCode | undefined
  annotations: Annotation[]
  notes: string[]
}

export async function prepareAll(
  functions: readonly FunctionInputs[],
  run: RunInputs,
  offlineStores: KeyValueStores | undefined
): Promise<Prepared[]> {
  const prepared: Prepared[] = []
  // One at a time: the first problem found is the one reported, the same on every run.
  for (const [index, fn] of functions.entries()) {
    try {
      prepared.push(await prepareOne(fn, run, offlineStores))
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      throw inManifest(error, run, index, fn).about({ kind: fn.kind, name: fn.name })
    }
  }
  return prepared
}

/**
 * With a manifest, a problem with one entry's key (its code file, its test cases) is reported
 * like the manifest's own errors: the file, the entry and the key, not an input the workflow
 * did not set. The functions keep the manifest's order, so `index` is the entry's.
 */
function inManifest(error: InputError, run: RunInputs, index: number, fn: FunctionInputs) {
  if (run.manifest === '' || !(FUNCTION_INPUTS as string[]).includes(error.input)) return error
  const declared = fn.name.slice(0, fn.name.length - run.nameSuffix.length)
  return new InputError(
    'functions',
    `${run.manifest}: functions[${index}] (${declared}): key '${error.input}': ${error.detail}`,
    error.annotations
  )
}

async function prepareOne(
  fn: FunctionInputs,
  run: RunInputs,
  offlineStores: KeyValueStores | undefined
): Promise<Prepared> {
  const annotations = tagWarnings(fn)
  if (run.delete) {
    return {
      fn,
      desired: declared(fn, Buffer.alloc(0)),
      testCases: [],
      code: undefined,
      annotations,
      notes: []
    }
  }
  const code = await prepareCode(fn, run.roots)
  if (run.offline && code.storeUse && offlineStores === undefined) {
    const at = code.storeUse.line
      ? `${code.storeUse.file} line ${code.storeUse.line}`
      : code.storeUse.file
    throw new InputError(
      'offline-store-data',
      `the code reads a key value store (cf.kvs at ${at}), and offline mode has no store to read: set offline-store-data to the path of a JSON object of the keys and values the tests need, for example {"/old": "/new"}.`
    )
  }
  const testCases = loadTestCases(fn.testEvents, run.roots)
  const notes = [...code.notes]
  if (testCases.length > 0)
    notes.push(`Test gate: ${plural(testCases.length, 'test case')} loaded.`)
  return {
    fn,
    desired: declared(fn, code.code),
    testCases,
    code,
    annotations: [...annotations, ...code.annotations],
    notes
  }
}

function declared(fn: FunctionInputs, code: Buffer): DesiredFunction {
  return {
    kind: fn.kind,
    name: fn.name,
    code,
    config: {
      comment: fn.comment,
      runtime: fn.runtime,
      keyValueStoreArns: [...fn.keyValueStores]
    },
    tags: fn.tags,
    publish: fn.publish
  }
}

/**
 * `team=edge service=web` is one tag whose value is `edge service=web`: allowed by
 * CloudFront, but almost always a list written with spaces.
 */
function tagWarnings(fn: FunctionInputs): Annotation[] {
  return suspiciousTagValues(fn.tags).map(key => ({
    level: 'warning',
    title: 'Tags',
    message: `Input 'tags': the value of '${key}' is '${fn.tags?.[key]}', which looks like several tags separated by spaces. Separate tags with commas or newlines (team=edge, service=web); spaces are kept inside values.`
  }))
}
