// The `buffer` module, TextEncoder/TextDecoder and atob/btoa of runtime 2.0, written for the
// sandbox (see codecs.ts for why it is a string). Node's own Buffer cannot be handed to the
// function: it is a host object, and its constructor chain leads to the host's Function.

export const BUFFER = String.raw`
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
`
