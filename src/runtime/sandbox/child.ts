// The script of the child process that runs functions, one job at a time (see ../pool.ts).
//
// A process of its own is what makes the memory limit safe: when the code allocates past the
// child's heap limit, V8 ends the child, whatever the size of the allocation (a worker thread's
// heap limit can take the whole process down when one allocation overshoots it). The host
// only sees a child that exited, reports the memory error and starts another.
//
// It is kept as text and started with `node -e`, so that it works the same from the TypeScript
// sources (jest, tsx) and from the single-file bundle in dist/.
//
// Messages from the host: { bootstrap } once, then { id, job } per run; the child answers each
// job with { id, report }.

import { RUN_ENTRY } from './bootstrap.js'

export const CHILD_SOURCE = String.raw`'use strict';
const vm = require('node:vm');
const nodeCrypto = require('node:crypto');
const v8 = require('node:v8');

// Function logs are truncated at 10 KB ("Restrictions on CloudFront Functions").
const LOG_LIMIT_BYTES = 10240;

let bootstrap = null;
// The job being run and the state of its current pass (see runJob()).
let job = null;
let stores = new Map();
let logs = [];
let logBytes = 0;
let settlement = null;

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

// The child does nothing else while it runs a job, so its CPU time is the function's.
const cpuNow = typeof process.threadCpuUsage === 'function' ? () => process.threadCpuUsage() : () => process.cpuUsage();
function cpuMsSince(start) {
  const end = cpuNow();
  return (end.user - start.user + end.system - start.system) / 1000;
}

function isTimeout(error) {
  return error !== null && typeof error === 'object' && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

// One run of the code in a fresh context.
function runPass(code, runner) {
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
  if (settlement === null) return { status: 'unsettled', cpuMs };
  return Object.assign({ cpuMs }, settlement);
}

// A first pass in a context of its own warms the engine up (compiled code is shared between
// contexts), so that the measured pass reflects the function rather than a cold start. Nothing
// of it is kept unless it hit the time limit, which the second pass would hit again.
function runJob(next) {
  job = next;
  stores = new Map(job.stores.stores.map(s => [s.id, { keys: new Map(s.keys), meta: JSON.stringify(s.meta) }]));
  const entry = job.kind === 'connection-function' ? 'connectionHandler' : 'handler';
  let code;
  try {
    code = new vm.Script(job.code, { filename: 'function.js' });
  } catch (error) {
    return { status: 'error', payload: 'SyntaxError: ' + error.message, cpuMs: 0, logs: [] };
  }
  const runner = new vm.Script('${RUN_ENTRY}(typeof ' + entry + " === 'function' ? " + entry + ' : undefined)', {
    filename: 'runner.js'
  });
  const warmup = runPass(code, runner);
  const report = warmup.status === 'timeout' ? warmup : runPass(code, runner);
  report.logs = logs;
  job = null;
  stores = new Map();
  return report;
}

process.on('message', message => {
  if (typeof message.bootstrap === 'string') {
    bootstrap = new vm.Script(message.bootstrap, { filename: 'cloudfront-runtime.js' });
    return;
  }
  const report = runJob(message.job);
  process.send({ id: message.id, report });
});
// The host went away: nothing is left to do.
process.on('disconnect', () => process.exit(0));
`
