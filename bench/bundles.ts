// Which bundles the benchmark runs, and where each came from, so that RESULTS.md says
// exactly what was measured:
// - today's action: ACTION_ENTRY when set (a build elsewhere; bench/bundle-at.sh leaves a
//   BUILT-FROM note next to it), else the dist/ of a commit when BENCH_DIST_REV is set
//   (extracted with git archive, so a rebuild of dist/ meanwhile changes nothing), else
//   dist/index.js as it is in the working tree;
// - the previous release: the dist/ of BENCH_BASELINE_REV (default ef0668b), extracted.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ROOT } from '../scripts/run-action.js'

export const DEFAULT_BASELINE_REV = 'ef0668b'

export interface Bundle {
  entry: string
  /** One line for RESULTS.md: what this bundle is and which commit it was built from. */
  provenance: string
  /** Set when the bundle's dist/ is older than src/ in the same tree. */
  stale?: string
  dispose(): void
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
}

function describeCommit(rev: string): string {
  return git('log', '-1', '--format=%h (%cs, "%s")', rev)
}

/** How many commits touched src/ after the last commit that touched dist/, up to `rev`. */
function staleness(rev: string): string | undefined {
  const dist = git('log', '-1', '--format=%H', rev, '--', 'dist')
  if (!dist) return undefined
  const later = git('rev-list', '--count', `${dist}..${rev}`, '--', 'src')
  return later === '0'
    ? undefined
    : `dist/ was last committed in ${describeCommit(dist)}; ${later} later commit(s) up to ${git('log', '-1', '--format=%h', rev)} changed src/ without rebuilding it`
}

/** Why the committed dist/ does not match src/ at HEAD, if it does not. */
export function committedDistStaleness(): string | undefined {
  return staleness('HEAD')
}

/** The dist/ of a commit, extracted into a temporary folder. */
export function extractDist(rev: string, label: string): Bundle {
  const folder = mkdtempSync(join(tmpdir(), `cf-bench-${label}-`))
  execFileSync('bash', ['-c', `git archive "$1" dist | tar -x -C "$2"`, 'extract', rev, folder], {
    cwd: ROOT
  })
  const entry = join(folder, 'dist', 'index.js')
  if (!existsSync(entry)) throw new Error(`commit ${rev} has no dist/index.js`)
  return {
    entry,
    provenance: `dist/ as committed in ${describeCommit(rev)}`,
    stale: staleness(rev),
    dispose: () => rmSync(folder, { recursive: true, force: true })
  }
}

export function currentBundle(): Bundle {
  const entry = process.env.ACTION_ENTRY
  if (entry) {
    const note = join(dirname(entry), 'BUILT-FROM')
    const from = existsSync(note) ? readFileSync(note, 'utf8').trim() : 'origin not recorded'
    return { entry, provenance: `ACTION_ENTRY=${entry}: ${from}`, dispose: () => undefined }
  }
  const rev = process.env.BENCH_DIST_REV
  if (rev) return extractDist(rev, 'dist')
  const dist = join(ROOT, 'dist', 'index.js')
  const changed = git('status', '--porcelain', '--', 'dist') !== ''
  return {
    entry: dist,
    provenance: changed
      ? 'dist/index.js of the working tree, with changes not committed yet'
      : `dist/index.js as committed in ${describeCommit(git('log', '-1', '--format=%H', '--', 'dist'))}`,
    stale: changed ? undefined : staleness('HEAD'),
    dispose: () => undefined
  }
}

export function baselineBundle(): Bundle {
  return extractDist(process.env.BENCH_BASELINE_REV || DEFAULT_BASELINE_REV, 'baseline')
}
