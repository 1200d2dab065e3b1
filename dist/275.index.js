export const id = 275;
export const ids = [275];
export const modules = {

/***/ 667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ removeExports),
/* harmony export */   Qz: () => (/* binding */ entryPointName),
/* harmony export */   WP: () => (/* binding */ keepEntryPoint),
/* harmony export */   id: () => (/* binding */ verifyEntryPoint)
/* harmony export */ });
/* harmony import */ var _code_check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8697);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2933);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7408);
/* harmony import */ var _code_ast_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1565);
// The function CloudFront calls is a top-level declaration nothing else uses, so a bundler
// would tree-shake it away. The build exports it from the entry for the bundler, removes
// every export from the output (CloudFront refuses `export`), and verifies that the result
// declares the entry point under its own name.




function entryPointName(kind) {
    return _code_check_js__WEBPACK_IMPORTED_MODULE_0__/* .ENTRY_POINTS */ .NN[kind];
}
/**
 * The line to append to the entry so the bundler keeps the entry point, or '' when the
 * entry exports it already. Throws when the entry does not declare it at all.
 */
function keepEntryPoint(info, kind, file) {
    const name = entryPointName(kind);
    if (info.exports.has(name))
        return '';
    if (info.locals.has(name))
        return `\nexport { ${name} };\n`;
    const parameter = kind === 'function' ? 'event' : 'connection';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c(file, 1, 1, `no entry point: CloudFront calls a top-level \`function ${name}(${parameter})\`; declare ` +
        `it in this file, or re-export it from a local module: export { ${name} } from './module.js'.`);
}
/**
 * Removes the export statements of bundled code. Each is blanked with spaces, so every
 * position before and after it stays where the source map says it is; trailing blanks
 * (the bundler puts its `export { … }` last) are trimmed.
 */
function removeExports(code) {
    const program = parseOutput(code);
    let result = code;
    for (const statement of program.body) {
        if (!statement.type.startsWith('Export'))
            continue;
        // `export function f` keeps `function f`; `export { … }` and re-exports go entirely.
        const declaration = statement.declaration;
        const named = declaration?.type === 'VariableDeclaration' || Boolean(declaration?.id);
        const end = declaration && named ? declaration.start : statement.end;
        result =
            result.slice(0, statement.start) + blank(code, statement.start, end) + result.slice(end);
    }
    return result.replace(/\s+$/, '') + '\n';
}
/** Keeps line breaks so line numbers do not move. */
function blank(code, start, end) {
    return code.slice(start, end).replace(/[^\n]/g, ' ');
}
/**
 * Checks what CloudFront will load: a top-level function declaration with the entry
 * point's own name, no `export`, and imports of the runtime's modules only. A failure here
 * is a defect of the build, not of the sources, except for an entry point that is not a
 * function declaration.
 */
function verifyEntryPoint(code, kind, entry) {
    const name = entryPointName(kind);
    const program = parseOutput(code);
    const body = program.body;
    for (const statement of body) {
        if (statement.type.startsWith('Export')) {
            throw new Error(`The built code of ${entry} still has an export statement`);
        }
        if (statement.type === 'ImportDeclaration') {
            const source = statement.source.value;
            if (!_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .RUNTIME_MODULES */ .ds.includes(source)) {
                throw new Error(`The built code of ${entry} imports '${source}'`);
            }
        }
    }
    const declared = body.some(statement => statement.type === 'FunctionDeclaration' && statement.id?.name === name);
    if (!declared) {
        const parameter = kind === 'function' ? 'event' : 'connection';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c(entry, 1, 1, `the built code has no top-level \`function ${name}(${parameter})\`, the declaration ` +
            `CloudFront calls: declare ${name} with \`function ${name}(${parameter}) { … }\` ` +
            '(not as a variable, an arrow function or a class).');
    }
}
function parseOutput(code) {
    return (0,_code_ast_js__WEBPACK_IMPORTED_MODULE_3__/* .parseProgram */ .E)(code);
}


/***/ }),

/***/ 2933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ SourceError),
/* harmony export */   t: () => (/* binding */ positionAt)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// The error of a build that fails because of the sources: it names the file and position.

