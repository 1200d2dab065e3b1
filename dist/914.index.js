export const id = 914;
export const ids = [914];
export const modules = {

/***/ 1914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertPullRequestComment: () => (/* binding */ upsertPullRequestComment)
/* harmony export */ });
/* unused harmony exports GITHUB_REQUEST_TIMEOUT_MS, MAX_COMMENT_LENGTH, markerLine, commentBody, WORKFLOW_TOKEN_AUTHOR */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// One sticky pull-request comment per function: found again by a hidden
// marker, updated in place on every run instead of piling up new comments.


/** A GitHub API that accepts the request and never answers cannot hold the step. */
const GITHUB_REQUEST_TIMEOUT_MS = 10_000;
/** Events whose payload names a pull request we may comment on. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** GitHub refuses issue comments longer than this many characters. */
const MAX_COMMENT_LENGTH = 65536;
const TRUNCATED_NOTE = '\n\n_…truncated: the full summary is in the job summary of the run._';
const PERMISSION_HINT = 'Grant the job `permissions: pull-requests: write`. Pull requests from forks get a ' +
    'read-only token, so the comment cannot be written there.';
/** The hidden HTML comment that identifies the comment of one function. */
function markerLine(marker) {
    // `<`, `>` and line breaks could end the HTML comment early or split the line.
    const safe = marker.replace(/[<>\r\n]/g, '_').trim();
    return `<!-- cloudfront-function-deploy:${safe} -->`;
}
/** The full comment: marker line first, then the body, cut to GitHub's limit. */
function commentBody(marker, body) {
    const full = `${markerLine(marker)}\n${body}`;
    if (full.length <= MAX_COMMENT_LENGTH)
        return full;
    return full.slice(0, MAX_COMMENT_LENGTH - TRUNCATED_NOTE.length) + TRUNCATED_NOTE;
}
/**
 * Creates the pull request's comment carrying `marker`, or updates it when it
 * exists. Returns `skipped` with a reason, never throws, when there is nothing
 * to comment on or the token may not write; other failures throw.
 */
async function upsertPullRequestComment(options) {
    const { token, marker } = options;
    const context = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._;
    if (!PULL_REQUEST_EVENTS.has(context.eventName)) {
        return {
            action: 'skipped',
            reason: `comment-on-pr works on pull_request and pull_request_target events only; this run was triggered by '${context.eventName ?? 'unknown'}'.`
        };
    }
    const issueNumber = pullRequestNumber(context);
    if (issueNumber === undefined) {
        return {
            action: 'skipped',
            reason: `the ${context.eventName} event payload has no pull request number.`
        };
    }
    if (!token.trim()) {
        return {
            action: 'skipped',
            reason: `no github-token was given. Pass github-token (default: github.token). ${PERMISSION_HINT}`
        };
    }
    const { owner, repo } = context.repo;
    const where = `pull request #${issueNumber} of ${owner}/${repo}`;
    const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q(token, { baseUrl: apiBaseUrl() });
    const timeoutMs = options.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS;
    // Each request gets its own deadline. The defaults' request options (the proxy-aware fetch)
    // are kept, which passing `request` to getOctokit would replace; they are copied, not
    // changed, because every request shares them.
    octokit.hook.before('request', requestOptions => {
        requestOptions.request = { ...requestOptions.request, signal: AbortSignal.timeout(timeoutMs) };
    });
    const marked = markerLine(marker);
    const body = commentBody(marker, options.body);
    let step = 'find who the token comments as';
    try {
        const author = await tokenIdentity(octokit);
        step = 'list the comments';
        const existing = await findComment(octokit, { owner, repo, issue_number: issueNumber }, marked, author);
        if (existing) {
            step = `update comment ${existing}`;
            const { data } = await octokit.rest.issues.updateComment({
                owner,
                repo,
                comment_id: existing,
                body
            });
            return { action: 'updated', url: data.html_url };
        }
        step = 'create the comment';
        const { data } = await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body
        });
        return { action: 'created', url: data.html_url };
    }
    catch (error) {
        if (timedOut(error)) {
            throw new Error(`Could not ${step} on ${where}: GitHub did not answer within ${timeoutMs / 1000} s.`, { cause: error });
        }
        const status = httpStatus(error);
        const detail = redact(githubMessage(error), token);
        if (status === 401 || status === 403 || status === 404) {
            return {
                action: 'skipped',
                reason: `GitHub answered ${status} (${detail}) when trying to ${step} on ${where}: the token may not write pull-request comments. ${PERMISSION_HINT}`
            };
        }
        throw new Error(`Could not ${step} on ${where}: ${status ? `HTTP ${status}: ` : ''}${detail}`, {
            cause: error
        });
    }
}
/** The login comments written with the workflow token appear under. */
const WORKFLOW_TOKEN_AUTHOR = 'github-actions[bot]';
/**
 * Who comments made with this token are written by. A personal access token can ask
 * (`GET /user`); the workflow token cannot (GitHub answers 403 or 401): its comments are
 * written by github-actions[bot].
 */
async function tokenIdentity(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        const status = httpStatus(error);
        if (status === 401 || status === 403 || status === 404)
            return WORKFLOW_TOKEN_AUTHOR;
        throw error;
    }
}
/**
 * The id of this run's sticky comment: the first that starts with the marker **and** was
 * written by the token's own identity, reading page by page. A marker in anyone else's
 * comment is ignored, so nobody can make the action edit (or vouch for) their comment.
 */
async function findComment(octokit, issue, marked, author) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...issue,
        per_page: 100
    });
    for await (const page of pages) {
        const found = page.data.find(comment => comment.user?.login === author && comment.body?.startsWith(marked));
        if (found)
            return found.id;
    }
    return undefined;
}
function pullRequestNumber(context) {
    const payload = context.payload;
    const number = payload.pull_request?.number ?? payload.number;
    return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}
/** The REST API root: GITHUB_API_URL on GitHub Enterprise, api.github.com otherwise. */
function apiBaseUrl() {
    const configured = process.env.GITHUB_API_URL?.trim();
    return (configured || 'https://api.github.com').replace(/\/+$/, '');
}
/**
 * Whether a request was given up because its deadline passed: the fetch rejects with a
 * DOMException named TimeoutError, which Octokit keeps as the cause of its own error.
 */
function timedOut(error) {
    for (let cause = error, depth = 0; typeof cause === 'object' && cause && depth < 3; depth++) {
        if (cause.name === 'TimeoutError')
            return true;
        cause = cause.cause;
    }
    return false;
}
function httpStatus(error) {
    if (typeof error === 'object' && error !== null && 'status' in error) {
        const status = error.status;
        if (typeof status === 'number')
            return status;
    }
    return undefined;
}
/** GitHub's own message when the response carries one, else the error's message. */
function githubMessage(error) {
    if (typeof error === 'object' && error !== null && 'response' in error) {
        const data = error.response?.data;
        if (typeof data === 'object' && data !== null && 'message' in data) {
            const message = data.message;
            if (typeof message === 'string' && message)
                return message;
        }
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error);
}
/** Messages end up in logs: make sure the token is never one of their words. */
function redact(message, token) {
    const secret = token.trim();
    return secret ? message.split(secret).join('***') : message;
}


/***/ })

};
