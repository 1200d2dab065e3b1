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

export const CBOR = String.raw`
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
`
