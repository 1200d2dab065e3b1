export const id = 230;
export const ids = [230];
export const modules = {

/***/ 9230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bundleModules: () => (/* binding */ bundleModules)
/* harmony export */ });
/* harmony import */ var _rollup_wasm_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(375);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _entry_point_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(667);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2933);
/* harmony import */ var _load_module_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6075);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7408);
// Bundling with rollup (its WebAssembly build): the entry and the local modules it imports
// become one ES module, scope-hoisted (no module wrapper), with imports of the runtime's
// modules kept as import statements.







async function bundleModules(options) {
    const { entry, workspace, kind } = options;
    const context = { workspace, bundle: true };
    const modules = new Map();
    const warnings = [];
    // Rollup wraps what a plugin throws; the build's own errors are rethrown as they are.
    let failure;
    const plugin = {
        name: 'cloudfront-function',
        resolveId(specifier, importer) {
            if (importer === undefined)
                return specifier;
            const target = modules.get(importer)?.targets.get(specifier);
            if (target === undefined)
                throw new Error(`${importer} imports '${specifier}' unresolved`);
            return target.kind === 'runtime' ? { id: target.name, external: true } : target.path;
        },
        load(path) {
            try {
                const loaded = (0,_load_module_js__WEBPACK_IMPORTED_MODULE_5__/* .loadModule */ .V)(path, context);
                modules.set(path, loaded);
                const keep = path === entry ? (0,_entry_point_js__WEBPACK_IMPORTED_MODULE_3__/* .keepEntryPoint */ .WP)(loaded.info, kind, loaded.file) : '';
                return { code: loaded.code + keep, map: loaded.map };
            }
            catch (error) {
                failure ??= error;
                throw error;
            }
        }
    };
    try {
        const bundle = await (0,_rollup_wasm_node__WEBPACK_IMPORTED_MODULE_0__/* .rollup */ .z)({
            input: entry,
            plugins: [plugin],
            onLog: (level, log) => {
                if (level === 'warn')
                    warnings.push(log.message);
            }
        });
        try {
            const { output } = await bundle.generate({
                format: 'es',
                // Sources in the map are relative to this directory.
                dir: workspace,
                entryFileNames: '[name].js',
                sourcemap: 'hidden',
                sourcemapExcludeSources: true,
                // Plain objects for namespace imports; CloudFront code never mutates them.
                freeze: false
            });
            const chunks = output.filter(file => file.type === 'chunk');
            if (chunks.length !== 1 || !chunks[0].map) {
                throw new Error(`Bundling ${entry} gave ${chunks.length} chunks, not one with a map`);
            }
            const { code, map } = chunks[0];
            map.sources = map.sources.map(source => source.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'));
            return { code, map: map.toString(), modules: [...modules.values()], warnings };
        }
        finally {
            await bundle.close();
        }
    }
    catch (error) {
        if (failure !== undefined)
            throw failure;
        // Rollup's own errors carry a code; anything else is a defect, passed on as it is.
        if (typeof error.code !== 'string')
            throw error;
        throw bundlerError(error, workspace);
    }
}
/** A bundler error (a name that is not exported, say), located in the file it is about. */
function bundlerError(error, workspace) {
    const path = error.loc?.file ?? error.id;
    const message = `${error.message.replace(/\.$/, '')}. Fix the import or the export it names.`;
    if (path !== undefined && error.loc !== undefined) {
        const file = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_6__/* .workspacePath */ .X5)(path, workspace);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SourceError */ .c(file, error.loc.line, error.loc.column + 1, message);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('code', `bundling failed: ${message}`);
}


/***/ })

};
