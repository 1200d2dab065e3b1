#!/usr/bin/env bash
# Builds the action like `npm run package`, into another folder: bash scripts/build-to.sh DIR
# Then run bundles from it with ACTION_ENTRY=DIR/index.js (the end-to-end tests honour it).
set -euo pipefail
dir=${1:?usage: build-to.sh DIR}
cd "$(dirname "$0")/.."
rm -rf "$dir"
npx ncc build src/index.ts -o "$dir" --license licenses.txt >/dev/null
printf '{\n  "type": "module"\n}\n' > "$dir/package.json"
echo "built $dir/index.js"
