export const id = 398;
export const ids = [398];
export const modules = {

/***/ 7398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runFunction: () => (/* binding */ runFunction)
});

// UNUSED EXPORTS: DEFAULT_COMPUTE_BUDGET_MS, DEFAULT_TIME_LIMIT_MS, MEMORY_LIMIT_ERROR, MEMORY_LIMIT_MB, TIME_LIMIT_ERROR, singleStore

;// CONCATENATED MODULE: ./src/runtime/event.ts
// The event as the service hands it to the function: CloudFront fills in the maps a test event
// leaves out (headers, cookies, querystring) with empty objects.
const REQUEST_MAPS = ['querystring', 'headers', 'cookies'];
const RESPONSE_MAPS = ['headers', 'cookies'];
function prepareEvent(kind, text) {
    let event;
    try {
        event = JSON.parse(text);
    }
    catch (error) {
        return { error: `The event is not valid JSON: ${error.message}` };
    }
    if (!isObject(event)) {
        return { error: 'The event must be a JSON object' };
    }
    if (kind === 'connection-function') {
        return { json: JSON.stringify(event), eventType: 'connection' };
    }
    fillMaps(event.request, REQUEST_MAPS);
    fillMaps(event.response, RESPONSE_MAPS);
    const context = event.context;
    const eventType = isObject(context) && typeof context.eventType === 'string'
        ? context.eventType
        : 'viewer-request';
    return { json: JSON.stringify(event), eventType };
}
function fillMaps(target, names) {
    if (!isObject(target))
        return;
    for (const name of names) {
        if (target[name] === undefined || target[name] === null)
            target[name] = {};
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/runtime/output.ts
// FunctionOutput as TestFunction reports it: the handler's result wrapped as {"request": …} or
// {"response": …}, keeping the fields CloudFront carries and adding the empty maps it adds
// (AWS's documented outputs of generated responses show `"cookies": {}`).

const REQUEST_FIELDS = ['method', 'uri', 'querystring', 'headers', 'cookies'];
const RESPONSE_FIELDS = ['statusCode', 'statusDescription', 'headers', 'cookies', 'body'];
// A viewer response function cannot replace the body it sees ("Restrictions on edge functions").
const VIEWER_RESPONSE_FIELDS = ['statusCode', 'statusDescription', 'headers', 'cookies'];
const NO_RESULT = 'Error: The function must return a request or response object.';
/**
 * Shapes a function's result (JSON text) for an event type: in viewer-request events a result
 * with a `statusCode` is a generated response, anything else the request to forward.
 */
function shapeFunctionOutput(eventType, resultJson) {
    const result = JSON.parse(resultJson);
    if (!isObject(result))
        return { error: NO_RESULT };
    const problem = invalidResult(eventType, result);
    if (problem)
        return { error: `Error: The function returned an invalid ${problem}` };
    if (eventType === 'viewer-response') {
        return {
            output: JSON.stringify({
                response: pick(result, VIEWER_RESPONSE_FIELDS, ['headers', 'cookies'])
            })
        };
    }
    if ('statusCode' in result) {
        return {
            output: JSON.stringify({ response: pick(result, RESPONSE_FIELDS, ['headers', 'cookies']) })
        };
    }
    return {
        output: JSON.stringify({
            request: pick(result, REQUEST_FIELDS, ['querystring', 'headers', 'cookies'])
        })
    };
}
/**
 * What makes a result one CloudFront cannot use (it counts such a run as a validation error):
 * the structure the guide gives for request and response objects, checked where a handler can
 * get it wrong by accident (returning the whole event, a status code as a string, a header as a
 * bare string). Undefined when the result is usable.
 */
function invalidResult(eventType, result) {
    const isResponse = eventType === 'viewer-response' || 'statusCode' in result;
    if (isResponse) {
        const status = result.statusCode;
        if (status === undefined) {
            return 'response: a viewer response function must return a response with a statusCode';
        }
        if (typeof status !== 'number' || !Number.isInteger(status)) {
            return `response: statusCode must be an integer, not ${kindOf(status)}`;
        }
    }
    else if (result.uri === undefined) {
        return 'request: it has no uri (return event.request, not the whole event)';
    }
    else if (typeof result.uri !== 'string') {
        return `request: uri must be a string, not ${kindOf(result.uri)}`;
    }
    const maps = isResponse ? ['headers', 'cookies'] : ['querystring', 'headers', 'cookies'];
    for (const map of maps) {
        const entries = result[map];
        if (entries === undefined || entries === null)
            continue;
        if (!isObject(entries)) {
            return `${isResponse ? 'response' : 'request'}: ${map} must be an object`;
        }
        for (const [name, entry] of Object.entries(entries)) {
            if (!isObject(entry)) {
                return `${isResponse ? 'response' : 'request'}: ${map}[${JSON.stringify(name)}] must be an object such as { value: '…' }, not ${kindOf(entry)}`;
            }
        }
    }
    return undefined;
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.slice(0, 40))}`;
    if (typeof value === 'number')
        return `the number ${value}`;
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function pick(source, fields, maps) {
    const picked = {};
    for (const field of fields) {
        if (source[field] !== undefined)
            picked[field] = source[field];
    }
    fillMaps(picked, maps);
    return picked;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/runtime/sandbox/buffer.ts
// The `buffer` module, TextEncoder/TextDecoder and atob/btoa of runtime 2.0, written for the
// sandbox (see codecs.ts for why it is a string). Node's own Buffer cannot be handed to the
// function: it is a host object, and its constructor chain leads to the host's Function.
const BUFFER = String.raw `
function toIndex(value, fallback) {
  if (value === undefined) return fallback;
  var n = Math.trunc(Number(value));
  return n !== n ? 0 : n;
}

function clampRange(length, start, end) {
  var s = toIndex(start, 0);
  var e = toIndex(end, length);
  if (s < 0) s = 0;
  if (e > length) e = length;
  if (e < s) e = s;
  return [s, e];
}

function checkOffset(buffer, offset, size) {
  var at = offset === undefined ? 0 : offset;
  if (typeof at !== 'number' || at !== Math.floor(at)) {
    throw new TypeError('The "offset" argument must be an integer. Received ' + String(offset));
  }
  if (at < 0 || at + size > buffer.length) {
    throw new RangeError('The value of "offset" is out of range. It must be >= 0 and <= ' + (buffer.length - size) + '. Received ' + at);
  }
  return at;
}

// readIntBE and its kin: 1 to 6 bytes, as Node (48 bits is what a double holds exactly).
function checkByteLength(byteLength) {
  if (typeof byteLength !== 'number' || byteLength !== Math.floor(byteLength) || byteLength < 1 || byteLength > 6) {
    throw new RangeError('The value of "byteLength" is out of range. It must be >= 1 and <= 6. Received ' + String(byteLength));
  }
  return byteLength;
}

// Unlike the fixed-width reads, Node requires the offset of a variable-width one.
function requireOffset(offset) {
  if (offset === undefined) {
    throw new TypeError('The "offset" argument must be of type number. Received undefined');
  }
}

function readUnsigned(buffer, offset, byteLength, littleEndian) {
  requireOffset(offset);
  var size = checkByteLength(byteLength);
  var at = checkOffset(buffer, offset, size);
  var value = 0;
  for (var i = 0; i < size; i++) {
    value = value * 256 + buffer[littleEndian ? at + size - 1 - i : at + i];
  }
  return value;
}

function readSigned(buffer, offset, byteLength, littleEndian) {
  var value = readUnsigned(buffer, offset, byteLength, littleEndian);
  var limit = Math.pow(2, 8 * byteLength);
  return value >= limit / 2 ? value - limit : value;
}

function writeInteger(buffer, value, offset, byteLength, littleEndian, signed) {
  requireOffset(offset);
  var size = checkByteLength(byteLength);
  var at = checkOffset(buffer, offset, size);
  var limit = Math.pow(2, 8 * size);
  var min = signed ? -limit / 2 : 0;
  var max = signed ? limit / 2 - 1 : limit - 1;
  // As Node: the value is a number, truncated toward zero; NaN writes 0.
  var n = +value;
  if (n < min || n > max) {
    throw new RangeError('The value of "value" is out of range. It must be >= ' + min + ' and <= ' + max + '. Received ' + String(value));
  }
  n = n !== n ? 0 : Math.trunc(n);
  var rest = n < 0 ? n + limit : n;
  for (var i = size - 1; i >= 0; i--) {
    buffer[littleEndian ? at + size - 1 - i : at + i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return at + size;
}

function swapBytes(buffer, width) {
  if (buffer.length % width !== 0) {
    throw new RangeError('Buffer size must be a multiple of ' + (8 * width) + '-bits');
  }
  for (var at = 0; at < buffer.length; at += width) {
    for (var i = 0; i < width / 2; i++) {
      var first = buffer[at + i];
      buffer[at + i] = buffer[at + width - 1 - i];
      buffer[at + width - 1 - i] = first;
    }
  }
  return buffer;
}

function dataView(buffer) {
  return new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function indexOfBytes(haystack, needle, from, last) {
  var n = needle.length;
  if (last) {
    for (var i = Math.min(from, haystack.length - n); i >= 0; i--) {
      var j = 0;
      while (j < n && haystack[i + j] === needle[j]) j++;
      if (j === n) return i;
    }
    return -1;
  }
  for (var k = from; k + n <= haystack.length; k++) {
    var m = 0;
    while (m < n && haystack[k + m] === needle[m]) m++;
    if (m === n) return k;
  }
  return -1;
}

function compareBytes(a, b) {
  var n = Math.min(a.length, b.length);
  for (var i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

class Buffer extends U8 {
  static from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return Buffer.fromBytes(encodeString(value, encodingOrOffset));
    if (value instanceof ArrayBuffer) {
      var offset = toIndex(encodingOrOffset, 0);
      var size = length === undefined ? value.byteLength - offset : toIndex(length, 0);
      return new Buffer(value, offset, size);
    }
    var view = bytesView(value);
    // A copy, as Node makes: Buffer's own slice() would share the memory.
    if (view !== null) return Buffer.fromBytes(U8.prototype.slice.call(view));
    if (value !== null && typeof value === 'object') {
      if (value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
      if (typeof value.length === 'number') {
        var out = new Buffer(value.length);
        for (var i = 0; i < out.length; i++) out[i] = Number(value[i]) & 0xff;
        return out;
      }
      var primitive = value.valueOf();
      if (primitive !== value && primitive !== null && primitive !== undefined) return Buffer.from(primitive, encodingOrOffset, length);
    }
    throw new TypeError('The first argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.');
  }

  static fromBytes(bytes) {
    return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  static alloc(size, fill, encoding) {
    var buffer = new Buffer(Buffer.checkSize(size));
    if (fill !== undefined && fill !== 0) buffer.fill(fill, 0, buffer.length, encoding);
    return buffer;
  }

  static allocUnsafe(size) {
    return new Buffer(Buffer.checkSize(size));
  }

  static allocUnsafeSlow(size) {
    return new Buffer(Buffer.checkSize(size));
  }

  static checkSize(size) {
    if (typeof size !== 'number' || size !== size || size < 0) {
      throw new TypeError('The "size" argument must be a non-negative number. Received ' + String(size));
    }
    return Math.floor(size);
  }

  static byteLength(value, encoding) {
    if (typeof value === 'string') return encodeString(value, encoding).length;
    var view = bytesView(value);
    if (view === null) throw new TypeError('The "string" argument must be a string, Buffer, or ArrayBuffer.');
    return view.length;
  }

  static compare(a, b) {
    return compareBytes(Buffer.asBytes(a), Buffer.asBytes(b));
  }

  static concat(list, totalLength) {
    if (!Array.isArray(list)) throw new TypeError('The "list" argument must be an Array of Buffers or Uint8Arrays.');
    var views = list.map(Buffer.asBytes);
    var total = totalLength === undefined ? views.reduce(function (sum, v) { return sum + v.length; }, 0) : toIndex(totalLength, 0);
    var out = new Buffer(total);
    var at = 0;
    for (var i = 0; i < views.length && at < total; i++) {
      var part = views[i].subarray(0, total - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  static isBuffer(value) {
    return value instanceof Buffer;
  }

  static isEncoding(encoding) {
    return typeof encoding === 'string' && typeof ENCODINGS[encoding.toLowerCase()] === 'string';
  }

  static asBytes(value) {
    var view = value instanceof U8 ? value : null;
    if (view === null) throw new TypeError('The argument must be a Buffer or Uint8Array.');
    return view;
  }

  toString(encoding, start, end) {
    var range = clampRange(this.length, start, end);
    return decodeBytes(this, encoding, range[0], range[1]);
  }

  toJSON() {
    return { type: 'Buffer', data: Array.from(this) };
  }

  equals(other) {
    return compareBytes(this, Buffer.asBytes(other)) === 0;
  }

  compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    var t = Buffer.asBytes(target);
    var tr = clampRange(t.length, targetStart, targetEnd);
    var sr = clampRange(this.length, sourceStart, sourceEnd);
    return compareBytes(this.subarray(sr[0], sr[1]), t.subarray(tr[0], tr[1]));
  }

  copy(target, targetStart, sourceStart, sourceEnd) {
    var t = Buffer.asBytes(target);
    var at = toIndex(targetStart, 0);
    var range = clampRange(this.length, sourceStart, sourceEnd);
    var part = this.subarray(range[0], Math.min(range[1], range[0] + Math.max(0, t.length - at)));
    t.set(part, at);
    return part.length;
  }

  fill(value, offset, end, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = undefined; end = undefined; }
    if (typeof end === 'string') { encoding = end; end = undefined; }
    var range = clampRange(this.length, offset, end);
    if (typeof value === 'number') return U8.prototype.fill.call(this, value & 0xff, range[0], range[1]);
    var pattern = typeof value === 'string' ? encodeString(value, encoding) : bytesView(value);
    if (pattern === null) pattern = new U8([Number(value) & 0xff]);
    if (pattern.length === 0) throw new TypeError('The argument "value" is invalid.');
    for (var i = range[0]; i < range[1]; i++) this[i] = pattern[(i - range[0]) % pattern.length];
    return this;
  }

  indexOf(value, byteOffset, encoding) {
    return this.search(value, byteOffset, encoding, false);
  }

  lastIndexOf(value, byteOffset, encoding) {
    return this.search(value, byteOffset, encoding, true);
  }

  includes(value, byteOffset, encoding) {
    return this.search(value, byteOffset, encoding, false) !== -1;
  }

  search(value, byteOffset, encoding, last) {
    if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
    var from = toIndex(byteOffset, last ? this.length : 0);
    if (from < 0) from = Math.max(0, this.length + from);
    var needle = typeof value === 'number' ? new U8([value & 0xff])
      : typeof value === 'string' ? encodeString(value, encoding) : Buffer.asBytes(value);
    return indexOfBytes(this, needle, from, last);
  }

  slice(start, end) {
    return this.subarray(start, end);
  }

  write(string, offset, length, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = undefined; length = undefined; }
    if (typeof length === 'string') { encoding = length; length = undefined; }
    var at = toIndex(offset, 0);
    var bytes = encodeString(String(string), encoding);
    var count = Math.min(bytes.length, this.length - at, length === undefined ? Infinity : toIndex(length, 0));
    if (count <= 0) return 0;
    this.set(bytes.subarray(0, count), at);
    return count;
  }

  readUInt8(offset) { return this[checkOffset(this, offset, 1)]; }
  readInt8(offset) { return dataView(this).getInt8(checkOffset(this, offset, 1)); }
  readUInt16LE(offset) { return dataView(this).getUint16(checkOffset(this, offset, 2), true); }
  readUInt16BE(offset) { return dataView(this).getUint16(checkOffset(this, offset, 2), false); }
  readInt16LE(offset) { return dataView(this).getInt16(checkOffset(this, offset, 2), true); }
  readInt16BE(offset) { return dataView(this).getInt16(checkOffset(this, offset, 2), false); }
  readUInt32LE(offset) { return dataView(this).getUint32(checkOffset(this, offset, 4), true); }
  readUInt32BE(offset) { return dataView(this).getUint32(checkOffset(this, offset, 4), false); }
  readInt32LE(offset) { return dataView(this).getInt32(checkOffset(this, offset, 4), true); }
  readInt32BE(offset) { return dataView(this).getInt32(checkOffset(this, offset, 4), false); }
  readFloatLE(offset) { return dataView(this).getFloat32(checkOffset(this, offset, 4), true); }
  readFloatBE(offset) { return dataView(this).getFloat32(checkOffset(this, offset, 4), false); }
  readDoubleLE(offset) { return dataView(this).getFloat64(checkOffset(this, offset, 8), true); }
  readDoubleBE(offset) { return dataView(this).getFloat64(checkOffset(this, offset, 8), false); }
  writeUInt8(value, offset) { var at = checkOffset(this, offset, 1); this[at] = value; return at + 1; }
  writeInt8(value, offset) { var at = checkOffset(this, offset, 1); dataView(this).setInt8(at, value); return at + 1; }
  writeUInt16LE(value, offset) { var at = checkOffset(this, offset, 2); dataView(this).setUint16(at, value, true); return at + 2; }
  writeUInt16BE(value, offset) { var at = checkOffset(this, offset, 2); dataView(this).setUint16(at, value, false); return at + 2; }
  writeInt16LE(value, offset) { var at = checkOffset(this, offset, 2); dataView(this).setInt16(at, value, true); return at + 2; }
  writeInt16BE(value, offset) { var at = checkOffset(this, offset, 2); dataView(this).setInt16(at, value, false); return at + 2; }
  writeUInt32LE(value, offset) { var at = checkOffset(this, offset, 4); dataView(this).setUint32(at, value, true); return at + 4; }
  writeUInt32BE(value, offset) { var at = checkOffset(this, offset, 4); dataView(this).setUint32(at, value, false); return at + 4; }
  writeInt32LE(value, offset) { var at = checkOffset(this, offset, 4); dataView(this).setInt32(at, value, true); return at + 4; }
  writeInt32BE(value, offset) { var at = checkOffset(this, offset, 4); dataView(this).setInt32(at, value, false); return at + 4; }
  writeFloatLE(value, offset) { var at = checkOffset(this, offset, 4); dataView(this).setFloat32(at, value, true); return at + 4; }
  writeFloatBE(value, offset) { var at = checkOffset(this, offset, 4); dataView(this).setFloat32(at, value, false); return at + 4; }
  writeDoubleLE(value, offset) { var at = checkOffset(this, offset, 8); dataView(this).setFloat64(at, value, true); return at + 8; }
  writeDoubleBE(value, offset) { var at = checkOffset(this, offset, 8); dataView(this).setFloat64(at, value, false); return at + 8; }
  readUIntBE(offset, byteLength) { return readUnsigned(this, offset, byteLength, false); }
  readUIntLE(offset, byteLength) { return readUnsigned(this, offset, byteLength, true); }
  readIntBE(offset, byteLength) { return readSigned(this, offset, byteLength, false); }
  readIntLE(offset, byteLength) { return readSigned(this, offset, byteLength, true); }
  writeUIntBE(value, offset, byteLength) { return writeInteger(this, value, offset, byteLength, false, false); }
  writeUIntLE(value, offset, byteLength) { return writeInteger(this, value, offset, byteLength, true, false); }
  writeIntBE(value, offset, byteLength) { return writeInteger(this, value, offset, byteLength, false, true); }
  writeIntLE(value, offset, byteLength) { return writeInteger(this, value, offset, byteLength, true, true); }
  swap16() { return swapBytes(this, 2); }
  swap32() { return swapBytes(this, 4); }
  swap64() { return swapBytes(this, 8); }
}
// Node's lower-case aliases.
['UInt8', 'UInt16LE', 'UInt16BE', 'UInt32LE', 'UInt32BE', 'UIntLE', 'UIntBE'].forEach(function (name) {
  var alias = name.replace('UInt', 'Uint');
  Object.defineProperty(Buffer.prototype, 'read' + alias, { value: Buffer.prototype['read' + name], writable: true, configurable: true });
  Object.defineProperty(Buffer.prototype, 'write' + alias, { value: Buffer.prototype['write' + name], writable: true, configurable: true });
});

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input) {
    return utf8Encode(input === undefined ? '' : String(input));
  }
  encodeInto(input, destination) {
    var bytes = utf8Encode(String(input));
    var written = 0;
    var read = 0;
    var str = String(input);
    // Only whole characters are written, as the Encoding standard requires.
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      var pair = c >= 0xd800 && c <= 0xdbff && i + 1 < str.length && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      var size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
      if (written + size > destination.length) break;
      for (var k = 0; k < size; k++) destination[written + k] = bytes[written + k];
      written += size;
      read += pair ? 2 : 1;
      if (pair) i++;
    }
    return { read: read, written: written };
  }
}

class TextDecoder {
  constructor(label, options) {
    var name = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
    if (name !== 'utf-8' && name !== 'utf8' && name !== 'unicode-1-1-utf-8') {
      throw new RangeError('The "' + String(label) + '" encoding is not supported');
    }
    this.fatalMode = Boolean(options && options.fatal);
    this.ignoreBOMMode = Boolean(options && options.ignoreBOM);
    Object.defineProperty(this, 'fatalMode', { enumerable: false });
    Object.defineProperty(this, 'ignoreBOMMode', { enumerable: false });
  }
  get encoding() { return 'utf-8'; }
  get fatal() { return this.fatalMode; }
  get ignoreBOM() { return this.ignoreBOMMode; }
  decode(input) {
    if (input === undefined) return '';
    var bytes = bytesView(input);
    if (bytes === null) throw new TypeError('The "input" argument must be an ArrayBuffer or ArrayBufferView.');
    var start = !this.ignoreBOMMode && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    var text = utf8Decode(bytes, start, bytes.length, this.fatalMode);
    if (text === null) throw new TypeError('The encoded data was not valid for encoding utf-8');
    return text;
  }
}

function invalidCharacter(message) {
  var error = new Error(message);
  error.name = 'InvalidCharacterError';
  return error;
}

function btoa(data) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  var str = String(data);
  for (var i = 0; i < str.length; i++) {
    if (str.charCodeAt(i) > 0xff) throw invalidCharacter('Invalid character');
  }
  return base64Encode(latin1Encode(str), 0, str.length, false);
}

function atob(data) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  var str = String(data).replace(/[\t\n\f\r ]/g, '');
  if (str.length % 4 === 0) str = str.replace(/==?$/, '');
  if (str.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(str)) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  var bytes = base64Decode(str);
  return latin1Decode(bytes, 0, bytes.length, 0xff);
}
`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/cbor.ts
// A small CBOR (RFC 8949) decoder and encoder for the sandbox (see codecs.ts for why it is a
// string), enough for CBOR Web Tokens: integers, byte and text strings, arrays, maps, tags,
// false, true, null, undefined and floats.
//
// The decoder reads tokens that come from viewers, so it is bounded: no indefinite lengths, no
// integers past 2^53, no nesting deeper than CBOR_MAX_DEPTH, no count larger than the bytes left
// could hold (so a forged length cannot make it allocate). Map keys must be integers or text and
// come out as strings, as JavaScript object keys are; a key given twice is refused. Tags inside
// a value are dropped (the value is kept): the caller reads the tags that matter itself
// (cborTagAhead). The encoder writes into a fixed capacity and stops as soon as it is passed.
const CBOR = String.raw `
var CBOR_MAX_DEPTH = 16;
var CBOR_MAX_SAFE_INTEGER = 9007199254740991;
// The additional information that announces an argument of 1, 2, 4 or 8 bytes.
var CBOR_INFO_OF_SIZE = { 1: 24, 2: 25, 4: 26, 8: 27 };

function cborInvalid(message) {
  return new Error('invalid CBOR: ' + message);
}

// A plain Uint8Array view: a Buffer's slice() would share memory where a copy is meant.
function cborReader(bytes) {
  return { bytes: new U8(bytes.buffer, bytes.byteOffset, bytes.length), at: 0 };
}

function cborTake(reader, length) {
  if (length > reader.bytes.length - reader.at) throw cborInvalid('the data ends too early');
  var part = reader.bytes.subarray(reader.at, reader.at + length);
  reader.at += length;
  return part;
}

function cborByte(reader) {
  return cborTake(reader, 1)[0];
}

// The argument of an initial byte: the value itself, or the length or count that follows.
function cborArgument(reader, info) {
  if (info < 24) return info;
  if (info === 31) throw cborInvalid('indefinite lengths are not supported');
  if (info > 27) throw cborInvalid('reserved additional information ' + info);
  var bytes = cborTake(reader, 1 << (info - 24));
  var value = 0;
  for (var i = 0; i < bytes.length; i++) value = value * 256 + bytes[i];
  if (value > CBOR_MAX_SAFE_INTEGER) throw cborInvalid('integers above 2^53 - 1 are not supported');
  return value;
}

function cborFloat(bytes) {
  var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (bytes.length === 4) return view.getFloat32(0);
  if (bytes.length === 8) return view.getFloat64(0);
  var half = view.getUint16(0);
  var exponent = (half >> 10) & 31;
  var fraction = half & 1023;
  var magnitude = exponent === 0 ? fraction * Math.pow(2, -24)
    : exponent === 31 ? (fraction === 0 ? Infinity : NaN)
    : (fraction + 1024) * Math.pow(2, exponent - 25);
  return half & 0x8000 ? -magnitude : magnitude;
}

function cborSimple(reader, info) {
  switch (info) {
    case 20: return false;
    case 21: return true;
    case 22: return null;
    case 23: return undefined;
    case 25: return cborFloat(cborTake(reader, 2));
    case 26: return cborFloat(cborTake(reader, 4));
    case 27: return cborFloat(cborTake(reader, 8));
    case 31: throw cborInvalid('indefinite lengths are not supported');
    default: throw cborInvalid('unsupported simple value (additional information ' + info + ')');
  }
}

function cborMapKey(reader, depth) {
  var major = reader.at < reader.bytes.length ? reader.bytes[reader.at] >> 5 : -1;
  if (major !== 0 && major !== 1 && major !== 3) {
    if (major < 0) throw cborInvalid('the data ends too early');
    throw cborInvalid('map keys must be integers or text strings');
  }
  return String(cborItem(reader, depth));
}

function cborItem(reader, depth) {
  if (depth > CBOR_MAX_DEPTH) throw cborInvalid('nested deeper than ' + CBOR_MAX_DEPTH + ' levels');
  var initial = cborByte(reader);
  var major = initial >> 5;
  var info = initial & 31;
  if (major === 7) return cborSimple(reader, info);
  var argument = cborArgument(reader, info);
  var left = reader.bytes.length - reader.at;
  switch (major) {
    case 0: return argument;
    case 1: return -1 - argument;
    case 2: return Buffer.fromBytes(cborTake(reader, argument).slice());
    case 3: {
      var text = utf8Decode(cborTake(reader, argument), 0, argument, true);
      if (text === null) throw cborInvalid('a text string is not valid UTF-8');
      return text;
    }
    case 4: {
      // Each item takes at least one byte.
      if (argument > left) throw cborInvalid('the data ends too early');
      var items = [];
      for (var i = 0; i < argument; i++) items.push(cborItem(reader, depth + 1));
      return items;
    }
    case 5: {
      if (argument * 2 > left) throw cborInvalid('the data ends too early');
      var map = {};
      for (var j = 0; j < argument; j++) {
        var key = cborMapKey(reader, depth + 1);
        if (Object.prototype.hasOwnProperty.call(map, key)) throw cborInvalid('the map key ' + key + ' appears twice');
        // defineProperty, so that a "__proto__" key stays a plain entry.
        Object.defineProperty(map, key, { value: cborItem(reader, depth + 1), writable: true, enumerable: true, configurable: true });
      }
      return map;
    }
    default:
      return cborItem(reader, depth + 1);
  }
}

// Reads a tag when one comes next and returns its number; null (nothing read) otherwise.
function cborTagAhead(reader) {
  if (reader.at >= reader.bytes.length || reader.bytes[reader.at] >> 5 !== 6) return null;
  return cborArgument(reader, cborByte(reader) & 31);
}

// One whole data item: bytes after it are an error.
function cborDecode(bytes) {
  var reader = cborReader(bytes);
  var value = cborItem(reader, 1);
  if (reader.at !== bytes.length) throw cborInvalid('unexpected bytes after the data item');
  return value;
}

function cborWriter(capacity) {
  return { bytes: new U8(capacity), at: 0 };
}

function cborRoom(writer, length) {
  if (length > writer.bytes.length - writer.at) {
    throw new Error('the encoded data would be larger than ' + writer.bytes.length + ' bytes');
  }
}

// Always the shortest form (RFC 8949's preferred serialization).
function cborWriteHead(writer, major, value) {
  var size = value < 24 ? 0 : value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x100000000 ? 4 : 8;
  cborRoom(writer, 1 + size);
  writer.bytes[writer.at++] = (major << 5) | (size === 0 ? value : CBOR_INFO_OF_SIZE[size]);
  for (var i = size - 1; i >= 0; i--) {
    writer.bytes[writer.at++] = Math.floor(value / Math.pow(256, i)) % 256;
  }
}

function cborWriteBytes(writer, major, bytes) {
  cborWriteHead(writer, major, bytes.length);
  cborRoom(writer, bytes.length);
  writer.bytes.set(bytes, writer.at);
  writer.at += bytes.length;
}

function cborWriteText(writer, text) {
  // A UTF-16 unit takes at least one byte: fail before encoding a string that cannot fit.
  cborRoom(writer, text.length);
  cborWriteBytes(writer, 3, utf8Encode(text));
}

function cborWriteNumber(writer, value) {
  if (Number.isInteger(value) && Math.abs(value) <= CBOR_MAX_SAFE_INTEGER) {
    if (value >= 0) cborWriteHead(writer, 0, value);
    else cborWriteHead(writer, 1, -1 - value);
    return;
  }
  cborRoom(writer, 9);
  writer.bytes[writer.at++] = 0xfb;
  new DataView(writer.bytes.buffer).setFloat64(writer.at, value);
  writer.at += 8;
}

// Object keys that are integers in decimal ("4", "-1") become CBOR integers, as claim and
// header labels are; any other key is text.
function cborWriteKey(writer, key) {
  if (/^(0|-?[1-9][0-9]*)$/.test(key) && Math.abs(Number(key)) <= CBOR_MAX_SAFE_INTEGER) cborWriteNumber(writer, Number(key));
  else cborWriteText(writer, key);
}

function cborWriteSimple(writer, value) {
  cborRoom(writer, 1);
  writer.bytes[writer.at++] = 0xe0 | value;
}

function cborIsMap(value) {
  if (value === null || typeof value !== 'object') return false;
  var proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function cborWriteValue(writer, value, depth) {
  if (depth > CBOR_MAX_DEPTH) throw new Error('the value is nested deeper than ' + CBOR_MAX_DEPTH + ' levels');
  if (value === false) return cborWriteSimple(writer, 20);
  if (value === true) return cborWriteSimple(writer, 21);
  if (value === null) return cborWriteSimple(writer, 22);
  if (value === undefined) return cborWriteSimple(writer, 23);
  if (typeof value === 'number') return cborWriteNumber(writer, value);
  if (typeof value === 'string') return cborWriteText(writer, value);
  var bytes = bytesView(value);
  if (bytes !== null) return cborWriteBytes(writer, 2, bytes);
  if (Array.isArray(value)) {
    cborWriteHead(writer, 4, value.length);
    for (var i = 0; i < value.length; i++) cborWriteValue(writer, value[i], depth + 1);
    return;
  }
  if (cborIsMap(value)) {
    var keys = Object.keys(value);
    cborWriteHead(writer, 5, keys.length);
    for (var k = 0; k < keys.length; k++) {
      cborWriteKey(writer, keys[k]);
      cborWriteValue(writer, value[keys[k]], depth + 1);
    }
    return;
  }
  throw new TypeError('cannot encode ' + (typeof value === 'object' ? 'this object' : 'a ' + typeof value) + ' in CBOR');
}

function cborWritten(writer) {
  return writer.bytes.slice(0, writer.at);
}

// The encoding of a value, or an error when it would pass capacity bytes.
function cborEncode(value, capacity) {
  var writer = cborWriter(capacity);
  cborWriteValue(writer, value, 1);
  return cborWritten(writer);
}
`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/cloudfront.ts
// The `cloudfront` module of runtime 2.0 for the sandbox (see codecs.ts for why it is a
// string): key value store handles, the origin modification helpers, `edgeLocation` and `cwt`
// (cwt.ts).
//
// Store contents stay in the host; `host.kvs*` return primitives only. The origin helpers
// check their arguments as the guide describes them and record nothing: TestFunction does not
// report origin changes (the guide says so), and neither does this runtime.
const CLOUDFRONT = String.raw `
function makeKvsHandle(storeId) {
  function read(key) {
    return host.kvsGet(storeId, String(key));
  }
  return Object.freeze({
    get: async function get(key, options) {
      var value = read(key);
      if (value === null) throw new Error('KeyNotFound: the key "' + String(key) + '" does not exist in the key value store');
      var format = options === undefined || options === null || options.format === undefined ? 'string' : String(options.format);
      if (format === 'string') return value;
      if (format === 'json') return JSON.parse(value);
      if (format === 'bytes') return Buffer.fromBytes(utf8Encode(value));
      throw new TypeError('Unknown format "' + format + '": use "string", "json" or "bytes"');
    },
    exists: async function exists(key) {
      return read(key) !== null;
    },
    meta: async function meta() {
      return JSON.parse(host.kvsMeta(storeId));
    }
  });
}

function kvs(id) {
  var storeId = host.kvsResolve(id === undefined || id === null ? null : String(id));
  if (storeId === null) {
    throw new Error(id === undefined || id === null
      ? 'KVSNamespaceNotFound: no key value store is associated with this function'
      : 'KVSNamespaceNotFound: the key value store "' + String(id) + '" is not associated with this function');
  }
  return makeKvsHandle(storeId);
}

function isViewerRequest() {
  return kind === 'function' && eventType === 'viewer-request';
}

// The origin helpers work in viewer request functions only (the guide says so).
function requireViewerRequest(helper) {
  if (!isViewerRequest()) throw new Error(helper + '() can only be used in viewer request functions');
}

// Offline there is no edge: viewer request functions see the guide's example values, the
// others an empty object (the guide: "empty" for viewer response).
var EXAMPLE_EDGE_LOCATION = { name: 'SEA', serverIp: '1.2.3.4', region: 'us-west-2' };
function edgeLocation() {
  return Object.freeze(isViewerRequest() ? Object.assign({}, EXAMPLE_EDGE_LOCATION) : {});
}

function invalidArgument(helper, message) {
  return new TypeError(helper + '(): ' + message);
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkInteger(helper, name, value, min, max) {
  if (typeof value !== 'number' || value !== Math.floor(value) || value < min || value > max) {
    throw invalidArgument(helper, name + ' must be an integer from ' + min + ' to ' + max + ', got ' + JSON.stringify(value));
  }
}

function checkOneOf(helper, name, value, allowed) {
  if (allowed.indexOf(value) < 0) {
    throw invalidArgument(helper, name + ' must be one of ' + allowed.map(function (v) { return JSON.stringify(v); }).join(', ') + ', got ' + JSON.stringify(value));
  }
}

function checkObject(helper, name, value) {
  if (!isPlainObject(value)) throw invalidArgument(helper, name + ' must be an object');
}

function checkString(helper, name, value) {
  if (typeof value !== 'string' || value.length === 0) throw invalidArgument(helper, name + ' must be a non-empty string');
}

function checkOriginUpdate(params) {
  var helper = 'updateRequestOrigin';
  checkObject(helper, 'the argument', params);
  if (params.domainName !== undefined) checkString(helper, 'domainName', params.domainName);
  if (params.originPath !== undefined) {
    var path = params.originPath;
    if (typeof path !== 'string' || path.charAt(0) !== '/' || (path.length > 1 && path.charAt(path.length - 1) === '/') || path.length > 255) {
      throw invalidArgument(helper, 'originPath must start with "/", must not end with "/" and must be at most 255 characters');
    }
  }
  if (params.customHeaders !== undefined) {
    checkObject(helper, 'customHeaders', params.customHeaders);
    Object.keys(params.customHeaders).forEach(function (name) {
      if (name !== name.toLowerCase()) throw invalidArgument(helper, 'customHeaders names must be lowercase, got "' + name + '"');
      if (typeof params.customHeaders[name] !== 'string') throw invalidArgument(helper, 'customHeaders values must be strings ("' + name + '")');
    });
  }
  if (params.connectionAttempts !== undefined) checkInteger(helper, 'connectionAttempts', params.connectionAttempts, 1, 3);
  if (params.originShield !== undefined) {
    var shield = params.originShield;
    checkObject(helper, 'originShield', shield);
    if (typeof shield.enabled !== 'boolean') throw invalidArgument(helper, 'originShield.enabled must be true or false');
    if (shield.enabled) checkString(helper, 'originShield.region (required when enabled)', shield.region);
  }
  if (params.originAccessControlConfig !== undefined) {
    var oac = params.originAccessControlConfig;
    checkObject(helper, 'originAccessControlConfig', oac);
    if (typeof oac.enabled !== 'boolean') throw invalidArgument(helper, 'originAccessControlConfig.enabled must be true or false');
    if (oac.enabled) {
      checkOneOf(helper, 'originAccessControlConfig.signingBehavior', oac.signingBehavior, ['always', 'never', 'no-override']);
      checkOneOf(helper, 'originAccessControlConfig.signingProtocol', oac.signingProtocol, ['sigv4']);
      checkOneOf(helper, 'originAccessControlConfig.originType', oac.originType, ['s3', 'mediapackagev2', 'mediastore', 'lambda']);
    }
  }
  if (params.timeouts !== undefined) {
    var timeouts = params.timeouts;
    checkObject(helper, 'timeouts', timeouts);
    if (timeouts.readTimeout !== undefined) checkInteger(helper, 'timeouts.readTimeout', timeouts.readTimeout, 1, 60);
    if (timeouts.keepAliveTimeout !== undefined) checkInteger(helper, 'timeouts.keepAliveTimeout', timeouts.keepAliveTimeout, 1, 60);
    if (timeouts.connectionTimeout !== undefined) checkInteger(helper, 'timeouts.connectionTimeout', timeouts.connectionTimeout, 1, 10);
  }
  if (params.customOriginConfig !== undefined) {
    var custom = params.customOriginConfig;
    checkObject(helper, 'customOriginConfig', custom);
    var port = typeof custom.port === 'string' && /^[0-9]+$/.test(custom.port) ? Number(custom.port) : custom.port;
    checkInteger(helper, 'customOriginConfig.port', port, 1, 65535);
    checkOneOf(helper, 'customOriginConfig.protocol', custom.protocol, ['http', 'https']);
    if (!Array.isArray(custom.sslProtocols) || custom.sslProtocols.length === 0) {
      throw invalidArgument(helper, 'customOriginConfig.sslProtocols must be a non-empty array');
    }
    custom.sslProtocols.forEach(function (protocol) {
      checkOneOf(helper, 'customOriginConfig.sslProtocols[]', protocol, ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2']);
    });
  }
}

// Origin ids may be given as strings or as { originId } objects; public functions use both.
function originIdOf(helper, entry) {
  var id = isPlainObject(entry) ? entry.originId : entry;
  checkString(helper, 'originIds entries (strings or { originId })', id);
  return id;
}

function checkOriginGroup(params) {
  var helper = 'createRequestOriginGroup';
  checkObject(helper, 'the argument', params);
  if (!Array.isArray(params.originIds) || params.originIds.length !== 2) {
    throw invalidArgument(helper, 'originIds must list exactly two origins: the primary, then the failover');
  }
  params.originIds.forEach(function (entry) { originIdOf(helper, entry); });
  checkObject(helper, 'failoverCriteria', params.failoverCriteria);
  var codes = params.failoverCriteria.statusCodes;
  if (!Array.isArray(codes) || codes.length === 0) {
    throw invalidArgument(helper, 'failoverCriteria.statusCodes must be a non-empty array');
  }
  codes.forEach(function (code) {
    checkOneOf(helper, 'failoverCriteria.statusCodes[]', code, [400, 403, 404, 416, 500, 502, 503, 504]);
  });
  if (params.selectionCriteria !== undefined) {
    checkOneOf(helper, 'selectionCriteria', params.selectionCriteria, ['default', 'media-quality-based']);
  }
}

var cloudfrontModule = Object.freeze({
  kvs: kvs,
  edgeLocation: edgeLocation(),
  cwt: cwtModule,
  updateRequestOrigin: function updateRequestOrigin(params) {
    requireViewerRequest('updateRequestOrigin');
    checkOriginUpdate(params);
  },
  selectRequestOriginById: function selectRequestOriginById(originId) {
    requireViewerRequest('selectRequestOriginById');
    checkString('selectRequestOriginById', 'the origin id', originId);
  },
  createRequestOriginGroup: function createRequestOriginGroup(params) {
    requireViewerRequest('createRequestOriginGroup');
    checkOriginGroup(params);
  }
});
`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/codecs.ts
// Byte codecs used by the modules inside the sandbox: UTF-8, base64 (and base64url), hex,
// latin1 and UTF-16LE. The text below runs inside the function's vm context, so every array it
// makes belongs to that context and never to the host.
//
// It is plain JavaScript kept in a string (not a TypeScript function serialised with
// toString()), because coverage instrumentation and tsx rewrite function bodies.
// Conventions inside the sandbox: `U8` is the context's Uint8Array, bytes travel as Uint8Array.
const CODECS = String.raw `
var U8 = Uint8Array;
var fromCharCode = String.fromCharCode;

// Joins code units without a call per character and without apply() on huge arrays.
function unitsToString(units, length) {
  var out = '';
  for (var i = 0; i < length; i += 4096) {
    out += fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 4096)));
  }
  return out;
}

function utf8Encode(str) {
  var out = new U8(str.length * 3);
  var n = 0;
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      var cp = 0x10000 + ((c - 0xd800) << 10) + (str.charCodeAt(++i) - 0xdc00);
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 63);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.slice(0, n);
}

// WHATWG UTF-8 decoding: each maximal invalid subpart becomes U+FFFD, or null when fatal.
function utf8Decode(bytes, start, end, fatal) {
  var units = new Uint16Array(Math.max(0, end - start) * 2);
  var n = 0;
  var i = start;
  while (i < end) {
    var c = bytes[i];
    if (c < 0x80) {
      units[n++] = c;
      i++;
      continue;
    }
    var need = 0;
    var cp = 0;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; }
    else {
      if (fatal) return null;
      units[n++] = 0xfffd;
      i++;
      continue;
    }
    var lower = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    var upper = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    var j = 1;
    for (; j <= need; j++) {
      if (i + j >= end) break;
      var cc = bytes[i + j];
      if (cc < lower || cc > upper) break;
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (j <= need) {
      if (fatal) return null;
      units[n++] = 0xfffd;
      i += j;
      continue;
    }
    i += need + 1;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units[n++] = 0xd800 + (cp >> 10);
      units[n++] = 0xdc00 + (cp & 0x3ff);
    } else {
      units[n++] = cp;
    }
  }
  return unitsToString(units, n);
}