/** An input error located in one source file, so the action can annotate that line. */
class SourceError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d {
    file;
    line;
    column;
    constructor(
    /** Workspace-relative, with '/' separators. */
    file, 
    /** 1-based. */
    line, 
    /** 1-based. */
    column, message) {
        super('code', `${file}:${line}:${column}: ${message}`, [
            { level: 'error', message, title: 'Build', file, line, column }
        ]);
        this.file = file;
        this.line = line;
        this.column = column;
        this.name = 'SourceError';
    }
}
/** 1-based line and column of a 0-based offset into `text`. */
function positionAt(text, offset) {
    const before = text.slice(0, Math.max(0, offset));
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
}


/***/ }),

/***/ 2275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildFunction: () => (/* binding */ buildFunction),
  checkSize: () => (/* reexport */ checkSize)
});

// UNUSED EXPORTS: CODE_SIZE_LIMIT, SourceError, checkBuildRuntime, needsBuild

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/build/entry-point.ts
var entry_point = __webpack_require__(667);
// EXTERNAL MODULE: ./src/build/needs-build.ts
var needs_build = __webpack_require__(9140);
// EXTERNAL MODULE: ./src/inputs/files.ts
var files = __webpack_require__(3622);
// EXTERNAL MODULE: ./src/build/resolve.ts
var resolve = __webpack_require__(7408);
// EXTERNAL MODULE: ./src/build/load-module.ts + 2 modules
var load_module = __webpack_require__(6075);
;// CONCATENATED MODULE: ./src/build/single-file.ts


function compileFile(entry, workspace, kind) {
    const loaded = (0,load_module/* loadModule */.V)(entry, { workspace, bundle: false });
    // Throws when the entry point is missing; nothing is tree-shaken, so nothing to append.
    (0,entry_point/* keepEntryPoint */.WP)(loaded.info, kind, loaded.file);
    const map = loaded.map && JSON.stringify({ ...loaded.map, sources: [loaded.file] });
    return { code: loaded.code, map: map ?? undefined, modules: [loaded], warnings: [] };
}
/** A map of a file onto itself: the start of every line maps to the same line. */
function identityMap(code, file) {
    // 'AAAA' is line 0, column 0 of source 0; each next 'AACA' moves one line down.
    const mappings = code
        .split('\n')
        .map((_, index) => (index === 0 ? 'AAAA' : 'AACA'))
        .join(';');
    return JSON.stringify({ version: 3, file, sources: [file], names: [], mappings });
}

// EXTERNAL MODULE: ./node_modules/@jridgewell/trace-mapping/dist/trace-mapping.mjs + 1 modules
var trace_mapping = __webpack_require__(6141);
;// CONCATENATED MODULE: ./src/build/source-map.ts
// Reading the build's source map: where a position of the built code came from, and how many
// bytes of the built code each source accounts for.

/** `map` is the source map of `code`. */
function readSourceMap(map, code) {
    const trace = new trace_mapping/* TraceMap */.YX(map);
    const lines = (0,trace_mapping/* decodedMappings */.oo)(trace);
    const sources = trace.sources.map(source => source ?? '');
    const textLines = code.split('\n');
    /** The segment a 0-based position belongs to: the last one at or before it. */
    const segmentAt = (line, column) => {
        const segments = lines[line] ?? [];
        let found;
        for (const segment of segments) {
            if (segment[0] > column)
                break;
            found = segment;
        }
        if (found !== undefined || segments.length === 0)
            return found;
        // Before the first segment: indentation belongs to it; generated code belongs to nothing.
        const first = segments[0];
        const before = (textLines[line] ?? '').slice(column, first[0]);
        return before.trim() === '' ? first : undefined;
    };
    return {
        originalPosition(line, column) {
            const segment = segmentAt(line - 1, column - 1);
            if (segment === undefined || segment.length < 4)
                return undefined;
            // Between two segments the code was copied as is, so the distance carries over.
            const offset = Math.max(0, column - 1 - segment[0]);
            return { file: sources[segment[1]], line: segment[2] + 1, column: segment[3] + offset + 1 };
        },
        contributors() {
            const bytes = new Map();
            textLines.forEach((text, index) => {
                const lineBreak = index < textLines.length - 1 ? '\n' : '';
                const segments = lines[index] ?? [];
                segments.forEach((segment, i) => {
                    if (segment.length < 4)
                        return;
                    // A segment owns the text up to the next one, the last one the line break too, and
                    // the first one the indentation before it.
                    const last = i + 1 === segments.length;
                    const leading = i === 0 && text.slice(0, segment[0]).trim() === '';
                    const start = leading ? 0 : segment[0];
                    const end = last ? text.length : segments[i + 1][0];
                    const owned = text.slice(start, end) + (last ? lineBreak : '');
                    const file = sources[segment[1]];
                    bytes.set(file, (bytes.get(file) ?? 0) + Buffer.byteLength(owned));
                });
            });
            return [...bytes]
                .map(([file, count]) => ({ file, bytes: count }))
                .sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1));
        }
    };
}

