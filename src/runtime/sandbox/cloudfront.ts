// The `cloudfront` module of runtime 2.0 for the sandbox (see codecs.ts for why it is a
// string): key value store handles, the origin modification helpers, `edgeLocation` and `cwt`
// (cwt.ts).
//
// Store contents stay in the host; `host.kvs*` return primitives only. The origin helpers
// check their arguments as the guide describes them and record nothing: TestFunction does not
// report origin changes (the guide says so), and neither does this runtime.

export const CLOUDFRONT = String.raw`
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
`
