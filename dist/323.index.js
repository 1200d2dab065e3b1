export const id = 323;
export const ids = [323];
export const modules = {

/***/ 9140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ isTypeScript),
/* harmony export */   Tw: () => (/* binding */ MAX_SOURCE_BYTES),
/* harmony export */   Uj: () => (/* binding */ CODE_SIZE_LIMIT),
/* harmony export */   VF: () => (/* binding */ checkBuildRuntime),
/* harmony export */   yD: () => (/* binding */ needsBuild)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// Whether a deploy goes through the build, and whether the declared runtime allows one.
// A plain `.js` deploy imports only this module, so it never loads the bundler or minifier.


/** CloudFront's limit for the code of a function or connection function (not adjustable). */
const CODE_SIZE_LIMIT = 10_240;
/** The most a source file the build reads may hold: minifying shrinks it, but not from any size. */
const MAX_SOURCE_BYTES = 1024 * 1024;
const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts']);
/** True for the TypeScript files the build accepts (`.ts`, `.mts`). */
function isTypeScript(file) {
    return TYPESCRIPT_EXTENSIONS.has((0,node_path__WEBPACK_IMPORTED_MODULE_0__.extname)(file).toLowerCase());
}
/**
 * A TypeScript entry is always built, since CloudFront cannot run TypeScript; a JavaScript
 * entry is deployed byte for byte unless `bundle` or `minify` asks for a build.
 */
function needsBuild(entry, options) {
    return isTypeScript(entry) || options.bundle || options.minify;
}
/**
 * Refuses a build for cloudfront-js-1.0, before any request. The build keeps the code's own
 * ES2015+ syntax (`const`, `let`, classes, `import` of the runtime's modules) and only
 * removes types, so its output targets cloudfront-js-2.0; js-1.0 accepts none of that.
 * `file` is the entry as the user wrote it (workspace-relative).
 */
function checkBuildRuntime(file, runtime, options) {
    if (runtime !== 'cloudfront-js-1.0' || !needsBuild(file, options))
        return;
    const reasons = [
        isTypeScript(file) ? 'it is TypeScript' : undefined,
        options.bundle ? 'bundle is set' : undefined,
        options.minify ? 'minify is set' : undefined
    ].filter(reason => reason !== undefined);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('code', `${file} must be built (${reasons.join(', ')}), and the build targets cloudfront-js-2.0: ` +
        'it keeps const, let and the import statements of the runtime modules, which ' +
        'cloudfront-js-1.0 does not support. Set runtime: cloudfront-js-2.0 (key value stores ' +
        'need it too), or deploy a plain JavaScript file without bundle and minify.');
}


/***/ }),

/***/ 1565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseProgram),
/* harmony export */   h: () => (/* binding */ patternNames)
/* harmony export */ });
/* harmony import */ var acorn__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4559);
// The JavaScript syntax tree, as every reader of function code sees it: parsed once the same
// way (the latest ECMAScript, as a module: strict like both runtimes, and `import` allowed),
// with the few helpers the readers share.

/** Parses code as the runtimes read it; throws acorn's SyntaxError (with `loc`) on bad code. */
function parseProgram(source) {
    return (0,acorn__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(source, {
        ecmaVersion: 'latest',
        sourceType: 'module',
        locations: true
    });
}
/** The names a binding pattern declares (`a`, `{ b, c: [d] }`, `...e`, `f = 1`). */
function patternNames(pattern) {
    if (pattern === null || typeof pattern !== 'object')
        return [];
    const node = pattern;
    switch (node.type) {
        case 'Identifier':
            return [node.name];
        case 'ObjectPattern':
            return node.properties.flatMap(p => patternNames(p.type === 'RestElement' ? p.argument : p.value));
        case 'ArrayPattern':
            return node.elements.flatMap(patternNames);
        case 'RestElement':
            return patternNames(node.argument);
        case 'AssignmentPattern':
            return patternNames(node.left);
        default:
            return [];
    }
}


/***/ }),

/***/ 8697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NN: () => (/* binding */ ENTRY_POINTS),
/* harmony export */   q7: () => (/* binding */ checkCode),
/* harmony export */   qR: () => (/* binding */ findKeyValueStoreUse),
/* harmony export */   v4: () => (/* binding */ findUnlistedSyntax)
/* harmony export */ });
/* harmony import */ var acorn_walk__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3097);
/* harmony import */ var _ast_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1565);
// Static checks of function code against what the CloudFront Functions runtimes support,
// run before any request so that a deploy fails with an annotation on the offending line.
//
// The rules follow the CloudFront developer guide: "JavaScript runtime 1.0 features",
// "JavaScript runtime 2.0 features" (core features, globals, built-in modules, restricted
// features), "Helper methods for key value stores" and the connection function pages
// ("Create CloudFront Connection Functions", "Associate a CloudFront Connection Function").
// Syntax the guide does not mention is allowed: a check that rejects working code is as
// harmful as one that lets broken code through.


/** The entry point each kind of function must declare at the top level. */
const ENTRY_POINTS = {
    function: 'handler',
    'connection-function': 'connectionHandler'
};
/** Modules each runtime provides ("Built-in modules" and the key value store helpers). */
const MODULES = {
    'cloudfront-js-1.0': new Set(['crypto', 'querystring']),
    'cloudfront-js-2.0': new Set(['crypto', 'querystring', 'buffer', 'cloudfront'])
};
/** Node.js modules a function might reach for, with the restriction that rules them out. */
const NODE_MODULE_REASONS = {
    fs: 'there is no file system access',
    'fs/promises': 'there is no file system access',
    path: 'there is no file system access',
    http: 'there is no network access',
    https: 'there is no network access',
    http2: 'there is no network access',
    net: 'there is no network access',
    dgram: 'there is no network access',
    dns: 'there is no network access',
    tls: 'there is no network access',
    child_process: 'there is no process access',
    process: 'there is no process access',
    os: 'there is no process access',
    timers: 'timers are not supported',
    vm: 'dynamic code evaluation is not supported'
};
/** Globals the guide's "Restricted features" rule out, with the reason to give. */
const TIMERS = 'timers are not supported; a function must run synchronously to completion';
const NETWORK = 'there is no network access from CloudFront Functions';
const FORBIDDEN_GLOBALS = {
    eval: 'dynamic code evaluation throws an error in CloudFront Functions; write the code out instead',
    setTimeout: TIMERS,
    setInterval: TIMERS,
    setImmediate: TIMERS,
    clearTimeout: TIMERS,
    clearInterval: TIMERS,
    clearImmediate: TIMERS,
    fetch: NETWORK,
    XMLHttpRequest: NETWORK,
    WebSocket: NETWORK,
    process: 'there is no process access and no environment variables; use a key value store for configuration'
};
/** Globals that exist only in runtime 2.0 ("new in JavaScript runtime 2.0"). */
const GLOBALS_2_0_ONLY = new Set(['Buffer', 'atob', 'btoa']);
/** Methods that exist only in runtime 2.0. */
const METHODS_2_0_ONLY = {
    replaceAll: 'String.prototype.replaceAll()'
};
/** Static Promise methods that exist only in runtime 2.0. */
const PROMISE_METHODS_2_0_ONLY = new Set(['all', 'allSettled', 'any', 'race']);
/** Nonstandard string methods of runtime 1.0 that runtime 2.0 dropped. */
const METHODS_1_0_ONLY = new Set(['bytesFrom', 'fromBytes', 'fromUTF8', 'toBytes', 'toUTF8']);
const V1 = 'cloudfront-js-1.0';
const V2 = 'cloudfront-js-2.0';
/**
 * Checks function code for the given runtime and kind. Returns the findings in source order;
 * an empty array means the code passed every check.
 */
function checkCode(source, options) {
    // A connection function on runtime 1.0 never gets here: the runtime input refuses it.
    const { runtime, kind } = options;
    const findings = [];
    let program;
    try {
        program = (0,_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .parseProgram */ .E)(source);
    }
    catch (error) {
        findings.push(syntaxFinding(error));
        return findings;
    }
    const checker = new Checker(source, runtime, findings);
    checker.run(program);
    checkEntryPoint(program, kind, findings);
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
function syntaxFinding(error) {
    const err = error;
    const message = String(err.message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
    return {
        rule: 'syntax',
        message: `Syntax error: ${message}`,
        line: err.loc?.line ?? 1,
        column: (err.loc?.column ?? 0) + 1
    };
}
class Checker {
    source;
    runtime;
    findings;
    declared = new Set();
    constructor(source, runtime, findings) {
        this.source = source;
        this.runtime = runtime;
        this.findings = findings;
    }
    run(program) {
        this.collectDeclarations(program);
        acorn_walk__WEBPACK_IMPORTED_MODULE_0__/* .fullAncestor */ .xu(program, (node, _state, ancestors) => {
            this.visit(node, ancestors);
        });
    }
    report(rule, node, message) {
        const loc = node.loc;
        this.findings.push({
            rule,
            message,
            line: loc?.start.line ?? 1,
            column: (loc?.start.column ?? 0) + 1
        });
    }
    /** Names bound anywhere in the program: those are not references to the runtime's globals. */
    collectDeclarations(program) {
        const add = (pattern) => {
            for (const name of (0,_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .patternNames */ .h)(pattern))
                this.declared.add(name);
        };
        acorn_walk__WEBPACK_IMPORTED_MODULE_0__/* .full */ .a2(program, raw => {
            const node = raw;
            switch (node.type) {
                case 'VariableDeclarator':
                    add(node.id);
                    break;
                case 'FunctionDeclaration':
                case 'FunctionExpression':
                case 'ArrowFunctionExpression':
                    add(node.id);
                    for (const param of node.params)
                        add(param);
                    break;
                case 'ClassDeclaration':
                case 'ClassExpression':
                    add(node.id);
                    break;
                case 'CatchClause':
                    add(node.param);
                    break;
                case 'ImportSpecifier':
                case 'ImportDefaultSpecifier':
                case 'ImportNamespaceSpecifier':
                    add(node.local);
                    break;
            }
        });
    }
    visit(node, ancestors) {
        switch (node.type) {
            case 'VariableDeclaration':
                this.checkDeclarationKind(node);
                break;
            case 'FunctionDeclaration':
            case 'FunctionExpression':
            case 'ArrowFunctionExpression':
                if (node.async)
                    this.checkAsync(node, ancestors);
                break;
            case 'AwaitExpression':
                this.checkAwait(node, ancestors);
                break;
            case 'ForOfStatement':
                if (node.await)
                    this.checkAwait(node, ancestors);
                break;
            case 'ImportDeclaration':
                this.checkImport(node);
                break;
            case 'ExportNamedDeclaration':
            case 'ExportDefaultDeclaration':
            case 'ExportAllDeclaration':
                // The runtime loads the code as a script with a top-level handler, not as a module.
                this.report('unsupported-syntax', node, '`export` is not supported: CloudFront does not load code that exports. Remove `export` and keep the top-level handler declaration (or set bundle: true to build the code from modules)');
                break;
            case 'ImportExpression':
                this.report('unsupported-syntax', node, 'Dynamic `import()` is not supported: dynamic code loading is restricted in CloudFront Functions; use a static import or bundle the code');
                break;
            case 'CallExpression':
            case 'NewExpression':
                this.checkCall(node);
                break;
            case 'Identifier':
                this.checkIdentifier(node);
                break;
            case 'Literal':
                this.checkNumericSeparator(node);
                break;
        }
    }
    checkDeclarationKind(node) {
        const kind = node.kind;
        if (this.runtime === V1 && (kind === 'const' || kind === 'let')) {
            this.report('unsupported-syntax', node, `\`${kind}\` is not supported by ${V1}: use var, or set runtime: ${V2}`);
        }
    }
    checkAsync(node, ancestors) {
        if (this.runtime === V1) {
            this.report('unsupported-syntax', node, `\`async\` functions are not supported by ${V1}: set runtime: ${V2}, or make the function synchronous`);
            return;
        }
        const parent = ancestors[ancestors.length - 2];
        const isArgument = parent !== undefined &&
            (parent.type === 'CallExpression' || parent.type === 'NewExpression') &&
            parent.arguments.includes(node);
        if (isArgument) {
            this.report('unsupported-syntax', node, `Async functions passed as arguments are not supported by ${V2}: declare an async function at the top level and await it inside the caller`);
        }
        else if (enclosingFunction(ancestors) !== undefined) {
            this.report('unsupported-syntax', node, `Async closures are not supported by ${V2}: move the async function to the top level of the code`);
        }
    }
    checkAwait(node, ancestors) {
        if (this.runtime === V1) {
            this.report('unsupported-syntax', node, `\`await\` is not supported by ${V1}: set runtime: ${V2}, or make the code synchronous`);
            return;
        }
        if (enclosingFunction(ancestors) === undefined) {
            this.report('unsupported-syntax', node, `\`await\` can be used inside async functions only: move it into an async function such as \`async function handler(event)\``);
        }
    }
    checkImport(node) {
        const source = node.source.value;
        if (this.runtime === V1) {
            const hint = source === 'cloudfront'
                ? `the \`cloudfront\` module (key value store helpers) needs ${V2}: set runtime: ${V2}`
                : MODULES[V1].has(source)
                    ? `use \`var ${identifierFor(source)} = require('${source}')\`, or set runtime: ${V2}`
                    : `set runtime: ${V2}`;
            this.report('unsupported-syntax', node, `\`import\` is not supported by ${V1}: ${hint}`);
            return;
        }
        this.checkModule(source, node.source);
    }
    checkModule(name, node) {
        if (MODULES[this.runtime].has(name))
            return;
        const bare = name.startsWith('node:') ? name.slice('node:'.length) : name;
        const reason = NODE_MODULE_REASONS[bare];
        let message;
        if (reason !== undefined) {
            message = `Module '${name}' is not available in CloudFront Functions: ${reason}`;
        }
        else if (this.runtime === V1 && MODULES[V2].has(bare)) {
            message = `Module '${name}' is not provided by ${V1}: set runtime: ${V2}`;
        }
        else if (bare !== name && MODULES[this.runtime].has(bare)) {
            message = `Module '${name}' is not a CloudFront Functions module: load '${bare}' instead`;
        }
        else {
            const known = [...MODULES[this.runtime]].map(m => `'${m}'`).join(', ');
            message = `Module '${name}' is not provided by ${this.runtime} (built-in modules: ${known}): bundle the code it provides into the function`;
        }
        this.report('unknown-module', node, message);
    }
    checkCall(node) {
        const callee = node.callee;
        if (callee.type === 'Identifier') {
            const name = callee.name;
            if (name === 'Function' && !this.declared.has(name)) {
                this.report('forbidden-global', node, 'The `Function` constructor is not supported: dynamic code evaluation throws an error in CloudFront Functions; write the function out instead');
            }
            if (name === 'require' && node.type === 'CallExpression' && !this.declared.has(name)) {
                const arg = node.arguments[0];
                if (arg !== undefined && arg.type === 'Literal' && typeof arg.value === 'string') {
                    this.checkModule(arg.value, arg);
                }
            }
            return;
        }
        if (callee.type !== 'MemberExpression' || callee.computed)
            return;
        const property = callee.property.name;
        const object = callee.object;
        if (this.runtime === V1) {
            if (METHODS_2_0_ONLY[property] !== undefined) {
                this.report('unsupported-api', callee.property, `${METHODS_2_0_ONLY[property]} is not available in ${V1}: use replace() with a global regular expression, or set runtime: ${V2}`);
            }
            else if (object.type === 'Identifier' &&
                object.name === 'Promise' &&
                PROMISE_METHODS_2_0_ONLY.has(property) &&
                !this.declared.has('Promise')) {
                this.report('unsupported-api', callee.property, `Promise.${property}() is not available in ${V1}: set runtime: ${V2}`);
            }
        }
        else if (METHODS_1_0_ONLY.has(property)) {
            this.report('unsupported-api', callee.property, `String.prototype.${property}() is not available in ${V2}: use Buffer (for example Buffer.from(s, 'base64').toString()) instead`);
        }
    }
    checkIdentifier(node) {
        // acorn-walk visits identifiers in reference and binding positions only, never property
        // names (`o.setTimeout`, `{ eval: 1 }`) or labels, so a free name here is a global.
        const name = node.name;
        if (this.declared.has(name))
            return;
        const forbidden = FORBIDDEN_GLOBALS[name];
        if (forbidden !== undefined) {
            this.report('forbidden-global', node, `\`${name}\` is not available: ${forbidden}`);
        }
        else if (this.runtime === V1 && GLOBALS_2_0_ONLY.has(name)) {
            this.report('unsupported-api', node, `\`${name}\` is not available in ${V1}: set runtime: ${V2}`);
        }
    }
    checkNumericSeparator(node) {
        if (this.runtime !== V1 || (typeof node.value !== 'number' && typeof node.value !== 'bigint')) {
            return;
        }
        const raw = this.source.slice(node.start, node.end);
        if (raw.includes('_')) {
            this.report('unsupported-syntax', node, `Numeric separators are not supported by ${V1}: write ${raw.replace(/_/g, '')}, or set runtime: ${V2}`);
        }
    }
}
/** The innermost function among the ancestors of the current node (excluding the node). */
function enclosingFunction(ancestors) {
    for (let i = ancestors.length - 2; i >= 0; i--) {
        const type = ancestors[i].type;
        if (type === 'FunctionDeclaration' ||
            type === 'FunctionExpression' ||
            type === 'ArrowFunctionExpression') {
            return ancestors[i];
        }
    }
    return undefined;
}
function identifierFor(moduleName) {
    return moduleName.replace(/[^A-Za-z0-9_$]/g, '_');
}
/** The top-level function declaration named `name`, also when it is exported. */
function findTopLevelFunction(program, name) {
    for (const statement of program.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
            ? statement.declaration
            : statement;
        if (declaration?.type === 'FunctionDeclaration' &&
            declaration.id?.name === name) {
            return declaration;
        }
    }
    return undefined;
}
/** A top-level `var|let|const name = ...` binding, to explain why it does not count. */
function findTopLevelBinding(program, name) {
    return program.body.some(statement => statement.type === 'VariableDeclaration' &&
        statement.declarations.some(d => (0,_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .patternNames */ .h)(d.id).includes(name)));
}
function checkEntryPoint(program, kind, findings) {
    const name = ENTRY_POINTS[kind];
    if (findTopLevelFunction(program, name) !== undefined)
        return;
    const parameter = kind === 'function' ? 'event' : 'connection';
    const example = `\`function ${name}(${parameter}) { ... }\``;
    let message;
    if (findTopLevelBinding(program, name)) {
        message = `\`${name}\` must be a top-level function declaration: write ${example}`;
    }
    else if (kind === 'connection-function' && findTopLevelFunction(program, 'handler')) {
        message = `Connection functions are called through \`connectionHandler\`, not \`handler\`: rename it to ${example}`;
    }
    else if (kind === 'function' && findTopLevelFunction(program, 'connectionHandler')) {
        message = `CloudFront Functions are called through \`handler\`; \`connectionHandler\` is the entry point of connection functions: rename it to ${example}, or set type: connection-function`;
    }
    else {
        message = `No entry point: CloudFront calls a top-level ${example} that ${kind === 'function'
            ? 'returns the request or a response'
            : 'calls connection.allow() or connection.deny()'}`;
    }
    findings.push({ rule: 'missing-handler', message, line: 1, column: 1 });
}
/**
 * Where the code first reaches for a key value store, or `undefined` when it never does (or
 * does not parse). The `cloudfront` module is the only way to a store, so once the code loads
 * it (import or require, under any name), any `kvs` it touches counts: `cf.kvs()`,
 * `require('cloudfront').kvs()`, an alias, `{ kvs }`, `cf['kvs']`. Erring towards "reads a
 * store" is safe: the guard it feeds stops a deploy that would detach a store.
 */
function findKeyValueStoreUse(source) {
    let program;
    try {
        program = (0,_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .parseProgram */ .E)(source);
    }
    catch {
        return undefined;
    }
    let loadsCloudfront = false;
    const uses = [];
    const named = (node) => node.type === 'Identifier' ? node.name : node.type === 'Literal' ? node.value : undefined;
    acorn_walk__WEBPACK_IMPORTED_MODULE_0__/* .full */ .a2(program, raw => {
        const node = raw;
        switch (node.type) {
            case 'ImportDeclaration':
                if (node.source.value === 'cloudfront')
                    loadsCloudfront = true;
                break;
            case 'CallExpression': {
                const callee = node.callee;
                const arg = node.arguments[0];
                if (callee.type === 'Identifier' &&
                    callee.name === 'require' &&
                    arg?.value === 'cloudfront') {
                    loadsCloudfront = true;
                }
                break;
            }
            case 'MemberExpression':
                if (named(node.property) === 'kvs')
                    uses.push(node);
                break;
            case 'ObjectPattern':
                // `{ kvs } = cf`: the walker passes patterns, not their properties.
                for (const property of node.properties) {
                    if (property.type === 'Property' && named(property.key) === 'kvs') {
                        uses.push(property);
                    }
                }
                break;
            case 'ImportSpecifier':
                if (named(node.imported) === 'kvs')
                    uses.push(node);
                break;
        }
    });
    if (!loadsCloudfront)
        return undefined;
    const first = uses
        .map(node => node.loc.start)
        .sort((a, b) => a.line - b.line || a.column - b.column)[0];
    return first && { line: first.line, column: first.column + 1 };
}
/** Syntax real functions use that the guide's feature lists do not mention. */
const UNLISTED_SYNTAX = [
    { test: node => node.type === 'ChainExpression', feature: 'Optional chaining (`?.`)' },
    {
        test: node => (node.type === 'LogicalExpression' && node.operator === '??') ||
            (node.type === 'AssignmentExpression' &&
                ['??=', '||=', '&&='].includes(node.operator)),
        feature: 'Nullish coalescing and logical assignment (`??`, `??=`, `||=`, `&&=`)'
    },
    {
        test: node => node.type === 'SpreadElement',
        feature: 'Spread (`...`) in arrays, calls and objects'
    },
    {
        test: node => node.type === 'ObjectPattern' || node.type === 'ArrayPattern',
        feature: 'Destructuring'
    },
    { test: node => node.type === 'AssignmentPattern', feature: 'Default parameter values' },
    { test: node => node.type === 'ForOfStatement', feature: '`for…of` loops' },
    {
        test: node => node.type === 'ClassDeclaration' || node.type === 'ClassExpression',
        feature: 'Classes'
    },
    {
        test: node => (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') &&
            node.generator === true,
        feature: 'Generator functions (`function*`)'
    }
];
/**
 * Warnings, not errors: syntax that the runtime feature pages of the developer guide do not
 * list, although public functions use it and reports disagree on whether CloudFront accepts
 * it. One finding per feature, at its first use; `undefined` positions never occur.
 */
function findUnlistedSyntax(source, runtime) {
    let program;
    try {
        program = (0,_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .parseProgram */ .E)(source);
    }
    catch {
        return [];
    }
    const first = new Map();
    acorn_walk__WEBPACK_IMPORTED_MODULE_0__/* .full */ .a2(program, raw => {
        const node = raw;
        for (const { test, feature } of UNLISTED_SYNTAX) {
            if (!test(node))
                continue;
            const seen = first.get(feature);
            if (seen)
                seen.count++;
            else
                first.set(feature, { node, count: 1 });
        }
    });
    const page = `"JavaScript runtime ${runtime === V1 ? '1.0' : '2.0'} features for CloudFront Functions"`;
    return [...first.entries()]
        .map(([feature, { node, count }]) => {
        const start = node.loc.start;
        const uses = count > 1 ? ` It is used ${count} times; this is the first.` : '';
        return {
            rule: 'unlisted-syntax',
            message: `The developer guide's page ${page} does not list this syntax: ${feature}.${uses} Public functions use it and the local runtime runs it, but CloudFront's support is not documented: if CloudFront refuses the function, rewrite it with the listed features.`,
            line: start.line,
            column: start.column + 1
        };
    })
        .sort((a, b) => a.line - b.line || a.column - b.column);
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
// Error types and the one helper that turns any thrown value into a message.

/** A problem with an input: the step fails before any request to AWS. */
class InputError extends Error {
    input;
    detail;
    annotations;
    subject;
    constructor(input, 
    /** What is wrong with the value and how to fix it. */
    detail, 
    /** Where in the input's files the problem is, when it is in a file. */
    annotations = [], 
    /** The function the problem belongs to, when its name and type were already read. */
    subject) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
        this.detail = detail;
        this.annotations = annotations;
        this.subject = subject;
        this.name = 'InputError';
    }
    /** The same error, saying which function it belongs to. */
    about(subject) {
        return new InputError(this.input, this.detail, this.annotations, subject);
    }
}
/** The message of any thrown value, never `[object Object]`. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        const json = JSON.stringify(error);
        if (json !== undefined)
            return json;
    }
    catch {
        // fall through: a value JSON cannot render (a cycle, a BigInt)
    }
    const text = String(error);
    return text === '[object Object]' ? (0,node_util__WEBPACK_IMPORTED_MODULE_0__.inspect)(error, { depth: 2 }) : text;
}


/***/ }),

/***/ 3622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ah: () => (/* binding */ resolveJobFile),
/* harmony export */   CE: () => (/* binding */ checkMatch),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   i5: () => (/* binding */ readJobFile),
/* harmony export */   rg: () => (/* binding */ checkPattern),
/* harmony export */   wu: () => (/* binding */ keyForMessage),
/* harmony export */   x4: () => (/* binding */ jobRoots),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export displayName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _report_words_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2691);
// Files named by inputs (code, test events, manifests, store data) are read only when they
// resolve, after following symlinks, to a regular file inside the job's own folders:
// GITHUB_WORKSPACE, or RUNNER_TEMP for files an earlier step generated. Sizes are checked
// before reading, so a huge file or a device never gets read, and no message quotes a file.





