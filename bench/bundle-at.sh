#!/usr/bin/env bash
# Builds the bundle of one commit, as `npm run package` would, into DIR, without touching the
# working tree or dist/: bash bench/bundle-at.sh REV DIR
# Then benchmark it with ACTION_ENTRY=DIR/index.js npm run bench; RESULTS.md names the commit
# (from DIR/BUILT-FROM).
set -euo pipefail
rev=${1:?usage: bundle-at.sh REV DIR}
dir=$(realpath -m "${2:?usage: bundle-at.sh REV DIR}")
root="$(cd "$(dirname "$0")/.." && pwd)"
commit=$(git -C "$root" rev-parse --verify "$rev^{commit}")
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
git -C "$root" archive "$commit" | tar -x -C "$tree"
# The commit's own lock file decides the versions; reuse the installed modules when it matches.
if cmp -s "$tree/package-lock.json" "$root/package-lock.json"; then
  ln -s "$root/node_modules" "$tree/node_modules"
else
  (cd "$tree" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
fi
rm -rf "$dir"
(cd "$tree" && "$root/node_modules/.bin/ncc" build src/index.ts -o "$dir" --license licenses.txt >/dev/null)
printf '{\n  "type": "module"\n}\n' >"$dir/package.json"
src=$(git -C "$root" log -1 --format='%h (%cs, "%s")' "$commit" -- src)
echo "built by bench/bundle-at.sh from commit $(git -C "$root" rev-parse --short "$commit"), whose src/ was last changed in $src" >"$dir/BUILT-FROM"
echo "built $dir/index.js from $(git -C "$root" log -1 --format=%h "$commit")"
