export const id = 872;
export const ids = [872];
export const modules = {

/***/ 4872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   minifyCode: () => (/* binding */ minifyCode)
/* harmony export */ });
/* harmony import */ var terser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5534);
/* harmony import */ var _code_ast_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1565);
// Minification with terser. The entry point keeps its name and its declaration, imports of
// the runtime's modules stay import statements, and property names (`cf.kvs().get`) are
// never mangled. No newer syntax is introduced than the code already uses (terser's ecma 5
// default), so minifying cannot make code the runtime accepted unacceptable.


/**
 * `map` is the source map of `code`, and the result maps to the same sources; without one,
 * `code` is the file `file` itself.
 */
async function minifyCode(code, map, file, entryPoint) {
    const result = await (0,terser__WEBPACK_IMPORTED_MODULE_0__/* .minify */ .Zl)({ [file]: code }, {
        // Module scope: top-level names are private to the file, so unused ones can go and the
        // rest can be shortened, all but the entry point.
        module: true,
        compress: {
            // Terser inlines a function called once at its call site; for an async function that
            // makes an async closure, which cloudfront-js-2.0 does not support. Retained
            // top-level functions are never inlined.
            top_retain: [entryPoint, ...topLevelAsyncFunctions(code)]
        },
        mangle: { reserved: [entryPoint] },
        sourceMap: { content: map, includeSources: false }
    });
    if (result.code === undefined || typeof result.map !== 'string') {
        throw new Error('terser returned no code or no source map');
    }
    return { code: result.code.endsWith('\n') ? result.code : result.code + '\n', map: result.map };
}
/** Names of top-level async functions: declarations, and variables holding one. */
function topLevelAsyncFunctions(code) {
    const program = (0,_code_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .parseProgram */ .E)(code);
    const names = [];
    const isAsync = (node) => Boolean(node?.async);
    for (const statement of program.body) {
        const id = statement.id;
        if (statement.type === 'FunctionDeclaration' && isAsync(statement) && id) {
            names.push(id.name);
        }
        if (statement.type === 'VariableDeclaration') {
            for (const declarator of statement.declarations) {
                const target = declarator.id;
                if (target.type === 'Identifier' && isAsync(declarator.init)) {
                    names.push(target.name);
                }
            }
        }
    }
    return names;
}


/***/ })

};