function jobRoots(env = process.env) {
    return {
        workspace: node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(env.GITHUB_WORKSPACE || process.cwd()),
        runnerTemp: env.RUNNER_TEMP ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(env.RUNNER_TEMP) : undefined
    };
}
function realRoot(root) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root);
    }
}
/** Whether `file` is `root` or below it. `..foo.js` is a name inside; `../foo.js` is not. */
function isInside(file, root) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, file);
    return rel !== '..' && !rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel);
}
/** The display name of a real path inside the job's folders; undefined when outside. */
function displayName(file, roots) {
    const workspace = realRoot(roots.workspace);
    if (isInside(file, workspace))
        return toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace, file)) || '.';
    if (roots.runnerTemp) {
        const temp = realRoot(roots.runnerTemp);
        if (isInside(file, temp))
            return `$RUNNER_TEMP/${toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(temp, file))}`;
    }
    return undefined;
}
function toSlashes(file) {
    return file.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
/** Formats a byte count for messages: exact below 1 MiB, rounded above. */
function formatBytes(bytes) {
    if (bytes < 1024 * 1024)
        return `${(0,_report_words_js__WEBPACK_IMPORTED_MODULE_3__/* .thousands */ .oh)(bytes)} bytes`;
    const units = ['MiB', 'GiB', 'TiB'];
    let value = bytes / (1024 * 1024);
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
/** What kind of thing a stat describes, for messages. */
function describeKind(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe (FIFO)';
    if (stats.isSocket())
        return 'a socket';
    return 'a device or other special file';
}
/**
 * Resolves `given` (relative to the workspace, or absolute) to a regular file inside the
 * job's folders. Throws an InputError naming `input` otherwise; `hint` adds advice for a
 * path that does not exist or is a directory.
 */
function resolveJobFile(input, given, roots, hint = () => '') {
    const value = given.trim();
    if (value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, 'the path is empty.');
    if (value.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, 'the path contains a NUL character.');
    const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(roots.workspace, value);
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(candidate);
    }
    catch {
        const backslash = value.includes('\\')
            ? ' The path contains backslashes: use / between folders, as on Linux runners.'
            : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${value}' does not exist (looked for ${candidate}).${backslash}${hint('missing')}`);
    }
    const name = displayName(real, roots);
    if (name === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${value}' resolves to a file outside the workspace${roots.runnerTemp ? ' and RUNNER_TEMP' : ''}. Only files inside the job's checkout (or generated into RUNNER_TEMP) can be used: copy the file into the workspace.`);
    }
    const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
    if (!stats.isFile()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${value}' is ${describeKind(stats)}, not a regular file.${stats.isDirectory() ? hint('directory') : ''}`);
    }
    return { path: real, name, size: stats.size };
}
/**
 * Reads a checked file, refusing it before reading when it is larger than `maxBytes`.
 * The file is opened without following a symlink and without blocking, and checked again
 * after opening, so a file swapped for a pipe or a link meanwhile is not read either.
 */
function readJobFile(input, file, maxBytes, advice) {
    const tooBig = (size) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${file.name}' is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}. ${advice}`);
    if (file.size > maxBytes)
        throw tooBig(file.size);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file.path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${file.name}' cannot be opened (${error.code ?? 'unknown error'}). Check that the step can read it.`);
    }
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stats.isFile()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${file.name}' is ${describeKind(stats)}, not a regular file.`);
        }
        if (stats.size > maxBytes)
            throw tooBig(stats.size);
        // Read at most one byte past the limit: a file that grew meanwhile is still refused.
        const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
        let length = 0;
        while (length < buffer.length) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
        }
        if (length > maxBytes)
            throw tooBig(length);
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Checks a glob pattern before it is expanded: it must stay inside the job's folders, so a
 * pattern can neither list the whole file system nor climb out with `..`.
 */
function checkPattern(input, pattern, roots) {
    if (pattern.split(/[\\/]+/).includes('..')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${pattern}' climbs out of its folder with '..': give paths relative to the workspace, without '..'.`);
    }
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(pattern)) {
        const inside = isInside(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(pattern), roots.workspace) ||
            (roots.runnerTemp !== undefined && isInside(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(pattern), roots.runnerTemp));
        if (!inside) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${pattern}' is outside the workspace: give a path relative to the workspace.`);
        }
    }
    // The crawl starts in the pattern's fixed folder: a symbolic link there would lead it out of
    // the job, and messages would name what it found. That folder must really be inside.
    const folder = fixedFolder(pattern);
    if (folder === '')
        return;
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(roots.workspace, folder));
    }
    catch {
        return; // No such folder: the glob matches nothing, and says so.
    }
    if (displayName(real, roots) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${pattern}': its folder '${folder}' leads outside the workspace through a symbolic link. Only the job's own files can be matched: copy them into the workspace.`);
    }
}
/** The folders a glob names before its first wildcard: `tests/*.json` → `tests`. */
function fixedFolder(pattern) {
    const segments = pattern.split('/');
    const fixed = [];
    for (const segment of segments.slice(0, -1)) {
        if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(segment))
            break;
        fixed.push(segment);
    }
    return fixed.join('/');
}
/**
 * Refuses a glob match whose folder is really outside the job (the glob library may start its
 * crawl below a folder the pattern's text does not show as fixed, an escaped one say). The
 * message names the pattern only: the match is a name from outside.
 */
function checkMatch(input, pattern, match, roots) {
    let folder;
    try {
        folder = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(match));
    }
    catch {
        return; // Gone meanwhile: resolving the match says so.
    }
    if (displayName(folder, roots) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${pattern}' leads outside the workspace through a symbolic link. Only the job's own files can be matched: copy them into the workspace.`);
    }
}
/**
 * A key read from a file, as a message may name it: short key-like names are what a person
 * mistypes and needs to see; anything else is file content, and is not quoted.
 */
function keyForMessage(key) {
    return /^[A-Za-z0-9_.-]{1,40}$/.test(key) ? `'${key}'` : 'a key that is not a plain name';
}


/***/ }),

/***/ 6323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js
var dist_cjs = __webpack_require__(3169);
;// CONCATENATED MODULE: ./src/cloudfront/client.ts
// The CloudFront client: the SDK's default credential chain, bounded in time. An endpoint
// that accepts connections and never answers must fail the step within about a minute,
// not hang until the job's timeout.

/** Time to open a connection. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Time for a whole request, answer included; CloudFront's function calls take well under it. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Attempts per request (the first and two retries): 3 × 10 s plus back-off stays near 30 s. */
const MAX_REQUEST_ATTEMPTS = 3;
/**
 * Set on a failed call's error: true when every attempt before the last was refused with an
 * answer below 500 (throttled), so none of them can have been applied. The SDK keeps only the
 * last attempt's error; a retry after a throttle is no sign of a lost answer.
 */
const EARLIER_ATTEMPTS_REFUSED = '$earlierAttemptsRefused';
/** A client that follows the SDK's default credential chain; CloudFront is global. */
function createClient(env = process.env) {
    const client = new dist_cjs/* CloudFrontClient */.GHk({
        region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
        retryMode: 'standard',
        maxAttempts: MAX_REQUEST_ATTEMPTS,
        requestHandler: {
            connectionTimeout: CONNECT_TIMEOUT_MS,
            requestTimeout: REQUEST_TIMEOUT_MS,
            throwOnRequestTimeout: true,
            socketTimeout: REQUEST_TIMEOUT_MS
        },
        customUserAgent: 'cloudfront-function-deploy'
    });
    recordAttempts(client);
    return client;
}
/** Notes how each attempt of a call ended, and tells the final error what the earlier did. */
function recordAttempts(client) {
    const refusals = new WeakMap();
    // Inside the retry loop: runs once per attempt, around the answer's parsing.
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const list = refusals.get(context) ?? [];
            list.push(isRefusal(statusOf(error)));
            refusals.set(context, list);
            throw error;
        }
    }, { step: 'deserialize', name: 'recordAttemptOutcome', priority: 'high' });
    // Outside it: runs once per call, when the last attempt failed.
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const earlier = (refusals.get(context) ?? []).slice(0, -1);
            if (typeof error === 'object' && error !== null) {
                Object.defineProperty(error, EARLIER_ATTEMPTS_REFUSED, {
                    value: earlier.length > 0 && earlier.every(Boolean),
                    enumerable: false,
                    writable: true,
                    configurable: true
                });
            }
            throw error;
        }
    }, { step: 'initialize', name: 'reportAttemptOutcomes', priority: 'high' });
}
/**
 * Whether an answer with this status refused the request, so it cannot have been applied. Only
 * a 4xx does: no answer, a 5xx or a 2xx the SDK could not read may hide a write.
 */
function isRefusal(status) {
    return status !== undefined && status >= 400 && status < 500;
}
function statusOf(error) {
    const failed = error;
    return failed?.$metadata?.httpStatusCode ?? failed?.$response?.statusCode;
}
/** The endpoint requests go to, for messages: an override, or CloudFront's global one. */
function endpointName(env = process.env) {
    return (env.AWS_ENDPOINT_URL_CLOUDFRONT?.trim() ||
        env.AWS_ENDPOINT_URL?.trim() ||
        'https://cloudfront.amazonaws.com');
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/cloudfront/errors.ts
// Turns failed AWS calls into messages that say what happened and what to do.


/** A failed CloudFront call, with the operation that failed. */
class AwsCallError extends Error {
    operation;
    cause;
    endpoint;
    code;
    status;
    requestId;
    /** How many times the SDK sent the request (1 when it did not retry). */
    attempts;
    /** Every attempt before the last was refused (throttled): none of them was applied. */
    earlierAttemptsRefused;
    /** The last attempt was refused (a 4xx), so it was not applied. */
    refused;
    constructor(operation, cause, 
    /** Where the request went, for messages about unreachable or silent endpoints. */
    endpoint) {
        const error = cause;
        const code = error?.name && error.name !== 'Error' ? error.name : (error?.code ?? 'Error');
        super(explain(operation, code, error?.message ?? (0,errors/* errorMessage */.g)(cause), error?.$metadata, endpoint));
        this.operation = operation;
        this.cause = cause;
        this.endpoint = endpoint;
        this.name = 'AwsCallError';
        this.code = code;
        this.status = error?.$metadata?.httpStatusCode;
        this.requestId = error?.$metadata?.requestId;
        this.attempts = error?.$metadata?.attempts ?? 1;
        this.refused = isRefusal(this.status);
        this.earlierAttemptsRefused =
            cause?.[EARLIER_ATTEMPTS_REFUSED] === true;
    }
}
/**
 * True when the SDK sent the request more than once and an earlier attempt may have reached
 * CloudFront and been applied, with its answer lost on the way back (not when every earlier
 * attempt was throttled: a refusal is an answer).
 */
function wasRetried(error) {
    return error instanceof AwsCallError && error.attempts > 1 && !error.earlierAttemptsRefused;
}
/** True for the error CloudFront gives when an If-Match ETag is stale. */
function isPreconditionFailed(error) {
    return error instanceof AwsCallError && error.code === 'PreconditionFailed';
}
/** The codes of each kind of error, for both kinds of function. */
const NOT_FOUND = new Set(['NoSuchFunctionExists', 'EntityNotFound', 'NoSuchResource']);
const ALREADY_EXISTS = new Set(['FunctionAlreadyExists', 'EntityAlreadyExists']);
const IN_USE = new Set(['FunctionInUse', 'CannotDeleteEntityWhileInUse']);
const TOO_LARGE = new Set(['FunctionSizeLimitExceeded', 'EntitySizeLimitExceeded']);
const TOO_MANY = new Set(['TooManyFunctions', 'EntityLimitExceeded']);
/** True when a create lost a race against another writer. */
function isAlreadyExists(error) {
    return error instanceof AwsCallError && ALREADY_EXISTS.has(error.code);
}
function isNotFound(error) {
    return error instanceof AwsCallError && NOT_FOUND.has(error.code);
}
const THROTTLING = new Set([
    'Throttling',
    'ThrottlingException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'SlowDown'
]);
const BAD_CREDENTIALS = new Set([
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidSignatureException'
]);
const NETWORK = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EPIPE',
    'TimeoutError'
]);
function explain(operation, code, message, metadata, endpoint) {
    const detail = message ? `: ${message}` : '';
    const attempts = metadata?.attempts && metadata.attempts > 1 ? ` after ${metadata.attempts} attempts` : '';
    const request = metadata?.requestId ? ` (request id ${metadata.requestId})` : '';
    const action = `cloudfront:${operation}`;
    if (code === 'AccessDenied' || code === 'AccessDeniedException') {
        return `AWS denied ${action}${detail}. Grant the IAM action ${action} to the role this workflow assumes (the README lists the least-privilege policy)${request}.`;
    }
    if (code === 'CredentialsProviderError') {
        return `No AWS credentials were found for ${operation}${detail}. Add aws-actions/configure-aws-credentials (OIDC role or keys) before this step.`;
    }
    if (BAD_CREDENTIALS.has(code)) {
        return `AWS rejected the credentials for ${operation} (${code})${detail}. Check the role or keys given to aws-actions/configure-aws-credentials and that they have not expired.`;
    }
    if (THROTTLING.has(code)) {
        return `CloudFront throttled ${operation}${attempts} (${code}). Too many requests hit the CloudFront API at once: re-run the job later, or run fewer deploys at the same time (a concurrency group).${request}`;
    }
    if (code === 'PreconditionFailed') {
        return `${operation} was refused because the function changed since it was read (412 PreconditionFailed): another deploy is writing it at the same time.${request}`;
    }
    if (code === 'InvalidIfMatchVersion') {
        return `${operation} was sent without a valid If-Match ETag (InvalidIfMatchVersion)${detail}.${request}`;
    }
    if (NOT_FOUND.has(code)) {
        return `${operation}: CloudFront found no such resource (${code})${detail}. It may have been deleted while this run was working: re-run the step.${request}`;
    }
    if (TOO_LARGE.has(code)) {
        return `${operation}: the function code is over CloudFront's size limit (${code})${detail}. Minify the code or move data into a key value store.${request}`;
    }
    if (TOO_MANY.has(code)) {
        return `${operation}: the account has reached CloudFront's limit on the number of functions of this kind (${code})${detail}. Delete functions that are no longer used (for example old pull-request previews) or ask AWS for a higher quota.${request}`;
    }
    if (IN_USE.has(code)) {
        return `${operation}: the function is still associated with a CloudFront distribution (${code}), so CloudFront will not delete it. Remove it from every distribution's cache behaviors (or connection settings), wait for the distribution to deploy, then delete it again.${request}`;
    }
    if (code === 'InvalidTagging') {
        return `${operation}: CloudFront rejected the tags (InvalidTagging)${detail}. Check the tags input.${request}`;
    }
    if (code === 'InvalidArgument') {
        return `${operation}: CloudFront rejected the request as invalid (InvalidArgument)${detail}. Check the inputs named in that message.${request}`;
    }
    const where = endpoint ? ` at ${endpoint}` : '';
    if (code === 'TimeoutError' || /timed out|exceeded the configured/i.test(message)) {
        return `CloudFront${where} did not answer ${operation}${attempts} in time (${code}). The endpoint accepted the connection but sent no answer: check the network and any AWS_ENDPOINT_URL settings, then re-run.`;
    }
    if (NETWORK.has(code) || /ECONN|ETIMEDOUT|socket hang up/i.test(message)) {
        return `Could not reach CloudFront${where} for ${operation}${attempts} (${code})${detail}. Check the network and any AWS_ENDPOINT_URL settings, then re-run.`;
    }
    if (metadata?.httpStatusCode !== undefined && metadata.httpStatusCode >= 500) {
        return `CloudFront failed ${operation} with a server error${attempts} (${code}, HTTP ${metadata.httpStatusCode})${detail}. This is on AWS's side: re-run the job.${request}`;
    }
    return `${operation} failed (${code})${detail}.${request}`;
}

;// CONCATENATED MODULE: ./src/cloudfront/api.ts
// The CloudFront adapter: the only module that imports the AWS SDK. It hides the differences
// between CloudFront Functions (keyed by name) and Connection Functions (found by name, then
// addressed by Id) behind one interface. Each kind is a small table of wire calls; what the
// action does with them (consistent reads, stages, tags) is written once.




