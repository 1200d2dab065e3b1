// The script of the worker thread that runs one function once. A worker of its own gives each
// run a heap limit (an allocation loop ends the worker, not the host process) and a thread the
// host can terminate whatever the code does.
//
// It is kept as text and started with `eval: true`, so that it works the same from the
// TypeScript sources (jest, tsx) and from the single-file bundle in dist/.
//
// Messages: the worker posts one `WorkerReport` (see ../pool.ts) and ends.

import { RUN_ENTRY } from './bootstrap.js'

export const WORKER_SOURCE = String.raw`'use strict';
const { parentPort, workerData: job } = require('node:worker_threads');
const vm = require('node:vm');
const nodeCrypto = require('node:crypto');
const v8 = require('node:v8');

// Function logs are truncated at 10 KB ("Restrictions on CloudFront Functions").
const LOG_LIMIT_BYTES = 10240;
// The state of the current pass (see main()).
let logs = [];
let logBytes = 0;
let settlement = null;

const stores = new Map(job.stores.stores.map(s => [s.id, { keys: new Map(s.keys), meta: JSON.stringify(s.meta) }]));

// Host functions: primitives in, primitives out, and they never throw (see bootstrap.ts).
const rawHost = Object.freeze({
  log(line) {
    if (typeof line !== 'string' || logBytes >= LOG_LIMIT_BYTES) return;
    const size = Buffer.byteLength(line, 'utf8');
    if (logBytes + size <= LOG_LIMIT_BYTES) {
      logs.push(line);
      logBytes += size;
      return;
    }
    const room = LOG_LIMIT_BYTES - logBytes;
    let cut = Buffer.from(line, 'utf8').subarray(0, room).toString('utf8');
    if (cut.endsWith('\ufffd')) cut = cut.slice(0, -1);
    logs.push(cut);
    logBytes = LOG_LIMIT_BYTES;
  },
  hash(algorithm, key, data) {
    try {
      if (typeof algorithm !== 'string' || typeof data !== 'string') return null;
      const hash = key === null
        ? nodeCrypto.createHash(algorithm)
        : nodeCrypto.createHmac(algorithm, Buffer.from(String(key), 'latin1'));
      hash.update(Buffer.from(data, 'latin1'));
      return hash.digest('latin1');
    } catch {
      return null;
    }
  },
  kvsResolve(id) {
    if (id === null) return job.stores.defaultId;
    if (typeof id !== 'string') return null;
    if (job.stores.anyId) return job.stores.defaultId;
    return stores.has(id) ? id : null;
  },
  kvsGet(id, key) {
    const store = stores.get(id);
    if (store === undefined || typeof key !== 'string') return null;
    const value = store.keys.get(key);
    return value === undefined ? null : value;
  },
  kvsMeta(id) {
    const store = stores.get(id);
    return store === undefined ? '{}' : store.meta;
  },
  settle(status, payload) {
    if (settlement === null && typeof status === 'string' && typeof payload === 'string') {
      settlement = { status, payload };
    }
  }
});

// Thread CPU time where Node has it (22+); on Node 20 the process's, which counts other
// threads too (the host is normally idle while it waits for this worker).
const cpuNow = typeof process.threadCpuUsage === 'function' ? () => process.threadCpuUsage() : () => process.cpuUsage();
function cpuMsSince(start) {
  const end = cpuNow();
  return (end.user - start.user + end.system - start.system) / 1000;
}

function isTimeout(error) {
  return error !== null && typeof error === 'object' && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function runPass() {
  logs = [];
  logBytes = 0;
  settlement = null;
  const context = vm.createContext(Object.create(null), {
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate'
  });
  const timeout = job.timeLimitMs;
  const install = bootstrap.runInContext(context);
  const describe = install(rawHost, job.runtime, job.kind, job.eventType, job.event, job.now);

  try {
    code.runInContext(context, { timeout });
  } catch (error) {
    if (isTimeout(error)) return { status: 'timeout', cpuMs: job.timeLimitMs };
    return { status: 'error', payload: describe(error), cpuMs: 0 };
  }
  // Only the handler's run counts toward compute utilization, as in the emulator before.
  const start = cpuNow();
  try {
    runner.runInContext(context, { timeout });
  } catch (error) {
    if (isTimeout(error)) return { status: 'timeout', cpuMs: job.timeLimitMs };
    return { status: 'error', payload: describe(error), cpuMs: cpuMsSince(start) };
  }
  const cpuMs = cpuMsSince(start);
  if (job.calibrate) return { status: 'calibrated', heapBytes: v8.getHeapStatistics().used_heap_size, cpuMs };
  if (settlement === null) return { status: 'unsettled', cpuMs };
  return Object.assign({ cpuMs }, settlement);
}

const bootstrap = new vm.Script(job.bootstrap, { filename: 'cloudfront-runtime.js' });
const code = new vm.Script(job.code, { filename: 'function.js' });
const entry = job.kind === 'connection-function' ? 'connectionHandler' : 'handler';
const runner = new vm.Script('${RUN_ENTRY}(typeof ' + entry + " === 'function' ? " + entry + ' : undefined)', {
  filename: 'runner.js'
});

// A first pass in a context of its own warms the engine up (compiled code is shared between
// contexts), so that the measured pass reflects the function rather than a cold start. Nothing
// of it is kept unless it hit a limit, which the second pass would hit again.
function main() {
  const warmup = runPass();
  if (warmup.status === 'timeout') return warmup;
  return runPass();
}

const report = main();
parentPort.postMessage(Object.assign({ logs }, report));
`
