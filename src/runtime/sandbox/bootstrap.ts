// The script that prepares a fresh vm context for one run: it installs the globals and modules
// of the chosen runtime, then defines the hidden entry that calls the handler.
//
// How host values are kept out (the property the sandbox exists for): the bootstrap evaluates to
// a function made in the context, and the worker calls it once with `rawHost`, an object of
// host functions. Those stay in this closure; the function's code only ever sees objects made
// in the context. Host functions take and return primitives only, and every call to one goes
// through `guard`, which turns any host error (a stack overflow at the call boundary, say) into
// an error of the context, so no host object is ever thrown into the function's code either.

import { BUFFER } from './buffer.js'
import { CBOR } from './cbor.js'
import { CLOUDFRONT } from './cloudfront.js'
import { CODECS } from './codecs.js'
import { CRYPTO } from './crypto.js'
import { CWT } from './cwt.js'
import { QUERYSTRING } from './querystring.js'

/** Hidden global the runner script calls with the entry point (see worker.ts). */
export const RUN_ENTRY = '__cloudfrontRun'
/** Hidden global that the rewritten `import` declarations call (see source.ts). */
export const IMPORT_ENTRY = '__cloudfrontImport'

export const BOOTSTRAP =
  String.raw`(function (rawHost, runtime, kind, eventType, eventJson, now) {
'use strict';
var v2 = runtime === 'cloudfront-js-2.0';
// Captured before the function's code runs, which may replace the globals.
var parseJson = JSON.parse;
var stringifyJson = JSON.stringify;
var resolvePromise = Promise.resolve.bind(Promise);
var promiseThen = Promise.prototype.then;
var reflectApply = Reflect.apply;

function guard(fn) {
  return function (a, b, c) {
    try {
      return fn(a, b, c);
    } catch (e) {
      throw new Error('The runtime could not complete the call');
    }
  };
}
var host = {
  log: guard(rawHost.log),
  hash: guard(rawHost.hash),
  kvsResolve: guard(rawHost.kvsResolve),
  kvsGet: guard(rawHost.kvsGet),
  kvsMeta: guard(rawHost.kvsMeta),
  settle: guard(rawHost.settle)
};
rawHost = undefined;

` +
  CODECS +
  BUFFER +
  CRYPTO +
  QUERYSTRING +
  CBOR +
  CWT +
  CLOUDFRONT +
  String.raw`
function hide(target, name, value) {
  Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
}

function lock(target, name, value) {
  Object.defineProperty(target, name, { value: value, writable: false, configurable: false, enumerable: false });
}

// console has log only, as the guide documents.
function formatLogValue(value) {
  if (typeof value === 'string') return value;
  try {
    var json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch (e) {
    // a cycle or a BigInt: fall back to the value's string form
  }
  try {
    return String(value);
  } catch (e) {
    return Object.prototype.toString.call(value);
  }
}
hide(globalThis, 'console', Object.freeze({
  log: function log() {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) parts.push(formatLogValue(arguments[i]));
    host.log(parts.join(' '));
  }
}));

// Date returns the same time for the whole run.
var RealDate = Date;
function FixedDate(a, b, c, d, e, f, g) {
  if (new.target === undefined) return new RealDate(now).toString();
  var args = Array.prototype.slice.call(arguments);
  return Reflect.construct(RealDate, args.length === 0 ? [now] : args, new.target);
}
Object.defineProperty(FixedDate, 'prototype', { value: RealDate.prototype, writable: false });
hide(FixedDate, 'now', { now() { return now; } }.now);
hide(FixedDate, 'parse', RealDate.parse);
hide(FixedDate, 'UTC', RealDate.UTC);
hide(RealDate.prototype, 'constructor', FixedDate);
hide(globalThis, 'Date', FixedDate);

// Built-in modules, by the names require() and import accept.
var modules = { crypto: cryptoModule, querystring: querystringModule };
if (v2) {
  modules.buffer = Object.freeze({ Buffer: Buffer });
  modules.cloudfront = cloudfrontModule;
}
function require(name) {
  var key = String(name);
  if (!Object.prototype.hasOwnProperty.call(modules, key)) throw new Error('Cannot find module "' + key + '"');
  return modules[key];
}
hide(globalThis, 'require', require);
lock(globalThis, '${IMPORT_ENTRY}', require);

if (v2) {
  hide(globalThis, 'Buffer', Buffer);
  hide(globalThis, 'atob', atob);
  hide(globalThis, 'btoa', btoa);
  hide(globalThis, 'TextEncoder', TextEncoder);
  hide(globalThis, 'TextDecoder', TextDecoder);
} else {
  installByteStrings();
  // Not in the 1.0 feature list (they arrived with runtime 2.0).
  delete String.prototype.replaceAll;
  delete Promise.all;
  delete Promise.allSettled;
  delete Promise.any;
  delete Promise.race;
}

// Engine extras CloudFront's runtime does not have; Atomics.wait could also block the run.
['SharedArrayBuffer', 'Atomics', 'WebAssembly', 'WeakRef', 'FinalizationRegistry'].forEach(function (name) {
  delete globalThis[name];
});
// V8's stack trace hooks would hand call sites (frames of the host among them) to the function.
delete Error.captureStackTrace;
lock(Error, 'prepareStackTrace', undefined);

function describeError(error) {
  try {
    if (error !== null && typeof error === 'object' && 'message' in error) {
      var name = error.name === undefined ? 'Error' : String(error.name);
      return name + ': ' + String(error.message);
    }
    return String(error);
  } catch (e) {
    return 'Error: the function threw a value that cannot be described';
  }
}

// Connection functions: the documented helpers on the connection object.
var decision = null;
var customData = null;
var CUSTOM_DATA_LIMIT = 800;
function truncateUtf8(text, limit) {
  var bytes = utf8Encode(text);
  if (bytes.length <= limit) return text;
  var end = limit;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return utf8Decode(bytes, 0, end, false);
}
function decorateConnection(connection) {
  hide(connection, 'allow', function allow() {
    if (decision === null) decision = 'allow';
  });
  hide(connection, 'deny', function deny() {
    if (decision === null) decision = 'deny';
  });
  hide(connection, 'logCustomData', function logCustomData(data) {
    customData = truncateUtf8(String(data), CUSTOM_DATA_LIMIT);
  });
}

// request.rawQueryString() (runtime 2.0, a general helper method): the query string as it
// arrived. An event has only the parsed querystring, so the string is rebuilt from it once,
// before the handler can change it: name=value pairs in the event's order, one per value of
// multiValue; an empty querystring gives undefined (the event cannot tell a lone "?" apart).
function decorateRequest(request) {
  if (request === null || typeof request !== 'object') return;
  var raw = rebuildQueryString(request.querystring);
  hide(request, 'rawQueryString', function rawQueryString() {
    return raw;
  });
}
function rebuildQueryString(querystring) {
  if (querystring === null || typeof querystring !== 'object') return undefined;
  var pairs = [];
  Object.keys(querystring).forEach(function (name) {
    var entry = querystring[name];
    var values = entry !== null && typeof entry === 'object' && Array.isArray(entry.multiValue)
      ? entry.multiValue
      : [entry];
    values.forEach(function (item) {
      var value = item !== null && typeof item === 'object' ? item.value : item;
      pairs.push(name + '=' + (value === undefined || value === null ? '' : String(value)));
    });
  });
  return pairs.length === 0 ? undefined : pairs.join('&');
}

var settled = false;
function settleValue(value) {
  if (settled) return;
  settled = true;
  if (kind === 'connection-function') {
    // Neither allow() nor deny(): CloudFront denies the connection (the guide says so).
    var outcome = { action: decision === null ? 'deny' : decision };
    if (customData !== null) outcome.customData = customData;
    host.settle('ok', stringifyJson(outcome));
    return;
  }
  var json;
  try {
    json = value === undefined ? undefined : stringifyJson(value);
  } catch (e) {
    host.settle('error', describeError(e));
    return;
  }
  host.settle(json === undefined ? 'empty' : 'ok', json === undefined ? '' : json);
}
function settleError(error) {
  if (settled) return;
  settled = true;
  host.settle('error', describeError(error));
}

var ran = false;
lock(globalThis, '${RUN_ENTRY}', function (entry) {
  if (ran) return;
  ran = true;
  try {
    if (typeof entry !== 'function') {
      throw new Error('The function code must define a function named ' + (kind === 'connection-function' ? 'connectionHandler' : 'handler'));
    }
    var event = parseJson(eventJson);
    if (kind === 'connection-function') decorateConnection(event);
    else if (v2 && event !== null && typeof event === 'object') decorateRequest(event.request);
    reflectApply(promiseThen, resolvePromise(entry(event)), [settleValue, settleError]);
  } catch (e) {
    settleError(e);
  }
});

return describeError;
})`