/** How many times a read is repeated when a writer changes the function between its parts. */
const CONSISTENT_READ_ATTEMPTS = 3;
function createFunctionsApi(kind, client, env = process.env) {
    const call = caller(endpointName(env));
    const wire = kind === 'function' ? functionWire(client, call) : connectionWire(client, call);
    return new Functions(kind, wire, client, call);
}
/** Resolves a key value store given by name to its ARN; ARNs pass through. */
async function resolveKeyValueStore(client, store, env = process.env) {
    if (store.startsWith('arn:'))
        return store;
    const result = await caller(endpointName(env))('DescribeKeyValueStore', () => client.send(new dist_cjs/* DescribeKeyValueStoreCommand */.wCc({ Name: store })));
    const arn = result.KeyValueStore?.ARN;
    if (!arn)
        throw new Error(`DescribeKeyValueStore returned no ARN for key value store '${store}'.`);
    return arn;
}
/** The names and ARNs of every key value store of the account (all pages). */
async function listKeyValueStores(client, env = process.env) {
    const call = caller(endpointName(env));
    const stores = [];
    let marker;
    do {
        const page = await call('ListKeyValueStores', () => client.send(new dist_cjs/* ListKeyValueStoresCommand */.UJv({ Marker: marker, MaxItems: 100 })));
        for (const item of page.KeyValueStoreList?.Items ?? []) {
            if (item.Name && item.ARN)
                stores.push({ name: item.Name, arn: item.ARN });
        }
        marker = page.KeyValueStoreList?.NextMarker || undefined;
    } while (marker);
    return stores;
}
/** Runs one SDK call and tags any failure with the operation's name and the endpoint. */
function caller(endpoint) {
    return async (operation, send) => {
        try {
            return await send();
        }
        catch (error) {
            throw new AwsCallError(operation, error, endpoint);
        }
    };
}
/** Like `call`, but a 404 becomes `undefined`. */
async function orMissing(request) {
    try {
        return await request;
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
class Functions {
    kind;
    wire;
    client;
    call;
    constructor(kind, wire, client, call) {
        this.kind = kind;
        this.wire = wire;
        this.client = client;
        this.call = call;
    }
    async read(name, options) {
        const found = await this.wire.find(name);
        if (!found)
            return undefined;
        const current = await this.readFound(name, found, options);
        // An Id from an earlier listing may be gone (deleted, or created again under a new Id).
        if (current || !found.listedBefore)
            return current;
        const again = await this.wire.find(name, true);
        return again && this.readFound(name, again, options);
    }
    async readFound(name, found, options) {
        // Connection functions know their ARN from the list: read tags in the same round.
        const earlyTags = options.tags && found.arn ? this.listTags(found.arn) : undefined;
        earlyTags?.catch(() => undefined);
        const [development, live] = await Promise.all([
            this.readStage(found.id, 'DEVELOPMENT'),
            this.readLive(found.id, options.live === true)
        ]);
        // Deleted between the list and the reads: it does not exist any more.
        if (!development)
            return undefined;
        const tags = earlyTags
            ? await earlyTags
            : options.tags
                ? await this.listTags(development.arn)
                : {};
        return {
            kind: this.kind,
            name,
            id: found.id,
            arn: development.arn || found.arn,
            status: development.status,
            development: { etag: development.etag, config: development.config, code: development.code },
            live,
            tags
        };
    }
    /** LIVE's ETag, with its config and code when `content` is asked for. */
    async readLive(id, content) {
        if (content) {
            const live = await this.readStage(id, 'LIVE');
            return (live && {
                etag: live.etag,
                content: { etag: live.etag, config: live.config, code: live.code }
            });
        }
        const live = await this.describe(id, 'LIVE');
        return live?.etag ? { etag: live.etag } : undefined;
    }
    async describe(id, stage) {
        return (await orMissing(this.wire.describe(id, stage)))?.summary;
    }
    async readStage(id, stage) {
        // Describe and Get are two requests: a writer between them would pair one version's
        // config with another's code. Both answers carry the version's ETag; read again until
        // they agree.
        for (let attempt = 1;; attempt++) {
            const [described, got] = await Promise.all([
                orMissing(this.wire.describe(id, stage)),
                orMissing(this.wire.get(id, stage))
            ]);
            if (!described || !got)
                return undefined;
            if (!got.etag || !described.summary.etag || got.etag === described.summary.etag) {
                return {
                    ...described.summary,
                    etag: described.summary.etag || got.etag,
                    config: described.config,
                    code: got.code
                };
            }
            if (attempt === CONSISTENT_READ_ATTEMPTS) {
                throw new Error(`${id} (${stage}) changed ${CONSISTENT_READ_ATTEMPTS} times while it was being read: another writer is deploying it. Make deploys of one function run one at a time (a workflow concurrency group) and re-run.`);
            }
        }
    }
    create(desired) {
        return this.wire.create(desired);
    }
    update(id, etag, desired) {
        return this.wire.update(id, etag, desired);
    }
    publish(id, etag) {
        return this.wire.publish(id, etag);
    }
    test(id, etag, event) {
        return this.wire.test(id, etag, event);
    }
    delete(id, etag) {
        return this.wire.delete(id, etag);
    }
    async listTags(arn) {
        const result = await this.call('ListTagsForResource', () => this.client.send(new dist_cjs/* ListTagsForResourceCommand */.a_e({ Resource: arn })));
        // A Map first: keys such as `__proto__` are ordinary tags.
        return Object.fromEntries(new Map((result.Tags?.Items ?? []).map(tag => [tag.Key, tag.Value ?? ''])));
    }
    async tag(arn, tags) {
        await this.call('TagResource', () => this.client.send(new dist_cjs/* TagResourceCommand */.eqU({ Resource: arn, Tags: toSdkTags(tags) ?? {} })));
    }
    async untag(arn, keys) {
        await this.call('UntagResource', () => this.client.send(new dist_cjs/* UntagResourceCommand */.RP$({ Resource: arn, TagKeys: { Items: keys } })));
    }
}
// ---- the wire formats of the two kinds ----------------------------------------------------
function toSdkConfig(config) {
    return {
        Comment: config.comment,
        Runtime: config.runtime,
        // Always sent, even empty: UpdateFunction replaces the whole config.
        KeyValueStoreAssociations: {
            Quantity: config.keyValueStoreArns.length,
            Items: config.keyValueStoreArns.map(KeyValueStoreARN => ({ KeyValueStoreARN }))
        }
    };
}
function fromSdkConfig(config) {
    return {
        comment: config?.Comment ?? '',
        runtime: (config?.Runtime ?? 'cloudfront-js-1.0'),
        keyValueStoreArns: (config?.KeyValueStoreAssociations?.Items ?? []).map(item => item.KeyValueStoreARN ?? '')
    };
}
function toSdkTags(tags) {
    if (tags === undefined || Object.keys(tags).length === 0)
        return undefined;
    return { Items: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
}
function toTestOutcome(result) {
    return {
        computeUtilization: Number(result.ComputeUtilization ?? '0'),
        logs: result.logs ?? [],
        errorMessage: result.error ?? '',
        output: result.output ?? ''
    };
}
function summarize(summary, etag) {
    return {
        id: summary?.Name ?? '',
        arn: summary?.FunctionMetadata?.FunctionARN ?? '',
        status: summary?.Status ?? '',
        etag: etag ?? ''
    };
}
function summarizeConnection(summary, etag) {
    return {
        id: summary?.Id ?? '',
        arn: summary?.ConnectionFunctionArn ?? '',
        status: summary?.Status ?? '',
        etag: etag ?? ''
    };
}
function functionWire(client, call) {
    return {
        // Functions are addressed by name; the ARN comes with the first describe.
        find: async (name) => ({ id: name, arn: '' }),
        describe: async (id, stage) => {
            const result = await call('DescribeFunction', () => client.send(new dist_cjs/* DescribeFunctionCommand */.rNm({ Name: id, Stage: stage })));
            return {
                summary: summarize(result.FunctionSummary, result.ETag),
                config: fromSdkConfig(result.FunctionSummary?.FunctionConfig)
            };
        },
        get: async (id, stage) => {
            const result = await call('GetFunction', () => client.send(new dist_cjs/* GetFunctionCommand */.YF5({ Name: id, Stage: stage })));
            return {
                etag: result.ETag ?? '',
                code: Buffer.from(result.FunctionCode ?? new Uint8Array())
            };
        },
        create: async (desired) => {
            const result = await call('CreateFunction', () => client.send(new dist_cjs/* CreateFunctionCommand */.Y8X({
                Name: desired.name,
                FunctionConfig: toSdkConfig(desired.config),
                FunctionCode: desired.code,
                Tags: toSdkTags(desired.tags)
            })));
            return summarize(result.FunctionSummary, result.ETag);
        },
        update: async (id, etag, desired) => {
            const result = await call('UpdateFunction', () => client.send(new dist_cjs/* UpdateFunctionCommand */.xSA({
                Name: id,
                IfMatch: etag,
                FunctionConfig: toSdkConfig(desired.config),
                FunctionCode: desired.code
            })));
            return summarize(result.FunctionSummary, result.ETag);
        },
        publish: async (id, etag) => {
            const result = await call('PublishFunction', () => client.send(new dist_cjs/* PublishFunctionCommand */.rxT({ Name: id, IfMatch: etag })));
            // PublishFunction answers without an ETag: LIVE now holds the version of `etag`.
            return summarize(result.FunctionSummary, etag);
        },
        test: async (id, etag, event) => {
            const result = await call('TestFunction', () => client.send(new dist_cjs/* TestFunctionCommand */.EwS({
                Name: id,
                IfMatch: etag,
                Stage: 'DEVELOPMENT',
                EventObject: Buffer.from(JSON.stringify(event))
            })));
            const test = result.TestResult ?? {};
            return toTestOutcome({
                ComputeUtilization: test.ComputeUtilization,
                logs: test.FunctionExecutionLogs,
                error: test.FunctionErrorMessage,
                output: test.FunctionOutput
            });
        },
        delete: async (id, etag) => {
            await call('DeleteFunction', () => client.send(new dist_cjs/* DeleteFunctionCommand */.Z3K({ Name: id, IfMatch: etag })));
        }
    };
}
function connectionWire(client, call) {
    // Connection functions are addressed by Id, found by name in ListConnectionFunctions. One
    // listing serves every connection function of a run; a name it does not hold lists again,
    // and so does a caller that knows its Id may be stale.
    let listing;
    const list = async () => {
        const byName = new Map();
        let marker;
        do {
            const page = await call('ListConnectionFunctions', () => client.send(new dist_cjs/* ListConnectionFunctionsCommand */.pXg({
                Marker: marker,
                MaxItems: 100,
                Stage: 'DEVELOPMENT'
            })));
            for (const summary of page.ConnectionFunctions ?? []) {
                if (summary.Name && summary.Id) {
                    byName.set(summary.Name, { id: summary.Id, arn: summary.ConnectionFunctionArn ?? '' });
                }
            }
            marker = page.NextMarker || undefined;
        } while (marker);
        return byName;
    };
    return {
        find: async (name, fresh) => {
            if (listing && !fresh) {
                const known = (await listing.catch(() => undefined))?.get(name);
                if (known)
                    return { ...known, listedBefore: true };
            }
            const current = list();
            listing = current;
            return (await current).get(name);
        },
        describe: async (id, stage) => {
            const result = await call('DescribeConnectionFunction', () => client.send(new dist_cjs/* DescribeConnectionFunctionCommand */.NAV({ Identifier: id, Stage: stage })));
            return {
                summary: summarizeConnection(result.ConnectionFunctionSummary, result.ETag),
                config: fromSdkConfig(result.ConnectionFunctionSummary?.ConnectionFunctionConfig)
            };
        },
        get: async (id, stage) => {
            const result = await call('GetConnectionFunction', () => client.send(new dist_cjs/* GetConnectionFunctionCommand */.EH7({ Identifier: id, Stage: stage })));
            return {
                etag: result.ETag ?? '',
                code: Buffer.from(result.ConnectionFunctionCode ?? new Uint8Array())
            };
        },
        create: async (desired) => {
            const result = await call('CreateConnectionFunction', () => client.send(new dist_cjs/* CreateConnectionFunctionCommand */.kIb({
                Name: desired.name,
                ConnectionFunctionConfig: toSdkConfig(desired.config),
                ConnectionFunctionCode: desired.code,
                Tags: toSdkTags(desired.tags)
            })));
            return summarizeConnection(result.ConnectionFunctionSummary, result.ETag);
        },
        update: async (id, etag, desired) => {
            const result = await call('UpdateConnectionFunction', () => client.send(new dist_cjs/* UpdateConnectionFunctionCommand */.pad({
                Id: id,
                IfMatch: etag,
                ConnectionFunctionConfig: toSdkConfig(desired.config),
                ConnectionFunctionCode: desired.code
            })));
            return summarizeConnection(result.ConnectionFunctionSummary, result.ETag);
        },
        publish: async (id, etag) => {
            const result = await call('PublishConnectionFunction', () => client.send(new dist_cjs/* PublishConnectionFunctionCommand */.l06({ Id: id, IfMatch: etag })));
            return summarizeConnection(result.ConnectionFunctionSummary, etag);
        },
        test: async (id, etag, event) => {
            const result = await call('TestConnectionFunction', () => client.send(new dist_cjs/* TestConnectionFunctionCommand */.SR1({
                Id: id,
                IfMatch: etag,
                Stage: 'DEVELOPMENT',
                ConnectionObject: Buffer.from(JSON.stringify(event))
            })));
            const test = result.ConnectionFunctionTestResult ?? {};
            return toTestOutcome({
                ComputeUtilization: test.ComputeUtilization,
                logs: test.ConnectionFunctionExecutionLogs,
                error: test.ConnectionFunctionErrorMessage,
                output: test.ConnectionFunctionOutput
            });
        },
        delete: async (id, etag) => {
            await call('DeleteConnectionFunction', () => client.send(new dist_cjs/* DeleteConnectionFunctionCommand */.HSF({ Id: id, IfMatch: etag })));
        }
    };
}

;// CONCATENATED MODULE: ./src/report/log.ts
const silentLog = {
    info: () => { },
    warning: () => { },
    startGroup: () => { },
    endGroup: () => { }
};
/** Runs `work` inside a collapsible log group, closing it whatever happens. */
async function inGroup(log, title, work) {
    log.startGroup(title);
    try {
        return await work();
    }
    finally {
        log.endGroup();
    }
}
/**
 * A log that keeps what one function says while several run at once, and hands it to the
 * real log in one piece: groups stay whole, and every group title and line outside a group
 * names the function, so nothing can be mistaken for another function's line.
 */
class BufferedLog {
    subject;
    entries = [];
    depth = 0;
    constructor(subject) {
        this.subject = subject;
    }
    info(message) {
        this.entries.push({ kind: 'info', message });
    }
    warning(message) {
        this.entries.push({ kind: 'warning', message });
    }
    startGroup(title) {
        this.entries.push({ kind: 'start', title });
    }
    endGroup() {
        this.entries.push({ kind: 'end' });
    }
    /** Writes everything kept so far to `log`, and forgets it. */
    flushTo(log) {
        for (const entry of this.entries) {
            if (entry.kind === 'start') {
                if (this.depth++ === 0)
                    log.startGroup(`${this.subject}: ${entry.title}`);
            }
            else if (entry.kind === 'end') {
                if (--this.depth === 0)
                    log.endGroup();
            }
            else {
                const message = this.depth > 0 ? entry.message : `${this.subject}: ${entry.message}`;
                // Warnings become annotations, shown apart from their group: they always say whose.
                if (entry.kind === 'warning')
                    log.warning(`${this.subject}: ${entry.message}`);
                else
                    log.info(message);
            }
        }
        this.entries = [];
    }
}
/**
 * A log whose groups open only when something is written in them: a step that had nothing
 * to say leaves no empty group behind.
 */
function withoutEmptyGroups(log) {
    let pending;
    let open = false;
    const openPending = () => {
        if (pending === undefined)
            return;
        log.startGroup(pending);
        pending = undefined;
        open = true;
    };
    return {
        info: message => {
            openPending();
            log.info(message);
        },
        // Warnings are annotations: they show whether or not a group is open.
        warning: message => log.warning(message),
        startGroup: title => {
            if (open)
                log.endGroup();
            open = false;
            pending = title;
        },
        endGroup: () => {
            pending = undefined;
            if (open)
                log.endGroup();
            open = false;
        }
    };
}

// EXTERNAL MODULE: ./src/report/words.ts
var words = __webpack_require__(2691);
;// CONCATENATED MODULE: ./src/testing/runner.ts
/** Runs each event through TestFunction on the DEVELOPMENT version with this ETag. */
function cloudFrontRunner(api, target) {
    return { run: event => api.test(target.id, target.etag, event) };
}
/**
 * Runs each event in the embedded runtime, the way TestFunction would run this code. The
 * runtime is loaded on the first run: deploys that test through CloudFront never load it.
 */
function localRunner(options) {
    return {
        run: async (event) => {
            const { runFunction } = await __webpack_require__.e(/* import() */ 398).then(__webpack_require__.bind(__webpack_require__, 7398));
            const outcome = await runFunction({
                kind: options.kind,
                runtime: options.runtime,
                code: options.code.toString('utf8'),
                event: JSON.stringify(event),
                stores: options.stores
            });
            return {
                computeUtilization: outcome.computeUtilization,
                logs: outcome.logs,
                errorMessage: outcome.error ?? '',
                output: outcome.output ?? ''
            };
        }
    };
}
/** Bounds how many runs happen at once, shared by every function of a run. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(work) {
        if (this.active >= this.limit)
            await new Promise(resolve => this.waiting.push(resolve));
        else
            this.active++;
        try {
            return await work();
        }
        finally {
            // Hand the slot straight to the next waiter, or free it.
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.active--;
        }
    }
}

// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./src/inputs/files.ts
var files = __webpack_require__(3622);
;// CONCATENATED MODULE: ./src/inputs/json.ts
// JSON parsing that reports where a file is wrong without ever quoting it: the engine's own
// messages include a snippet of the text, and a file's content must never reach a log.
// JSON.parse does the work; on failure a small scanner finds the first offending position.

class JsonSyntaxError extends Error {
    reason;
    line;
    column;
    tooDeep;
    constructor(
    /** What is wrong, in words that never contain the file's text. */
    reason, 
    /** 1-based. */
    line, 
    /** 1-based. */
    column, 
    /** Valid JSON, nested deeper than MAX_JSON_DEPTH. */
    tooDeep = false) {
        super(`${reason} at line ${line}, column ${column}`);
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.tooDeep = tooDeep;
        this.name = 'JsonSyntaxError';
    }
    /** The whole sentence about a file, from its name: what is wrong, where, and the fix. */
    describe(file) {
        const where = `at line ${this.line}, column ${this.column}`;
        return this.tooDeep
            ? `${file} is JSON ${this.reason} ${where}: flatten the data.`
            : `${file} is not valid JSON: ${this.reason} ${where}. Fix the file's syntax.`;
    }
}
/**
 * How deep arrays and objects may nest. Events and expectations are a few levels deep; far
 * deeper data would overflow the stack of whatever walks it next (JSON.stringify included).
 */
const MAX_JSON_DEPTH = 100;
/** Parses JSON text (a leading byte-order mark is ignored); throws JsonSyntaxError. */
function parseJson(text) {
    const source = text.replace(/^\uFEFF/, '');
    let value;
    try {
        value = JSON.parse(source);
    }
    catch {
        throw locateError(source);
    }
    const tooDeep = firstTooDeep(source);
    if (tooDeep !== undefined) {
        const { line, column } = new Scanner(source).error('', tooDeep);
        throw new JsonSyntaxError(`nesting is deeper than ${MAX_JSON_DEPTH} levels`, line, column, true);
    }
    return value;
}
/** The offset of the first bracket that nests deeper than the limit, in valid JSON text. */
function firstTooDeep(text) {
    let depth = 0;
    let inString = false;
    for (let at = 0; at < text.length; at++) {
        const char = text[at];
        if (inString) {
            if (char === '\\')
                at++;
            else if (char === '"')
                inString = false;
        }
        else if (char === '"') {
            inString = true;
        }
        else if (char === '{' || char === '[') {
            if (++depth > MAX_JSON_DEPTH)
                return at;
        }
        else if (char === '}' || char === ']') {
            depth--;
        }
    }
    return undefined;
}
/**
 * Parses the JSON of a file an input names: a syntax error becomes an input error naming the
 * file, with an annotation at the position (`title` says what kind of file it is).
 */
function parseJsonFile(input, file, text, title) {
    try {
        return parseJson(text);
    }
    catch (error) {
        if (!(error instanceof JsonSyntaxError))
            throw error;
        throw new errors/* InputError */.d(input, error.describe(file), [
            {
                level: 'error',
                message: `${error.reason}.`,
                title,
                file,
                line: error.line,
                column: error.column
            }
        ]);
    }
}
/** Finds the first syntax error of text that JSON.parse refused. */
function locateError(text) {
    const scanner = new Scanner(text);
    try {
        scanner.skipSpace();
        scanner.value();
        scanner.skipSpace();
        if (scanner.at < text.length)
            scanner.fail('unexpected text after the JSON value');
    }
    catch (error) {
        if (error instanceof JsonSyntaxError)
            return error;
        throw error;
    }
    // The scanner accepts everything JSON.parse refuses; this is only a safety net.
    return scanner.error('invalid JSON', 0);
}
class Scanner {
    text;
    at = 0;
    depth = 0;
    constructor(text) {
        this.text = text;
    }
    error(reason, offset = this.at) {
        const before = this.text.slice(0, offset);
        const lines = before.split(/\r\n|\r|\n/);
        return new JsonSyntaxError(reason, lines.length, lines[lines.length - 1].length + 1);
    }
    fail(reason, offset = this.at) {
        throw this.error(reason, offset);
    }
    skipSpace() {
        while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]))
            this.at++;
    }
    value() {
        const char = this.text[this.at];
        if (char === undefined)
            this.fail('unexpected end of the file: a value is missing');
        if (char === '{')
            return this.object();
        if (char === '[')
            return this.array();
        if (char === '"')
            return this.string();
        if (char === '-' || (char >= '0' && char <= '9'))
            return this.number();
        for (const word of ['true', 'false', 'null']) {
            if (this.text.startsWith(word, this.at)) {
                this.at += word.length;
                return;
            }
        }
        if (char === "'")
            this.fail('strings must use double quotes');
        if (char === '}' || char === ']')
            this.fail('a value is missing (trailing comma?)');
        this.fail('unexpected character: expected a value');
    }
    nest() {
        // Deep nesting is refused by JSON.parse too (stack size); keep the scanner bounded.
        if (++this.depth > MAX_JSON_DEPTH)
            this.fail(`nesting is deeper than ${MAX_JSON_DEPTH} levels`);
    }
    object() {
        this.nest();
        this.at++;
        this.skipSpace();
        if (this.text[this.at] === '}') {
            this.at++;
            this.depth--;
            return;
        }
        for (;;) {
            this.skipSpace();
            if (this.text[this.at] === '}')
                this.fail('trailing comma before }');
            if (this.text[this.at] !== '"') {
                this.fail(this.at >= this.text.length
                    ? 'unexpected end of the file inside an object'
                    : 'expected a key in double quotes');
            }
            this.string();
            this.skipSpace();
            if (this.text[this.at] !== ':')
                this.fail('expected : after the key');
            this.at++;
            this.skipSpace();
            this.value();
            this.skipSpace();
            const next = this.text[this.at];
            if (next === ',') {
                this.at++;
                continue;
            }
            if (next === '}') {
                this.at++;
                this.depth--;
                return;
            }
            this.fail(next === undefined
                ? 'unexpected end of the file: } is missing'
                : 'expected , or } after a value');
        }
    }
    array() {
        this.nest();
        this.at++;
        this.skipSpace();
        if (this.text[this.at] === ']') {
            this.at++;
            this.depth--;
            return;
        }
        for (;;) {
            this.skipSpace();
            if (this.text[this.at] === ']')
                this.fail('trailing comma before ]');
            this.value();
            this.skipSpace();
            const next = this.text[this.at];
            if (next === ',') {
                this.at++;
                continue;
            }
            if (next === ']') {
                this.at++;
                this.depth--;
                return;
            }
            this.fail(next === undefined
                ? 'unexpected end of the file: ] is missing'
                : 'expected , or ] after a value');
        }
    }
    string() {
        const start = this.at;
        this.at++;
        while (this.at < this.text.length) {
            const char = this.text[this.at];
            if (char === '"') {
                this.at++;
                return;
            }
            if (char === '\\') {
                const escape = this.text[this.at + 1];
                if (escape === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
                        this.fail('invalid \\u escape in a string');
                    }
                    this.at += 6;
                    continue;
                }
                if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
                    this.fail('invalid escape in a string');
                }
                this.at += 2;
                continue;
            }
            if (char < ' ')
                this.fail('control character (such as a line break) inside a string');
            this.at++;
        }
        this.fail('unterminated string', start);
    }
    number() {
        const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at));
        if (!match)
            this.fail('invalid number');
        this.at += match[0].length;
    }
}

;// CONCATENATED MODULE: ./src/testing/cases.ts
// Test cases: loading them from the `test-events` input, and the expectations a function's
// result must meet.
//
// A file holds JSON: one case, an array of cases, or a bare event (what
// `aws cloudfront test-function --event-object` takes). A case is
//   { "name"?: string, "event": object,
//     "expect"?: object,          deep partial match of the function's output
//     "expectAbsent"?: [path],    paths that must not exist in the output
//     "expectLogs"?: [string],    lines that must appear in the logs, in this order
//     "expectError"?: string }    the function must throw an error containing this text
// `name` defaults to the file's path relative to the workspace, with `#<n>` (1-based) for
// cases of an array. Unknown keys are refused, so that a typo such as "expected" cannot turn
// an assertion off silently. A bare event is an object with none of the case keys: its case
// is named after the file and passes when the function does not throw.




const INPUT = 'test-events';
/** TestFunction's limit on the serialized event (or connection) object. */
const MAX_EVENT_BYTES = 40_960;
/** A test-case file larger than this is refused before it is read. */
const MAX_CASE_FILE_BYTES = 1024 * 1024;
const CASE_KEYS = new Set(['name', 'event', 'expect', 'expectAbsent', 'expectLogs', 'expectError']);
/**
 * Loads the cases of the files that `patterns` (paths or globs relative to the workspace)
 * match, in pattern order, then file name order within a glob. A file matched twice loads
 * once. Throws an InputError for a pattern without a match and for any file that is not a
 * valid case file, before any request.
 */
function loadTestCases(patterns, roots) {
    const seen = new Set();
    const cases = [];
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (pattern === '')
            continue;
        for (const file of matchPattern(pattern, roots)) {
            if (seen.has(file.path))
                continue;
            seen.add(file.path);
            cases.push(...loadFile(file));
        }
    }
    return cases;
}
function matchPattern(pattern, roots) {
    if (!(0,dist/* isDynamicPattern */.ey)(pattern)) {
        return [
            (0,files/* resolveJobFile */.Ah)(INPUT, pattern, roots, problem => problem === 'directory'
                ? ` To use every case file in it, write '${pattern.replace(/\/+$/, '')}/*.json'.`
                : ' Check the path (relative to the workspace), or remove it from test-events.')
        ];
    }
    (0,files/* checkPattern */.rg)(INPUT, pattern, roots);
    const matches = (0,dist/* globSync */.AZ)(pattern, {
        cwd: roots.workspace,
        absolute: true,
        onlyFiles: true,
        expandDirectories: false,
        // A symlinked folder could lead the crawl anywhere: only the job's own files are matched.
        followSymbolicLinks: false
    }).sort();
    if (matches.length === 0) {
        // A Windows habit: in a glob, a backslash escapes the next character instead.
        const backslash = pattern.includes('\\')
            ? ' The pattern contains backslashes: use / between folders, as on Linux runners.'
            : '';
        throw new errors/* InputError */.d(INPUT, `'${pattern}' matches no file in the workspace: check the glob (relative to the workspace), or remove it from test-events.${backslash}`);
    }
    return matches.map(match => {
        (0,files/* checkMatch */.CE)(INPUT, pattern, match, roots);
        return (0,files/* resolveJobFile */.Ah)(INPUT, match, roots);
    });
}
function loadFile(file) {
    const bytes = (0,files/* readJobFile */.i5)(INPUT, file, MAX_CASE_FILE_BYTES, 'Split the cases into several files, or trim the events.');
    const data = parseJsonFile(INPUT, file.name, bytes.toString('utf8'), 'Invalid test case JSON');
    if (Array.isArray(data)) {
        if (data.length === 0) {
            throw new errors/* InputError */.d(INPUT, `${file.name} holds an empty array: add at least one case {"name", "event", "expect"}, or remove the file from test-events.`);
        }
        return data.map((item, index) => toCase(item, file.name, `${file.name}[${index}]`, `${file.name}#${index + 1}`));
    }
    if (isBareEvent(data))
        return [{ name: file.name, file: file.name, event: checkEvent(data, file.name) }];
    return [toCase(data, file.name, file.name, file.name)];
}
/** An object with none of the keys of a case is an event on its own. */
function isBareEvent(value) {
    return isPlainObject(value) && Object.keys(value).every(key => !CASE_KEYS.has(key));
}
const SHAPE = 'a case is {"name"?: string, "event": object, "expect"?: object, "expectAbsent"?: [path], "expectLogs"?: [string], "expectError"?: string}';
function toCase(value, file, where, defaultName) {
    if (!isPlainObject(value)) {
        throw new errors/* InputError */.d(INPUT, `${where} is ${describe(value)}, not a case: ${SHAPE}; a file holds one case, an array of cases, or one event`);
    }
    const unknown = Object.keys(value).filter(key => !CASE_KEYS.has(key));
    if (unknown.length > 0) {
        throw new errors/* InputError */.d(INPUT, `${where} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map(files/* keyForMessage */.wu).join(', ')}: ${SHAPE}`);
    }
    let name = defaultName;
    if ('name' in value) {
        if (typeof value.name !== 'string' || value.name.trim() === '') {
            throw new errors/* InputError */.d(INPUT, `${where}: "name" must be a non-empty string, got ${describe(value.name)}; give the case a name or leave the key out`);
        }
        name = value.name;
    }
    if (!('event' in value))
        throw new errors/* InputError */.d(INPUT, `${where} has no "event": ${SHAPE}`);
    const testCase = { name, file, event: checkEvent(value.event, where) };
    if ('expect' in value) {
        if (!isPlainObject(value.expect)) {
            throw new errors/* InputError */.d(INPUT, `${where}: "expect" must be an object (the part of the function's output to check), got ${describe(value.expect)}`);
        }
        testCase.expect = value.expect;
    }
    if ('expectAbsent' in value)
        testCase.expectAbsent = readPaths(value.expectAbsent, where);
    if ('expectLogs' in value) {
        const logs = value.expectLogs;
        if (!Array.isArray(logs) || logs.some(line => typeof line !== 'string')) {
            throw new errors/* InputError */.d(INPUT, `${where}: "expectLogs" must be an array of strings (text each log line must contain, in order), got ${describe(logs)}`);
        }
        testCase.expectLogs = logs;
    }
    if ('expectError' in value) {
        if (typeof value.expectError !== 'string' || value.expectError === '') {
            throw new errors/* InputError */.d(INPUT, `${where}: "expectError" must be a non-empty string (text the thrown error must contain), got ${describe(value.expectError)}`);
        }
        if (testCase.expect !== undefined || testCase.expectAbsent !== undefined) {
            throw new errors/* InputError */.d(INPUT, `${where}: "expectError" cannot be combined with "expect" or "expectAbsent": a function that throws has no output. Split them into two cases.`);
        }
        testCase.expectError = value.expectError;
    }
    return testCase;
}
function checkEvent(event, where) {
    if (!isPlainObject(event)) {
        throw new errors/* InputError */.d(INPUT, `${where}: "event" must be an object (the event CloudFront passes to the function), got ${describe(event)}`);
    }
    const size = Buffer.byteLength(JSON.stringify(event), 'utf8');
    if (size > MAX_EVENT_BYTES) {
        throw new errors/* InputError */.d(INPUT, `${where}: the event is ${size} bytes serialized, over CloudFront's limit of ${MAX_EVENT_BYTES} bytes: trim headers, cookies or the body`);
    }
    return event;
}
/** Paths are written `response.headers.server` or, for keys with dots, as arrays of keys. */
function readPaths(value, where) {
    const items = Array.isArray(value) ? value : undefined;
    const paths = items?.map(item => typeof item === 'string' && item !== ''
        ? item.split('.')
        : Array.isArray(item) && item.length > 0 && item.every(key => typeof key === 'string')
            ? item
            : undefined);
    if (!paths || paths.some(path => path === undefined)) {
        throw new errors/* InputError */.d(INPUT, `${where}: "expectAbsent" must be an array of paths such as "response.headers.server" (or ["response", "headers", "x.y"] for keys with dots), got ${describe(value)}`);
    }
    return paths;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** What kind of value a file holds, never the value itself: messages do not quote files. */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}