var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
var B64_VALUES = (function () {
  var table = new Int8Array(128).fill(-1);
  for (var i = 0; i < 64; i++) {
    table[B64.charCodeAt(i)] = i;
    table[B64URL.charCodeAt(i)] = i;
  }
  return table;
})();

function base64Encode(bytes, start, end, url) {
  var alphabet = url ? B64URL : B64;
  var out = '';
  var i = start;
  for (; i + 2 < end; i += 3) {
    var v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[v >> 18] + alphabet[(v >> 12) & 63] + alphabet[(v >> 6) & 63] + alphabet[v & 63];
  }
  if (end - i === 1) {
    var one = bytes[i] << 16;
    out += alphabet[one >> 18] + alphabet[(one >> 12) & 63] + (url ? '' : '==');
  } else if (end - i === 2) {
    var two = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += alphabet[two >> 18] + alphabet[(two >> 12) & 63] + alphabet[(two >> 6) & 63] + (url ? '' : '=');
  }
  return out;
}

// Lenient like Node's Buffer: both alphabets, characters outside them skipped, stops at '='.
function base64Decode(str) {
  var out = new U8(Math.ceil(str.length * 3 / 4));
  var n = 0;
  var acc = 0;
  var bits = 0;
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c === 61) break;
    var v = c < 128 ? B64_VALUES[c] : -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.slice(0, n);
}

