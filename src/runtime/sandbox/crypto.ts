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

export const CRYPTO = String.raw`
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
`