/**
 * Deep partial match of a function's output against an expectation: every key of an expected
 * object must be in the actual object with a matching value (extra actual keys are fine);
 * arrays match element by element and must have the same length; other values must be
 * strictly equal. Returns one line per mismatch, `<path>: expected <json>, got <json>`
 * (`got missing` for an absent key); an empty array means the output matches.
 */
function matchExpectation(expected, actual) {
    const mismatches = [];
    compare(expected, actual, '$', mismatches);
    return mismatches;
}
function compare(expected, actual, at, out) {
    if (isPlainObject(expected)) {
        if (!isPlainObject(actual)) {
            out.push(mismatch(at, expected, actual));
            return;
        }
        for (const [key, value] of Object.entries(expected)) {
            const child = `${at}${pathSegment(key)}`;
            if (!Object.prototype.hasOwnProperty.call(actual, key) || actual[key] === undefined) {
                out.push(`${child}: expected ${json(value)}, got missing`);
            }
            else {
                compare(value, actual[key], child, out);
            }
        }
        return;
    }
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual) || actual.length !== expected.length) {
            out.push(mismatch(at, expected, actual));
            return;
        }
        expected.forEach((value, index) => compare(value, actual[index], `${at}[${index}]`, out));
        return;
    }
    if (expected !== actual)
        out.push(mismatch(at, expected, actual));
}
/** The paths of `paths` that exist in `actual`, as `$.a.b` strings. */
function presentPaths(paths, actual) {
    return paths
        .filter(keys => {
        let node = actual;
        for (const key of keys) {
            if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, key))
                return false;
            node = node[key];
        }
        return true;
    })
        .map(keys => `$${keys.map(pathSegment).join('')}`);
}
/**
 * The first expected log text that no later log line contains, in order; `undefined` when
 * every expected text was found.
 */
