// `cf.cwt` of the cloudfront module ("CWT support for CloudFront Functions"), for the sandbox
// (see codecs.ts for why it is a string): CBOR Web Tokens (RFC 8392) as COSE_Mac0 structures
// (RFC 8152) with HMAC-SHA256, at most 1 KB. It uses the CBOR reader and writer of cbor.ts.
//
// validateToken checks the structure and the MAC and nothing else (the guide: no claim
// validation). The page leaves some points open; the choices are in ../README.md ("CBOR Web
// Tokens"). The HMAC itself is computed by the host (host.hash), like crypto.createHmac.

export const CWT = String.raw`
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
`