;// CONCATENATED MODULE: ./src/build/size.ts
// The size budget, checked before any request.



const CONTRIBUTORS_SHOWN = 5;
/**
 * Throws when the built code exceeds `limit`, naming the size and what would help: minify
 * when it is off, and the largest contributors when the code is a bundle.
 */
function checkSize(result, limit = needs_build/* CODE_SIZE_LIMIT */.Uj) {
    const size = result.code.length;
    if (size <= limit)
        return;
    const advice = [];
    if (!result.minified)
        advice.push('set minify: true');
    if (result.bundled && result.contributors.length > 1) {
        const largest = result.contributors
            .slice(0, CONTRIBUTORS_SHOWN)
            .map(({ file, bytes }) => `${file} (${(0,files/* formatBytes */.z3)(bytes)})`)
            .join(', ');
        advice.push(`drop or trim a dependency; the largest contributors are ${largest}`);
    }
    else {
        advice.push('remove code the function does not need');
    }
    advice.push('move data (redirect tables, lists) into a key value store');
    throw new errors/* InputError */.d('code', `the built code of ${result.entry} is ${(0,files/* formatBytes */.z3)(size)}, over CloudFront's limit of ` +
        `${(0,files/* formatBytes */.z3)(limit)} (not adjustable) by ${(0,files/* formatBytes */.z3)(size - limit)}. ` +
        `To fit: ${advice.join('; ')}.`);
}

// EXTERNAL MODULE: ./src/build/errors.ts
var build_errors = __webpack_require__(2933);
;// CONCATENATED MODULE: ./src/build/index.ts
// The build: TypeScript and local modules in, the one file CloudFront runs (and its source
// map) out. The action imports this module only when a run builds, since it loads the
// bundler and the minifier; `needs-build.ts` answers whether one does.











/**
 * Builds the entry. Throws an InputError (a SourceError when it concerns a line of a source)
 * for anything the sources must fix; the result is deterministic for the same sources,
 * wherever the workspace is.
 */
async function buildFunction(options) {
    const workspace = (0,external_node_fs_.realpathSync)(options.workspace);
    const entry = (0,external_node_fs_.realpathSync)(options.entry);
    if (!(0,files/* isInside */.FK)(entry, workspace)) {
        throw new errors/* InputError */.d('code', `${options.entry} resolves to ${entry}, outside the workspace ${workspace}: keep the function's sources in the repository.`);
    }
    const file = (0,resolve/* workspacePath */.X5)(entry, workspace);
    (0,needs_build/* checkBuildRuntime */.VF)(file, options.runtime, options);
    // The bundler and the minifier load only when asked for: a TypeScript build without them
    // starts much faster.
    const compiled = options.bundle
        ? await (await Promise.all(/* import() */[__webpack_require__.e(375), __webpack_require__.e(230)]).then(__webpack_require__.bind(__webpack_require__, 9230))).bundleModules({ entry, workspace, kind: options.kind })
        : compileFile(entry, workspace, options.kind);
    let code = (0,entry_point/* removeExports */.K2)(compiled.code);
    let map;
    if (options.minify) {
        const { minifyCode } = await Promise.all(/* import() */[__webpack_require__.e(534), __webpack_require__.e(872)]).then(__webpack_require__.bind(__webpack_require__, 4872));
        ({ code, map } = await minifyCode(code, compiled.map, file, (0,entry_point/* entryPointName */.Qz)(options.kind)));
    }
    else {
        map = compiled.map ?? identityMap(code, file);
    }
    (0,entry_point/* verifyEntryPoint */.id)(code, options.kind, file);
    const view = readSourceMap(map, code);
    const sources = sourceSizes(compiled, file);
    const built = Buffer.from(code, 'utf8');
    return {
        code: built,
        map,
        entry: file,
        bundled: options.bundle,
        minified: options.minify,
        sources,
        contributors: view.contributors(),
        sizes: {
            entry: sources[0].bytes,
            sources: sources.reduce((total, source) => total + source.bytes, 0),
            built: built.length,
            limit: needs_build/* CODE_SIZE_LIMIT */.Uj
        },
        warnings: compiled.warnings,
        originalPosition: (line, column) => view.originalPosition(line, column)
    };
}
/** The entry first, then the other files by path. */
function sourceSizes(compiled, entry) {
    const all = compiled.modules.map(({ file, bytes }) => ({ file, bytes }));
    const others = all.filter(source => source.file !== entry);
    others.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return [...all.filter(source => source.file === entry), ...others];
}


