// Small statistics and formatting helpers shared by the benchmark's sections.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * The value below which a tenth of the runs fall: the runs other work on the machine
 * disturbed least. Medians move with the load; this moves much less.
 */
export function fastestTenth(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 10)]
}

/** "3", or "3-4" when the repetitions did not all agree. */
export function spread(values: readonly number[]): string {
  if (values.length === 0) return '-'
  const low = Math.min(...values)
  const high = Math.max(...values)
  return low === high ? String(low) : `${low}-${high}`
}

/** Whole milliseconds (or any quantity rounded for a table). */
export const ms = (value: number): string => (Number.isFinite(value) ? `${Math.round(value)}` : '-')

/** A ratio with two decimals. */
export const ratio = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '-')

/** A signed difference: "+12" or "-3". */
export const signed = (value: number): string =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${Math.round(value)}` : '-'

export const mark = (ok: boolean): string => (ok ? 'met' : 'MISSED')

export function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

/** A markdown table (prettier aligns it when RESULTS.md is written). */
export function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    line(header),
    line(align.map(side => (side === 'r' ? '---:' : '---'))),
    ...rows.map(line)
  ].join('\n')
}