function missingLog(expected, logs) {
    let from = 0;
    for (const text of expected) {
        const at = logs.findIndex((line, index) => index >= from && line.includes(text));
        if (at < 0)
            return text;
        from = at + 1;
    }
    return undefined;
}
function mismatch(at, expected, actual) {
    return `${at}: expected ${json(expected)}, got ${actual === undefined ? 'missing' : json(actual)}`;
}
function pathSegment(key) {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
function json(value) {
    return JSON.stringify(value) ?? String(value);
}

;// CONCATENATED MODULE: ./src/testing/gate.ts



/** Thrown when at least one case failed: nothing may be published. */
class TestGateError extends Error {
    results;
    constructor(results) {
        super(describeFailures(results));
        this.results = results;
        this.name = 'TestGateError';
    }
}
/** A few cases at a time: fast, without tripping CloudFront's rate limits. */
const PARALLEL_TESTS = 4;
async function runTestGate(runner, cases, maxComputeUtilization, limiter = new Limiter(PARALLEL_TESTS)) {
    return Promise.all(cases.map(testCase => limiter.run(async () => judge(testCase, await runner.run(testCase.event), maxComputeUtilization))));
}
/** Compares one outcome with what its case expects. */
function judge(testCase, outcome, maxComputeUtilization) {
    const output = parseOutput(outcome.output);
    const failures = [];
    if (testCase.expectError !== undefined) {
        if (!outcome.errorMessage) {
            failures.push(`expected the function to throw an error containing ${JSON.stringify(testCase.expectError)}, but it returned`);
        }
        else if (!outcome.errorMessage.includes(testCase.expectError)) {
            failures.push(`expected an error containing ${JSON.stringify(testCase.expectError)}, but the function threw: ${outcome.errorMessage}`);
        }
    }
    else if (outcome.errorMessage) {
        failures.push(`the function threw: ${outcome.errorMessage}`);
    }
    else {
        if (testCase.expect !== undefined) {
            failures.push(...matchExpectation(testCase.expect, output).map(mismatch => `output ${mismatch}`));
        }
        for (const present of presentPaths(testCase.expectAbsent ?? [], output)) {
            failures.push(`output ${present}: expected absent, but it is there`);
        }
    }
    const missing = missingLog(testCase.expectLogs ?? [], outcome.logs);
    if (missing !== undefined) {
        failures.push(`logs: expected a line containing ${JSON.stringify(missing)}${(testCase.expectLogs?.length ?? 0) > 1 ? ' (after the lines expected before it)' : ''}, got ${(0,words/* plural */.LS)(outcome.logs.length, 'line')}`);
    }
    if (outcome.computeUtilization > maxComputeUtilization) {
        failures.push(`compute utilization ${outcome.computeUtilization}% is over max-compute-utilization ${maxComputeUtilization}%`);
    }
    return {
        name: testCase.name,
        file: testCase.file,
        passed: failures.length === 0,
        computeUtilization: outcome.computeUtilization,
        failures,
        output,
        ...(outcome.errorMessage ? { error: outcome.errorMessage } : {}),
        logs: outcome.logs
    };
}
function parseOutput(output) {
    if (output === '')
        return undefined;
    try {
        return JSON.parse(output);
    }
    catch {
        return output;
    }
}
function describeFailures(results) {
    const failed = results.filter(result => !result.passed);
    const lines = [
        `${failed.length} of ${(0,words/* plural */.LS)(results.length, 'test case')} failed, so nothing was published:`
    ];
    for (const result of failed) {
        lines.push(`- ${result.name} (${result.file}):`);
        for (const failure of result.failures)
            lines.push(`    ${failure}`);
        if (result.output !== undefined)
            lines.push(`    returned: ${JSON.stringify(result.output)}`);
        if (result.logs.length > 0)
            lines.push(`    logs: ${result.logs.join(' | ')}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/deploy/plan.ts
/** Keys CloudFront manages itself; users cannot remove them. */
const SYSTEM_TAG_PREFIX = 'aws:';
function planDeploy(desired, current) {
    const plan = { kind: desired.kind, name: desired.name, changes: [] };
    if (current === undefined) {
        plan.changes.push({ action: 'create' });
        if (desired.publish)
            plan.changes.push({ action: 'publish' });
        return plan;
    }
    const code = !desired.code.equals(current.development.code);
    const config = configChanges(desired.config, current.development.config);
    const updating = code || config.length > 0;
    if (updating)
        plan.changes.push({ action: 'update', code, config });
    plan.changes.push(...tagChanges(desired.tags, current.tags));
    const liveIsBehind = current.live === undefined || current.live.etag !== current.development.etag;
    if (desired.publish && (updating || liveIsBehind))
        plan.changes.push({ action: 'publish' });
    return plan;
}
function planDelete(kind, name, current) {
    return { kind, name, changes: current ? [{ action: 'delete' }] : [] };
}
function configChanges(desired, current) {
    const fields = [];
    if (desired.comment !== current.comment)
        fields.push('comment');
    if (desired.runtime !== current.runtime)
        fields.push('runtime');
    if (!sameSet(desired.keyValueStoreArns, current.keyValueStoreArns))
        fields.push('key-value-stores');
    return fields;
}
/**
 * Tag changes that make the tags exactly `desired`; none when tags are not managed. Removals
 * come first: CloudFront checks its 50-tag limit on every request, so removing before adding
 * keeps each request within it.
 */
function tagChanges(desired, current) {
    if (desired === undefined)
        return [];
    const changes = [];
    const remove = Object.keys(current).filter(key => !Object.hasOwn(desired, key) && !key.toLowerCase().startsWith(SYSTEM_TAG_PREFIX));
    if (remove.length > 0)
        changes.push({ action: 'untag', keys: remove });
    const set = Object.fromEntries(Object.entries(desired).filter(([key, value]) => !Object.hasOwn(current, key) || current[key] !== value));
    if (Object.keys(set).length > 0)
        changes.push({ action: 'tag', tags: set });
    return changes;
}
function hasChange(plan, action) {
    return plan.changes.some(change => change.action === action);
}
/** One line per change, for logs and the summary. */
function describeChange(change) {
    switch (change.action) {
        case 'create':
            return 'create the function';
        case 'update': {
            const parts = [...(change.code ? ['code'] : []), ...change.config];
            return `update ${parts.join(', ')}`;
        }
        case 'tag':
            return `set tags ${Object.entries(change.tags)
                .map(([key, value]) => `${key}=${value}`)
                .join(', ')}`;
        case 'untag':
            return `remove tags ${change.keys.join(', ')}`;
        case 'publish':
            return 'publish DEVELOPMENT to LIVE';
        case 'delete':
            return 'delete the function';
    }
}
function sameSet(a, b) {
    const left = [...a].sort();
    const right = [...b].sort();
    return left.length === right.length && left.every((item, index) => item === right[index]);
}
/**
 * What the plan changes, from what to what: one line per changed field, for the log. `current`
 * is what CloudFront holds (undefined: the function does not exist yet).
 */
function describeDifferences(desired, current) {
    if (!current)
        return [];
    const lines = [];
    const before = current.development;
    if (!desired.code.equals(before.code)) {
        lines.push(`code: ${before.code.length} → ${desired.code.length} bytes`);
    }
    for (const field of configChanges(desired.config, before.config)) {
        if (field === 'comment') {
            lines.push(`comment: ${JSON.stringify(before.config.comment)} → ${JSON.stringify(desired.config.comment)}`);
        }
        else if (field === 'runtime') {
            lines.push(`runtime: ${before.config.runtime} → ${desired.config.runtime}`);
        }
        else {
            const stores = (arns) => (arns.length > 0 ? arns.join(', ') : 'none');
            lines.push(`key value store: ${stores(before.config.keyValueStoreArns)} → ${stores(desired.config.keyValueStoreArns)}`);
        }
    }
    if (desired.tags !== undefined) {
        for (const key of Object.keys(current.tags).sort()) {
            if (!Object.hasOwn(desired.tags, key) && !key.toLowerCase().startsWith(SYSTEM_TAG_PREFIX)) {
                lines.push(`tag ${key}: ${JSON.stringify(current.tags[key])} → removed`);
            }
        }
        for (const key of Object.keys(desired.tags).sort()) {
            if (!Object.hasOwn(current.tags, key)) {
                lines.push(`tag ${key}: added ${JSON.stringify(desired.tags[key])}`);
            }
            else if (current.tags[key] !== desired.tags[key]) {
                lines.push(`tag ${key}: ${JSON.stringify(current.tags[key])} → ${JSON.stringify(desired.tags[key])}`);
            }
        }
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/deploy/result.ts
// The result model: what a run of one function did and how the function stands after it.
// The engine (deploy.ts) produces it; outputs, summary and PR comment only read it.

const NOTHING_DONE = {
    created: false,
    updated: false,
    tagged: false,
    published: false,
    deleted: false
};
/** `a` with every flag that is true in `b` turned on. */
function mergeProgress(a, b) {
    return {
        created: a.created === true || b.created === true,
        updated: a.updated === true || b.updated === true,
        tagged: a.tagged === true || b.tagged === true,
        published: a.published === true || b.published === true,
        deleted: a.deleted === true || b.deleted === true
    };
}
/** True when this run wrote anything to CloudFront. */
function changed(result) {
    return result.created || result.updated || result.tagged || result.published || result.deleted;
}
/** True when the run's plan had at least one change (for a dry run: what a real run would do). */
function hasChanges(result) {
    return result.firstPlan.changes.length > 0 || changed(result);
}
/** A failure after the run started; carries what had already been done. */
class RunError extends Error {
    cause;
    result;
    constructor(cause, result) {
        super(`${(0,errors/* errorMessage */.g)(cause)}\n${describeProgress(result)}`);
        this.cause = cause;
        this.result = result;
        this.name = 'RunError';
    }
}
/** Says plainly what a failed run had already changed, so nobody is surprised. */
function describeProgress(result) {
    const done = [];
    if (result.created)
        done.push('created the function');
    if (result.updated)
        done.push('updated its DEVELOPMENT stage');
    if (result.tagged)
        done.push('changed its tags');
    if (result.published)
        done.push('published it to LIVE');
    if (result.deleted)
        done.push('deleted it');
    const unanswered = result.unanswered ?? [];
    const pending = unanswered.length === 0
        ? ''
        : ` The outcome of ${unanswered.join(' and ')} is unknown (no answer, or a server error) and a fresh read did not show it applied, but it may still take effect: the function may differ from what this says. Run the step again: it reads the function afresh and converges.`;
    if (done.length === 0) {
        return unanswered.length === 0
            ? 'Nothing was changed in CloudFront by this run.'
            : `No write of this run was confirmed.${pending}`;
    }
    const etag = result.after?.etag ? ` (DEVELOPMENT ETag ${result.after.etag})` : '';
    const publishPending = unanswered.some(operation => operation.startsWith('Publish'));
    const live = result.published || publishPending
        ? ''
        : ' LIVE was not changed: it still serves what it served before this run.';
    return `Before failing, this run ${done.join(', ')}${etag}.${live}${pending}`;
}

;// CONCATENATED MODULE: ./src/deploy/deploy.ts








const MAX_ATTEMPTS = 3;
const PUBLISH_TIMEOUT_MS = 5 * 60_000;
const sleepFor = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Deploys one function: stage, then release. */
async function deploy(api, declared, options) {
    return release(api, await stage(api, declared, options), options);
}
/** Why a step stopped: a lost race (read and plan again) or a failure (stop). */
class Interrupted extends Error {
    cause;
    race;
    done;
    state;
    notes;
    unanswered;
    constructor(cause, race, done = {}, state, notes = [], 
    /** The write whose answer never came and that a read did not confirm, if any. */
    unanswered) {
        super((0,errors/* errorMessage */.g)(cause));
        this.cause = cause;
        this.race = race;
        this.done = done;
        this.state = state;
        this.notes = notes;
        this.unanswered = unanswered;
        this.name = 'Interrupted';
    }
}
function stateOf(current) {
    return {
        id: current.id,
        arn: current.arn,
        status: current.status,
        etag: current.development.etag,
        liveEtag: current.live?.etag ?? ''
    };
}
/** True when CloudFront's answer does not say whether a write was applied. */
function outcomeUnknown(error) {
    return error instanceof AwsCallError && !error.refused;
}
/** What a write whose answer was lost says, once a fresh read showed it was applied. */
function lostAnswer(error, verified) {
    const cause = error;
    return `${cause.operation}'s answer was lost (${cause.code} after ${cause.attempts} attempts); ${verified}.`;
}
/**
 * A failed write, as a step's interruption: a lost race, a plain failure, or a write that
 * CloudFront never answered and a fresh read did not show applied (it may still land).
 */
function writeFailed(error) {
    const unanswered = outcomeUnknown(error) ? error.operation : undefined;
    return new Interrupted(error, isLostRace(error), {}, undefined, [], unanswered);
}
/** Whether a failed write means another writer changed the function first. */
function isLostRace(error) {
    return isPreconditionFailed(error) || isAlreadyExists(error) || isNotFound(error);
}
/** Whether a stage holds exactly the declared code and configuration. */
function holdsDeclared(stage, desired) {
    return stage.code.equals(desired.code) && configChanges(desired.config, stage.config).length === 0;
}
/**
 * Reads, plans, writes DEVELOPMENT and runs the test gate. After a lost race it reads and
 * plans again, up to `maxAttempts` in all (counting the attempts of `previous`).
 */
async function stage(api, declared, options, previous) {
    const { log } = options;
    const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    let desired = declared;
    let result = previous?.result;
    let lastRace;
    // Whatever fails once this run has written anything carries the record of what it wrote.
    const failure = (error) => error instanceof RunError || result === undefined ? error : new RunError(error, result);
    for (let attempt = (previous?.attempt ?? 0) + 1; attempt <= maxAttempts; attempt++) {
        const read = await inGroup(log, `Read ${desired.kind} ${desired.name}`, async () => {
            const [current, resolved] = await Promise.all([
                api.read(desired.name, { tags: desired.tags !== undefined, live: options.readLive }),
                result === undefined && options.resolve ? options.resolve(desired) : desired
            ]);
            log.info(describeCurrent(current));
            return { current, resolved };
        }).catch(error => {
            throw failure(error);
        });
        desired = read.resolved;
        const plan = planDeploy(desired, read.current);
        logPlan(log, plan, describeDifferences(desired, read.current));
        result = result
            ? { ...result, plan, desired }
            : {
                ...NOTHING_DONE,
                firstPlan: plan,
                plan,
                desired,
                before: read.current,
                after: read.current && stateOf(read.current),
                tests: [],
                notes: []
            };
        if (options.dryRun) {
            return { result, target: read.current && stateOf(read.current), attempt };
        }
        try {
            const written = await inGroup(log, 'Write DEVELOPMENT', () => writeDevelopment(api, desired, read.current, plan, log));
            result = record(result, written);
            const tests = await testDevelopment(api, written.state, options);
            result = { ...result, tests };
            if (tests.some(test => !test.passed))
                throw new RunError(new TestGateError(tests), result);
            return { result, target: written.state, attempt };
        }
        catch (error) {
            if (error instanceof RunError)
                throw error;
            if (!(error instanceof Interrupted))
                throw new RunError(error, result);
            result = record(result, error);
            if (!error.race)
                throw new RunError(error.cause, result);
            lastRace = error;
            if (attempt < maxAttempts)
                warnRace(log, desired.name, error, attempt + 1, maxAttempts);
        }
    }
    // Out of attempts: another writer may have done exactly what this run wanted.
    const converged = await convergedMeanwhile(api, desired, options).catch(error => {
        throw failure(error);
    });
    if (result && converged) {
        log.info(`${desired.name} already matches the inputs: another run deployed the same version meanwhile.`);
        // Nothing is left to do: the plan is empty, so nothing is published on their behalf.
        const plan = { kind: desired.kind, name: desired.name, changes: [] };
        return {
            result: { ...result, plan, after: converged },
            target: converged,
            attempt: maxAttempts
        };
    }
    throw new RunError(raceLost(desired.name, maxAttempts, lastRace), result ?? emptyResult(desired));
}
async function release(api, staged, options) {
    const { result, target } = staged;
    const desired = result.desired;
    if (options.dryRun || !target || !desired)
        return result;
    if (!hasChange(result.plan, 'publish')) {
        if (!desired.publish || target.status !== 'PUBLISHING')
            return result;
        // Another run published this version a moment ago: report it once it is live.
        const after = await inGroup(options.log, 'Wait for LIVE', () => waitWhilePublishing(api, target, options)).catch(error => {
            throw new RunError(error instanceof Interrupted ? error.cause : error, result);
        });
        return { ...result, after };
    }
    try {
        const published = await inGroup(options.log, 'Publish DEVELOPMENT to LIVE', async () => {
            const outcome = await publishVersion(api, target, desired, options.log);
            const state = outcome.state.status === 'PUBLISHING'
                ? await waitWhilePublishing(api, outcome.state, options).catch(error => {
                    // The publish itself went through: a failure while waiting must still report it.
                    const cause = error instanceof Interrupted ? error.cause : error;
                    throw new Interrupted(cause, false, outcome.done, outcome.state, outcome.notes);
                })
                : outcome.state;
            options.log.info(`LIVE ETag ${state.liveEtag}, status ${state.status}.`);
            return { ...outcome, state };
        });
        return record(result, published);
    }
    catch (error) {
        if (!(error instanceof Interrupted))
            throw new RunError(error, result);
        const interrupted = record(result, error);
        if (!error.race)
            throw new RunError(error.cause, interrupted);
        const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
        if (staged.attempt >= maxAttempts) {
            throw new RunError(raceLost(desired.name, maxAttempts, error), interrupted);
        }
        warnRace(options.log, desired.name, error, staged.attempt + 1, maxAttempts);
        const again = await stage(api, desired, options, { ...staged, result: interrupted });
        return release(api, again, options);
    }
}
function record(result, step) {
    return {
        ...result,
        ...mergeProgress(result, step.done),
        after: step.state ?? result.after,
        notes: [...result.notes, ...step.notes],
        ...(step.unanswered ? { unanswered: [...(result.unanswered ?? []), step.unanswered] } : {})
    };
}
function emptyResult(desired) {
    const plan = { kind: desired.kind, name: desired.name, changes: [] };
    return {
        ...NOTHING_DONE,
        firstPlan: plan,
        plan,
        desired,
        before: undefined,
        after: undefined,
        tests: [],
        notes: []
    };
}
/** How a lost race is named in messages: the refused operation and CloudFront's code. */
function raceReason(race) {
    const cause = race?.cause;
    if (cause instanceof AwsCallError)
        return `${cause.operation} ${cause.code}`;
    return cause === undefined ? 'a lost race' : (0,errors/* errorMessage */.g)(cause);
}
function warnRace(log, name, race, next, maxAttempts) {
    log.warning(`${name} was changed by another writer since it was read (${raceReason(race)}). Reading it again and re-planning (attempt ${next} of ${maxAttempts}).`);
}
function raceLost(name, maxAttempts, race) {
    return new Error(`${name} kept changing while this run was deploying it: ${maxAttempts} attempts each lost a race with another writer (last: ${raceReason(race)}). Make deploys of one function run one at a time (a workflow concurrency group) and re-run.`);
}
/** After the last lost race: another writer may have done exactly what we wanted. */
async function convergedMeanwhile(api, desired, options) {
    // With a test gate, this run must test what it publishes itself.
    if (options.testCases.length > 0)
        return undefined;
    const current = await api.read(desired.name, { tags: desired.tags !== undefined });
    if (!current || planDeploy(desired, current).changes.length > 0)
        return undefined;
    const state = stateOf(current);
    if (desired.publish && current.status === 'PUBLISHING') {
        return waitWhilePublishing(api, state, options);
    }
    return state;
}
// ---- DEVELOPMENT ------------------------------------------------------------------------
/** Create, or update and tag, so DEVELOPMENT is as declared. */
async function writeDevelopment(api, desired, current, plan, log) {
    const { changes } = plan;
    if (changes.some(change => change.action === 'create')) {
        return createFunction(api, desired, log);
    }
    if (!current)
        throw new Error(`${desired.name} was not found and the plan did not create it.`);
    const state = stateOf(current);
    const update = changes.find(change => change.action === 'update');
    const tagging = changes.some(change => change.action === 'tag' || change.action === 'untag');
    if (!update && !tagging) {
        log.info('Nothing to write.');
        return { done: {}, state, notes: [] };
    }
    // Tags live on the ARN, apart from the function's content: write them alongside the update.
    const settled = await Promise.allSettled([
        update ? updateFunction(api, desired, state, update, log) : undefined,
        tagging ? writeTags(api, state.arn, plan, log) : undefined
    ]);
    // Both writes have settled: the outcome reports each one that was done.
    let done = {};
    let after = state;
    const notes = [];
    const failures = [];
    for (const outcome of settled) {
        const step = outcome.status === 'fulfilled'
            ? outcome.value
            : outcome.reason instanceof Interrupted
                ? outcome.reason
                : new Interrupted(outcome.reason, false);
        if (!step)
            continue;
        done = mergeProgress(done, step.done);
        after = step.state ?? after;
        notes.push(...step.notes);
        if (step instanceof Interrupted)
            failures.push(step);
    }
    if (failures.length > 0) {
        // A hard failure stops the run; only when every failure is a lost race, plan again.
        const failure = failures.find(step => !step.race) ?? failures[0];
        throw new Interrupted(failure.cause, failure.race, done, after, notes, failure.unanswered);
    }
    return { done, state: after, notes };
}
async function createFunction(api, desired, log) {
    let created;
    try {
        created = await api.create(desired);
    }
    catch (error) {
        if (isAlreadyExists(error) || outcomeUnknown(error)) {
            const found = await readQuietly(api, desired);
            // The create sent the tags too: another writer's function with other tags is not ours.
            if (found &&
                holdsDeclared(found.development, desired) &&
                tagChanges(desired.tags, found.tags).length === 0 &&
                (wasRetried(error) || outcomeUnknown(error))) {
                const sent = desired.tags === undefined ? 'code and configuration' : 'code, configuration and tags';
                const note = lostAnswer(error, `a fresh read shows ${desired.name} holds exactly this run's ${sent}, so it was created by this run`);
                log.info(note);
                return { done: { created: true }, state: stateOf(found), notes: [note] };
            }
        }
        throw writeFailed(error);
    }
    const state = await confirmedState(api, created, desired).catch(error => {
        throw afterWrite(error, { created: true });
    });
    log.info(`Created ${desired.name} (DEVELOPMENT ETag ${state.etag}).`);
    return { done: { created: true }, state: { ...state, liveEtag: '' }, notes: [] };
}
async function updateFunction(api, desired, state, change, log) {
    let updated;
    try {
        updated = await api.update(state.id, state.etag, desired);
    }
    catch (error) {
        if ((isPreconditionFailed(error) && wasRetried(error)) || outcomeUnknown(error)) {
            const found = await readStageQuietly(api, state.id, 'DEVELOPMENT');
            if (found && holdsDeclared(found, desired)) {
                const note = lostAnswer(error, `a fresh read shows DEVELOPMENT holds exactly this run's code and configuration (ETag ${found.etag}), so the update is this run's`);
                log.info(note);
                return {
                    done: { updated: true },
                    state: { ...state, status: found.status || state.status, etag: found.etag },
                    notes: [note]
                };
            }
        }
        throw writeFailed(error);
    }
    const confirmed = await confirmedState(api, updated, desired).catch(error => {
        throw afterWrite(error, { updated: true });
    });
    const fields = change.action === 'update' ? [...(change.code ? ['code'] : []), ...change.config] : [];
    log.info(`Updated ${fields.join(', ')} (DEVELOPMENT ETag ${state.etag} → ${confirmed.etag}).`);
    return {
        done: { updated: true },
        state: { ...state, status: confirmed.status || state.status, etag: confirmed.etag },
        notes: []
    };
}
/**
 * A failure after a write went through: the write is still this run's, whatever happened to
 * the version afterwards (another writer may have saved one over it).
 */
function afterWrite(error, done) {
    return error instanceof Interrupted
        ? new Interrupted(error.cause, error.race, mergeProgress(error.done, done))
        : new Interrupted(error, false, done);
}
/**
 * The state after a write. When the answer carries no ETag (UpdateFunction's `ETtag` quirk),
 * DEVELOPMENT is read again, and its ETag is used only if it holds exactly what this run
 * wrote: a version another writer made meanwhile is never adopted.
 */
async function confirmedState(api, summary, desired) {
    if (summary.etag)
        return { ...summary, liveEtag: '' };
    const found = await api.readStage(summary.id, 'DEVELOPMENT');
    if (!found?.etag) {
        throw new Interrupted(new Error(`CloudFront returned no ETag for ${summary.id}, even when read again.`), false);
    }
    if (!holdsDeclared(found, desired)) {
        throw new Interrupted(new Error('the write was answered without an ETag, and DEVELOPMENT now holds another version'), true);
    }
    return {
        ...summary,
        arn: summary.arn || found.arn,
        status: found.status,
        etag: found.etag,
        liveEtag: ''
    };
}
/**
 * Untag before tag, one after the other: CloudFront counts a resource's tags after each
 * request, so removing first keeps every request within the 50-tag limit.
 */
async function writeTags(api, arn, plan, log) {
    let tagged = false;
    try {
        for (const change of plan.changes) {
            if (change.action === 'untag')
                await api.untag(arn, change.keys);
            else if (change.action === 'tag')
                await api.tag(arn, change.tags);
            else
                continue;
            tagged = true;
            log.info(describeChange(change));
        }
    }
    catch (error) {
        const now = await api.listTags(arn).then(describeTags, () => 'unknown (they could not be read)');
        throw new Interrupted(new Error(`${(0,errors/* errorMessage */.g)(error)} The function's tags are now: ${now}.`), false, { tagged });
    }
    return { done: { tagged }, notes: [] };
}
function describeTags(tags) {
    const entries = Object.entries(tags);
    return entries.length === 0 ? 'none' : entries.map(([key, value]) => `${key}=${value}`).join(', ');
}
/** The test gate: every case must pass before anything is published. */
async function testDevelopment(api, target, options) {
    const { log, testCases } = options;
    if (testCases.length === 0)
        return [];
    return inGroup(log, `Test DEVELOPMENT (${(0,words/* plural */.LS)(testCases.length, 'case')})`, async () => {
        let tests;
        try {
            tests = await runTestGate(cloudFrontRunner(api, target), testCases, options.maxComputeUtilization, options.limiter);
        }
        catch (error) {
            // A 412 here means another writer replaced the version under test: plan again.
            throw new Interrupted(error, isLostRace(error));
        }
        for (const test of tests) {
            const failures = test.failures.map(failure => `\n  ${failure}`).join('');
            log.info(`${test.passed ? 'PASS' : 'FAIL'} ${test.name} (compute ${test.computeUtilization}%)${failures}`);
        }
        return tests;
    });
}
// ---- LIVE -------------------------------------------------------------------------------
/**
 * Publishes DEVELOPMENT. CloudFront answers 412 both when DEVELOPMENT changed and when the
 * version is already LIVE; a read of LIVE decides. It counts as published by this run only
 * when the SDK had sent the request more than once (the first attempt's answer was lost).
 */
async function publishVersion(api, target, desired, log) {
    try {
        const published = await api.publish(target.id, target.etag);
        return {
            done: { published: true },
            state: { ...target, status: published.status || target.status, liveEtag: target.etag },
            notes: []
        };
    }
    catch (error) {
        if (isPreconditionFailed(error) || outcomeUnknown(error)) {
            const live = await readStageQuietly(api, target.id, 'LIVE');
            if (live && live.etag === target.etag && holdsDeclared(live, desired)) {
                const state = { ...target, status: live.status || target.status, liveEtag: live.etag };
                const ours = wasRetried(error) || outcomeUnknown(error);
                const note = ours
                    ? lostAnswer(error, `a fresh read shows LIVE holds this run's version (ETag ${live.etag}), so it was published by this run`)
                    : `CloudFront reports DEVELOPMENT ETag ${target.etag} as already LIVE; nothing to publish.`;
                log.info(note);
                return { done: { published: ours }, state, notes: [note] };
            }
        }
        throw writeFailed(error);
    }
}
/**
 * Connection functions pass through PUBLISHING; wait, bounded, until they leave it. The
 * state reported afterwards comes from one read of both stages.
 */
async function waitWhilePublishing(api, target, options) {
    const sleep = options.sleep ?? sleepFor;
    const timeoutMs = options.publishTimeoutMs ?? PUBLISH_TIMEOUT_MS;
    let waited = 0;
    let delay = 250;
    options.log.info(`Status is PUBLISHING; waiting up to ${Math.round(timeoutMs / 1000)} s for it to finish.`);
    while (waited < timeoutMs) {
        await sleep(delay);
        waited += delay;
        delay = Math.min(delay * 2, 5_000);
        const [development, live] = await Promise.all([
            api.describe(target.id, 'DEVELOPMENT'),
            api.describe(target.id, 'LIVE')
        ]);
        if (live && live.status !== 'PUBLISHING') {
            return {
                ...target,
                status: live.status,
                etag: development?.etag || target.etag,
                liveEtag: live.etag || target.liveEtag
            };
        }
    }
    throw new Interrupted(new Error(`${target.id} is published but its status is still PUBLISHING after ${Math.round(timeoutMs / 1000)} s. CloudFront may still finish: check it with 'aws cloudfront describe-connection-function --identifier ${target.id} --stage LIVE' and re-run this step to confirm.`), false);
}
async function readQuietly(api, desired) {
    try {
        return await api.read(desired.name, { tags: desired.tags !== undefined });
    }
    catch {
        return undefined;
    }
}
async function readStageQuietly(api, id, stage) {
    try {
        return await api.readStage(id, stage);
    }
    catch {
        return undefined;
    }
}
// ---- delete -----------------------------------------------------------------------------
async function remove(api, name, options) {
    const { log } = options;
    const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    let result;
    for (let attempt = 1;; attempt++) {
        const current = await inGroup(log, `Read ${api.kind} ${name}`, async () => {
            const found = await api.read(name, { tags: false });
            log.info(describeCurrent(found));
            return found;
        });
        const plan = planDelete(api.kind, name, current);
        logPlan(log, plan);
        result = {
            ...NOTHING_DONE,
            firstPlan: result?.firstPlan ?? plan,
            plan,
            desired: undefined,
            before: result ? result.before : current,
            after: current && stateOf(current),
            tests: [],
            notes: []
        };
        if (!current || options.dryRun)
            return result;
        try {
            await inGroup(log, `Delete ${name}`, () => api.delete(current.id, current.development.etag));
            log.info(`Deleted ${api.kind} ${name}.`);
            return { ...result, deleted: true, after: undefined };
        }
        catch (error) {
            if (isNotFound(error)) {
                const ours = wasRetried(error);
                const note = ours
                    ? lostAnswer(error, `${name} is gone, so it was deleted by this run`)
                    : `${name} was deleted by someone else meanwhile; nothing left to do.`;
                log.info(note);
                return { ...result, deleted: ours, after: undefined, notes: [note] };
            }
            if (isPreconditionFailed(error) && attempt < maxAttempts) {
                log.warning(`${name} changed since it was read (PreconditionFailed); reading it again.`);
                continue;
            }
            if (outcomeUnknown(error)) {
                // No answer: a fresh read tells whether the delete went through.
                const gone = await api.read(name, { tags: false }).then(found => found === undefined, () => false);
                if (gone) {
                    const note = lostAnswer(error, `${name} is gone, so it was deleted by this run`);
                    log.info(note);
                    return { ...result, deleted: true, after: undefined, notes: [note] };
                }
                throw new RunError(error, { ...result, unanswered: [error.operation] });
            }
            throw new RunError(error, result);
        }
    }
}
function describeCurrent(current) {
    if (!current)
        return 'Not found: it does not exist yet.';
    const live = current.live ? `LIVE ETag ${current.live.etag}` : 'never published';
    return `Found ${current.arn}: status ${current.status}, DEVELOPMENT ETag ${current.development.etag}, ${live}, ${current.development.code.length} bytes of code, runtime ${current.development.config.runtime}.`;
}
function logPlan(log, plan, differences = []) {
    if (plan.changes.length === 0) {
        log.info('Plan: no changes; CloudFront already matches the inputs.');
        return;
    }
    log.info(`Plan: ${plan.changes.map(describeChange).join('; ')}.`);
    // One line per change, from what to what.
    for (const line of differences)
        log.info(`  ${line}`);
}

;// CONCATENATED MODULE: ./src/deploy/orchestrate.ts








/** Runs `work` for every item, at most `limit` at once; results keep the items' order. */
async function inPool(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/** A log per function: the run's own log for one function, a buffer each for several. */
function logs(count, log) {
    if (count === 1)
        return () => ({ log, flush: () => undefined });
    return fn => {
        const buffer = new BufferedLog(fn.name);
        return { log: buffer, flush: () => buffer.flushTo(log) };
    };
}
async function deployAll(jobs, options) {
    // One bound on TestFunction calls for the whole run, whichever function makes them.
    const limiter = new Limiter(PARALLEL_TESTS);
    const logFor = logs(jobs.length, options.log);
    const deployOptions = (job, log) => ({
        dryRun: options.dryRun,
        testCases: options.dryRun ? [] : job.testCases,
        maxComputeUtilization: job.fn.maxComputeUtilization,
        log,
        resolve: options.resolve,
        readLive: job.desired.publish,
        limiter
    });
    const staged = await inPool(jobs, options.maxParallel, async (job) => {
        const { log, flush } = logFor(job.fn);
        const api = options.apiFor(job.fn.kind);
        try {
            const [result, reference] = await Promise.all([
                stage(api, job.desired, deployOptions(job, log)),
                readReference(api, job.fn)
            ]);
            if (options.dryRun && job.testCases.length > 0) {
                log.info(`Dry run: ${(0,words/* plural */.LS)(job.testCases.length, 'test case')} loaded but not run (DEVELOPMENT is not updated in a dry run).`);
            }
            return { ok: true, job, staged: result, reference };
        }
        catch (error) {
            return { ok: false, job, outcome: failed(job.fn, error) };
        }
        finally {
            flush();
        }
    });
    const failures = staged.filter(item => !item.ok);
    if (failures.length > 0) {
        // The release gate: one failure and nothing is published.
        const names = failures.map(item => item.job.fn.name);
        return staged.map(item => (item.ok ? held(item, names) : item.outcome));
    }
    // Every function staged: each one narrows to its staged form.
    const ready = staged.filter((item) => item.ok);
    return inPool(ready, options.maxParallel, async (item) => {
        const { log, flush } = logFor(item.job.fn);
        try {
            const result = await release(options.apiFor(item.job.fn.kind), item.staged, deployOptions(item.job, log));
            return { fn: item.job.fn, result, reference: item.reference, failure: undefined, held: false };
        }
        catch (error) {
            return { ...failed(item.job.fn, error), reference: item.reference };
        }
        finally {
            flush();
        }
    });
}
/** A staged function that may not publish because others failed. */
function held(item, failedNames) {
    const { result } = item.staged;
    const wouldPublish = hasChange(result.plan, 'publish');
    return {
        fn: item.job.fn,
        result: wouldPublish
            ? {
                ...result,
                notes: [
                    ...result.notes,
                    `Not published: ${(0,words/* listing */.RR)(failedNames)} failed, and a run publishes all of its functions or none.`
                ]
            }
            : result,
        reference: item.reference,
        failure: undefined,
        held: wouldPublish
    };
}
function failed(fn, error) {
    return {
        fn,
        result: error instanceof RunError ? error.result : undefined,
        reference: undefined,
        failure: (0,errors/* errorMessage */.g)(error),
        held: false
    };
}
/** Reads the function `diff-against` names, read-only; never fails the run. */
async function readReference(api, fn) {
    if (fn.diffAgainst === '')
        return undefined;
    try {
        const current = await api.read(fn.diffAgainst, { tags: fn.tags !== undefined, live: true });
        if (!current) {
            return {
                name: fn.diffAgainst,
                found: false,
                reason: `no ${fn.kind} named ${fn.diffAgainst} exists`
            };
        }
        return { name: fn.diffAgainst, found: true, current };
    }
    catch (error) {
        return {
            name: fn.diffAgainst,
            found: false,
            reason: `it could not be read: ${(0,errors/* errorMessage */.g)(error)}`
        };
    }
}
/** Deletes every function, at most `maxParallel` at once; one failure does not stop the rest. */
async function deleteAll(functions, options) {
    const logFor = logs(functions.length, options.log);
    return inPool(functions, options.maxParallel, async (fn) => {
        const { log, flush } = logFor(fn);
        try {
            const result = await remove(options.apiFor(fn.kind), fn.name, { dryRun: options.dryRun, log });
            return { fn, result, reference: undefined, failure: undefined, held: false };
        }
        catch (error) {
            return failed(fn, error);
        }
        finally {
            flush();
        }
    });
}

// EXTERNAL MODULE: ./src/build/needs-build.ts
var needs_build = __webpack_require__(9140);
// EXTERNAL MODULE: ./src/code/check.ts
var check = __webpack_require__(8697);
;// CONCATENATED MODULE: ./src/code/prepare.ts
// Everything the code of one function must pass before any request. The file is read from
// inside the job's folders (and built, for TypeScript, bundle or minify); what CloudFront
// would get is checked against the declared runtime, its size against CloudFront's limit,
// and its use of a key value store against the declared one, so that a forgotten store
// cannot detach production. Findings point at the source line they came from.





/** CloudFront's limit on the code of one function (quotas page; not adjustable). */
const MAX_CODE_BYTES = needs_build/* CODE_SIZE_LIMIT */.Uj;
/** Code at or above this share of the limit gets a warning. */
const SIZE_WARNING_SHARE = 0.9;
async function prepareCode(fn, roots) {
    const file = (0,files/* resolveJobFile */.Ah)('code', fn.code, roots, problem => problem === 'directory' ? ' Point code at the function source file inside it.' : '');
    (0,needs_build/* checkBuildRuntime */.VF)(file.name, fn.runtime, fn);
    const built = (0,needs_build/* needsBuild */.yD)(file.name, fn) ? await build(fn, file, roots) : undefined;
    const code = built?.code ?? readPlain(file);
    if (code.length === 0) {
        throw new errors/* InputError */.d('code', `'${file.name}' is empty. A function needs a handler.`);
    }
    const source = code.toString('utf8');
    // A position in the deployed code, as a position in the file a person edits.
    const locate = (line, column) => built
        ? (built.originalPosition(line, column) ?? { file: file.name })
        : { file: file.name, line, column };
    checkRuntime(source, fn, file.name, locate);
    const use = (0,check/* findKeyValueStoreUse */.qR)(source);
    const storeUse = use && locate(use.line, use.column);
    return {
        code,
        file: file.name,
        build: built && {
            sources: built.sources,
            sourceBytes: built.sizes.sources,
            bundled: built.bundled,
            minified: built.minified
        },
        storeUse,
        notes: describeSize(code, file.name, built),
        annotations: [
            ...unlistedSyntax(source, fn, locate),
            ...checkStoreUse(storeUse, file.name, fn),
            ...sizeWarnings(code, file.name),
            ...(built ? [] : encodingWarnings(code, file.name))
        ]
    };
}
function readPlain(file) {
    return (0,files/* readJobFile */.i5)('code', file, MAX_CODE_BYTES, 'CloudFront refuses larger functions (the limit is not adjustable): set minify: true to build a smaller file, or move data into a key value store.');
}
async function build(fn, file, roots) {
    if (file.size > needs_build/* MAX_SOURCE_BYTES */.Tw) {
        throw new errors/* InputError */.d('code', `'${file.name}' is ${(0,files/* formatBytes */.z3)(file.size)}, over the ${(0,files/* formatBytes */.z3)(needs_build/* MAX_SOURCE_BYTES */.Tw)} a function's source may have.`);
    }
    // Loaded only when a run builds: the bundler and the minifier are large.
    const { buildFunction, checkSize } = await Promise.all(/* import() */[__webpack_require__.e(742), __webpack_require__.e(275)]).then(__webpack_require__.bind(__webpack_require__, 2275));
    const result = await buildFunction({
        entry: file.path,
        workspace: roots.workspace,
        bundle: fn.bundle,
        minify: fn.minify,
        kind: fn.kind,
        runtime: fn.runtime
    });
    checkSize(result, MAX_CODE_BYTES);
    return result;
}
function checkRuntime(source, fn, file, locate) {
    const findings = (0,check/* checkCode */.q7)(source, { runtime: fn.runtime, kind: fn.kind });
    if (findings.length === 0)
        return;
    const title = `CloudFront ${fn.runtime}`;
    const annotations = findings.map(finding => ({
        level: 'error',
        message: finding.message,
        title: `${title}: ${finding.rule}`,
        ...locate(finding.line, finding.column)
    }));
    const first = annotations[0];
    const place = first.file === file ? '' : `${first.file} `;
    const where = first.line ? `${place}line ${first.line}, column ${first.column}` : first.file;
    throw new errors/* InputError */.d('code', `${file} has ${(0,words/* plural */.LS)(findings.length, 'problem')} for ${fn.runtime} (first: ${where}: ${first.message}). See the annotations; nothing was sent to CloudFront.`, annotations);
}
/** Syntax the guide does not list: a warning at its first use, naming the guide. */
function unlistedSyntax(source, fn, locate) {
    return (0,check/* findUnlistedSyntax */.v4)(source, fn.runtime).map(finding => ({
        level: 'warning',
        message: finding.message,
        title: `CloudFront ${fn.runtime}: syntax the guide does not list`,
        ...locate(finding.line, finding.column)
    }));
}
/**
 * An update sends the whole configuration, so code that reads a store deployed without
 * `key-value-stores` would lose its association (a typo in the input name does that).
 */
function checkStoreUse(use, file, fn) {
    if (use && fn.keyValueStores.length === 0) {
        const at = use.line ? `${use.file === file ? '' : `${use.file} `}line ${use.line}` : use.file;
        const message = `${file} reads a key value store (cf.kvs at ${at}), but key-value-stores is empty: deploying would remove the function's store association. Set key-value-stores to the store's name or ARN.`;
        throw new errors/* InputError */.d('key-value-stores', message, [
            { level: 'error', message, title: 'Key value store not declared', ...use }
        ]);
    }
    if (!use && fn.keyValueStores.length > 0) {
        return [
            {
                level: 'warning',
                message: `key-value-stores associates ${fn.keyValueStores.join(', ')}, but ${file} never reads a key value store (no cf.kvs from the 'cloudfront' module). Remove the input if the function does not need the store.`,
                title: 'Key value store not used',
                file
            }
        ];
    }
    return [];
}
function describeSize(code, file, built) {
    const share = `${code.length} of ${MAX_CODE_BYTES} bytes (${Math.round((code.length / MAX_CODE_BYTES) * 100)}% of CloudFront's limit)`;
    if (!built)
        return [`Code ${file}: ${share}.`];
    const steps = [
        built.sources.some(source => (0,needs_build/* isTypeScript */.CV)(source.file)) ? 'TypeScript types removed' : '',
        built.bundled ? `${(0,words/* plural */.LS)(built.sources.length, 'module')} bundled` : '',
        built.minified ? 'minified' : ''
    ].filter(Boolean);
    return [
        `Built ${file} (${steps.join(', ')}): ${(0,words/* plural */.LS)(built.sizes.sources, 'byte')} of source → ${share}.`
    ];
}
function sizeWarnings(code, file) {
    if (code.length < SIZE_WARNING_SHARE * MAX_CODE_BYTES)
        return [];
    return [
        {
            level: 'warning',
            message: `${file} deploys ${code.length} bytes, ${Math.round((code.length / MAX_CODE_BYTES) * 100)}% of CloudFront's 10,240-byte limit: little room is left. Consider minify: true, or moving data into a key value store.`,
            title: 'Code close to the size limit',
            file
        }
    ];
}
/**
 * Line endings and a byte-order mark are part of the code CloudFront compares: a checkout
 * that converts them makes every other run an update and a publish.
 */
function encodingWarnings(code, file) {
    const problems = [];
    if (code[0] === 0xef && code[1] === 0xbb && code[2] === 0xbf)
        problems.push('starts with a byte-order mark');
    if (code.includes('\r\n'))
        problems.push('has CRLF line endings');
    if (problems.length === 0)
        return [];
    return [
        {
            level: 'warning',
            message: `${file} ${problems.join(' and ')}. CloudFront compares code byte for byte, so checkouts that convert line endings (Windows, core.autocrlf) turn every other run into an update and a publish. Add '*.js text eol=lf' to .gitattributes and save the file without a byte-order mark.`,
            title: 'Line endings',
            file
        }
    ];
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/inputs/values.ts
// Parsers for single input values. Each one names the input in its InputError, says what is
// wrong with the value and how to fix it.

const KINDS = ['function', 'connection-function'];
const RUNTIMES = ['cloudfront-js-2.0', 'cloudfront-js-1.0'];
const MAX_KEY_VALUE_STORES = 1;
const MAX_COMMENT_CHARACTERS = 128;
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const STORE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const STORE_ARN_PATTERN = /^arn:aws[a-z-]*:cloudfront::\d{12}:key-value-store\/[A-Za-z0-9-]{1,64}$/;
// C0 and C1 control characters, the line and paragraph separators, and what XML cannot
// carry at all (U+FFFE, U+FFFF, lone surrogates), which CloudFront refuses.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff]/u;
/** Whether `name` is a valid function name (what parseName accepts, without its messages). */
function isValidName(name) {
    return typeof name === 'string' && NAME_PATTERN.test(name);
}
/** Characters as CloudFront counts them: Unicode code points, not UTF-16 units. */
function characters(text) {
    return [...text].length;
}
/** Splits a comma- or newline-separated list, trimming entries and dropping empty ones. */
function splitList(value) {
    return value
        .split(/[,\n]/)
        .map(item => item.trim())
        .filter(item => item !== '');
}
function parseName(value, input = 'name') {
    const name = value.trim();
    if (name === '') {
        throw new errors/* InputError */.d(input, 'is required. Set it to the function name, e.g. name: my-function.');
    }
    if (!NAME_PATTERN.test(name)) {
        throw new errors/* InputError */.d(input, `'${name}' is not a valid function name: use 1 to 64 characters from A-Z, a-z, 0-9, hyphen (-) and underscore (_).`);
    }
    return name;
}
function parseChoice(input, value, choices) {
    const choice = value.trim();
    if (choices.includes(choice))
        return choice;
    throw new errors/* InputError */.d(input, `'${choice}' is not supported: use one of ${choices.join(', ')}.`);
}
/** Accepts the YAML 1.2 core booleans, like `core.getBooleanInput`; empty means false. */
function parseBoolean(input, value) {
    const text = value.trim();
    if (text === '' || ['false', 'False', 'FALSE'].includes(text))
        return false;
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    throw new errors/* InputError */.d(input, `'${text}' is not a boolean: use true or false.`);
}
function parsePercent(input, value) {
    const text = value.trim() || '80';
    const percent = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || percent > 100) {
        throw new errors/* InputError */.d(input, `'${text}' is not a percentage: use a number from 0 to 100.`);
    }
    return percent;
}
/** An integer in [min, max]; empty gives `fallback`. */
function parseInteger(input, value, range) {
    const text = value.trim();
    if (text === '')
        return range.fallback;
    const number = Number(text);
    if (!/^\d+$/.test(text) || number < range.min || number > range.max) {
        throw new errors/* InputError */.d(input, `'${text}' is not a whole number from ${range.min} to ${range.max}.`);
    }
    return number;
}
/**
 * The comment CloudFront stores with the function: at most 128 characters (API reference,
 * FunctionConfig) and a single line, because control characters cannot travel safely.
 */
function parseComment(value, input = 'comment') {
    const length = characters(value);
    if (length > MAX_COMMENT_CHARACTERS) {
        throw new errors/* InputError */.d(input, `is ${length} characters; CloudFront allows at most ${MAX_COMMENT_CHARACTERS}. Shorten it.`);
    }
    const control = CONTROL_CHARACTERS.exec(value);
    if (control) {
        const code = control[0].codePointAt(0)?.toString(16).padStart(4, '0').toUpperCase();
        const what = control[0] === '\n' || control[0] === '\r' ? 'a line break' : `U+${code}`;
        throw new errors/* InputError */.d(input, `contains ${what} at character ${characters(value.slice(0, control.index)) + 1}; a comment is one line of text without control characters or characters XML cannot carry. In YAML, use a plain or quoted scalar, not a block (| or >).`);
    }
    return value;
}
/** Store ARNs or names, as given; at most one, and only with cloudfront-js-2.0. */
function parseKeyValueStores(value, runtime, input = 'key-value-stores') {
    const stores = splitList(value);
    if (stores.length > MAX_KEY_VALUE_STORES) {
        throw new errors/* InputError */.d(input, `${stores.length} stores given (${stores.join(', ')}), but CloudFront allows at most ${MAX_KEY_VALUE_STORES} per function. Keep one.`);
    }
    for (const store of stores) {
        if (store.startsWith('arn:')) {
            if (!STORE_ARN_PATTERN.test(store)) {
                throw new errors/* InputError */.d(input, `'${store}' is not a key value store ARN: expected arn:aws:cloudfront::<12-digit account>:key-value-store/<id>, or give the store name.`);
            }
        }
        else if (!STORE_NAME_PATTERN.test(store)) {
            throw new errors/* InputError */.d(input, `'${store}' is neither a key value store ARN nor a valid store name (1 to 64 characters from A-Z, a-z, 0-9, - and _).`);
        }
    }
    if (stores.length > 0 && runtime !== 'cloudfront-js-2.0') {
        throw new errors/* InputError */.d(input, `key value stores need runtime cloudfront-js-2.0, but runtime is ${runtime}. Set runtime: cloudfront-js-2.0 or remove the store.`);
    }
    return stores;
}

;// CONCATENATED MODULE: ./src/inputs/tags.ts
// Tags: parsed from the input's `key=value` list (or a manifest's mapping) and checked
// against CloudFront's rules before any request, so no tag write can be refused half-way.


const MAX_TAGS = 50;
const MAX_TAG_KEY_CHARACTERS = 128;
const MAX_TAG_VALUE_CHARACTERS = 256;
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** CloudFront keeps keys with this prefix (any case) for AWS's own tags. */
const RESERVED_TAG_PREFIX = 'aws:';
/** Parses the input's `key=value` pairs; an empty input means "leave tags alone". */
function parseTags(value, input = 'tags') {
    const pairs = splitList(value);
    if (pairs.length === 0)
        return undefined;
    const entries = [];
    for (const pair of pairs) {
        const equals = pair.indexOf('=');
        if (equals < 0) {
            throw new errors/* InputError */.d(input, `'${pair}' has no '='. Write each tag as key=value.`);
        }
        entries.push([pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()]);
    }
    return checkTags(entries, input);
}
/**
 * Checks tags against CloudFront's rules and returns them as an object. A Map collects them
 * first: keys such as `constructor` or `__proto__` are ordinary tags.
 */
function checkTags(entries, input = 'tags') {
    const tags = new Map();
    for (const [key, value] of entries) {
        if (key === '') {
            throw new errors/* InputError */.d(input, `a tag has an empty key ('=${value}'). Write each tag as key=value.`);
        }
        const keyLength = characters(key);
        if (keyLength > MAX_TAG_KEY_CHARACTERS) {
            throw new errors/* InputError */.d(input, `key '${[...key].slice(0, 20).join('')}…' is ${keyLength} characters; the limit is ${MAX_TAG_KEY_CHARACTERS}.`);
        }
        if (key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) {
            throw new errors/* InputError */.d(input, `key '${key}' starts with '${RESERVED_TAG_PREFIX}', which AWS reserves for its own tags. Rename the key.`);
        }
        const valueLength = characters(value);
        if (valueLength > MAX_TAG_VALUE_CHARACTERS) {
            throw new errors/* InputError */.d(input, `the value of '${key}' is ${valueLength} characters; the limit is ${MAX_TAG_VALUE_CHARACTERS}.`);
        }
        for (const [part, text] of [
            ['key', key],
            ['value', value]
        ]) {
            if (!TAG_PATTERN.test(text)) {
                throw new errors/* InputError */.d(input, `the ${part} '${text}' of tag '${key}' has characters CloudFront does not allow: use letters, digits, spaces and _ . : / = + - @.`);
            }
        }
        if (tags.has(key)) {
            throw new errors/* InputError */.d(input, `key '${key}' is given twice. Give each tag key once.`);
        }
        tags.set(key, value);
    }
    if (tags.size > MAX_TAGS) {
        throw new errors/* InputError */.d(input, `${tags.size} tags given; CloudFront allows at most ${MAX_TAGS} per function. Remove ${tags.size - MAX_TAGS}.`);
    }
    return Object.fromEntries(tags);
}
/**
 * `team=edge service=web` is one tag whose value is `edge service=web`: CloudFront allows
 * spaces and `=` in values, so it is not refused, but it is almost always a list written
 * with spaces. Returns the keys whose values look like that.
 */
function suspiciousTagValues(tags) {
    if (!tags)
        return [];
    return Object.entries(tags)
        .filter(([, value]) => /\s\S+=/.test(value))
        .map(([key]) => key);
}

;// CONCATENATED MODULE: ./src/inputs/contract.ts
// The input contract in one table: every input of action.yml, its default (the value the
// runner passes when a workflow leaves the input out), whether it configures one function
// or the whole run, and the parser that turns its text into a checked value. A test keeps
// action.yml and the README in step with this table.



function contract_define(scope, defaultValue, parse) {
    return { scope, default: defaultValue, parse };
}
/**
 * Functions worked on at once with a manifest. Each function sends up to four requests at
 * once, so four functions stay near 16 concurrent requests: fast (the benchmark shows where
 * the time goes), and well clear of CloudFront's control-plane rate limits.
 */
const DEFAULT_MAX_PARALLEL = 4;
const contract_text = (value) => value.trim();
const verbatim = (value) => value;
const contract_boolean = (value, input) => parseBoolean(input, value);
const INPUTS = {
    name: contract_define('function', '', (value, input) => parseName(value, input)),
    code: contract_define('function', '', contract_text),
    type: contract_define('function', 'function', (value, input) => parseChoice(input, value, KINDS)),
    runtime: contract_define('function', 'cloudfront-js-2.0', (value, input) => parseChoice(input, value, RUNTIMES)),
    comment: contract_define('function', '', (value, input) => parseComment(value, input)),
    // The runtime check needs the runtime: it runs once every value is parsed.
    'key-value-stores': contract_define('function', '', (value, input) => parseKeyValueStores(value, 'cloudfront-js-2.0', input)),
    tags: contract_define('function', '', (value, input) => parseTags(value, input)),
    publish: contract_define('function', 'false', contract_boolean),
    'test-events': contract_define('function', '', value => splitList(value)),
    'max-compute-utilization': contract_define('function', '80', (value, input) => parsePercent(input, value)),
    'diff-against': contract_define('function', '', (value, input) => value.trim() === '' ? '' : parseName(value, input)),
    bundle: contract_define('function', 'false', contract_boolean),
    minify: contract_define('function', 'false', contract_boolean),
    'dry-run': contract_define('run', 'false', contract_boolean),
    delete: contract_define('run', 'false', contract_boolean),
    offline: contract_define('run', 'false', contract_boolean),
    'offline-store-data': contract_define('run', '', contract_text),
    functions: contract_define('run', '', contract_text),
    'name-suffix': contract_define('run', '', contract_text),
    'max-parallel': contract_define('run', String(DEFAULT_MAX_PARALLEL), (value, input) => parseInteger(input, value, { min: 1, max: 10, fallback: DEFAULT_MAX_PARALLEL })),
    'comment-on-pr': contract_define('run', 'false', contract_boolean),
    'github-token': contract_define('run', '${{ github.token }}', verbatim)
};
/** Whether a default is an expression the runner evaluates, not a literal value. */
function isExpression(value) {
    return value.startsWith('${{');
}
/** The text of an input: what the workflow gave, or the default when it gave nothing. */
function inputText(read, name) {
    const value = read(name);
    const fallback = INPUTS[name].default;
    return value.trim() === '' && !isExpression(fallback) ? fallback : value;
}
/** Parses one input from its text. */
function parseInput(read, name) {
    return INPUTS[name].parse(inputText(read, name), name);
}
/** The inputs that configure one function: the keys a manifest entry may have. */
const FUNCTION_INPUTS = Object.keys(INPUTS).filter(name => INPUTS[name].scope === 'function');
/** Whether the workflow set an input to something other than its default. */
function isSetByWorkflow(read, name) {
    const value = read(name).trim();
    if (value === '' || value === INPUTS[name].default)
        return false;
    // `False` or `80.0` say what the default says: compare what they mean, not how they read.
    const { parse, default: fallback } = INPUTS[name];
    try {
        return !(0,external_node_util_.isDeepStrictEqual)(parse(value, name), parse(fallback, name));
    }
    catch {
        return true;
    }
}

;// CONCATENATED MODULE: ./src/deploy/prepare.ts
// Everything checked before the first request, for every function of the run: the code
// (read, built, checked), the test cases, the offline store data. One bad function means
// no request at all.






async function prepareAll(functions, run, offlineStores) {
    const prepared = [];
    // One at a time: the first problem found is the one reported, the same on every run.
    for (const [index, fn] of functions.entries()) {
        try {
            prepared.push(await prepareOne(fn, run, offlineStores));
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.d))
                throw error;
            throw inManifest(error, run, index, fn).about({ kind: fn.kind, name: fn.name });
        }
    }
    return prepared;
}
/**
 * With a manifest, a problem with one entry's key (its code file, its test cases) is reported
 * like the manifest's own errors: the file, the entry and the key, not an input the workflow
 * did not set. The functions keep the manifest's order, so `index` is the entry's.
 */
function inManifest(error, run, index, fn) {
    if (run.manifest === '' || !FUNCTION_INPUTS.includes(error.input))
        return error;
    const declared = fn.name.slice(0, fn.name.length - run.nameSuffix.length);
    return new errors/* InputError */.d('functions', `${run.manifest}: functions[${index}] (${declared}): key '${error.input}': ${error.detail}`, error.annotations);
}
async function prepareOne(fn, run, offlineStores) {
    const annotations = tagWarnings(fn);
    if (run.delete) {
        return {
            fn,
            desired: declared(fn, Buffer.alloc(0)),
            testCases: [],
            code: undefined,
            annotations,
            notes: []
        };
    }
    const code = await prepareCode(fn, run.roots);
    if (run.offline && code.storeUse && offlineStores === undefined) {
        const at = code.storeUse.line
            ? `${code.storeUse.file} line ${code.storeUse.line}`
            : code.storeUse.file;
        throw new errors/* InputError */.d('offline-store-data', `the code reads a key value store (cf.kvs at ${at}), and offline mode has no store to read: set offline-store-data to the path of a JSON object of the keys and values the tests need, for example {"/old": "/new"}.`);
    }
    const testCases = loadTestCases(fn.testEvents, run.roots);
    const notes = [...code.notes];
    if (testCases.length > 0)
        notes.push(`Test gate: ${(0,words/* plural */.LS)(testCases.length, 'test case')} loaded.`);
    return {
        fn,
        desired: declared(fn, code.code),
        testCases,
        code,
        annotations: [...annotations, ...code.annotations],
        notes
    };
}
function declared(fn, code) {
    return {
        kind: fn.kind,
        name: fn.name,
        code,
        config: {
            comment: fn.comment,
            runtime: fn.runtime,
            keyValueStoreArns: [...fn.keyValueStores]
        },
        tags: fn.tags,
        publish: fn.publish
    };
}
/**
 * `team=edge service=web` is one tag whose value is `edge service=web`: allowed by
 * CloudFront, but almost always a list written with spaces.
 */
function tagWarnings(fn) {
    return suspiciousTagValues(fn.tags).map(key => ({
        level: 'warning',
        title: 'Tags',
        message: `Input 'tags': the value of '${key}' is '${fn.tags?.[key]}', which looks like several tags separated by spaces. Separate tags with commas or newlines (team=edge, service=web); spaces are kept inside values.`
    }));
}

;// CONCATENATED MODULE: ./src/deploy/stores.ts
// Key value stores by name: declared names become ARNs before a write, and the ARNs a report
// shows become the names people gave them. Lookups are remembered for the run, so many
// functions sharing a store ask CloudFront once.



class StoreDirectory {
    client;
    arns = new Map();
    known = new Map();
    listed;
    constructor(client) {
        this.client = client;
    }
    /** The declared state with every store name replaced by its ARN. */
    async resolve(desired) {
        const stores = desired.config.keyValueStoreArns;
        if (stores.every(store => store.startsWith('arn:')))
            return desired;
        const arns = await Promise.all(stores.map(store => this.arnOf(store)));
        return { ...desired, config: { ...desired.config, keyValueStoreArns: arns } };
    }
    /** ARN → name for every store this run has named, or listed. */
    names() {
        return this.known;
    }
    /** Learns the names of `arns` not known yet (best effort: a refused list names none). */
    async learn(arns) {
        if (arns.every(arn => this.known.has(arn)))
            return;
        await this.list();
    }
    arnOf(store) {
        if (store.startsWith('arn:'))
            return Promise.resolve(store);
        let arn = this.arns.get(store);
        if (!arn) {
            arn = this.describe(store);
            this.arns.set(store, arn);
        }
        return arn;
    }
    async describe(name) {
        try {
            const arn = await resolveKeyValueStore(this.client, name);
            this.known.set(arn, name);
            return arn;
        }
        catch (error) {
            if (!isNotFound(error))
                throw error;
            await this.list();
            const closest = closestName(name, [...this.known.values()]);
            const hint = closest ? ` Did you mean '${closest}'?` : '';
            throw new errors/* InputError */.d('key-value-stores', `no key value store named '${name}' exists in this account (DescribeKeyValueStore found none).${hint} Create it first, or give its ARN.`);
        }
    }
    list() {
        this.listed ??= listKeyValueStores(this.client).then(stores => {
            for (const store of stores)
                this.known.set(store.arn, store.name);
        }, 
        // Only names for messages depend on it: a role without ListKeyValueStores still deploys.
        () => undefined);
        return this.listed;
    }
}
/** The most similar name, when it is close enough to be a typo. */
function closestName(name, candidates) {
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (!best || distance < best.distance)
            best = { candidate, distance };
    }
    const allowed = Math.max(2, Math.floor(name.length / 3));
    return best && best.distance <= allowed ? best.candidate : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = row;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/inputs/function.ts
// The settings of one function, read from the inputs or from a manifest entry the same way.



/**
 * The settings of one function, from the inputs or from a manifest entry read like them.
 * Errors found after the name and type were read say which function they belong to.
 */
function parseFunctionInputs(read, run, overrides = {}) {
    const declared = parseInput(read, 'name');
    const kind = parseInput(read, 'type');
    const name = withSuffix(declared, run.nameSuffix);
    try {
        return parseFunctionSettings(read, run, name, kind, overrides);
    }
    catch (error) {
        throw error instanceof errors/* InputError */.d ? error.about({ kind, name }) : error;
    }
}
function withSuffix(name, suffix) {
    if (suffix === '')
        return name;
    const full = `${name}${suffix}`;
    try {
        return parseName(full, 'name-suffix');
    }
    catch {
        throw new errors/* InputError */.d('name-suffix', `'${suffix}' makes the name '${full}', which is not a valid function name: names are 1 to 64 characters from A-Z, a-z, 0-9, hyphen (-) and underscore (_). Shorten the name or the suffix.`);
    }
}
function parseFunctionSettings(read, run, name, kind, overrides) {
    const runtime = parseInput(read, 'runtime');
    if (kind === 'connection-function' && runtime !== 'cloudfront-js-2.0') {
        throw new errors/* InputError */.d('runtime', `'${runtime}' cannot run a connection function: connection functions only support cloudfront-js-2.0. Set runtime: cloudfront-js-2.0 (the default).`);
    }
    const publish = parseInput(read, 'publish');
    const keyValueStores = parseKeyValueStores(inputText(read, 'key-value-stores'), runtime);
    const fields = {
        comment: parseInput(read, 'comment'),
        tags: 'tags' in overrides ? overrides.tags : parseInput(read, 'tags'),
        testEvents: parseInput(read, 'test-events'),
        maxComputeUtilization: parseInput(read, 'max-compute-utilization'),
        diffAgainst: parseInput(read, 'diff-against'),
        bundle: parseInput(read, 'bundle'),
        minify: parseInput(read, 'minify')
    };
    const code = parseInput(read, 'code');
    if (run.delete && publish) {
        throw new errors/* InputError */.d('publish', 'publish: true cannot be combined with delete: true. Set one of them to false.');
    }
    if (run.offline && publish) {
        throw new errors/* InputError */.d('publish', 'publish: true cannot be combined with offline: true: an offline run sends no request to AWS. Set publish: false for the offline run.');
    }
    if (!run.delete && code === '') {
        throw new errors/* InputError */.d('code', 'is required to deploy. Set it to the path of the function source, e.g. code: functions/viewer-request.js.');
    }
    if (fields.diffAgainst !== '' && fields.diffAgainst === name) {
        throw new errors/* InputError */.d('diff-against', `names the function itself ('${name}'): give the function to compare with, for example the production function a preview is made from.`);
    }
    return { name, kind, runtime, publish, keyValueStores, code: run.delete ? '' : code, ...fields };
}

;// CONCATENATED MODULE: ./src/inputs/manifest.ts
// The manifest: many functions in one file (YAML or JSON), each declared with the keys of the
// single-function inputs, with `defaults` every entry inherits. Each entry is parsed by the
// same code as the inputs, so a value the `name` input would refuse is refused here too;
// every error names the file, the entry and the key.






const manifest_INPUT = 'functions';
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Aliases a manifest may use; more is refused as a resource-exhaustion attack. */
const MAX_ALIASES = 50;
const FIX_SYNTAX = "Fix the file's syntax.";
const TOP_LEVEL_KEYS = new Set(['defaults', 'functions']);
/** Keys whose value may be a list; the input's text form separates items with newlines. */
const LIST_KEYS = new Set(['test-events', 'key-value-stores']);
async function loadManifest(path, run) {
    const file = (0,files/* resolveJobFile */.Ah)(manifest_INPUT, path, run.roots);
    const text = (0,files/* readJobFile */.i5)(manifest_INPUT, file, MAX_MANIFEST_BYTES, 'Split the manifest.').toString('utf8');
    const fail = (where, detail) => {
        throw new errors/* InputError */.d(manifest_INPUT, `${file.name}: ${where}${detail}`);
    };
    // Loaded only for a manifest: most runs deploy one function and never need a YAML parser.
    const yaml = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const data = parseDocument(yaml, text, file.name);
    if (!isMapping(data)) {
        return fail('', `the manifest must be a mapping with a functions list, got ${kindOf(data)}.`);
    }
    for (const key of Object.keys(data)) {
        if (!TOP_LEVEL_KEYS.has(key)) {
            fail('', `unknown top-level key ${(0,files/* keyForMessage */.wu)(key)}: a manifest has defaults (optional) and functions.`);
        }
    }
    const defaults = data.defaults ?? {};
    if (!isMapping(defaults))
        fail('defaults: ', `must be a mapping of keys, got ${kindOf(defaults)}.`);
    checkKeys(defaults, 'defaults', fail);
    if (!Array.isArray(data.functions) || data.functions.length === 0) {
        fail('functions: ', 'must be a non-empty list of functions, each with at least name and code.');
    }
    const seen = new Set();
    return data.functions.map((raw, index) => {
        const label = `functions[${index}]`;
        if (!isMapping(raw))
            return fail(`${label}: `, `must be a mapping, got ${kindOf(raw)}.`);
        // The name labels messages only when it is a valid name: anything else is file content.
        const where = isValidName(raw.name) ? `${label} (${raw.name})` : label;
        checkKeys(raw, where, fail);
        const entry = { ...defaults, ...raw };
        let fn;
        try {
            const tags = mergedTags(defaults, raw);
            fn = parseFunctionInputs(name => {
                if (name === 'tags')
                    return '';
                // A delete removes the functions whatever they declare, and an offline run only tests
                // them: the manifest that deploys and publishes them serves both.
                if (name === 'publish' && (run.delete || run.offline))
                    return '';
                const text = textOf(entry, name, where, fail);
                // `diff-against: <its own name>` compares a preview with production; without a
                // suffix the function is production, whose LIVE the diff already compares with.
                if (name === 'diff-against' && run.nameSuffix === '' && sameName(text, entry.name)) {
                    return '';
                }
                return text;
            }, run, { tags });
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.d))
                throw error;
            // Already about the manifest (a value of the wrong kind), or about the suffix input.
            if (error.input === manifest_INPUT || error.input === 'name-suffix')
                throw error;
            const known = FUNCTION_INPUTS.includes(error.input);
            const inherited = known && !(error.input in raw) && error.input in defaults;
            const key = known ? `key '${error.input}'${inherited ? ' (from defaults)' : ''}: ` : '';
            return fail(`${where}: ${key}`, error.detail);
        }
        const id = `${fn.kind}/${fn.name}`;
        if (seen.has(id)) {
            fail(`${where}: `, `a ${fn.kind} named '${fn.name}' is already declared above: give each function of a type its own name.`);
        }
        seen.add(id);
        return fn;
    });
}
function parseDocument(yaml, text, name) {
    const lines = new yaml.LineCounter();
    // Silent: the parser would print its warnings through Node's warning channel, unescaped, and
    // a warning can carry the file's text (a tag's %0A is a line break). Warnings are refused
    // below instead. Unique keys; source tokens keep numbers as they were written.
    const document = yaml.parseDocument(text, {
        uniqueKeys: true,
        prettyErrors: false,
        lineCounter: lines,
        logLevel: 'silent',
        keepSourceTokens: true
    });
    if (document.errors.length > 0) {
        throw invalidYaml(document.errors[0], lines, name, 'is not valid YAML or JSON', FIX_SYNTAX);
    }
    if (document.warnings.length > 0) {
        throw invalidYaml(document.warnings[0], lines, name, 'uses YAML the action does not accept', 'Write plain mappings, lists and values, without custom tags (!name) or directives.');
    }
    // Every value is text to the inputs: `007`, `1.10` or a 20-digit tag value stay as written,
    // where a YAML number would turn them into 7, 1.1 and a rounded float.
    yaml.visit(document, {
        Scalar(_key, node) {
            if (typeof node.value !== 'number' && typeof node.value !== 'bigint')
                return;
            // A plain scalar's source is the number as written; a quoted one's holds its quotes.
            const token = node.srcToken;
            node.value =
                node.type === 'PLAIN' && token && 'source' in token ? token.source : String(node.value);
        }
    });
    try {
        // Few aliases: a manifest has no use for alias bombs.
        return document.toJS({ maxAliasCount: MAX_ALIASES });
    }
    catch (error) {
        // The parser refuses an alias that expands too far with a plain ReferenceError.
        if (error instanceof ReferenceError && /alias/i.test(error.message)) {
            throw new errors/* InputError */.d(manifest_INPUT, `${name} uses YAML aliases (*name) that expand to too much data, as an alias bomb does. Write the entries out, or share settings through defaults.`);
        }
        throw error;
    }
}
/** A parser error or warning as an input error: where and what kind, never the text itself. */
function invalidYaml(problem, lines, name, what, fix) {
    const position = problem.pos.length > 0 ? lines.linePos(problem.pos[0]) : undefined;
    const kind = problem.code.toLowerCase().replace(/_/g, ' ');
    const at = position ? ` at line ${position.line}, column ${position.col}` : '';
    return new errors/* InputError */.d(manifest_INPUT, `${name} ${what} (${kind})${at}. ${fix}`, position
        ? [
            {
                level: 'error',
                message: `Invalid manifest: ${kind}.`,
                title: 'Invalid manifest',
                file: name,
                line: position.line,
                column: position.col
            }
        ]
        : []);
}
function checkKeys(entry, where, fail) {
    for (const key of Object.keys(entry)) {
        if (!FUNCTION_INPUTS.includes(key)) {
            fail(`${where}: `, `unknown key ${(0,files/* keyForMessage */.wu)(key)}: use the keys of the single-function inputs (${FUNCTION_INPUTS.join(', ')}).`);
        }
    }
}
/** The input text form of one key of an entry; '' when the entry leaves it unset. */
function textOf(entry, name, where, fail) {
    const value = entry[name];
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    // Numbers are text already (parseDocument keeps them as written); booleans are not.
    if (typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value) &&
        LIST_KEYS.has(name) &&
        value.every(item => typeof item === 'string')) {
        return value.join('\n');
    }
    return fail(`${where}: key '${name}': `, `must be ${LIST_KEYS.has(name) ? 'a string or a list of strings' : 'a string, a number or a boolean'}, got ${kindOf(value)}.`);
}
/**
 * Tags may be a mapping or the input's `key=value` text. An entry's tags add to (and
 * override) those of `defaults`; no tags anywhere leaves existing tags alone.
 */