/***/ }),

/***/ 6075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ loadModule)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/inputs/files.ts
var files = __webpack_require__(3622);
// EXTERNAL MODULE: ./src/code/ast.ts
var ast = __webpack_require__(1565);
// EXTERNAL MODULE: ./src/build/errors.ts
var errors = __webpack_require__(2933);
;// CONCATENATED MODULE: ./src/build/module-info.ts
// What the build needs to know about one module: where it imports from, and which names it
// declares and exports at the top level (to keep the entry point alive through tree-shaking).


/** Reads a module's JavaScript (types already removed); `file` names it in errors. */
function analyzeModule(code, file) {
    let program;
    try {
        program = (0,ast/* parseProgram */.E)(code);
    }
    catch (error) {
        const { pos, message } = error;
        const { line, column } = (0,errors/* positionAt */.t)(code, pos ?? 0);
        const reason = String(message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
        throw new errors/* SourceError */.c(file, line, column, `syntax error: ${reason}. Fix the syntax.`);
    }
    const info = { imports: [], locals: new Set(), exports: new Set() };
    for (const statement of program.body)
        collectTopLevel(statement, info);
    collectImports(program, info);
    info.imports.sort((a, b) => a.line - b.line || a.column - b.column);
    return info;
}
function collectTopLevel(statement, info) {
    switch (statement.type) {
        case 'ImportDeclaration':
            for (const specifier of statement.specifiers) {
                info.locals.add(module_info_name(specifier.local));
            }
            break;
        case 'ExportNamedDeclaration': {
            const declaration = statement.declaration;
            if (declaration) {
                for (const declared of declaredNames(declaration)) {
                    info.locals.add(declared);
                    info.exports.add(declared);
                }
            }
            for (const specifier of statement.specifiers) {
                info.exports.add(module_info_name(specifier.exported));
            }
            break;
        }
        case 'ExportDefaultDeclaration': {
            info.exports.add('default');
            const declaration = statement.declaration;
            for (const declared of declaredNames(declaration))
                info.locals.add(declared);
            break;
        }
        case 'ExportAllDeclaration':
            if (statement.exported)
                info.exports.add(module_info_name(statement.exported));
            break;
        default:
            for (const declared of declaredNames(statement))
                info.locals.add(declared);
    }
}
/** Every import site, also nested `import()` expressions. */
function collectImports(program, info) {
    const visit = (node) => {
        if (node === null || typeof node !== 'object')
            return;
        if (Array.isArray(node)) {
            for (const child of node)
                visit(child);
            return;
        }
        const current = node;
        if (typeof current.type !== 'string')
            return;
        const source = current.source;
        const isStatic = current.type === 'ImportDeclaration' ||
            current.type === 'ExportAllDeclaration' ||
            current.type === 'ExportNamedDeclaration';
        if ((isStatic || current.type === 'ImportExpression') && source) {
            const loc = current.loc;
            info.imports.push({
                specifier: source.type === 'Literal' && typeof source.value === 'string' ? source.value : '',
                line: loc?.start.line ?? 1,
                column: (loc?.start.column ?? 0) + 1,
                dynamic: current.type === 'ImportExpression'
            });
        }
        for (const [key, child] of Object.entries(current)) {
            if (key !== 'loc' && key !== 'source')
                visit(child);
        }
    };
    visit(program.body);
}
/** Names a top-level statement declares (functions, classes, variables). */
function declaredNames(node) {
    if (!node)
        return [];
    switch (node.type) {
        case 'FunctionDeclaration':
        case 'ClassDeclaration':
            return node.id ? [module_info_name(node.id)] : [];
        case 'VariableDeclaration':
            return node.declarations.flatMap(d => (0,ast/* patternNames */.h)(d.id));
        default:
            return [];
    }
}
/** The name of an identifier, or the value of a string literal (`export { a as 'b' }`). */
function module_info_name(node) {
    const n = node;
    return n.type === 'Identifier' ? n.name : String(n.value);
}

// EXTERNAL MODULE: ./src/build/needs-build.ts
var needs_build = __webpack_require__(9140);
// EXTERNAL MODULE: ./src/build/resolve.ts
var resolve = __webpack_require__(7408);
// EXTERNAL MODULE: ./node_modules/sucrase/dist/index.js
var dist = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/build/strip-types.ts
// TypeScript to JavaScript by removing the types: sucrase keeps every line where it was
// (so positions stay meaningful even without the map), compiles enums, drops type-only
// imports, and leaves the JavaScript syntax itself as written.


/** `path` is where the file is (it names the map's source); `file` names it in errors. */
function stripTypes(source, path, file) {
    try {
        const result = (0,dist/* transform */.pd)(source, {
            transforms: ['typescript'],
            // Optional chaining and friends stay as written; the code check judges them.
            disableESTransforms: true,
            filePath: path,
            sourceMapOptions: { compiledFilename: file.replace(/\.m?ts$/i, '.js') }
        });
        if (result.sourceMap === undefined)
            throw new Error('sucrase returned no source map');
        return { code: result.code, map: result.sourceMap };
    }
    catch (error) {
        const { pos, message } = error;
        if (typeof pos !== 'number')
            throw error;
        const { line, column } = (0,errors/* positionAt */.t)(source, pos);
        const reason = String(message)
            .replace(/^Error transforming [^:]*: /, '')
            .replace(/\s*\(\d+:\d+\)$/, '');
        throw new errors/* SourceError */.c(file, line, column, `TypeScript syntax error: ${reason}. Fix the syntax.`);
    }
}

;// CONCATENATED MODULE: ./src/build/load-module.ts
// Reading one source file for the build: its bytes, its JavaScript (types removed), and
// where each of its imports leads (refused imports fail here, with their line).






function loadModule(path, context) {
    const file = (0,resolve/* workspacePath */.X5)(path, context.workspace);
    // Read like every file an input names: measured first, opened without following a link or
    // blocking, and checked again once open, so a file swapped for a pipe is never read.
    const source = (0,files/* readJobFile */.i5)('code', { path, name: file, size: (0,external_node_fs_.statSync)(path).size }, needs_build/* MAX_SOURCE_BYTES */.Tw, 'Keep function sources and the modules they import small: CloudFront runs at most 10,240 bytes.');
    // A checkout with CRLF line endings (Windows runners) builds the same bytes as one with LF.
    const text = source
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
    const { code, map } = (0,needs_build/* isTypeScript */.CV)(path)
        ? stripTypes(text, path, file)
        : { code: text, map: null };
    const info = analyzeModule(code, file);
    const targets = new Map();
    for (const site of info.imports) {
        targets.set(site.specifier, (0,resolve/* resolveImport */.Ui)(site, path, context));
    }
    return { path, file, bytes: source.length, code, map, info, targets };
}


/***/ }),

