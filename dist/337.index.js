export const id = 337;
export const ids = [337];
export const modules = {

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
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.input = input;
        this.name = 'InputError';
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

/***/ 6337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws-errors.ts
// Turns failed AWS calls into messages that say what happened and what to do.

/** A failed CloudFront call, with the operation that failed. */
class AwsCallError extends Error {
    operation;
    cause;
    code;
    status;
    requestId;
    constructor(operation, cause) {
        const error = cause;
        const code = error?.name && error.name !== 'Error' ? error.name : (error?.code ?? 'Error');
        super(explain(operation, code, error?.message ?? (0,errors/* errorMessage */.g)(cause), error?.$metadata));
        this.operation = operation;
        this.cause = cause;
        this.name = 'AwsCallError';
        this.code = code;
        this.status = error?.$metadata?.httpStatusCode;
        this.requestId = error?.$metadata?.requestId;
    }
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
function explain(operation, code, message, metadata) {
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
    if (NETWORK.has(code) || /ECONN|ETIMEDOUT|socket hang up/i.test(message)) {
        return `Could not reach CloudFront for ${operation}${attempts} (${code})${detail}. Check the network and any AWS_ENDPOINT_URL settings, then re-run.`;
    }
    if (metadata?.httpStatusCode !== undefined && metadata.httpStatusCode >= 500) {
        return `CloudFront failed ${operation} with a server error${attempts} (${code}, HTTP ${metadata.httpStatusCode})${detail}. This is on AWS's side: re-run the job.${request}`;
    }
    return `${operation} failed (${code})${detail}.${request}`;
}

;// CONCATENATED MODULE: ./src/log.ts
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

;// CONCATENATED MODULE: ./src/plan.ts
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
/** Tag changes that make the tags exactly `desired`; none when tags are not managed. */
function tagChanges(desired, current) {
    if (desired === undefined)
        return [];
    const changes = [];
    const set = Object.fromEntries(Object.entries(desired).filter(([key, value]) => current[key] !== value));
    if (Object.keys(set).length > 0)
        changes.push({ action: 'tag', tags: set });
    const remove = Object.keys(current).filter(key => !Object.hasOwn(desired, key) && !key.startsWith(SYSTEM_TAG_PREFIX));
    if (remove.length > 0)
        changes.push({ action: 'untag', keys: remove });
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/test-cases.ts
// Test-gate case files: loading them from the `test-events` input and matching a function's
// output against a case's expectation.
//
// A case file holds JSON: one case object, or an array of case objects. A case is
//   { "name"?: string, "event": object, "expect"?: object }
// `name` defaults to the file's path relative to the workspace, with `#<n>` (1-based) for
// cases of an array. Other keys are refused, so that a typo such as "expected" cannot turn
// an assertion off silently.




const INPUT = 'test-events';
/** TestFunction's limit on the serialized event (or connection) object. */
const MAX_EVENT_BYTES = 40_960;
const CASE_KEYS = new Set(['name', 'event', 'expect']);
/**
 * Loads the cases of the files that `patterns` (paths or globs relative to `workspace`) match,
 * in pattern order, then file name order within a glob. A file matched twice loads once.
 * Throws an InputError for a pattern without a match and for any file that is not valid.
 */
function loadTestCases(patterns, workspace) {
    const root = external_node_path_default().resolve(workspace);
    const seen = new Set();
    const cases = [];
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (pattern === '')
            continue;
        for (const file of matchPattern(pattern, root)) {
            if (seen.has(file))
                continue;
            seen.add(file);
            cases.push(...loadFile(file, root));
        }
    }
    return cases;
}
function matchPattern(pattern, root) {
    let files;
    if ((0,dist/* isDynamicPattern */.ey)(pattern)) {
        files = (0,dist/* globSync */.AZ)(pattern, { cwd: root, absolute: true, onlyFiles: true })
            .map(file => external_node_path_default().resolve(file))
            .sort();
    }
    else {
        const file = external_node_path_default().resolve(root, pattern);
        files = isFile(file) ? [file] : [];
    }
    if (files.length === 0) {
        throw new errors/* InputError */.d(INPUT, `'${pattern}' matches no file in ${root}: check the path or glob (relative to the workspace), or remove it from test-events`);
    }
    return files;
}
function isFile(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
function loadFile(file, root) {
    const rel = relativeName(file, root);
    let data;
    try {
        data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8').replace(/^\uFEFF/, ''));
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors/* InputError */.d(INPUT, `${rel} is not valid JSON (${reason}): fix the file's syntax`);
    }
    if (Array.isArray(data)) {
        if (data.length === 0) {
            throw new errors/* InputError */.d(INPUT, `${rel} holds an empty array: add at least one case {"name", "event", "expect"}, or remove the file from test-events`);
        }
        return data.map((item, index) => toCase(item, rel, `${rel}[${index}]`, `${rel}#${index + 1}`));
    }
    return [toCase(data, rel, rel, rel)];
}
function toCase(value, rel, where, defaultName) {
    const shape = 'a case is {"name": string, "event": object, "expect"?: object}';
    if (!isPlainObject(value)) {
        throw new errors/* InputError */.d(INPUT, `${where} is ${describe(value)}, not a case: ${shape}; a file holds one case or an array of cases`);
    }
    const unknown = Object.keys(value).filter(key => !CASE_KEYS.has(key));
    if (unknown.length > 0) {
        throw new errors/* InputError */.d(INPUT, `${where} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `"${k}"`).join(', ')}: ${shape}`);
    }
    let name = defaultName;
    if ('name' in value) {
        if (typeof value.name !== 'string' || value.name.trim() === '') {
            throw new errors/* InputError */.d(INPUT, `${where}: "name" must be a non-empty string, got ${describe(value.name)}; give the case a name or leave the key out`);
        }
        name = value.name;
    }
    if (!('event' in value)) {
        throw new errors/* InputError */.d(INPUT, `${where} has no "event": ${shape}`);
    }
    if (!isPlainObject(value.event)) {
        throw new errors/* InputError */.d(INPUT, `${where}: "event" must be an object (the event CloudFront passes to the function), got ${describe(value.event)}`);
    }
    const size = Buffer.byteLength(JSON.stringify(value.event), 'utf8');
    if (size > MAX_EVENT_BYTES) {
        throw new errors/* InputError */.d(INPUT, `${where}: "event" is ${size} bytes serialized, over CloudFront's limit of ${MAX_EVENT_BYTES} bytes: trim headers, cookies or the body`);
    }
    const testCase = { name, file: rel, event: value.event };
    if ('expect' in value) {
        if (!isPlainObject(value.expect)) {
            throw new errors/* InputError */.d(INPUT, `${where}: "expect" must be an object (the part of the function's output to check), got ${describe(value.expect)}`);
        }
        testCase.expect = value.expect;
    }
    return testCase;
}
function relativeName(file, root) {
    const rel = external_node_path_default().relative(root, file);
    return (rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? file : rel)
        .split((external_node_path_default()).sep)
        .join('/');
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value} ${JSON.stringify(value)}`;
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
function mismatch(at, expected, actual) {
    return `${at}: expected ${json(expected)}, got ${actual === undefined ? 'missing' : json(actual)}`;
}
function pathSegment(key) {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
function json(value) {
    return JSON.stringify(value) ?? String(value);
}

;// CONCATENATED MODULE: ./src/test-gate.ts

/** Thrown when at least one case failed: nothing may be published. */
class TestGateError extends Error {
    results;
    constructor(results) {
        super(describeFailures(results));
        this.results = results;
        this.name = 'TestGateError';
    }
}
const PARALLEL_TESTS = 4;
async function runTestGate(api, target, cases, maxComputeUtilization) {
    const results = new Array(cases.length);
    let next = 0;
    // A few cases at a time: fast, without tripping CloudFront's rate limits.
    const worker = async () => {
        while (next < cases.length) {
            const index = next++;
            results[index] = await runCase(api, target, cases[index], maxComputeUtilization);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_TESTS, cases.length) }, worker));
    return results;
}
async function runCase(api, target, testCase, maxComputeUtilization) {
    const outcome = await api.test(target.id, target.etag, testCase.event);
    const output = parseOutput(outcome.output);
    const failures = [];
    if (outcome.errorMessage) {
        failures.push(`the function threw: ${outcome.errorMessage}`);
    }
    else if (testCase.expect !== undefined) {
        failures.push(...matchExpectation(testCase.expect, output).map(mismatch => `output ${mismatch}`));
    }
    if (outcome.computeUtilization > maxComputeUtilization) {
        failures.push(`compute utilization ${outcome.computeUtilization} is over max-compute-utilization ${maxComputeUtilization}`);
    }
    return {
        name: testCase.name,
        file: testCase.file,
        passed: failures.length === 0,
        computeUtilization: outcome.computeUtilization,
        failures,
        output,
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
        `${failed.length} of ${results.length} test cases failed, so the function was not published:`
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

;// CONCATENATED MODULE: ./src/apply.ts





const MAX_ATTEMPTS = 3;
const PUBLISH_TIMEOUT_MS = 5 * 60_000;
function changed(result) {
    return result.created || result.updated || result.tagged || result.published || result.deleted;
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
const sleepFor = (ms) => new Promise(resolve => setTimeout(resolve, ms));
function emptyResult(plan) {
    return {
        plan,
        before: undefined,
        after: undefined,
        created: false,
        updated: false,
        tagged: false,
        published: false,
        deleted: false,
        tests: []
    };
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
/** Whether a failed write should be retried from a fresh read. */
function lostRace(error) {
    return isPreconditionFailed(error) || isAlreadyExists(error) || isNotFound(error);
}
async function deploy(api, declared, options) {
    const { log } = options;
    const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    const result = emptyResult({ kind: declared.kind, name: declared.name, changes: [] });
    let desired = declared;
    for (let attempt = 1;; attempt++) {
        const current = await inGroup(log, `Read ${desired.kind} ${desired.name}`, async () => {
            const [found, prepared] = await Promise.all([
                api.read(desired.name, { tags: desired.tags !== undefined }),
                attempt === 1 && options.prepare ? options.prepare(desired) : desired
            ]);
            desired = prepared;
            log.info(describeCurrent(found));
            return found;
        });
        if (attempt === 1)
            result.before = current;
        result.plan = planDeploy(desired, current);
        result.after = current && stateOf(current);
        logPlan(log, result.plan);
        if (options.dryRun)
            return result;
        try {
            await applyPlan(api, desired, current, result, options);
            return result;
        }
        catch (error) {
            if (!lostRace(error))
                throw new RunError(error, result);
            const race = error;
            if (attempt < maxAttempts) {
                log.warning(`${race.operation}: ${desired.name} was changed by another writer since it was read (${race.code}). Reading it again and re-planning (attempt ${attempt + 1} of ${maxAttempts}).`);
                continue;
            }
            if (await convergedMeanwhile(api, desired, result, options)) {
                log.info(`${desired.name} already matches the inputs: another run deployed the same version meanwhile.`);
                return result;
            }
            throw new RunError(new Error(`${desired.name} kept changing while this run was deploying it: ${maxAttempts} attempts each lost a race with another writer (last: ${race.operation} ${race.code}). Make deploys of one function run one at a time (a workflow concurrency group) and re-run.`), result);
        }
    }
}
/** After the last lost race: another writer may have done exactly what we wanted. */
async function convergedMeanwhile(api, desired, result, options) {
    // With a test gate, this run must test what it publishes itself.
    if (options.testCases.length > 0)
        return false;
    const current = await api.read(desired.name, { tags: desired.tags !== undefined });
    if (!current || planDeploy(desired, current).changes.length > 0)
        return false;
    result.after = stateOf(current);
    if (desired.publish && current.status === 'PUBLISHING') {
        Object.assign(result.after, await waitWhilePublishing(api, result.after, options));
    }
    return true;
}
async function applyPlan(api, desired, current, result, options) {
    const target = await inGroup(options.log, 'Apply changes', () => writeDevelopment(api, desired, current, result, options.log));
    if (options.testCases.length > 0)
        await testDevelopment(api, target, result, options);
    if (result.plan.changes.some(change => change.action === 'publish')) {
        await inGroup(options.log, 'Publish DEVELOPMENT to LIVE', async () => {
            const published = await publishUnlessLive(api, target, options.log);
            if (!published)
                return;
            result.published = true;
            Object.assign(target, { status: published.status || target.status, liveEtag: target.etag });
            if (target.status === 'PUBLISHING') {
                Object.assign(target, await waitWhilePublishing(api, target, options));
            }
            options.log.info(`Published: LIVE ETag ${target.liveEtag}, status ${target.status}.`);
        });
    }
    else if (desired.publish && target.status === 'PUBLISHING') {
        // Another run published this version a moment ago: report it once it is live.
        await inGroup(options.log, 'Wait for LIVE', async () => {
            Object.assign(target, await waitWhilePublishing(api, target, options));
            options.log.info(`LIVE ETag ${target.liveEtag}, status ${target.status}.`);
        });
    }
}
/**
 * Publishes DEVELOPMENT. CloudFront answers 412 both when DEVELOPMENT changed and when
 * this content is already LIVE: if DEVELOPMENT is unchanged, it was the latter, and there
 * is nothing to publish (returns undefined).
 */
async function publishUnlessLive(api, target, log) {
    try {
        return await api.publish(target.id, target.etag);
    }
    catch (error) {
        if (!isPreconditionFailed(error))
            throw error;
        const [development, live] = await Promise.all([
            api.describe(target.id, 'DEVELOPMENT'),
            api.describe(target.id, 'LIVE')
        ]);
        if (development?.etag !== target.etag || !live)
            throw error;
        log.info(`CloudFront reports DEVELOPMENT ETag ${target.etag} as already LIVE; nothing to publish.`);
        Object.assign(target, { status: live.status || target.status, liveEtag: live.etag });
        return undefined;
    }
}
/** Create, or update and tag, so DEVELOPMENT is as declared. Returns the new state. */
async function writeDevelopment(api, desired, current, result, log) {
    const { changes } = result.plan;
    if (changes.length === 0)
        log.info('Nothing to change.');
    let target = current && stateOf(current);
    if (changes.some(change => change.action === 'create')) {
        const created = await withEtag(api, await api.create(desired));
        target = { ...created, liveEtag: '' };
        result.created = true;
        log.info(`Created ${desired.name} (DEVELOPMENT ETag ${created.etag}).`);
    }
    if (!target)
        throw new Error(`${desired.name} was not found and the plan did not create it.`);
    const state = target;
    // Tags live on the ARN, apart from the function's content: write them alongside the update.
    const writes = await Promise.allSettled(changes.map(async (change) => {
        if (change.action === 'update') {
            const updated = await withEtag(api, await api.update(state.id, state.etag, desired));
            Object.assign(state, { status: updated.status || state.status, etag: updated.etag });
            result.updated = true;
            const fields = [...(change.code ? ['code'] : []), ...change.config].join(', ');
            log.info(`Updated ${fields} (DEVELOPMENT ETag ${updated.etag}).`);
        }
        else if (change.action === 'tag') {
            await api.tag(state.arn, change.tags);
            result.tagged = true;
            log.info(describeChange(change));
        }
        else if (change.action === 'untag') {
            await api.untag(state.arn, change.keys);
            result.tagged = true;
            log.info(describeChange(change));
        }
    }));
    // Every write has settled before a failure is raised, so the result says what was done.
    result.after = state;
    const failed = writes.find(write => write.status === 'rejected');
    if (failed)
        throw failed.reason;
    return state;
}
/** The test gate: every case must pass before anything is published. */
async function testDevelopment(api, target, result, options) {
    const { log, testCases } = options;
    result.tests = await inGroup(log, `Test DEVELOPMENT (${testCases.length} cases)`, async () => {
        const tests = await runTestGate(api, target, testCases, options.maxComputeUtilization);
        for (const test of tests) {
            const failures = test.failures.map(failure => `\n  ${failure}`).join('');
            log.info(`${test.passed ? 'PASS' : 'FAIL'} ${test.name} (compute ${test.computeUtilization})${failures}`);
        }
        return tests;
    });
    if (result.tests.some(test => !test.passed))
        throw new TestGateError(result.tests);
}
/** A write result without an ETag (UpdateFunction's `ETtag` quirk): describe again. */
async function withEtag(api, summary) {
    if (summary.etag)
        return summary;
    const described = await api.describe(summary.id, 'DEVELOPMENT');
    if (!described?.etag) {
        throw new Error(`CloudFront returned no ETag for ${summary.id}, even when described again.`);
    }
    return { ...summary, ...described, arn: summary.arn || described.arn };
}
/** Connection functions pass through PUBLISHING; wait, bounded, until they leave it. */
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
        const live = await api.describe(target.id, 'LIVE');
        if (live && live.status !== 'PUBLISHING') {
            return { status: live.status, liveEtag: live.etag || target.liveEtag };
        }
    }
    throw new Error(`${target.id} is published but its status is still PUBLISHING after ${Math.round(timeoutMs / 1000)} s. CloudFront may still finish: check it with 'aws cloudfront describe-connection-function --identifier ${target.id} --stage LIVE' and re-run this step to confirm.`);
}
async function remove(api, name, options) {
    const { log } = options;
    const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    const result = emptyResult({ kind: api.kind, name, changes: [] });
    for (let attempt = 1;; attempt++) {
        const current = await inGroup(log, `Read ${api.kind} ${name}`, async () => {
            const found = await api.read(name, { tags: false });
            log.info(describeCurrent(found));
            return found;
        });
        if (attempt === 1)
            result.before = current;
        result.plan = planDelete(api.kind, name, current);
        result.after = current && stateOf(current);
        logPlan(log, result.plan);
        if (!current || options.dryRun)
            return result;
        try {
            await inGroup(log, `Delete ${name}`, () => api.delete(current.id, current.development.etag));
            result.deleted = true;
            result.after = undefined;
            log.info(`Deleted ${api.kind} ${name}.`);
            return result;
        }
        catch (error) {
            if (isNotFound(error)) {
                log.info(`${name} was deleted by someone else meanwhile; nothing left to do.`);
                result.after = undefined;
                return result;
            }
            if (isPreconditionFailed(error) && attempt < maxAttempts) {
                log.warning(`${name} changed since it was read (PreconditionFailed); reading it again.`);
                continue;
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
function logPlan(log, plan) {
    if (plan.changes.length === 0) {
        log.info('Plan: no changes; CloudFront already matches the inputs.');
        return;
    }
    log.info(`Plan: ${plan.changes.map(describeChange).join('; ')}.`);
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
    if (done.length === 0)
        return 'Nothing was changed in CloudFront by this run.';
    const etag = result.after?.etag ? ` (DEVELOPMENT ETag ${result.after.etag})` : '';
    const live = result.published
        ? ''
        : ' LIVE was not changed: it still serves what it served before this run.';
    return `Before failing, this run ${done.join(', ')}${etag}.${live}`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js
var dist_cjs = __webpack_require__(3169);
;// CONCATENATED MODULE: ./src/cloudfront.ts
// The CloudFront adapter: the only module that imports the AWS SDK. It hides
// the differences between CloudFront Functions (keyed by name) and Connection
// Functions (found by name, then addressed by Id) behind one interface.


/** A client that follows the SDK's default credential chain; CloudFront is global. */
function createClient(env = process.env) {
    return new dist_cjs/* CloudFrontClient */.GHk({
        region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
        retryMode: 'standard',
        maxAttempts: 5,
        customUserAgent: 'cloudfront-function-deploy'
    });
}
function createFunctionsApi(kind, client) {
    const tags = new TagsApi(client);
    return kind === 'function'
        ? new CloudFrontFunctionsApi(client, tags)
        : new ConnectionFunctionsApi(client, tags);
}
/** Resolves a key value store given by name to its ARN; ARNs pass through. */
async function resolveKeyValueStore(client, store) {
    if (store.startsWith('arn:'))
        return store;
    const result = await call('DescribeKeyValueStore', () => client.send(new dist_cjs/* DescribeKeyValueStoreCommand */.wCc({ Name: store })));
    const arn = result.KeyValueStore?.ARN;
    if (!arn)
        throw new Error(`DescribeKeyValueStore returned no ARN for key value store '${store}'.`);
    return arn;
}
/** Runs one SDK call and tags any failure with the operation's name. */
async function call(operation, send) {
    try {
        return await send();
    }
    catch (error) {
        throw new AwsCallError(operation, error);
    }
}
/** Like `call`, but a 404 becomes `undefined`. */
async function callOrMissing(operation, send) {
    try {
        return await send();
    }
    catch (error) {
        const failed = new AwsCallError(operation, error);
        if (isNotFound(failed))
            return undefined;
        throw failed;
    }
}
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
class TagsApi {
    client;
    constructor(client) {
        this.client = client;
    }
    async list(arn) {
        const result = await call('ListTagsForResource', () => this.client.send(new dist_cjs/* ListTagsForResourceCommand */.a_e({ Resource: arn })));
        return Object.fromEntries((result.Tags?.Items ?? []).map(tag => [tag.Key, tag.Value ?? '']));
    }
    async tag(arn, tags) {
        await call('TagResource', () => this.client.send(new dist_cjs/* TagResourceCommand */.eqU({ Resource: arn, Tags: toSdkTags(tags) ?? {} })));
    }
    async untag(arn, keys) {
        await call('UntagResource', () => this.client.send(new dist_cjs/* UntagResourceCommand */.RP$({ Resource: arn, TagKeys: { Items: keys } })));
    }
}
class CloudFrontFunctionsApi {
    client;
    tags;
    kind = 'function';
    constructor(client, tags) {
        this.client = client;
        this.tags = tags;
    }
    async read(name, options) {
        const [development, code, live] = await Promise.all([
            callOrMissing('DescribeFunction', () => this.client.send(new dist_cjs/* DescribeFunctionCommand */.rNm({ Name: name, Stage: 'DEVELOPMENT' }))),
            callOrMissing('GetFunction', () => this.client.send(new dist_cjs/* GetFunctionCommand */.YF5({ Name: name, Stage: 'DEVELOPMENT' }))),
            callOrMissing('DescribeFunction', () => this.client.send(new dist_cjs/* DescribeFunctionCommand */.rNm({ Name: name, Stage: 'LIVE' })))
        ]);
        if (!development?.FunctionSummary || !code)
            return undefined;
        const summary = development.FunctionSummary;
        const arn = summary.FunctionMetadata?.FunctionARN ?? '';
        // The ARN holds the account id, so tags can only be read after Describe.
        const tags = options.tags ? await this.tags.list(arn) : {};
        return {
            kind: this.kind,
            name,
            id: name,
            arn,
            status: summary.Status ?? '',
            development: {
                etag: development.ETag ?? '',
                config: fromSdkConfig(summary.FunctionConfig),
                code: Buffer.from(code.FunctionCode ?? new Uint8Array())
            },
            live: live?.ETag ? { etag: live.ETag } : undefined,
            tags
        };
    }
    async describe(id, stage) {
        const result = await callOrMissing('DescribeFunction', () => this.client.send(new dist_cjs/* DescribeFunctionCommand */.rNm({ Name: id, Stage: stage })));
        return result && summarize(result.FunctionSummary, result.ETag);
    }
    async create(desired) {
        const result = await call('CreateFunction', () => this.client.send(new dist_cjs/* CreateFunctionCommand */.Y8X({
            Name: desired.name,
            FunctionConfig: toSdkConfig(desired.config),
            FunctionCode: desired.code,
            Tags: toSdkTags(desired.tags)
        })));
        return summarize(result.FunctionSummary, result.ETag);
    }
    async update(id, etag, desired) {
        const result = await call('UpdateFunction', () => this.client.send(new dist_cjs/* UpdateFunctionCommand */.xSA({
            Name: id,
            IfMatch: etag,
            FunctionConfig: toSdkConfig(desired.config),
            FunctionCode: desired.code
        })));
        return summarize(result.FunctionSummary, result.ETag);
    }
    async publish(id, etag) {
        const result = await call('PublishFunction', () => this.client.send(new dist_cjs/* PublishFunctionCommand */.rxT({ Name: id, IfMatch: etag })));
        // PublishFunction answers without an ETag: LIVE now holds the content of `etag`.
        return summarize(result.FunctionSummary, etag);
    }
    async test(id, etag, event) {
        const result = await call('TestFunction', () => this.client.send(new dist_cjs/* TestFunctionCommand */.EwS({
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
    }
    async delete(id, etag) {
        await call('DeleteFunction', () => this.client.send(new dist_cjs/* DeleteFunctionCommand */.Z3K({ Name: id, IfMatch: etag })));
    }
    tag(arn, tags) {
        return this.tags.tag(arn, tags);
    }
    untag(arn, keys) {
        return this.tags.untag(arn, keys);
    }
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
class ConnectionFunctionsApi {
    client;
    tags;
    kind = 'connection-function';
    constructor(client, tags) {
        this.client = client;
        this.tags = tags;
    }
    /** Connection functions are addressed by Id: find the one with this name (all pages). */
    async findByName(name) {
        let marker;
        do {
            const page = await call('ListConnectionFunctions', () => this.client.send(new dist_cjs/* ListConnectionFunctionsCommand */.pXg({
                Marker: marker,
                MaxItems: 100,
                Stage: 'DEVELOPMENT'
            })));
            const found = page.ConnectionFunctions?.find(summary => summary.Name === name);
            if (found)
                return found;
            marker = page.NextMarker || undefined;
        } while (marker);
        return undefined;
    }
    async read(name, options) {
        const listed = await this.findByName(name);
        if (!listed?.Id)
            return undefined;
        const id = listed.Id;
        const arn = listed.ConnectionFunctionArn ?? '';
        const [development, code, live, tags] = await Promise.all([
            callOrMissing('DescribeConnectionFunction', () => this.client.send(new dist_cjs/* DescribeConnectionFunctionCommand */.NAV({ Identifier: id, Stage: 'DEVELOPMENT' }))),
            callOrMissing('GetConnectionFunction', () => this.client.send(new dist_cjs/* GetConnectionFunctionCommand */.EH7({ Identifier: id, Stage: 'DEVELOPMENT' }))),
            callOrMissing('DescribeConnectionFunction', () => this.client.send(new dist_cjs/* DescribeConnectionFunctionCommand */.NAV({ Identifier: id, Stage: 'LIVE' }))),
            options.tags ? this.tags.list(arn) : Promise.resolve({})
        ]);
        // Deleted between List and Describe: it does not exist any more.
        if (!development?.ConnectionFunctionSummary || !code)
            return undefined;
        const summary = development.ConnectionFunctionSummary;
        return {
            kind: this.kind,
            name,
            id,
            arn: summary.ConnectionFunctionArn ?? arn,
            status: summary.Status ?? '',
            development: {
                etag: development.ETag ?? '',
                config: fromSdkConfig(summary.ConnectionFunctionConfig),
                code: Buffer.from(code.ConnectionFunctionCode ?? new Uint8Array())
            },
            live: live?.ETag ? { etag: live.ETag } : undefined,
            tags
        };
    }
    async describe(id, stage) {
        const result = await callOrMissing('DescribeConnectionFunction', () => this.client.send(new dist_cjs/* DescribeConnectionFunctionCommand */.NAV({ Identifier: id, Stage: stage })));
        return result && summarizeConnection(result.ConnectionFunctionSummary, result.ETag);
    }
    async create(desired) {
        const result = await call('CreateConnectionFunction', () => this.client.send(new dist_cjs/* CreateConnectionFunctionCommand */.kIb({
            Name: desired.name,
            ConnectionFunctionConfig: toSdkConfig(desired.config),
            ConnectionFunctionCode: desired.code,
            Tags: toSdkTags(desired.tags)
        })));
        return summarizeConnection(result.ConnectionFunctionSummary, result.ETag);
    }
    async update(id, etag, desired) {
        const result = await call('UpdateConnectionFunction', () => this.client.send(new dist_cjs/* UpdateConnectionFunctionCommand */.pad({
            Id: id,
            IfMatch: etag,
            ConnectionFunctionConfig: toSdkConfig(desired.config),
            ConnectionFunctionCode: desired.code
        })));
        return summarizeConnection(result.ConnectionFunctionSummary, result.ETag);
    }
    async publish(id, etag) {
        const result = await call('PublishConnectionFunction', () => this.client.send(new dist_cjs/* PublishConnectionFunctionCommand */.l06({ Id: id, IfMatch: etag })));
        return summarizeConnection(result.ConnectionFunctionSummary, etag);
    }
    async test(id, etag, event) {
        const result = await call('TestConnectionFunction', () => this.client.send(new dist_cjs/* TestConnectionFunctionCommand */.SR1({
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
    }
    async delete(id, etag) {
        await call('DeleteConnectionFunction', () => this.client.send(new dist_cjs/* DeleteConnectionFunctionCommand */.HSF({ Id: id, IfMatch: etag })));
    }
    tag(arn, tags) {
        return this.tags.tag(arn, tags);
    }
    untag(arn, keys) {
        return this.tags.untag(arn, keys);
    }
}

// EXTERNAL MODULE: ./node_modules/acorn/dist/acorn.mjs
var acorn = __webpack_require__(4559);
// EXTERNAL MODULE: ./node_modules/acorn-walk/dist/walk.mjs
var walk = __webpack_require__(3097);
;// CONCATENATED MODULE: ./src/code-check.ts
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
const code_check_NETWORK = 'there is no network access from CloudFront Functions';
const FORBIDDEN_GLOBALS = {
    eval: 'dynamic code evaluation throws an error in CloudFront Functions; write the code out instead',
    setTimeout: TIMERS,
    setInterval: TIMERS,
    setImmediate: TIMERS,
    clearTimeout: TIMERS,
    clearInterval: TIMERS,
    clearImmediate: TIMERS,
    fetch: code_check_NETWORK,
    XMLHttpRequest: code_check_NETWORK,
    WebSocket: code_check_NETWORK,
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
    const { runtime, kind } = options;
    const findings = [];
    if (kind === 'connection-function' && runtime !== V2) {
        findings.push({
            rule: 'unsupported-runtime',
            message: `Connection functions only support ${V2}: set runtime: ${V2}`,
            line: 1,
            column: 1
        });
    }
    let program;
    try {
        program = (0,acorn/* parse */.qg)(source, {
            ecmaVersion: 'latest',
            // The runtimes always run in strict mode; module parsing is strict and accepts `import`.
            sourceType: 'module',
            locations: true
        });
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
        walk/* fullAncestor */.xu(program, (node, _state, ancestors) => {
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
            for (const name of patternNames(pattern))
                this.declared.add(name);
        };
        walk/* full */.a2(program, raw => {
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
                if (this.runtime === V1) {
                    this.report('unsupported-syntax', node, `\`export\` is not supported by ${V1}: remove it (CloudFront calls the top-level handler), or set runtime: ${V2}`);
                }
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
/** The names a binding pattern declares. */
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
        statement.declarations.some(d => patternNames(d.id).includes(name)));
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

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(9672);
;// CONCATENATED MODULE: ./src/diff.ts
// Unified diffs of what a plan changes: code, configuration and tags.