function mergedTags(defaults, entry) {
    const fromDefaults = tagsOf(defaults.tags);
    const fromEntry = tagsOf(entry.tags);
    if (fromDefaults === undefined && fromEntry === undefined)
        return undefined;
    return checkTags(Object.entries({ ...fromDefaults, ...fromEntry }));
}
function tagsOf(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string')
        return parseTags(value);
    if (isMapping(value)) {
        const entries = Object.entries(value).map(([key, tag]) => {
            // `key:` with nothing after it is an empty value, as `key=` is in the text form.
            if (tag === null)
                return [key, ''];
            if (typeof tag !== 'string' && typeof tag !== 'boolean') {
                throw new errors/* InputError */.d('tags', `the value of '${key}' must be text, got ${kindOf(tag)}.`);
            }
            return [key, String(tag)];
        });
        return checkTags(entries);
    }
    throw new errors/* InputError */.d('tags', `must be a mapping of key: value, or key=value text, got ${kindOf(value)}.`);
}
function sameName(text, name) {
    return typeof name === 'string' && text.trim() !== '' && text.trim() === name.trim();
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kindOf(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./src/inputs/run.ts
// The settings that apply to the whole run.



function parseRunInputs(read, env) {
    const run = {
        dryRun: parseInput(read, 'dry-run'),
        delete: parseInput(read, 'delete'),
        offline: parseInput(read, 'offline'),
        offlineStoreData: parseInput(read, 'offline-store-data'),
        manifest: parseInput(read, 'functions'),
        nameSuffix: parseInput(read, 'name-suffix'),
        maxParallel: parseInput(read, 'max-parallel'),
        commentOnPr: parseInput(read, 'comment-on-pr'),
        githubToken: parseInput(read, 'github-token'),
        roots: (0,files/* jobRoots */.x4)(env)
    };
    if (run.offline && run.delete) {
        throw new errors/* InputError */.d('offline', 'offline: true runs the tests locally and cannot delete anything: set delete: false, or run the delete without offline.');
    }
    if (run.offlineStoreData !== '' && !run.offline) {
        throw new errors/* InputError */.d('offline-store-data', 'is only used with offline: true. Set offline: true, or remove offline-store-data.');
    }
    return run;
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts
// Reads every input once, validates it and returns one typed, readonly object: the settings
// of the run, and of each function it deploys (one from the inputs, or many from a manifest).
// Every problem is an InputError raised before any request to AWS. Code and test files are
// checked and read by the steps that use them, also before any request.





async function parseInputs(read, env = process.env) {
    const run = parseRunInputs(read, env);
    if (run.manifest === '')
        return { run, functions: [parseFunctionInputs(read, run)] };
    refuseFunctionInputs(read);
    return { run, functions: await loadManifest(run.manifest, run) };
}
/** With a manifest, every function's settings come from it: the inputs must not set any. */
function refuseFunctionInputs(read) {
    for (const name of ['name', 'code']) {
        if (read(name).trim() !== '') {
            throw new errors/* InputError */.d(name, `must be empty when functions is set: every function, with its ${name}, is declared in the manifest.`);
        }
    }
    for (const name of FUNCTION_INPUTS) {
        if (isSetByWorkflow(read, name)) {
            throw new errors/* InputError */.d(name, `is set (to something other than its default '${INPUTS[name].default}') while functions names a manifest: put it in the manifest instead, under defaults for every function or under one entry.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/report/escape.ts
// Every piece of text that did not come from the action itself (function names and code,
// test names, function logs and output, AWS and GitHub messages, pull-request text) passes
// through one of these functions on its way to a sink. One function per sink:
//   log lines        → logText      (never a workflow command)
//   markdown text    → mdText       (never HTML, a mention or a cross-reference)
//   text in raw HTML → htmlText     (the same, where markdown is not processed)
//   inline code      → mdCode       (a code span no backtick inside can close)
//   table cells      → mdCell       (text or code that cannot break out of its cell)
//   code blocks      → mdFence      (a fence longer than any backtick run inside)
// No other module escapes untrusted text by itself.
/**
 * The runner (actions/runner, ActionCommand) reads a line as a command when, after .NET's
 * `TrimStart()`, it starts with `::` (`::error::`, `::add-mask::`, `::stop-commands::`); .NET
 * trims U+0085 (NEXT LINE) too, which JavaScript's `\s` does not count. Such lines get a
 * visible prefix, so they are shown and never obeyed.
 */
const COMMAND_LINE = /^[\s\u0085]*(::|##vso\[)/;
const COMMAND_PREFIX = '│ ';
/**
 * The legacy form `##[name]` is found anywhere in a line, not only at its start: a prefix
 * cannot defuse it, so a plain space breaks the `##[` itself (a space, which no string
 * comparison ignores, unlike zero-width characters).
 */
const LEGACY_COMMAND = /##\[/g;
const LEGACY_BROKEN = '## [';
/** Makes text safe to print to the job log: no line can be read as a workflow command. */
function logText(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map(line => line.replace(LEGACY_COMMAND, LEGACY_BROKEN))
        .map(line => (COMMAND_LINE.test(line) ? COMMAND_PREFIX + line : line))
        .join('\n');
}
/** Zero-width space as an entity: it breaks `@user` and `#123` without changing how they read. */
const ZWSP = '&#8203;';
// With `<` escaped no tag can open, so quotes need no escaping.
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * Plain text for markdown outside code: HTML is shown as text, markdown syntax characters
 * are escaped, and `@mentions`, `#123` references and bare links notify and link nobody.
 * Line breaks become `<br>`, so the text stays inside the block it is placed in.
 */
function mdText(text) {
    const escaped = text.replace(/[\\`*_[\]~#]/g, char => `\\${char}`);
    // A line of only `-` or `=` under a line of text makes it a heading, or draws a rule, when
    // it starts a line (a caller may place text there): escaped, its characters are text.
    const ruled = /^[-=\s]+$/.test(text) ? escaped.replace(/[-=]/g, char => `\\${char}`) : escaped;
    // Nor may it start a list item (`- x`, `+ x`, `1. x`) inside the action's own lists.
    const line = ruled
        .replace(/^(\s*)([-+])(?=\s)/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])(?=\s)/, '$1\\$2');
    return line
        .replace(/[&<>]/g, char => HTML_ENTITIES[char])
        .replace(/\|/g, '&#124;')
        .replace(/@/g, `@${ZWSP}`)
        .replace(/\\#(?=\d)/g, `\\#${ZWSP}`)
        .replace(/:\/\//g, `:/${ZWSP}/`)
        .replace(/\bwww\./gi, match => `${match.slice(0, 3)}${ZWSP}.`)
        .replace(/\r\n|\r|\n/g, '<br>');
}
/**
 * Text inside the action's own raw HTML (a `<summary>`), where markdown is not processed, so
 * backslash escapes would show: HTML is shown as text, and mentions, references and bare
 * links are broken as in mdText. One line.
 */
function htmlText(text) {
    return (text
        .replace(/[&<>"]/g, char => (char === '"' ? '&quot;' : HTML_ENTITIES[char]))
        .replace(/@/g, `@${ZWSP}`)
        // Not inside the entities just written.
        .replace(/(?<!&)#(?=\d)/g, `#${ZWSP}`)
        .replace(/:\/\//g, `:/${ZWSP}/`)
        .replace(/\bwww\./gi, match => `${match.slice(0, 3)}${ZWSP}.`)
        .replace(/\r\n|\r|\n/g, ' '));
}
/** The longest run of backticks in `text`. */
function longestBacktickRun(text) {
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    return longest;
}
/**
 * An inline code span: a backtick fence longer than any run inside, padded when the text
 * starts or ends with a backtick. Line breaks become spaces (a span is one line). HTML,
 * mentions and markdown are inert inside code.
 */
function mdCode(text) {
    const flat = text.replace(/\r\n|\r|\n/g, ' ');
    if (flat === '')
        return '` `';
    const fence = '`'.repeat(longestBacktickRun(flat) + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/**
 * A table cell. `|` would end the cell even inside a code span, so cells never use code
 * spans: `code: true` renders the text in a `<code>` element, whose content is escaped
 * like any other text (mdText turns `|` into an entity).
 */
function mdCell(text, options = {}) {
    const cell = mdText(text.replace(/\r\n|\r|\n/g, ' '));
    return options.code && text !== '' ? `<code>${cell}</code>` : cell;
}
/**
 * A fenced code block: the fence is longer than any backtick run inside, so no line of
 * `text` can close it. HTML, mentions and markdown are inert inside.
 */
function mdFence(text, language = '') {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
    const body = text.replace(/\r\n|\r/g, '\n').replace(/\n$/, '');
    return `${fence}${language}\n${body}\n${fence}`;
}
/** Cuts `text` to at most `max` characters, saying how much was left out. */
function truncate(text, max, what = 'characters') {
    if (text.length <= max)
        return text;
    const cut = text.slice(0, max);
    return `${cut}\n… (${text.length - max} more ${what} left out)`;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts

/** The outputs that describe one function, as `results` lists them for each. */
function functionOutputs(kind, name, result, mode) {
    const after = result.after;
    return {
        type: kind,
        arn: after?.arn ?? '',
        etag: after?.etag ?? '',
        'live-etag': after?.liveEtag ?? '',
        // A CloudFront Function's id is its name, while it exists (or would, in a dry run).
        id: after?.id ?? (kind === 'function' && mode === 'deploy' ? name : ''),
        status: after?.status ?? '',
        changed: changed(result),
        created: result.created,
        published: result.published,
        'has-changes': hasChanges(result)
    };
}
function outputsOf(values) {
    const results = values.outcomes.flatMap(outcome => outcome.result
        ? [
            {
                outcome,
                outputs: functionOutputs(outcome.fn.kind, outcome.fn.name, outcome.result, values.mode)
            }
        ]
        : []);
    const any = (key) => String(results.some(({ outputs }) => outputs[key]));
    // Keyed by name; a function and a connection function that share a name get their type too.
    const names = results.map(({ outcome }) => outcome.fn.name);
    const keyOf = (outcome) => names.filter(name => name === outcome.fn.name).length > 1
        ? `${outcome.fn.kind}/${outcome.fn.name}`
        : outcome.fn.name;
    const one = values.outcomes.length === 1 ? results[0] : undefined;
    const single = one?.outputs;
    const tests = results.flatMap(({ outcome }) => (outcome.result?.tests ?? []).map(test => values.manifest ? { function: outcome.fn.name, ...test } : test));
    const plans = results.map(({ outcome }) => outcome.result?.firstPlan);
    return {
        arn: single?.arn ?? '',
        etag: single?.etag ?? '',
        'live-etag': single?.['live-etag'] ?? '',
        id: single?.id ?? '',
        status: single?.status ?? '',
        changed: any('changed'),
        created: single ? String(single.created) : 'false',
        published: any('published'),
        'has-changes': any('has-changes'),
        'test-results': JSON.stringify(tests),
        plan: JSON.stringify(values.manifest ? plans : (plans[0] ?? null)),
        diff: values.diff,
        results: JSON.stringify(Object.fromEntries(results.map(({ outcome, outputs }) => [keyOf(outcome), outputs]))),
        'code-size': values.codeSize === undefined ? '' : String(values.codeSize),
        'summary-markdown': values.summaryMarkdown
    };
}
function writeOutputs(setOutput, values) {
    for (const [name, value] of Object.entries(outputsOf(values)))
        setOutput(name, value);
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(9672);
;// CONCATENATED MODULE: ./src/report/diff.ts
// Unified diffs that answer "what changes?": the declared function against its DEVELOPMENT
// stage (what this run writes), against its LIVE stage when the run publishes (what
// production will get), and against another function's LIVE stage (`diff-against`, for
// previews: how this differs from production). Code, configuration and tags; stores show
// as the names people gave them, with their ARNs.

function renderDiff(desired, sources) {
    const names = sources.storeNames ?? new Map();
    const { before } = sources;
    const sections = [
        ...diff_compare(desired, before ? `${desired.name} (DEVELOPMENT)` : '/dev/null', before?.development, desired.tags === undefined ? undefined : (before?.tags ?? {}), names)
    ];
    if (sources.publishes && before?.live?.content?.etag !== before?.development.etag) {
        const live = before?.live?.content;
        sections.push(...diff_compare(desired, live ? `${desired.name} (LIVE)` : '/dev/null', live, undefined, names));
    }
    if (sources.reference?.live) {
        const { name, live, tags } = sources.reference;
        sections.push(...diff_compare(desired, `${name} (LIVE)`, live, desired.tags === undefined ? undefined : (tags ?? {}), names));
    }
    return sections.filter(section => section !== '').join('');
}
/** Code, config and (when managed) tags of one stage against the declared function. */
function diff_compare(desired, from, stage, tags, names) {
    const to = `${desired.name} (inputs)`;
    const sections = [
        patch('code', from, to, stage ? stage.code.toString('utf8') : '', desired.code.toString('utf8')),
        patch('config', from, to, stage ? configText(stage.config, names) : '', configText(desired.config, names))
    ];
    if (desired.tags !== undefined && tags !== undefined) {
        sections.push(patch('tags', from, to, tagsText(tags), tagsText(desired.tags)));
    }
    return sections;
}
function patch(what, from, to, before, after) {
    if (before === after)
        return '';
    const text = (0,create/* createTwoFilesPatch */.ss)(`${what}: ${from}`, `${what}: ${to}`, before, after, undefined, undefined, {
        context: 3
    });
    // Drop the "Index:"/"===" preamble; keep the ---/+++ headers and hunks.
    return text.replace(/^(Index:.*\n)?(=+\n)?/, '');
}
function describeStore(arn, names) {
    const name = names.get(arn);
    return name ? `${name} (${arn})` : arn;
}
function configText(config, names) {
    return ([
        `comment: ${config.comment}`,
        `runtime: ${config.runtime}`,
        `key-value-stores: ${config.keyValueStoreArns.map(arn => describeStore(arn, names)).join(', ')}`
    ].join('\n') + '\n');
}
function tagsText(tags) {
    return Object.keys(tags)
        .sort()
        .map(key => `${key}=${tags[key]}\n`)
        .join('');
}

;// CONCATENATED MODULE: ./src/report/run.ts



function modeOf(inputs) {
    if (inputs?.run.offline)
        return 'offline';
    return inputs?.run.delete ? 'delete' : 'deploy';
}
/**
 * The step's failure message: the one failure, or which functions failed, what the others
 * did (published, held back by the release gate, only updated), and why each failed.
 */
function run_describeFailures(outcomes, mode) {
    const failed = outcomes.filter(outcome => outcome.failure);
    if (failed.length === 0)
        return undefined;
    if (outcomes.length === 1)
        return failed[0].failure;
    const names = (items) => (0,words/* listing */.RR)(items.map(item => item.fn.name));
    const lines = [
        `${failed.length} of ${(0,words/* plural */.LS)(outcomes.length, 'function')} failed: ${names(failed)}.`
    ];
    if (mode === 'delete') {
        const deleted = outcomes.filter(outcome => outcome.result?.deleted);
        lines.push(deleted.length > 0 ? `Deleted: ${names(deleted)}.` : 'Nothing was deleted.');
    }
    else if (mode === 'deploy') {
        const published = outcomes.filter(outcome => outcome.result?.published);
        const held = outcomes.filter(outcome => outcome.held);
        const written = outcomes.filter(outcome => !outcome.result?.published && (outcome.result?.created || outcome.result?.updated));
        lines.push(published.length > 0
            ? `Published to LIVE: ${names(published)}.`
            : 'Nothing was published: LIVE still serves what it served before this run.');
        if (held.length > 0) {
            lines.push(`${names(held)} passed but ${held.length === 1 ? 'was' : 'were'} held back by the release gate.`);
        }
        if (written.length > 0) {
            lines.push(`DEVELOPMENT was updated, not published, for ${names(written)}.`);
        }
    }
    lines.push(...failed.map(outcome => `${outcome.fn.name}: ${outcome.failure}`));
    return lines.join('\n');
}
/** The store ARNs the report shows, so that they can be named. */
function storesShown(outcomes) {
    return outcomes.flatMap(outcome => {
        const result = outcome.result;
        const reference = outcome.reference?.found ? outcome.reference.current : undefined;
        return [
            ...(result?.desired?.config.keyValueStoreArns ?? []),
            ...(result?.before?.development.config.keyValueStoreArns ?? []),
            ...(result?.before?.live?.content?.config.keyValueStoreArns ?? []),
            ...(reference?.live?.content?.config.keyValueStoreArns ?? [])
        ];
    });
}
/** Each function's part of the report; every declared function, also those that never ran. */
function functionReports(inputs, prepared, outcomes, storeNames) {
    if (outcomes.length === 0) {
        return (inputs?.functions ?? []).map(fn => ({
            kind: fn.kind,
            name: fn.name,
            outcome: undefined,
            diff: '',
            storeNames
        }));
    }
    return outcomes.map(outcome => {
        const code = prepared.find(item => item.fn === outcome.fn)?.code;
        return {
            kind: outcome.fn.kind,
            name: outcome.fn.name,
            outcome,
            code: code && {
                file: code.file,
                bytes: code.code.length,
                sourceBytes: code.build?.sourceBytes,
                sources: code.build?.sources.length
            },
            diff: modeOf(inputs) === 'deploy' ? diffOf(outcome, code, storeNames) : '',
            storeNames
        };
    });
}
function diffOf(outcome, code, storeNames) {
    const result = outcome.result;
    if (!result?.desired)
        return '';
    const reference = outcome.reference?.found ? outcome.reference : undefined;
    const changes = renderDiff(result.desired, {
        before: result.before,
        publishes: hasChange(result.firstPlan, 'publish'),
        reference: reference && {
            name: reference.name,
            live: reference.current.live?.content,
            tags: reference.current.tags
        },
        storeNames
    });
    // Built code: the diff shows what CloudFront gets, and says what it was built from.
    return changes && code?.build
        ? `# ${code.file} is built (${(0,words/* listing */.RR)(code.build.sources.map(source => source.file))}): the diff shows the built code CloudFront gets.\n${changes}`
        : changes;
}
/** The `diff` output: each function's diff, headed by its name when there are several. */
function diffOutput(reports) {
    return reports
        .filter(item => item.diff)
        .map(item => (reports.length > 1 ? `# ${item.name}\n${item.diff}` : item.diff))
        .join('\n');
}
/** What tells this run's sticky comment apart: the function, or the manifest and its suffix. */
function commentMarker(inputs, reports) {
    return inputs.run.manifest
        ? `manifest/${inputs.run.manifest}${inputs.run.nameSuffix}`
        : `${reports[0]?.kind ?? 'function'}/${reports[0]?.name ?? ''}`;
}
/** The address of this workflow run, from the runner's environment. */
function runUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: id } = env;
    if (!server || !repository || !id)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${id}`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: one markdown report per run, also for failed, dry and offline runs. One
// function gets the whole report; several get a table and a collapsed report each. Every
// piece of text that did not come from the action itself goes through ./escape.ts.






const KIND_TITLE = {
    function: 'CloudFront Function',
    'connection-function': 'CloudFront Connection Function'
};
/** Diffs longer than this are cut in the summary (the `diff` output keeps all of it). */
const MAX_SUMMARY_DIFF = 30_000;
/** Logs of passing cases longer than this are cut in the summary. */
const MAX_SUMMARY_LOGS = 10_000;
function renderSummary(input) {
    const lines = input.manifest === undefined && input.functions.length <= 1
        ? renderOne(input, input.functions[0])
        : renderMany(input);
    lines.push(...footer(input));
    return lines.join('\n');
}
function renderOne(input, report) {
    const title = report
        ? `${KIND_TITLE[report.kind]} ${mdCode(report.name)}`
        : 'CloudFront Function deploy';
    const lines = [`### ${title}: ${outcome(input, report)}`, ''];
    if (input.error)
        lines.push(...caution(input.error), '');
    if (report)
        lines.push(...body(input, report));
    return lines;
}
function renderMany(input) {
    const from = input.manifest ? ` from ${mdCode(input.manifest)}` : '';
    const failed = input.functions.filter(report => report.outcome?.failure).length;
    // A dry run changed nothing: it counts what a real run would change.
    const done = input.functions.filter(report => {
        const result = report.outcome?.result;
        return result && (input.dryRun ? result.firstPlan.changes.length > 0 : changed(result));
    }).length;
    const offline = input.mode === 'offline';
    const counts = [
        (0,words/* plural */.LS)(input.functions.length, 'function') + (offline ? ' tested offline' : ''),
        offline ? '' : input.dryRun ? `${done} would change` : `${done} changed`,
        failed > 0 ? `${failed} failed` : ''
    ].filter(Boolean);
    const lines = [`### CloudFront Functions${from}: ${counts.join(', ')}`, ''];
    if (input.error)
        lines.push(...caution(input.error), '');
    // Offline, CloudFront was not asked: no plan and no ETags to show.
    lines.push(offline
        ? '| Function | Type | Result | Tests |'
        : '| Function | Type | Plan | Result | DEVELOPMENT ETag | LIVE ETag | Tests |', offline ? '| --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- | --- | --- |', ...input.functions.map(report => {
        const result = report.outcome?.result;
        const name = mdCell(report.name, { code: true });
        const tests = testsCell(result?.tests);
        if (offline) {
            return `| ${name} | ${report.kind} | ${mdCell(outcome(input, report))} | ${tests} |`;
        }
        const plan = result?.firstPlan.changes.map(describeChange).join('; ') || (result ? 'no changes' : '—');
        return `| ${name} | ${report.kind} | ${mdCell(plan)} | ${mdCell(outcome(input, report))} | ${etagCell(result?.after?.etag)} | ${etagCell(result?.after?.liveEtag)} | ${tests} |`;
    }), '');
    for (const report of input.functions) {
        lines.push(`<details><summary>${htmlText(report.name)}: ${htmlText(outcome(input, report))}</summary>`, '', ...(report.outcome?.failure ? [...caution(report.outcome.failure), ''] : []), ...body(input, report), '</details>', '');
    }
    return lines;
}
/** What one function's run came to, in a few words. */
function outcome(input, report) {
    const result = report?.outcome?.result;
    if (report?.outcome?.failure || (input.error && input.functions.length <= 1))
        return 'failed';
    if (!result)
        return 'not run';
    if (input.mode === 'offline') {
        // Without test-events an offline run only checks the code.
        if (result.tests.length === 0)
            return 'code checked offline, no test cases';
        const passed = result.tests.filter(test => test.passed).length;
        return `tested offline, ${passed} of ${(0,words/* plural */.LS)(result.tests.length, 'case')} passed`;
    }
    if (input.dryRun) {
        return result.firstPlan.changes.length === 0
            ? 'dry run, no changes'
            : 'dry run, changes pending';
    }
    if (report.outcome?.held)
        return 'staged, not published';
    if (!changed(result)) {
        return input.mode === 'delete' ? 'nothing to delete' : 'no changes';
    }
    const done = [
        result.created && 'created',
        result.updated && 'updated',
        result.tagged && 'tags changed',
        result.published && 'published',
        result.deleted && 'deleted'
    ].filter(Boolean);
    return done.join(', ');
}
function body(input, report) {
    const result = report.outcome?.result;
    if (!result)
        return [];
    const lines = [];
    if (input.mode === 'delete' && !result.before) {
        return [
            `There was nothing to delete: no ${report.kind} named ${mdCode(report.name)} exists.`,
            ''
        ];
    }
    const noOp = input.mode === 'deploy' && !input.dryRun && !changed(result) && !report.diff;
    if (noOp) {
        // A no-op is short: it says so, and what is live.
        lines.push(`CloudFront already matches the inputs: DEVELOPMENT ETag ${mdCode(result.after?.etag ?? '')}, LIVE ETag ${result.after?.liveEtag ? mdCode(result.after.liveEtag) : 'none (never published)'}.`, '');
    }
    else if (input.mode !== 'offline') {
        lines.push(...stateTable(input, result), '');
    }
    if (input.mode !== 'offline' && result.firstPlan.changes.length > 0) {
        lines.push(input.dryRun ? '**Plan (dry run, nothing was written):**' : '**Plan:**', '');
        lines.push(...result.firstPlan.changes.map(change => `- ${mdText(describeChange(change))}`), '');
    }
    if (input.mode === 'deploy' && result.desired && !noOp) {
        lines.push(...configuration(input, result, report.storeNames), '');
    }
    if (report.code)
        lines.push(codeSize(report.code), '');
    const against = referenceLine(report.outcome?.reference, result.desired);
    if (against)
        lines.push(against);
    if (result.notes.length > 0)
        lines.push(...result.notes.map(note => `- ${mdText(note)}`));
    if (result.notes.length > 0 || against)
        lines.push('');
    if (result.tests.length > 0)
        lines.push(...testSection(result.tests, input.mode === 'offline'), '');
    if (report.diff) {
        const diff = report.diff.length > MAX_SUMMARY_DIFF
            ? `${report.diff.slice(0, MAX_SUMMARY_DIFF)}\n… (${report.diff.length - MAX_SUMMARY_DIFF} more characters in the diff output)`
            : report.diff;
        lines.push('<details><summary>Diff</summary>', '', mdFence(diff.trimEnd(), 'diff'), '', '</details>', '');
    }
    return lines;
}
/** How the declared function compares with the LIVE stage of the `diff-against` function. */
function referenceLine(reference, desired) {
    if (!reference)
        return undefined;
    if (!reference.found) {
        return `- diff-against: ${mdText(`${reference.reason}; there is nothing to compare with.`)}`;
    }
    const name = mdCode(reference.name);
    const live = reference.current.live?.content;
    if (!live) {
        return `- diff-against: ${name} has never been published (it has no LIVE stage); there is nothing to compare with.`;
    }
    if (!desired)
        return undefined;
    const differs = [
        ...(desired.code.equals(live.code) ? [] : ['code']),
        ...configChanges(desired.config, live.config),
        ...(tagChanges(desired.tags, reference.current.tags).length > 0 ? ['tags'] : [])
    ];
    const compared = `- Compared with ${name} (LIVE, ETag ${mdCode(live.etag)}):`;
    if (differs.length === 0) {
        return `${compared} the same code and configuration${desired.tags === undefined ? '' : ' and tags'}.`;
    }
    return `${compared} ${(0,words/* listing */.RR)(differs)} ${differs.length === 1 ? 'differs' : 'differ'}; the diff shows how.`;
}
function caution(text) {
    return ['> [!CAUTION]', ...text.split('\n').map(line => `> ${mdText(line)}`)];
}
function etagCell(etag) {
    return etag ? mdCell(etag, { code: true }) : '—';
}
function testsCell(tests) {
    if (!tests || tests.length === 0)
        return '—';
    const passed = tests.filter(test => test.passed).length;
    return `${passed === tests.length ? '✅' : '❌'} ${passed}/${tests.length}`;
}
function stateTable(input, result) {
    const before = result.before;
    const after = result.after;
    const cell = (value) => (value ? mdCell(value, { code: true }) : '—');
    if (input.dryRun) {
        // Nothing was written: there is no "after" to show, only what is there now.
        return [
            '| | Now |',
            '| --- | --- |',
            `| ARN | ${cell(before?.arn)} |`,
            `| Status | ${cell(before?.status)} |`,
            `| DEVELOPMENT ETag | ${cell(before?.development.etag)} |`,
            `| LIVE ETag | ${cell(before?.live?.etag)} |`
        ];
    }
    return [
        '| | Before | After |',
        '| --- | --- | --- |',
        `| ARN | ${cell(before?.arn)} | ${cell(after?.arn)} |`,
        `| Status | ${cell(before?.status)} | ${cell(after?.status)} |`,
        `| DEVELOPMENT ETag | ${cell(before?.development.etag)} | ${cell(after?.etag)} |`,
        `| LIVE ETag | ${cell(before?.live?.etag)} | ${cell(after?.liveEtag)} |`
    ];
}
/** The configuration the function has after the run (or would have, in a dry run). */
function configuration(input, result, names) {
    const desired = result.desired;
    if (!desired)
        return [];
    const stores = desired.config.keyValueStoreArns;
    const tags = desired.tags;
    return [
        input.dryRun ? '**Configuration (declared):**' : '**Configuration:**',
        '',
        `- Runtime: ${mdCode(desired.config.runtime)}`,
        `- Comment: ${desired.config.comment ? mdText(desired.config.comment) : '(none)'}`,
        `- Key value store: ${stores.length > 0 ? stores.map(arn => mdText(describeStore(arn, names))).join(', ') : '(none)'}`,
        `- Tags: ${tags === undefined
            ? '(not managed by this step)'
            : Object.keys(tags).length === 0
                ? '(none)'
                : Object.entries(tags)
                    .map(([key, value]) => mdCode(`${key}=${value}`))
                    .join(', ')}`
    ];
}
function codeSize(code) {
    const percent = Math.round((code.bytes / MAX_CODE_BYTES) * 100);
    // The same threshold as the warning annotation: a rounded 90% is not yet 90%.
    const warning = code.bytes >= SIZE_WARNING_SHARE * MAX_CODE_BYTES ? ' ⚠️ close to the limit' : '';
    const built = code.sourceBytes !== undefined
        ? ` (built from ${(0,words/* plural */.LS)(code.sources ?? 1, 'source file')}, ${(0,words/* thousands */.oh)(code.sourceBytes)} bytes)`
        : '';
    return `**Code:** ${mdCode(code.file)}${built}: ${(0,words/* thousands */.oh)(code.bytes)} of ${(0,words/* thousands */.oh)(MAX_CODE_BYTES)} bytes (${percent}% of CloudFront's limit)${warning}`;
}
/** The test cases; offline, compute is the local runtime's estimate and says so. */
function testSection(tests, estimated) {
    const passed = tests.filter(test => test.passed).length;
    const lines = [
        `**Tests:** ${passed} of ${(0,words/* plural */.LS)(tests.length, 'case')} passed`,
        '',
        `| Case | Result | ${estimated ? 'Compute (estimate)' : 'Compute'} | Details |`,
        '| --- | --- | --- | --- |',
        ...tests.map(test => `| ${mdCell(test.name)} | ${test.passed ? '✅ pass' : '❌ fail'} | ${test.computeUtilization}% | ${mdCell(test.failures.join('; '))} |`)
    ];
    const logged = tests.filter(test => test.logs.length > 0);
    if (logged.length > 0) {
        let text = logged.map(test => [`# ${test.name}`, ...test.logs].join('\n')).join('\n\n');
        if (text.length > MAX_SUMMARY_LOGS) {
            text = `${text.slice(0, MAX_SUMMARY_LOGS)}\n… (${text.length - MAX_SUMMARY_LOGS} more characters in the test-results output)`;
        }
        lines.push('', '<details><summary>Function logs</summary>', '', mdFence(text), '', '</details>');
    }
    return lines;
}
function footer(input) {
    const parts = [
        input.sha ? `Commit ${mdCode(input.sha.slice(0, 12))}` : '',
        input.runUrl ? `[workflow run](${linkTarget(input.runUrl)})` : ''
    ].filter(Boolean);
    return parts.length > 0 ? [parts.join(' · '), ''] : [];
}
/** A URL that cannot end the markdown link early. */
function linkTarget(url) {
    return encodeURI(url).replace(/[()]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

// EXTERNAL MODULE: ./src/runtime/stores.ts
var stores = __webpack_require__(8440);
;// CONCATENATED MODULE: ./src/testing/offline.ts
// Offline mode: every test case of every function runs in the embedded runtime, for the
// declared type and runtime. No request reaches AWS and no credentials are needed, so fork
// pull requests (which get no secrets) can run the same test gate.










const STORE_INPUT = 'offline-store-data';
/** CloudFront's limit on the data of one key value store. */
const MAX_STORE_DATA_BYTES = 5 * 1024 * 1024;
/** Runs of a case whose compute estimate is over the limit, before the case fails. */
const ESTIMATE_ATTEMPTS = 3;
/** Said in the log and the summary: these results are not CloudFront's. */
const OFFLINE_NOTE = `Offline: these results come from the embedded CloudFront Functions runtime, not from CloudFront. Compute utilization is an estimate from CPU time; a case over max-compute-utilization runs up to ${ESTIMATE_ATTEMPTS} times and keeps its lowest estimate.`;
/** Reads the JSON object of keys and values the store holds in offline mode. */
function loadStoreData(path, roots) {
    if (path === '')
        return undefined;
    const file = (0,files/* resolveJobFile */.Ah)(STORE_INPUT, path, roots);
    const text = (0,files/* readJobFile */.i5)(STORE_INPUT, file, MAX_STORE_DATA_BYTES, 'A key value store holds at most 5 MB: keep the keys the tests need.').toString('utf8');
    const data = parseJsonFile(STORE_INPUT, file.name, text, 'Invalid store data JSON');
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new errors/* InputError */.d(STORE_INPUT, `${file.name} must hold one JSON object of keys and their values, like {"/old": "/new"}.`);
    }
    return (0,stores/* singleStore */.s2)(data);
}
/**
 * CPU time measured on a busy runner jitters: a garbage collection or a cold child process can
 * make a trivial function read as 100%. A case over the limit runs again, up to
 * ESTIMATE_ATTEMPTS times in all, and keeps the run with the lowest estimate; a function that
 * really is too slow stays over the limit every time.
 */
function steadyEstimates(runner, maxComputeUtilization) {
    return {
        run: async (event) => {
            let best = await runner.run(event);
            for (let attempt = 1; attempt < ESTIMATE_ATTEMPTS && best.computeUtilization > maxComputeUtilization; attempt++) {
                const again = await runner.run(event);
                if (again.computeUtilization < best.computeUtilization)
                    best = again;
            }
            return best;
        }
    };
}
/** Runs every function's test cases locally; one function's failure does not stop the rest. */
async function testAllOffline(jobs, options) {
    const limiter = new Limiter(PARALLEL_TESTS);
    options.log.info(OFFLINE_NOTE);
    return inPool(jobs, options.maxParallel, async (job) => {
        const buffer = jobs.length > 1 ? new BufferedLog(job.fn.name) : undefined;
        const log = buffer ?? options.log;
        const runner = steadyEstimates(localRunner({
            kind: job.fn.kind,
            runtime: job.fn.runtime,
            code: job.desired.code,
            stores: options.stores
        }), job.fn.maxComputeUtilization);
        const plan = { kind: job.fn.kind, name: job.fn.name, changes: [] };
        const base = {
            ...NOTHING_DONE,
            firstPlan: plan,
            plan,
            desired: job.desired,
            before: undefined,
            after: undefined,
            tests: [],
            notes: [OFFLINE_NOTE]
        };
        try {
            const tests = await inGroup(log, `Test locally (${(0,words/* plural */.LS)(job.testCases.length, 'case')})`, async () => {
                const results = await runTestGate(runner, job.testCases, job.fn.maxComputeUtilization, limiter);
                for (const test of results) {
                    const failures = test.failures.map(failure => `\n  ${failure}`).join('');
                    log.info(`${test.passed ? 'PASS' : 'FAIL'} ${test.name} (compute ${test.computeUtilization}%, estimated)${failures}`);
                }
                return results;
            });
            const failed = tests.filter(test => !test.passed).length;
            return {
                fn: job.fn,
                result: { ...base, tests },
                reference: undefined,
                failure: failed > 0
                    ? `${failed} of ${(0,words/* plural */.LS)(tests.length, 'test case')} failed in the local runtime.`
                    : undefined,
                held: false
            };
        }
        finally {
            buffer?.flushTo(options.log);
        }
    });
}

;// CONCATENATED MODULE: ./src/main.ts
// The action's entry: read and check everything, deploy (or delete, or test offline), then
// report. The only module that talks to @actions/core; everything it prints that did not
// come from the action itself goes through report/escape.ts.













/**
 * The log the domain modules write to: no line of it can become a workflow command, and a
 * group opens only once something is written in it.
 */
const log = withoutEmptyGroups({
    info: message => core/* info */.pq(logText(message)),
    // Command data is escaped by core: a message cannot end the command or start another.
    warning: message => core/* warning */.$e(message),
    startGroup: title => core/* startGroup */.Oh(title),
    endGroup: () => core/* endGroup */.N4()
});
/** Diffs printed to the log longer than this are cut (the `diff` output keeps all of it). */
const MAX_LOGGED_DIFF = 20_000;
async function run() {
    // Node prints process warnings to stderr as they are, and the runner reads commands there
    // too: a library's warning can carry outside text (a manifest's YAML tag, say). They go
    // through the log instead.
    process.removeAllListeners('warning');
    process.on('warning', warning => log.info(`Node warning: ${warning.name}: ${warning.message}`));
    const execution = await execute();
    try {
        await report(execution);
    }
    catch (error) {
        core/* setFailed */.C1(`Reporting the result failed: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}
async function execute() {
    // Each is kept as soon as it is known: a failure later still reports with it.
    let inputs;
    let prepared = [];
    let client;
    try {
        inputs = await parseInputs(name => core/* getInput */.V4(name));
        if (inputs.run.githubToken)
            core/* setSecret */.Pq(inputs.run.githubToken);
        const { run, functions } = inputs;
        const offlineStores = run.offline ? loadStoreData(run.offlineStoreData, run.roots) : undefined;
        prepared = await inGroup(log, 'Check inputs and code', async () => {
            const all = await prepareAll(functions, run, offlineStores);
            for (const item of all) {
                for (const note of item.notes)
                    log.info(functions.length > 1 ? `${item.fn.name}: ${note}` : note);
                annotate(item.annotations);
            }
            return all;
        });
        let outcomes;
        let stores;
        if (run.offline) {
            outcomes = await testAllOffline(prepared, {
                maxParallel: run.maxParallel,
                stores: offlineStores,
                log
            });
        }
        else {
            const cloudfront = (client = createClient());
            const apis = new Map();
            const apiFor = (kind) => {
                if (!apis.has(kind))
                    apis.set(kind, createFunctionsApi(kind, cloudfront));
                return apis.get(kind);
            };
            const directory = (stores = new StoreDirectory(cloudfront));
            const common = { dryRun: run.dryRun, maxParallel: run.maxParallel, apiFor, log };
            outcomes = run.delete
                ? await deleteAll(functions, common)
                : await deployAll(prepared, { ...common, resolve: desired => directory.resolve(desired) });
            const shown = storesShown(outcomes);
            if (shown.length > 0)
                await directory.learn(shown);
        }
        const failure = run_describeFailures(outcomes, modeOf(inputs));
        if (failure)
            core/* setFailed */.C1(failure);
        return { inputs, subject: undefined, prepared, outcomes, failure, stores };
    }
    catch (error) {
        if (error instanceof errors/* InputError */.d)
            annotate(error.annotations);
        const failure = (0,errors/* errorMessage */.g)(error);
        core/* setFailed */.C1(failure);
        const subject = error instanceof errors/* InputError */.d ? error.subject : undefined;
        return { inputs, subject, prepared, outcomes: [], failure, stores: undefined };
    }
    finally {
        // Close kept-alive connections now rather than at process exit.
        client?.destroy();
    }
}
function annotate(annotations) {
    for (const annotation of annotations) {
        const properties = {
            title: annotation.title,
            file: annotation.file,
            startLine: annotation.line,
            startColumn: annotation.column
        };
        if (annotation.level === 'error')
            core/* error */.z3(annotation.message, properties);
        else if (annotation.level === 'warning')
            core/* warning */.$e(annotation.message, properties);
        else
            core/* notice */.lm(annotation.message, properties);
    }
}
async function report(execution) {
    const { inputs, outcomes, prepared } = execution;
    const storeNames = execution.stores?.names() ?? new Map();
    const reports = functionReports(inputs, prepared, outcomes, storeNames);
    if (reports.length === 0 && execution.subject) {
        reports.push({ ...execution.subject, outcome: undefined, diff: '', storeNames });
    }
    const summaryMarkdown = renderSummary({
        mode: modeOf(inputs),
        dryRun: inputs?.run.dryRun ?? false,
        manifest: inputs?.run.manifest || undefined,
        functions: reports,
        error: execution.failure,
        sha: process.env.GITHUB_SHA,
        runUrl: runUrl(process.env)
    });
    const diff = diffOutput(reports);
    if (outcomes.length > 0) {
        writeOutputs(core/* setOutput */.uH, {
            outcomes,
            manifest: Boolean(inputs?.run.manifest),
            mode: modeOf(inputs),
            diff,
            summaryMarkdown,
            codeSize: prepared.length === 1 && prepared[0].code ? prepared[0].code.code.length : undefined
        });
    }
    else {
        core/* setOutput */.uH('summary-markdown', summaryMarkdown);
    }
    if (diff) {
        await inGroup(log, 'Diff', async () => {
            log.info(diff.length > MAX_LOGGED_DIFF
                ? `${diff.slice(0, MAX_LOGGED_DIFF)}\n… (${diff.length - MAX_LOGGED_DIFF} more characters: the diff output has all of it)`
                : diff);
        });
    }
    try {
        await core/* summary */.z.addRaw(summaryMarkdown, true).write();
    }
    catch (error) {
        core/* warning */.$e(`The job summary could not be written: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    if (inputs?.run.commentOnPr) {
        await comment(inputs.run.githubToken, commentMarker(inputs, reports), summaryMarkdown);
    }
}
async function comment(token, marker, body) {
    try {
        // Loaded only when asked for: the GitHub client is large and most runs never need it.
        const { upsertPullRequestComment } = await Promise.all(/* import() */[__webpack_require__.e(157), __webpack_require__.e(914)]).then(__webpack_require__.bind(__webpack_require__, 1914));
        const outcome = await upsertPullRequestComment({ token, body, marker });
        if (outcome.action === 'skipped')
            core/* warning */.$e(`No pull-request comment: ${outcome.reason}`);
        else
            log.info(`Pull-request comment ${outcome.action}: ${outcome.url ?? ''}`);
    }
    catch (error) {
        core/* warning */.$e(`The pull-request comment could not be written: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}


/***/ }),

/***/ 2691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   RR: () => (/* binding */ listing),
/* harmony export */   oh: () => (/* binding */ thousands)
/* harmony export */ });
// Small wording helpers, so every message counts things the same way.
/** `1 case`, `2 cases`; `pluralNoun` for irregular plurals. */
function plural(count, noun, pluralNoun = `${noun}s`) {
    return `${count} ${count === 1 ? noun : pluralNoun}`;
}
/** `a`, `a and b`, `a, b and c`. */
function listing(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/**
 * `10240` as `10,240`. Written out rather than with `toLocaleString`: the first use of Intl
 * costs a fresh process tens of milliseconds, and every run formats a size.
 */
function thousands(count) {
    return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}


/***/ }),

/***/ 8440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vz: () => (/* binding */ storeHeapBytes),
/* harmony export */   s2: () => (/* binding */ singleStore),
/* harmony export */   sH: () => (/* binding */ toWorkerStores)
/* harmony export */ });
// Key value stores as the worker reads them: a flat, cloneable description of which store
// `cf.kvs()` and `cf.kvs(id)` resolve to, and each store's keys and `meta()`.
/** The id a single store goes by inside the worker. */
const SINGLE_STORE_ID = 'store';
/** Offline mode's one store: `cf.kvs()` and `cf.kvs(<any id>)` read `keys`. */
function singleStore(keys) {
    return { mode: 'single', store: { keys } };
}
function toWorkerStores(stores, now) {
    if (stores === undefined)
        return { defaultId: null, anyId: false, stores: [] };
    if (stores.mode === 'single') {
        return {
            defaultId: SINGLE_STORE_ID,
            anyId: true,
            stores: [describeStore(SINGLE_STORE_ID, stores.store, now)]
        };
    }
    const associated = stores.associatedId;
    return {
        defaultId: associated !== undefined && Object.prototype.hasOwnProperty.call(stores.stores, associated)
            ? associated
            : null,
        anyId: false,
        stores: Object.entries(stores.stores).map(([id, store]) => describeStore(id, store, now))
    };
}
function describeStore(id, store, now) {
    const keys = Object.entries(store.keys).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
    ]);
    const created = store.creationDateTime ?? new Date(now).toISOString();
    return {
        id,
        keys,
        meta: {
            creationDateTime: created,
            lastUpdatedDateTime: store.lastUpdatedDateTime ?? created,
            keyCount: keys.length
        }
    };
}
/** Rough size of the stores in the worker's heap (UTF-16 strings plus map entries). */
function storeHeapBytes(stores) {
    let bytes = 0;
    for (const store of stores.stores) {
        for (const [key, value] of store.keys)
            bytes += 2 * (key.length + value.length) + 128;
    }
    return bytes;
}


/***/ })

};