var HEX = '0123456789abcdef';

function hexEncode(bytes, start, end) {
  var out = '';
  for (var i = start; i < end; i++) out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return out;
}

// Like Node: decoding stops at the first pair that is not hexadecimal.
function hexDecode(str) {
  var out = new U8(str.length >> 1);
  var n = 0;
  for (var i = 0; i + 1 < str.length; i += 2) {
    var hi = parseInt(str[i], 16);
    var lo = parseInt(str[i + 1], 16);
    if (hi !== hi || lo !== lo) break;
    out[n++] = (hi << 4) | lo;
  }
  return out.slice(0, n);
}

function latin1Encode(str) {
  var out = new U8(str.length);
  for (var i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
  return out;
}

function latin1Decode(bytes, start, end, mask) {
  var units = new Uint16Array(Math.max(0, end - start));
  for (var i = start; i < end; i++) units[i - start] = bytes[i] & mask;
  return unitsToString(units, units.length);
}

function utf16Encode(str) {
  var out = new U8(str.length * 2);
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

function utf16Decode(bytes, start, end) {
  var count = (end - start) >> 1;
  var units = new Uint16Array(count);
  for (var i = 0; i < count; i++) units[i] = bytes[start + 2 * i] | (bytes[start + 2 * i + 1] << 8);
  return unitsToString(units, count);
}

// The encodings the Buffer module accepts, by every name Node accepts for them.
var ENCODINGS = {
  utf8: 'utf8', 'utf-8': 'utf8', hex: 'hex', base64: 'base64', base64url: 'base64url',
  latin1: 'latin1', binary: 'latin1', ascii: 'ascii',
  ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le'
};

function encodingName(encoding) {
  if (encoding === undefined || encoding === null) return 'utf8';
  var name = ENCODINGS[String(encoding).toLowerCase()];
  if (typeof name !== 'string') throw new TypeError('Unknown encoding: ' + String(encoding));
  return name;
}

function encodeString(str, encoding) {
  switch (encodingName(encoding)) {
    case 'hex': return hexDecode(str);
    case 'base64':
    case 'base64url': return base64Decode(str);
    case 'latin1':
    case 'ascii': return latin1Encode(str);
    case 'utf16le': return utf16Encode(str);
    default: return utf8Encode(str);
  }
}

function decodeBytes(bytes, encoding, start, end) {
  switch (encodingName(encoding)) {
    case 'hex': return hexEncode(bytes, start, end);
    case 'base64': return base64Encode(bytes, start, end, false);
    case 'base64url': return base64Encode(bytes, start, end, true);
    case 'latin1': return latin1Decode(bytes, start, end, 0xff);
    case 'ascii': return latin1Decode(bytes, start, end, 0x7f);
    case 'utf16le': return utf16Decode(bytes, start, end);
    default: return utf8Decode(bytes, start, end, false);
  }
}

// A view of the bytes of any binary value (Buffer, typed array, DataView, ArrayBuffer).
function bytesView(value) {
  if (value instanceof U8) return value;
  if (value instanceof ArrayBuffer) return new U8(value);
  if (ArrayBuffer.isView(value)) return new U8(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

// "Binary strings" (one character per byte) are how bytes cross to the host: a primitive.
function bytesToBinary(bytes) {
  return latin1Decode(bytes, 0, bytes.length, 0xff);
}
`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/crypto.ts
// The `crypto` module (hashes and HMAC) and runtime 1.0's byte strings, for the sandbox (see
// codecs.ts for why it is a string).
//
// Hashing itself happens in the host (`host.hash`), which only ever sees and returns primitive
// strings: bytes cross as binary strings, one character per byte.
//
// Runtime 1.0 has no Buffer: digest() without an encoding returns a "byte string", and the
// String.bytesFrom family converts between byte strings and text. The engine CloudFront uses
// marks byte strings internally; here a string made by one of those methods is remembered for
// the run, so that feeding it back to update() or createHmac() hashes its bytes, not their
// UTF-8 encoding (what chained HMACs, as in AWS signatures, rely on).
const CRYPTO = String.raw `
var byteStrings = new Set();

function markByteString(str) {
  if (/[\x80-\xff]/.test(str)) byteStrings.add(str);
  return str;
}

function isByteString(str) {
  return byteStrings.has(str);
}

var HASH_ALGORITHMS = { md5: 'md5', sha1: 'sha1', sha256: 'sha256' };
var DIGEST_ENCODINGS = { hex: 'hex', base64: 'base64', base64url: 'base64url' };

function hashAlgorithm(name) {
  var alg = HASH_ALGORITHMS[String(name)];
  if (typeof alg !== 'string') throw new TypeError('not supported algorithm: "' + String(name) + '"');
  return alg;
}

// What update() and createHmac() accept, as a binary string.
function binaryOf(data, encoding) {
  if (typeof data === 'string') {
    if (!v2) return isByteString(data) ? data : bytesToBinary(utf8Encode(data));
    return bytesToBinary(encodeString(data, encoding));
  }
  var view = v2 ? bytesView(data) : null;
  if (view === null) {
    throw new TypeError('data is not a string' + (v2 ? ', Buffer, TypedArray, DataView or ArrayBuffer' : ''));
  }
  return bytesToBinary(view);
}

function Hash(alg, key) {
  Object.defineProperty(this, 'state', { value: { alg: alg, key: key, data: '', done: false } });
}

Hash.prototype.update = function update(data, encoding) {
  if (this.state.done) throw new Error('Digest already called');
  this.state.data += binaryOf(data, encoding);
  return this;
};

Hash.prototype.digest = function digest(encoding) {
  var state = this.state;
  if (state.done) throw new Error('Digest already called');
  state.done = true;
  var result = host.hash(state.alg, state.key, state.data);
  if (typeof result !== 'string') throw new Error('Hashing failed');
  if (encoding === undefined) return v2 ? Buffer.fromBytes(latin1Encode(result)) : markByteString(result);
  var name = DIGEST_ENCODINGS[String(encoding)];
  if (typeof name !== 'string') throw new TypeError('Unknown digest encoding: "' + String(encoding) + '"');
  var bytes = latin1Encode(result);
  return name === 'hex' ? hexEncode(bytes, 0, bytes.length) : base64Encode(bytes, 0, bytes.length, name === 'base64url');
};

function Hmac(alg, key) {
  Hash.call(this, alg, key);
}
Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype.digest = Hash.prototype.digest;

Hash.prototype.copy = function copy() {
  if (this.state.done) throw new Error('Digest already called');
  var clone = new Hash(this.state.alg, null);
  clone.state.data = this.state.data;
  return clone;
};

var cryptoModule = {
  createHash: function createHash(algorithm) {
    return new Hash(hashAlgorithm(algorithm), null);
  },
  createHmac: function createHmac(algorithm, key) {
    return new Hmac(hashAlgorithm(algorithm), binaryOf(key));
  }
};

function defineStringMethod(target, name, fn) {
  Object.defineProperty(target, name, { value: fn, writable: true, configurable: true });
}

function sliceArgs(str, start, end) {
  var len = str.length;
  var s = start === undefined ? 0 : Math.trunc(Number(start)) || 0;
  var e = end === undefined ? len : Math.trunc(Number(end)) || 0;
  if (s < 0) s = Math.max(0, len + s);
  if (e < 0) e = Math.max(0, len + e);
  return str.slice(Math.min(s, len), Math.min(e, len));
}

function installByteStrings() {
  defineStringMethod(String, 'bytesFrom', function bytesFrom(value, encoding) {
    if (typeof value === 'string') {
      var name = DIGEST_ENCODINGS[String(encoding)];
      if (typeof name !== 'string') throw new TypeError('Unknown encoding: "' + String(encoding) + '"');
      var decoded = name === 'hex' ? hexDecode(value) : base64Decode(value);
      return markByteString(bytesToBinary(decoded));
    }
    if (value === null || typeof value !== 'object' || typeof value.length !== 'number') {
      throw new TypeError('value must be a string or an array of octets');
    }
    var octets = new U8(value.length);
    for (var i = 0; i < octets.length; i++) octets[i] = Number(value[i]) & 0xff;
    return markByteString(bytesToBinary(octets));
  });
  defineStringMethod(String.prototype, 'fromBytes', function fromBytes(start, end) {
    var str = sliceArgs(String(this), start, end);
    return /[^\x00-\xff]/.test(str) ? null : str;
  });
  defineStringMethod(String.prototype, 'fromUTF8', function fromUTF8(start, end) {
    var str = sliceArgs(String(this), start, end);
    if (/[^\x00-\xff]/.test(str)) return null;
    var bytes = latin1Encode(str);
    return utf8Decode(bytes, 0, bytes.length, true);
  });
  defineStringMethod(String.prototype, 'toBytes', function toBytes(start, end) {
    var str = sliceArgs(String(this), start, end);
    return /[^\x00-\xff]/.test(str) ? null : markByteString(str);
  });
  defineStringMethod(String.prototype, 'toUTF8', function toUTF8(start, end) {
    return markByteString(bytesToBinary(utf8Encode(sliceArgs(String(this), start, end))));
  });
}
`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/cwt.ts
// `cf.cwt` of the cloudfront module ("CWT support for CloudFront Functions"), for the sandbox
// (see codecs.ts for why it is a string): CBOR Web Tokens (RFC 8392) as COSE_Mac0 structures
// (RFC 8152) with HMAC-SHA256, at most 1 KB. It uses the CBOR reader and writer of cbor.ts.
//
// validateToken checks the structure and the MAC and nothing else (the guide: no claim
// validation). The page leaves some points open; the choices are in ../README.md ("CBOR Web
// Tokens"). The HMAC itself is computed by the host (host.hash), like crypto.createHmac.
const CWT = String.raw `
var CWT_MAX_TOKEN_BYTES = 1024;
var CWT_TAG = 61;
var COSE_MAC0_TAG = 17;
var COSE_ALG_LABEL = '1';
var COSE_DEFAULT_ALG = 5;
// The COSE algorithms that are HMAC with SHA-256 (RFC 8152, table 7), by the bytes of the MAC
// tag they keep: 5 is HMAC 256/256 ("HS256"), 4 is HMAC 256/64 (the guide's token example).
var COSE_HMAC_SHA256_TAG_BYTES = { 4: 8, 5: 32 };

// The error again with the method named first; a TypeError (a wrong argument) stays one.
function cwtError(method, error) {
  var message = method + '(): ' + (error !== null && typeof error === 'object' ? error.message : String(error));
  return error instanceof TypeError ? new TypeError(message) : new Error(message);
}

// The algorithm of a header value, written as a number or as the text of one (the guide's
// generateToken example writes { 1: "5" }); null when it is not an HMAC-SHA256 algorithm.
function coseAlgorithm(value) {
  var alg = typeof value === 'string' && /^[45]$/.test(value) ? Number(value) : value;
  return alg === 4 || alg === 5 ? alg : null;
}

function cwtKeyBinary(context) {
  if (context === null || typeof context !== 'object') throw new TypeError('the context must be an object with a key');
  var key = context.key;
  var bytes = typeof key === 'string' ? utf8Encode(key) : key instanceof U8 ? key : null;
  if (bytes === null) throw new TypeError('key must be a string or a Buffer');
  if (bytes.length === 0) throw new TypeError('key must not be empty');
  return bytesToBinary(bytes);
}

// HMAC-SHA256 over MAC_structure = ["MAC0", protected, external_aad, payload] (RFC 8152,
// section 6.3), with an empty external_aad, cut to the tag length of the algorithm. A binary
// string.
function coseMac0Tag(keyBinary, alg, protectedBytes, payloadBytes) {
  var writer = cborWriter(protectedBytes.length + payloadBytes.length + 32);
  cborWriteHead(writer, 4, 4);
  cborWriteText(writer, 'MAC0');
  cborWriteBytes(writer, 2, protectedBytes);
  cborWriteBytes(writer, 2, new U8(0));
  cborWriteBytes(writer, 2, payloadBytes);
  var mac = host.hash('sha256', keyBinary, bytesToBinary(cborWritten(writer)));
  if (typeof mac !== 'string') throw new Error('the HMAC could not be computed');
  return mac.slice(0, COSE_HMAC_SHA256_TAG_BYTES[alg]);
}

// Looks at every byte whatever the first difference, so the time taken tells nothing of it.
function cwtSameTag(expected, actual) {
  if (expected.length !== actual.length) return false;
  var difference = 0;
  for (var i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ actual.charCodeAt(i);
  return difference === 0;
}

// [protected, unprotected, payload, tag] of a token: 61(17([...])) or 17([...]).
function coseReadMac0(token) {
  var reader = cborReader(token);
  var tag = cborTagAhead(reader);
  if (tag === CWT_TAG) tag = cborTagAhead(reader);
  if (tag !== COSE_MAC0_TAG) throw new Error('the token must be a COSE_Mac0 structure (CBOR tag 17)');
  var parts = cborItem(reader, 1);
  if (reader.at !== token.length) throw cborInvalid('unexpected bytes after the data item');
  if (!Array.isArray(parts) || parts.length !== 4) {
    throw new Error('a COSE_Mac0 structure is an array of 4 items: protected, unprotected, payload, tag');
  }
  if (!(parts[0] instanceof U8)) throw new Error('the protected headers must be a byte string');
  if (!cborIsMap(parts[1])) throw new Error('the unprotected headers must be a map');
  if (!(parts[2] instanceof U8)) throw new Error('the payload must be a byte string');
  if (!(parts[3] instanceof U8)) throw new Error('the MAC tag must be a byte string');
  return { protectedBytes: parts[0], unprotectedHeaders: parts[1], payloadBytes: parts[2], tag: parts[3] };
}

function cwtDecodeMap(bytes, what) {
  // An empty protected header byte string stands for an empty map (RFC 8152, section 3).
  var map = bytes.length === 0 && what === 'protected headers' ? {} : cborDecode(bytes);
  if (!cborIsMap(map)) throw new Error('the ' + what + ' must be a CBOR map');
  return map;
}

function cwtValidate(token, handlerContext) {
  if (!(token instanceof Buffer)) throw new TypeError('the token must be a Buffer');
  var keyBinary = cwtKeyBinary(handlerContext);
  if (token.length > CWT_MAX_TOKEN_BYTES) {
    throw new Error('the token is ' + token.length + ' bytes, more than the ' + CWT_MAX_TOKEN_BYTES + ' allowed');
  }
  var mac0 = coseReadMac0(token);
  var protectedHeaders = cwtDecodeMap(mac0.protectedBytes, 'protected headers');
  if (!Object.prototype.hasOwnProperty.call(protectedHeaders, COSE_ALG_LABEL)) {
    throw new Error('the protected headers must name the algorithm (label 1)');
  }
  var alg = coseAlgorithm(protectedHeaders[COSE_ALG_LABEL]);
  if (alg === null) {
    throw new Error('unsupported algorithm ' + String(protectedHeaders[COSE_ALG_LABEL]) + ': only 5 (HMAC 256/256) and 4 (HMAC 256/64) are supported');
  }
  var expected = coseMac0Tag(keyBinary, alg, mac0.protectedBytes, mac0.payloadBytes);
  if (mac0.tag.length !== expected.length) {
    throw new Error('the MAC tag of algorithm ' + alg + ' is ' + expected.length + ' bytes, not ' + mac0.tag.length);
  }
  if (!cwtSameTag(expected, bytesToBinary(mac0.tag))) throw new Error('the MAC does not match: wrong key or altered token');
  // The claims are read only once the MAC has proved them.
  return {
    protectedHeaders: protectedHeaders,
    unprotectedHeaders: mac0.unprotectedHeaders,
    payload: cwtDecodeMap(mac0.payloadBytes, 'payload')
  };
}

function validateToken(token, handlerContext) {
  try {
    return cwtValidate(token, handlerContext);
  } catch (e) {
    throw cwtError('validateToken', e);
  }
}

// The guide's "Request" section reads generateToken(generatorContext, payload), its examples
// generateToken(payload, generatorContext): the context is the argument with a key or coseTag.
function cwtIsGeneratorContext(value) {
  return value !== null && typeof value === 'object' && ('key' in value || 'coseTag' in value);
}

// A field of the token object by its CWTObject name (protectedHeaders…) or by the name the
// guide's examples use (protected…); an empty map when neither is there.
function cwtField(cwtObject, name, alias) {
  var value = cwtObject[name] !== undefined ? cwtObject[name] : cwtObject[alias];
  if (value === undefined && name !== 'payload') return {};
  if (!cborIsMap(value)) throw new TypeError(name + ' must be an object');
  return value;
}

// The protected headers as written: the algorithm as an integer, 5 when none is given.
function cwtProtectedHeaders(given) {
  var headers = {};
  Object.keys(given).forEach(function (label) {
    Object.defineProperty(headers, label, { value: given[label], writable: true, enumerable: true, configurable: true });
  });
  var named = headers[COSE_ALG_LABEL];
  var alg = named === undefined ? COSE_DEFAULT_ALG : coseAlgorithm(named);
  if (alg === null) {
    throw new Error('unsupported algorithm ' + String(named) + ': use 5 (HMAC 256/256) or 4 (HMAC 256/64)');
  }
  headers[COSE_ALG_LABEL] = alg;
  return headers;
}

function cwtGenerate(first, second) {
  var swapped = !cwtIsGeneratorContext(second) && cwtIsGeneratorContext(first);
  var cwtObject = swapped ? second : first;
  var context = swapped ? first : second;
  if (!cwtIsGeneratorContext(context)) throw new TypeError('pass the token object and a context { coseTag: "MAC0", key }');
  var keyBinary = cwtKeyBinary(context);
  if (context.coseTag !== 'MAC0') throw new TypeError('coseTag must be "MAC0", the only structure supported');
  if (context.cwtTag !== undefined && typeof context.cwtTag !== 'boolean') throw new TypeError('cwtTag must be true or false');
  if (cwtObject === null || typeof cwtObject !== 'object') {
    throw new TypeError('the token must be an object { protectedHeaders, unprotectedHeaders, payload }');
  }
  var protectedHeaders = cwtProtectedHeaders(cwtField(cwtObject, 'protectedHeaders', 'protected'));
  var unprotectedHeaders = cwtField(cwtObject, 'unprotectedHeaders', 'unprotected');
  var claims = cwtField(cwtObject, 'payload', 'payload');
  var protectedBytes = cborEncode(protectedHeaders, CWT_MAX_TOKEN_BYTES);
  var payloadBytes = cborEncode(claims, CWT_MAX_TOKEN_BYTES);
  var tag = coseMac0Tag(keyBinary, protectedHeaders[COSE_ALG_LABEL], protectedBytes, payloadBytes);
  var writer = cborWriter(CWT_MAX_TOKEN_BYTES);
  if (context.cwtTag === true) cborWriteHead(writer, 6, CWT_TAG);
  cborWriteHead(writer, 6, COSE_MAC0_TAG);
  cborWriteHead(writer, 4, 4);
  cborWriteBytes(writer, 2, protectedBytes);
  cborWriteValue(writer, unprotectedHeaders, 1);
  cborWriteBytes(writer, 2, payloadBytes);
  cborWriteBytes(writer, 2, latin1Encode(tag));
  return Buffer.fromBytes(cborWritten(writer));
}

function generateToken(first, second) {
  try {
    return cwtGenerate(first, second);
  } catch (e) {
    throw cwtError('generateToken', e);
  }
}

var cwtModule = Object.freeze({
  validateToken: validateToken,
  generateToken: generateToken
});
`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/querystring.ts
// The `querystring` module for the sandbox (see codecs.ts for why it is a string). It follows
// Node's querystring, which the CloudFront guide documents the module after: parse, stringify,
// escape, unescape, and the decode/encode aliases.
const QUERYSTRING = String.raw `
function qsEscape(str) {
  return encodeURIComponent(typeof str === 'string' ? str : String(str));
}

// Like decodeURIComponent, but a malformed sequence is kept as it is instead of throwing.
function qsUnescape(str) {
  var text = String(str);
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return text.replace(/(%[0-9A-Fa-f]{2})+/g, function (run) {
      var bytes = new U8(run.length / 3);
      for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.substr(i * 3 + 1, 2), 16);
      return utf8Decode(bytes, 0, bytes.length, false);
    });
  }
}

function qsPrimitive(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
}

function qsAssign(target, key, value) {
  if (Object.prototype.hasOwnProperty.call(target, key)) {
    var existing = target[key];
    if (Array.isArray(existing)) existing.push(value);
    else target[key] = [existing, value];
  } else {
    Object.defineProperty(target, key, { value: value, writable: true, enumerable: true, configurable: true });
  }
}

function qsParse(input, sep, eq, options) {
  var result = {};
  if (typeof input !== 'string' || input.length === 0) return result;
  var separator = sep === undefined || sep === null || sep === '' ? '&' : String(sep);
  var equals = eq === undefined || eq === null || eq === '' ? '=' : String(eq);
  var maxKeys = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
  var decode = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : qsUnescape;
  var pairs = input.split(separator);
  if (maxKeys > 0 && pairs.length > maxKeys) pairs = pairs.slice(0, maxKeys);
  for (var i = 0; i < pairs.length; i++) {
    var pair = pairs[i];
    if (pair.length === 0) continue;
    var at = pair.indexOf(equals);
    var rawKey = at >= 0 ? pair.slice(0, at) : pair;
    var rawValue = at >= 0 ? pair.slice(at + equals.length) : '';
    var key = decodePart(rawKey, decode);
    var value = decodePart(rawValue, decode);
    qsAssign(result, key, value);
  }
  return result;
}

function decodePart(text, decode) {
  var spaced = text.replace(/\+/g, ' ');
  try {
    return decode(spaced);
  } catch (e) {
    return qsUnescape(spaced);
  }
}

function qsStringify(obj, sep, eq, options) {
  if (obj === null || typeof obj !== 'object') return '';
  var separator = sep === undefined || sep === null || sep === '' ? '&' : String(sep);
  var equals = eq === undefined || eq === null || eq === '' ? '=' : String(eq);
  var encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : qsEscape;
  var fields = [];
  var keys = Object.keys(obj);
  for (var i = 0; i < keys.length; i++) {
    var value = obj[keys[i]];
    var key = encode(qsPrimitive(keys[i])) + equals;
    if (Array.isArray(value)) {
      for (var j = 0; j < value.length; j++) fields.push(key + encode(qsPrimitive(value[j])));
    } else {
      fields.push(key + encode(qsPrimitive(value)));
    }
  }
  return fields.join(separator);
}

var querystringModule = {
  parse: qsParse,
  decode: qsParse,
  stringify: qsStringify,
  encode: qsStringify,
  escape: qsEscape,
  unescape: qsUnescape
};
`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/bootstrap.ts
// The script that prepares a fresh vm context for one run: it installs the globals and modules
// of the chosen runtime, then defines the hidden entry that calls the handler.
//
// How host values are kept out (the property the sandbox exists for): the bootstrap evaluates to
// a function made in the context, and the worker calls it once with `rawHost`, an object of
// host functions. Those stay in this closure; the function's code only ever sees objects made
// in the context. Host functions take and return primitives only, and every call to one goes
// through `guard`, which turns any host error (a stack overflow at the call boundary, say) into
// an error of the context, so no host object is ever thrown into the function's code either.







/** Hidden global the runner script calls with the entry point (see worker.ts). */
const RUN_ENTRY = '__cloudfrontRun';
/** Hidden global that the rewritten `import` declarations call (see source.ts). */
const IMPORT_ENTRY = '__cloudfrontImport';
const BOOTSTRAP = String.raw `(function (rawHost, runtime, kind, eventType, eventJson, now) {
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
    String.raw `
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
})`;

;// CONCATENATED MODULE: ./src/runtime/sandbox/child.ts
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

const CHILD_SOURCE = String.raw `'use strict';
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
`;

// EXTERNAL MODULE: ./src/runtime/stores.ts
var stores = __webpack_require__(8440);
;// CONCATENATED MODULE: ./src/runtime/pool.ts
// Child processes that run the functions, reused from run to run, and how a run is bounded.
//
// Memory: a child starts with a small V8 heap limit. A run that allocates past it ends the
// child (V8 aborts it), and the host reports the memory error and starts a new child when one
// is needed. CloudFront allows a function 2 MB; a child cannot be that small (Node itself needs
// a few MB), so the limit is Node's own needs plus a little room: the README gives the figure.
//
// Time: the child interrupts the code when a step (loading, then the handler) runs longer than
// the time limit; a watchdog in the host kills the child if it still has not answered.
//
// Each run gets fresh vm contexts, so nothing of one run is visible to the next; a child is
// retired after a number of runs all the same, to keep its heap from creeping up.




/** CloudFront's memory quota for a function, in MB ("Quotas on CloudFront Functions"). */
const MEMORY_LIMIT_MB = 2;
/** The V8 heap limit of a child: what Node needs for itself, plus the function's allowance. */
const CHILD_HEAP_MB = 12;
/** Runs wait for a free child beyond this many at once. */
const MAX_CHILDREN = 2;
const RUNS_PER_CHILD = 50;
/** How long a child may take to start and answer beyond the time limits of a run's steps. */
const STARTUP_ALLOWANCE_MS = 10_000;
const idle = [];
const waiting = [];
let running = 0;
let nextId = 1;
async function runInWorker(job) {
    // Large key value stores live in the child's heap too: such a run gets a child of its own.
    const heapMb = CHILD_HEAP_MB + Math.ceil((0,stores/* storeHeapBytes */.Vz)(job.stores) / (1024 * 1024));
    if (running >= MAX_CHILDREN)
        await new Promise(resolve => waiting.push(resolve));
    running++;
    const child = takeChild(heapMb);
    try {
        return await runOn(child, job);
    }
    finally {
        running--;
        release(child);
        waiting.shift()?.();
    }
}
function takeChild(heapMb) {
    const index = idle.findIndex(child => child.heapMb === heapMb);
    const child = index >= 0 ? idle.splice(index, 1)[0] : startChild(heapMb);
    setReferenced(child, true);
    return child;
}
function release(child) {
    const alive = child.process.exitCode === null && child.process.signalCode === null;
    if (alive && child.runs < RUNS_PER_CHILD && child.heapMb === CHILD_HEAP_MB) {
        setReferenced(child, false);
        idle.push(child);
    }
    else {
        child.process.kill('SIGKILL');
    }
}
function startChild(heapMb) {
    const process_ = (0,external_node_child_process_.spawn)(process.execPath, [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=1', '-e', CHILD_SOURCE], {
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        // Nothing of the job's environment (tokens, credentials, a TypeScript loader, jest's
        // flags) reaches the code under test: the child needs none of it.
        env: {}
    });
    const child = { process: process_, heapMb, runs: 0 };
    process_.on('exit', (code, signal) => {
        const index = idle.indexOf(child);
        if (index >= 0)
            idle.splice(index, 1);
        child.onExit?.(signal, code);
    });
    // An error (it could not start, say) is followed by 'exit', which settles the run.
    process_.on('error', () => undefined);
    process_.send({ bootstrap: BOOTSTRAP });
    return child;
}
function runOn(child, job) {
    child.runs++;
    const id = nextId++;
    return new Promise(resolve => {
        const finish = (report) => {
            clearTimeout(watchdog);
            child.process.off('message', onMessage);
            child.onExit = undefined;
            resolve(report);
        };
        const onMessage = (message) => {
            if (message.id === id)
                finish(message.report);
        };
        const watchdog = setTimeout(() => {
            finish({ status: 'timeout', logs: [], cpuMs: job.timeLimitMs });
            child.process.kill('SIGKILL');
        }, STARTUP_ALLOWANCE_MS + 4 * job.timeLimitMs);
        child.onExit = (signal, code) => {
            // V8 aborts a process whose heap is full; anything else is a failure of the runtime.
            finish(signal === 'SIGABRT' || code === 134
                ? { status: 'memory', logs: [], cpuMs: 0 }
                : {
                    status: 'crashed',
                    payload: `the child process ended (${signal ?? `exit code ${code}`})`,
                    logs: [],
                    cpuMs: 0
                });
        };
        child.process.on('message', onMessage);
        child.process.send({ id, job });
    });
}
/** An idle child must not keep the host process alive. */
function setReferenced(child, referenced) {
    const channel = child.process.channel;
    if (referenced) {
        child.process.ref();
        channel?.ref();
    }
    else {
        child.process.unref();
        channel?.unref();
    }
}

// EXTERNAL MODULE: ./node_modules/acorn-walk/dist/walk.mjs
var walk = __webpack_require__(3097);
// EXTERNAL MODULE: ./src/code/ast.ts
var ast = __webpack_require__(1565);
// EXTERNAL MODULE: ./src/code/check.ts
var check = __webpack_require__(8697);
;// CONCATENATED MODULE: ./src/runtime/source.ts
// Turns function code as deployed into a script the sandbox can run.
//
// CloudFront loads runtime 2.0 code with top-level `import x from 'crypto'` (and 'querystring',
// 'buffer', 'cloudfront'), which a vm script cannot contain: each import declaration becomes a
// `const` bound to the built-in module, on the same lines, so error positions stay right.
// `export`, `import()` and `import.meta` fail the load, as the service cannot load such code.




function prepareSource(code, runtime) {
    let program;
    try {
        program = (0,ast/* parseProgram */.E)(code);
    }
    catch (error) {
        return { error: `SyntaxError: ${error.message}` };
    }
    const refusal = findUnsupported(program, runtime) ?? findUnsupportedSyntax(code, runtime);
    if (refusal !== undefined)
        return { error: refusal };
    let script = '';
    let at = 0;
    for (const statement of program.body) {
        if (statement.type !== 'ImportDeclaration')
            continue;
        const original = code.slice(statement.start, statement.end);
        const lineBreaks = original.split('\n').length - 1;
        script += code.slice(at, statement.start) + importBindings(statement) + '\n'.repeat(lineBreaks);
        at = statement.end;
    }
    script += code.slice(at);
    // Both runtimes always run in strict mode; the directive shares line 1 to keep line numbers.
    return { script: `'use strict'; ${script}` };
}
function findUnsupported(program, runtime) {
    let refusal;
    const refuse = (node, message) => {
        if (refusal !== undefined)
            return;
        const line = node.loc?.start.line;
        refusal = `SyntaxError: ${message} (line ${line})`;
    };
    walk/* full */.a2(program, raw => {
        const node = raw;
        switch (node.type) {
            case 'ExportNamedDeclaration':
            case 'ExportDefaultDeclaration':
            case 'ExportAllDeclaration':
                refuse(node, '`export` is not supported: CloudFront Functions load the code as a script, not a module; remove `export`');
                break;
            case 'ImportDeclaration':
                if (runtime === 'cloudfront-js-1.0') {
                    refuse(node, '`import` is not supported by cloudfront-js-1.0: use `require()`, or runtime cloudfront-js-2.0');
                }
                break;
            case 'ImportExpression':
                refuse(node, '`import()` is not supported: import built-in modules at the top of the code');
                break;
            case 'MetaProperty':
                if (node.meta.name === 'import')
                    refuse(node, '`import.meta` is not supported');
                break;
        }
    });
    return refusal;
}
function importBindings(declaration) {
    const load = `${IMPORT_ENTRY}(${JSON.stringify(declaration.source.value)})`;
    const specifiers = declaration.specifiers;
    if (specifiers.length === 0)
        return `${load};`;
    const named = [];
    const statements = [];
    for (const specifier of specifiers) {
        const local = specifier.local.name;
        if (specifier.type === 'ImportSpecifier') {
            const imported = specifier.imported;
            const name = (imported.type === 'Identifier' ? imported.name : imported.value);
            named.push(`${JSON.stringify(name)}: ${local}`);
        }
        else {
            // Default and namespace imports both bind the module object.
            statements.push(`const ${local} = ${load};`);
        }
    }
    if (named.length > 0)
        statements.push(`const { ${named.join(', ')} } = ${load};`);
    return statements.join(' ');
}
/**
 * The language level of the runtime (`const` in 1.0, async closures in 2.0...): the code
 * check's rules, so that what the check refuses the runtime cannot load, as CloudFront would
 * not. Restricted globals (eval, timers) stay run-time errors, as they are in CloudFront.
 */
function findUnsupportedSyntax(code, runtime) {
    const finding = (0,check/* checkCode */.q7)(code, { runtime, kind: 'function' }).find(item => item.rule === 'unsupported-syntax');
    return finding && `SyntaxError: ${finding.message} (line ${finding.line})`;
}

;// CONCATENATED MODULE: ./src/runtime/index.ts
// The local CloudFront Functions runtime: runs function and connection function code the way
// CloudFront's TestFunction / TestConnectionFunction do, with the modules, globals and limits
// of the chosen runtime. See README.md beside this file for what it covers and its choices.







/** CPU time of the handler that counts as 100 % compute utilization. */
const DEFAULT_COMPUTE_BUDGET_MS = 5;
/** Longest the code may run, once while it loads and once in the handler. */
const DEFAULT_TIME_LIMIT_MS = 1000;
const TIME_LIMIT_ERROR = 'The function exceeded the maximum allowed execution time.';
const MEMORY_LIMIT_ERROR = 'The function exceeded the maximum allowed memory.';
const UNSETTLED_ERROR = 'Error: The function did not settle: it awaits a promise that never resolves.';
const RUNTIMES = ['cloudfront-js-1.0', 'cloudfront-js-2.0'];
async function runFunction(input) {
    const budget = input.computeBudgetMs ?? DEFAULT_COMPUTE_BUDGET_MS;
    const timeLimitMs = input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    const failed = (error) => ({ error, logs: [], computeUtilization: 0 });
    if (!RUNTIMES.includes(input.runtime)) {
        return failed(`Unsupported runtime ${JSON.stringify(input.runtime)}: use ${RUNTIMES.join(' or ')}`);
    }
    if (!(budget > 0) || !(timeLimitMs > 0)) {
        return failed('computeBudgetMs and timeLimitMs must be positive numbers');
    }
    const event = prepareEvent(input.kind, input.event);
    if ('error' in event)
        return failed(event.error);
    const source = prepareSource(input.code, input.runtime);
    if ('error' in source)
        return failed(source.error);
    const now = Date.now();
    const report = await runInWorker({
        kind: input.kind,
        runtime: input.runtime,
        code: source.script,
        event: event.json,
        eventType: event.eventType,
        stores: (0,stores/* toWorkerStores */.sH)(input.stores, now),
        timeLimitMs,
        now
    });
    return {
        ...settle(report, input.kind === 'connection-function', event.eventType),
        logs: report.logs,
        computeUtilization: utilization(report, budget)
    };
}
function settle(report, connection, eventType) {
    switch (report.status) {
        case 'ok':
            return connection
                ? { output: report.payload }
                : shapeFunctionOutput(eventType, report.payload);
        case 'empty':
            return { error: NO_RESULT };
        case 'error':
            return { error: report.payload };
        case 'timeout':
            return { error: TIME_LIMIT_ERROR };
        case 'memory':
            return { error: MEMORY_LIMIT_ERROR };
        case 'unsettled':
            return { error: UNSETTLED_ERROR };
        case 'crashed':
            return { error: `The runtime failed: ${report.payload}` };
    }
}
/** The handler's CPU time against the budget; a run stopped by a limit used it all. */
function utilization(report, budget) {
    if (report.status === 'timeout' || report.status === 'memory')
        return 100;
    return Math.min(100, Math.max(0, Math.round((report.cpuMs / budget) * 100)));
}


/***/ })

};
