// The one seam between the test gate and whatever runs the function: CloudFront's
// TestFunction on the DEVELOPMENT stage, or the embedded runtime in offline mode. Nothing
// else knows which one runs.
import type { FunctionsApi } from '../cloudfront/api.js'
import type { TestOutcome } from '../types.js'

export interface FunctionRunner {
  /** Says where the results come from, for logs and the summary. */
  readonly source: 'cloudfront' | 'local'
  run(event: unknown): Promise<TestOutcome>
}

/** Runs each event through TestFunction on the DEVELOPMENT version with this ETag. */
export function cloudFrontRunner(
  api: FunctionsApi,
  target: { id: string; etag: string }
): FunctionRunner {
  return { source: 'cloudfront', run: event => api.test(target.id, target.etag, event) }
}

/** Bounds how many runs happen at once, shared by every function of a run. */
export class Limiter {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>(resolve => this.waiting.push(resolve))
    else this.active++
    try {
      return await work()
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}