/***/ 7408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ui: () => (/* binding */ resolveImport),
/* harmony export */   X5: () => (/* binding */ workspacePath),
/* harmony export */   ds: () => (/* binding */ RUNTIME_MODULES)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3622);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2933);
/* harmony import */ var _needs_build_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9140);
// Where an import leads: one of the runtime's own modules, which stays an import, or a file
// of the workspace, which the bundle inlines. Anything else is refused with the reason.





/** Modules cloudfront-js-2.0 provides; imports of them stay in the built code. */
const RUNTIME_MODULES = ['cloudfront', 'crypto', 'querystring', 'buffer'];
/** Candidates for a specifier without a known extension, in the order TypeScript tries them. */
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];
/** A `.js` specifier in TypeScript means the `.ts` file that compiles to it. */
const TYPESCRIPT_FOR = { '.js': '.ts', '.mjs': '.mts' };
/**
 * Resolves one import of `importer` (a real path inside the workspace). Throws a
 * SourceError naming the import, the importing file and its line when it is refused.
 */
function resolveImport(site, importer, context) {
    const file = workspacePath(importer, context.workspace);
    const fail = (message) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceError */ .c(file, site.line, site.column, message);
    };
    const { specifier } = site;
    if (site.dynamic) {
        fail(`dynamic import(${specifier ? `'${specifier}'` : ''}) is not supported by CloudFront ` +
            'Functions: use a static import at the top of the file.');
    }
    if (RUNTIME_MODULES.includes(specifier))
        return { kind: 'runtime', name: specifier };
    if (!isPath(specifier))
        fail(bareImportMessage(specifier));
    if (!context.bundle) {
        fail(`imports '${specifier}', a local module, and CloudFront runs one file: set bundle: true ` +
            'to inline it, or move its code into this file.');
    }
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(specifier) ? specifier : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(importer), specifier);
    const found = candidates(base, (0,_needs_build_js__WEBPACK_IMPORTED_MODULE_4__/* .isTypeScript */ .CV)(importer)).find(isFile);
    if (found === undefined) {
        fail(`imports '${specifier}', which is not a file (looked for ${displayCandidates(base, importer, context.workspace)}). ` +
            'Check the path; the build inlines .ts, .mts, .js and .mjs files.');
    }
    const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(found);
    if (!(0,_inputs_files_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(real, context.workspace)) {
        fail(`imports '${specifier}', which resolves to ${real}, outside the workspace. The build ` +
            'inlines files of the repository only: move the module into the repository.');
    }
    const extension = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(real).toLowerCase();
    if (!EXTENSIONS.includes(extension)) {
        fail(`imports '${specifier}' (${workspacePath(real, context.workspace)}), which is not JavaScript ` +
            'or TypeScript: the build inlines .ts, .mts, .js and .mjs files only.');
    }
    return { kind: 'file', path: real };
}
/** A path relative to the workspace with '/' separators, as messages and the map show it. */
function workspacePath(path, workspace) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(workspace, path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
function isPath(specifier) {
    return (specifier.startsWith('./') ||
        specifier.startsWith('../') ||
        specifier === '.' ||
        specifier === '..' ||
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(specifier));
}
function bareImportMessage(specifier) {
    const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
    if (bare !== specifier && RUNTIME_MODULES.includes(bare)) {
        return `imports '${specifier}': CloudFront Functions name the module '${bare}'; import it from '${bare}'.`;
    }
    if (bare !== specifier) {
        return `imports '${specifier}', a Node.js module that CloudFront Functions do not have (their modules: ${RUNTIME_MODULES.join(', ')}). Remove the import.`;
    }
    const parts = specifier.split('/');
    const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    return (`imports '${specifier}' from the npm package '${pkg}', which CloudFront cannot load: a ` +
        `function can import only the runtime's modules (${RUNTIME_MODULES.join(', ')}), and the ` +
        'build inlines local files only. Copy the code you need into a local module and import ' +
        'it with a relative path, or remove the import.');
}
/** The files a specifier may mean, most likely first. */
function candidates(base, fromTypeScript) {
    const extension = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(base).toLowerCase();
    const typescript = TYPESCRIPT_FOR[extension];
    if (typescript !== undefined) {
        const stem = base.slice(0, -extension.length);
        // Both files may exist (sources next to compiled output): prefer the importer's language.
        return fromTypeScript ? [stem + typescript, base] : [base, stem + typescript];
    }
    if (EXTENSIONS.includes(extension))
        return [base];
    return [
        base,
        ...EXTENSIONS.map(ext => base + ext),
        ...EXTENSIONS.map(ext => `${base}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}index${ext}`)
    ];
}
function isFile(path) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile();
}
function displayCandidates(base, importer, workspace) {
    const shown = candidates(base, (0,_needs_build_js__WEBPACK_IMPORTED_MODULE_4__/* .isTypeScript */ .CV)(importer)).map(path => (0,_inputs_files_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(path, workspace) ? workspacePath(path, workspace) : path);
    return shown.join(', ');
}


/***/ })

};