function renderDiff(desired, current) {
    const where = current ? `${desired.name} (DEVELOPMENT)` : '/dev/null';
    const sections = [
        patch(`${where}`, `${desired.name} (inputs)`, current ? current.development.code.toString('utf8') : '', desired.code.toString('utf8'), 'code'),
        patch(where, `${desired.name} (inputs)`, current ? configText(current.development.config) : '', configText(desired.config), 'config')
    ];
    if (desired.tags !== undefined) {
        sections.push(patch(where, `${desired.name} (inputs)`, tagsText(current?.tags ?? {}), tagsText(desired.tags), 'tags'));
    }
    return sections.filter(section => section !== '').join('');
}
function patch(from, to, before, after, what) {
    if (before === after)
        return '';
    const text = (0,create/* createTwoFilesPatch */.ss)(`${what}: ${from}`, `${what}: ${to}`, before, after, undefined, undefined, {
        context: 3
    });
    // Drop the "Index:"/"===" preamble; keep the ---/+++ headers and hunks.
    return text.replace(/^(Index:.*\n)?(=+\n)?/, '');
}
function configText(config) {
    return ([
        `comment: ${config.comment}`,
        `runtime: ${config.runtime}`,
        `key-value-stores: ${config.keyValueStoreArns.join(', ')}`
    ].join('\n') + '\n');
}
function tagsText(tags) {
    return Object.keys(tags)
        .sort()
        .map(key => `${key}=${tags[key]}\n`)
        .join('');
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Reads every input once, validates it and returns one typed, readonly object.
// Every problem is an InputError raised before any request to AWS.



const MAX_CODE_BYTES = 10_240;
const MAX_KEY_VALUE_STORES = 1;
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const STORE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const STORE_ARN_PATTERN = /^arn:aws[a-z-]*:cloudfront::\d{12}:key-value-store\/[A-Za-z0-9-]{1,64}$/;
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const KINDS = ['function', 'connection-function'];
const RUNTIMES = ['cloudfront-js-2.0', 'cloudfront-js-1.0'];
/** Splits a comma- or newline-separated list, trimming entries and dropping empty ones. */
function splitList(value) {
    return value
        .split(/[,\n]/)
        .map(item => item.trim())
        .filter(item => item !== '');
}
function parseInputs(read, env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const name = parseName(read('name'));
    const kind = parseChoice('type', read('type') || 'function', KINDS);
    const runtime = parseChoice('runtime', read('runtime') || 'cloudfront-js-2.0', RUNTIMES);
    const deleting = parseBoolean('delete', read('delete'));
    const dryRun = parseBoolean('dry-run', read('dry-run'));
    const publish = parseBoolean('publish', read('publish'));
    const commentOnPr = parseBoolean('comment-on-pr', read('comment-on-pr'));
    const keyValueStores = parseKeyValueStores(read('key-value-stores'), runtime);
    const tags = parseTags(read('tags'));
    const maxComputeUtilization = parsePercent('max-compute-utilization', read('max-compute-utilization'));
    const testEvents = splitList(read('test-events'));
    if (deleting && publish) {
        throw new errors/* InputError */.d('publish', 'publish: true cannot be combined with delete: true. Set one of them to false.');
    }
    const { codePath, code } = deleting
        ? { codePath: '', code: Buffer.alloc(0) }
        : readCode(read('code'), workspace);
    return {
        name,
        kind,
        codePath,
        code,
        runtime,
        comment: read('comment'),
        keyValueStores,
        tags,
        publish,
        testEvents,
        maxComputeUtilization,
        dryRun,
        delete: deleting,
        commentOnPr,
        githubToken: read('github-token'),
        workspace
    };
}
function parseName(value) {
    const name = value.trim();
    if (name === '') {
        throw new errors/* InputError */.d('name', 'is required. Set it to the function name, e.g. name: my-function.');
    }
    if (!NAME_PATTERN.test(name)) {
        throw new errors/* InputError */.d('name', `'${name}' is not a valid function name: use 1 to 64 characters from A-Z, a-z, 0-9, hyphen (-) and underscore (_).`);
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
function readCode(value, workspace) {
    const given = value.trim();
    if (given === '') {
        throw new errors/* InputError */.d('code', 'is required to deploy. Set it to the path of the JavaScript file, relative to the workspace (e.g. code: functions/viewer-request.js).');
    }
    const codePath = (0,external_node_path_.isAbsolute)(given) ? given : (0,external_node_path_.resolve)(workspace, given);
    if (!(0,external_node_fs_.existsSync)(codePath)) {
        throw new errors/* InputError */.d('code', `file '${given}' does not exist (looked for ${codePath}). Check the path, relative to the workspace, and that the file is checked out.`);
    }
    if (!(0,external_node_fs_.statSync)(codePath).isFile()) {
        throw new errors/* InputError */.d('code', `'${given}' is not a file. Point it at the JavaScript source file.`);
    }
    let code;
    try {
        code = (0,external_node_fs_.readFileSync)(codePath);
    }
    catch (error) {
        throw new errors/* InputError */.d('code', `file '${given}' cannot be read (${error.code ?? 'unknown error'}). Check its permissions.`);
    }
    if (code.length === 0) {
        throw new errors/* InputError */.d('code', `file '${given}' is empty. A function needs a handler.`);
    }
    if (code.length > MAX_CODE_BYTES) {
        throw new errors/* InputError */.d('code', `file '${given}' is ${code.length} bytes, over CloudFront's limit of ${MAX_CODE_BYTES} bytes. Minify it or move data into a key value store.`);
    }
    return { codePath, code };
}
function parseKeyValueStores(value, runtime) {
    const stores = splitList(value);
    if (stores.length > MAX_KEY_VALUE_STORES) {
        throw new errors/* InputError */.d('key-value-stores', `${stores.length} stores given (${stores.join(', ')}), but CloudFront allows at most ${MAX_KEY_VALUE_STORES} per function. Keep one.`);
    }
    for (const store of stores) {
        if (store.startsWith('arn:')) {
            if (!STORE_ARN_PATTERN.test(store)) {
                throw new errors/* InputError */.d('key-value-stores', `'${store}' is not a key value store ARN: expected arn:aws:cloudfront::<12-digit account>:key-value-store/<id>, or give the store name.`);
            }
        }
        else if (!STORE_NAME_PATTERN.test(store)) {
            throw new errors/* InputError */.d('key-value-stores', `'${store}' is neither a key value store ARN nor a valid store name (1 to 64 characters from A-Z, a-z, 0-9, - and _).`);
        }
    }
    if (stores.length > 0 && runtime !== 'cloudfront-js-2.0') {
        throw new errors/* InputError */.d('key-value-stores', `key value stores need runtime cloudfront-js-2.0, but runtime is ${runtime}. Set runtime: cloudfront-js-2.0 or remove the store.`);
    }
    return stores;
}
/** Parses `key=value` pairs; an empty input means "leave tags alone". */
function parseTags(value) {
    const pairs = splitList(value);
    if (pairs.length === 0)
        return undefined;
    // A Map, not an object literal: keys such as `constructor` or `__proto__` are ordinary tags.
    const tags = new Map();
    for (const pair of pairs) {
        const equals = pair.indexOf('=');
        if (equals < 0) {
            throw new errors/* InputError */.d('tags', `'${pair}' has no '='. Write each tag as key=value.`);
        }
        const key = pair.slice(0, equals).trim();
        const tagValue = pair.slice(equals + 1).trim();
        if (key === '') {
            throw new errors/* InputError */.d('tags', `'${pair}' has an empty key. Write each tag as key=value.`);
        }
        if (key.length > 128) {
            throw new errors/* InputError */.d('tags', `key '${key.slice(0, 20)}…' is ${key.length} characters; the limit is 128.`);
        }
        if (tagValue.length > 256) {
            throw new errors/* InputError */.d('tags', `the value of '${key}' is ${tagValue.length} characters; the limit is 256.`);
        }
        for (const [part, text] of [
            ['key', key],
            ['value', tagValue]
        ]) {
            if (!TAG_PATTERN.test(text)) {
                throw new errors/* InputError */.d('tags', `the ${part} '${text}' of tag '${key}' has characters CloudFront does not allow: use letters, digits, spaces and _ . : / = + - @.`);
            }
        }
        if (tags.has(key)) {
            throw new errors/* InputError */.d('tags', `key '${key}' is given twice. Give each tag key once.`);
        }
        tags.set(key, tagValue);
    }
    return Object.fromEntries(tags);
}

;// CONCATENATED MODULE: ./src/outputs.ts

function outputsOf(values) {
    const { result } = values;
    const after = result.after;
    return {
        arn: after?.arn ?? '',
        etag: after?.etag ?? '',
        'live-etag': after?.liveEtag ?? '',
        id: after?.id ?? (values.kind === 'function' && !result.deleted ? values.name : ''),
        status: after?.status ?? '',
        changed: String(changed(result)),
        created: String(result.created),
        published: String(result.published),
        'test-results': JSON.stringify(result.tests),
        plan: JSON.stringify(result.plan),
        diff: values.diff,
        'summary-markdown': values.summaryMarkdown
    };
}
function writeOutputs(setOutput, values) {
    for (const [name, value] of Object.entries(outputsOf(values)))
        setOutput(name, value);
}

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary: one markdown report per run, also for failed and dry runs.


const KIND_TITLE = {
    function: 'CloudFront Function',
    'connection-function': 'CloudFront Connection Function'
};
function renderSummary(input) {
    const { result } = input;
    const lines = [`### ${KIND_TITLE[input.kind]} \`${input.name}\`: ${outcome(input)}`, ''];
    if (input.error)
        lines.push('> [!CAUTION]', ...quote(input.error), '');
    if (result) {
        lines.push(...stateTable(result), '');
        if (result.plan.changes.length > 0) {
            lines.push(input.dryRun ? '**Plan (dry run, nothing was written):**' : '**Plan:**', '');
            lines.push(...result.plan.changes.map(change => `- ${describeChange(change)}`), '');
        }
        if (result.tests.length > 0)
            lines.push(...testTable(result.tests), '');
    }
    if (input.diff) {
        lines.push('<details><summary>Diff</summary>', '', '```diff', input.diff.trimEnd(), '```', '', '</details>', '');
    }
    return lines.join('\n');
}
function outcome(input) {
    const { result } = input;
    if (input.error)
        return 'failed';
    if (!result)
        return 'not run';
    if (input.dryRun) {
        return result.plan.changes.length === 0 ? 'dry run, no changes' : 'dry run, changes pending';
    }
    if (!changed(result))
        return 'no changes';
    const done = [
        result.created && 'created',
        result.updated && 'updated',
        result.tagged && 'tags changed',
        result.published && 'published',
        result.deleted && 'deleted'
    ].filter(Boolean);
    return done.join(', ');
}
function quote(text) {
    return text.split('\n').map(line => `> ${line}`);
}
function stateTable(result) {
    const before = result.before;
    const after = result.after;
    const cell = (value) => (value ? `\`${value}\`` : '—');
    return [
        '| | Before | After |',
        '| --- | --- | --- |',
        `| ARN | ${cell(before?.arn)} | ${cell(after?.arn)} |`,
        `| Status | ${cell(before?.status)} | ${cell(after?.status)} |`,
        `| DEVELOPMENT ETag | ${cell(before?.development.etag)} | ${cell(after?.etag)} |`,
        `| LIVE ETag | ${cell(before?.live?.etag)} | ${cell(after?.liveEtag)} |`
    ];
}
function testTable(tests) {
    const passed = tests.filter(test => test.passed).length;
    return [
        `**Tests:** ${passed} of ${tests.length} passed`,
        '',
        '| Case | Result | Compute | Details |',
        '| --- | --- | --- | --- |',
        ...tests.map(test => `| ${escapeCell(test.name)} | ${test.passed ? '✅ pass' : '❌ fail'} | ${test.computeUtilization} | ${escapeCell(test.failures.join('; '))} |`)
    ];
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/main.ts
// The action's entry: read and check inputs, deploy (or delete), then report.













const log = {
    info: message => core/* info */.pq(message),
    warning: message => core/* warning */.$e(message),
    startGroup: title => core/* startGroup */.Oh(title),
    endGroup: () => core/* endGroup */.N4()
};
async function run() {
    let inputs;
    let result;
    let diff = '';
    let failure;
    // The desired state as planned (store names resolved), for the diff.
    let desired;
    let client;
    try {
        inputs = parseInputs(name => core/* getInput */.V4(name));
        if (inputs.githubToken)
            core/* setSecret */.Pq(inputs.githubToken);
        const checked = inputs;
        const testCases = await inGroup(log, 'Check inputs and code', async () => checkBeforeAnyRequest(checked));
        const cloudfront = (client = createClient());
        const api = createFunctionsApi(inputs.kind, cloudfront);
        if (inputs.delete) {
            result = await remove(api, inputs.name, { dryRun: inputs.dryRun, log });
        }
        else {
            const declared = desiredOf(inputs);
            desired = declared;
            result = await deploy(api, declared, {
                dryRun: inputs.dryRun,
                testCases: inputs.dryRun ? [] : testCases,
                maxComputeUtilization: inputs.maxComputeUtilization,
                log,
                prepare: async () => (desired = await resolveStores(cloudfront, declared))
            });
            if (inputs.dryRun && testCases.length > 0) {
                core/* info */.pq(`Dry run: ${testCases.length} test cases were loaded but not run (DEVELOPMENT is not updated in a dry run).`);
            }
        }
    }
    catch (error) {
        if (error instanceof RunError)
            result = error.result;
        failure = (0,errors/* errorMessage */.g)(error);
        core/* setFailed */.C1(failure);
    }
    // Close kept-alive connections now rather than at process exit.
    client?.destroy();
    // Also for a failed run: the diff shows what it planned, and partly applied.
    if (desired && result)
        diff = renderDiff(desired, result.before);
    try {
        await report(inputs ?? fallbackInputs(), result, diff, failure);
    }
    catch (error) {
        core/* setFailed */.C1(`Reporting the result failed: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}
/** Everything checked before the first request: code, test cases. */
function checkBeforeAnyRequest(inputs) {
    if (inputs.delete)
        return [];
    const file = (0,external_node_path_.relative)(inputs.workspace, inputs.codePath) || inputs.codePath;
    const percent = Math.round((inputs.code.length / MAX_CODE_BYTES) * 100);
    core/* info */.pq(`Code ${file}: ${inputs.code.length} of ${MAX_CODE_BYTES} bytes (${percent}% of CloudFront's limit).`);
    const findings = checkCode(inputs.code.toString('utf8'), {
        runtime: inputs.runtime,
        kind: inputs.kind
    });
    for (const finding of findings) {
        core/* error */.z3(finding.message, {
            title: `CloudFront ${inputs.runtime}: ${finding.rule}`,
            file,
            startLine: finding.line,
            startColumn: finding.column
        });
    }
    if (findings.length > 0) {
        const first = findings[0];
        throw new errors/* InputError */.d('code', `${file} has ${findings.length} problem${findings.length === 1 ? '' : 's'} for ${inputs.runtime} (first: line ${first.line}, column ${first.column}: ${first.message}). See the annotations; nothing was sent to CloudFront.`);
    }
    const cases = loadTestCases([...inputs.testEvents], inputs.workspace);
    if (cases.length > 0)
        core/* info */.pq(`Test gate: ${cases.length} test cases loaded.`);
    return cases;
}
function desiredOf(inputs) {
    return {
        kind: inputs.kind,
        name: inputs.name,
        code: inputs.code,
        config: {
            comment: inputs.comment,
            runtime: inputs.runtime,
            keyValueStoreArns: [...inputs.keyValueStores]
        },
        tags: inputs.tags,
        publish: inputs.publish
    };
}
/** Store names become ARNs (DescribeKeyValueStore), in parallel with the first read. */
async function resolveStores(client, desired) {
    const stores = desired.config.keyValueStoreArns;
    if (stores.every(store => store.startsWith('arn:')))
        return desired;
    const arns = await Promise.all(stores.map(async (store) => {
        try {
            return await resolveKeyValueStore(client, store);
        }
        catch (error) {
            if (isNotFound(error)) {
                throw new errors/* InputError */.d('key-value-stores', `no key value store named '${store}' exists in this account (DescribeKeyValueStore found none). Create it first, or give its ARN.`);
            }
            throw error;
        }
    }));
    return { ...desired, config: { ...desired.config, keyValueStoreArns: arns } };
}
/** What the summary of a run with invalid inputs can still say. */
function fallbackInputs() {
    const type = core/* getInput */.V4('type');
    return {
        kind: type === 'connection-function' ? 'connection-function' : 'function',
        name: core/* getInput */.V4('name') || '(no name)',
        dryRun: false,
        commentOnPr: false,
        githubToken: ''
    };
}
async function report(inputs, result, diff, failure) {
    const summaryMarkdown = renderSummary({
        kind: inputs.kind,
        name: inputs.name,
        dryRun: inputs.dryRun,
        result,
        diff,
        error: failure
    });
    if (result)
        writeOutputs(core/* setOutput */.uH, {
            kind: inputs.kind,
            name: inputs.name,
            result,
            diff,
            summaryMarkdown
        });
    else
        core/* setOutput */.uH('summary-markdown', summaryMarkdown);
    if (inputs.dryRun && diff)
        core/* info */.pq(`Diff:\n${diff}`);
    try {
        await core/* summary */.z.addRaw(summaryMarkdown, true).write();
    }
    catch (error) {
        core/* warning */.$e(`The job summary could not be written: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    if (inputs.commentOnPr)
        await comment(inputs, summaryMarkdown);
}
async function comment(inputs, body) {
    try {
        // Loaded only when asked for: the GitHub client is large and most runs never need it.
        const { upsertPullRequestComment } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(525)]).then(__webpack_require__.bind(__webpack_require__, 5525));
        const outcome = await upsertPullRequestComment({
            token: inputs.githubToken,
            body,
            marker: `${inputs.kind}/${inputs.name}`
        });
        if (outcome.action === 'skipped')
            core/* warning */.$e(`No pull-request comment: ${outcome.reason}`);
        else
            core/* info */.pq(`Pull-request comment ${outcome.action}: ${outcome.url ?? ''}`);
    }
    catch (error) {
        core/* warning */.$e(`The pull-request comment could not be written: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}


/***/ })

};
