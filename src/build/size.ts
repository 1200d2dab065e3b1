// The size budget, checked before any request.
import { InputError } from '../errors.js'
import { CODE_SIZE_LIMIT } from './needs-build.js'
import type { BuildResult } from './types.js'
import { formatBytes } from '../inputs/files.js'

const CONTRIBUTORS_SHOWN = 5

/**
 * Throws when the built code exceeds `limit`, naming the size and what would help: minify
 * when it is off, and the largest contributors when the code is a bundle.
 */
export function checkSize(result: BuildResult, limit = CODE_SIZE_LIMIT): void {
  const size = result.code.length
  if (size <= limit) return
  const advice: string[] = []
  if (!result.minified) advice.push('set minify: true')
  if (result.bundled && result.contributors.length > 1) {
    const largest = result.contributors
      .slice(0, CONTRIBUTORS_SHOWN)
      .map(({ file, bytes }) => `${file} (${formatBytes(bytes)})`)
      .join(', ')
    advice.push(`drop or trim a dependency; the largest contributors are ${largest}`)
  } else {
    advice.push('remove code the function does not need')
  }
  advice.push('move data (redirect tables, lists) into a key value store')
  throw new InputError(
    'code',
    `the built code of ${result.entry} is ${formatBytes(size)}, over CloudFront's limit of ` +
      `${formatBytes(limit)} (not adjustable) by ${formatBytes(size - limit)}. ` +
      `To fit: ${advice.join('; ')}.`
  )
}
