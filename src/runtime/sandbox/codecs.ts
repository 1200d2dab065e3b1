// Byte codecs used by the modules inside the sandbox: UTF-8, base64 (and base64url), hex,
// latin1 and UTF-16LE. The text below runs inside the function's vm context, so every array it
// makes belongs to that context and never to the host.
//
// It is plain JavaScript kept in a string (not a TypeScript function serialised with
// toString()), because coverage instrumentation and tsx rewrite function bodies.
// Conventions inside the sandbox: `U8` is the context's Uint8Array, bytes travel as Uint8Array.

export const CODECS = String.raw`
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
`
