// Small wording helpers, so every message counts things the same way.

/** `1 case`, `2 cases`; `pluralNoun` for irregular plurals. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/**
 * `10240` as `10,240`. Written out rather than with `toLocaleString`: the first use of Intl
 * costs a fresh process tens of milliseconds, and every run formats a size.
 */
export function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
