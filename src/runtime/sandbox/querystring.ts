// The `querystring` module for the sandbox (see codecs.ts for why it is a string). It follows
// Node's querystring, which the CloudFront guide documents the module after: parse, stringify,
// escape, unescape, and the decode/encode aliases.

export const QUERYSTRING = String.raw`
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
`
