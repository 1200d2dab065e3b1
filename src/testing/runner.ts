// The one seam between the test gate and whatever runs the function: CloudFront's
// TestFunction on the DEVELOPMENT stage, or the embedded runtime in offline mode. Nothing
// else knows which one runs.
import type { FunctionsApi } from '../cloudfront/api.js'
import type { KeyValueStores } from '../runtime/index.js'
import type { FunctionKind, Runtime, TestOutcome } from '../types.js'

export interface FunctionRunner {
  run(event: unknown): Promise<TestOutcome>
}

/** Runs each event through TestFunction on the DEVELOPMENT version with this ETag. */
export function cloudFrontRunner(
  api: FunctionsApi,
  target: { id: string; etag: string }
): FunctionRunner {
  return { run: event => api.test(target.id, target.etag, event) }
}

/**
 * Runs each event in the embedded runtime, the way TestFunction would run this code. The
 * runtime is loaded on the first run: deploys that test through CloudFront never load it.
 */
export function localRunner(options: {
  kind: FunctionKind
  runtime: Runtime
  code: Buffer
  stores: KeyValueStores | undefined
}): FunctionRunner {
  return {
    run: async event => {
      const { runFunction } = await import('../runtime/index.js')
      const outcome = await runFunction({
        kind: options.kind,
        runtime: options.runtime,
        code: options.code.toString('utf8'),
        event: JSON.stringify(event),
        stores: options.stores
      })
      return {
        computeUtilization: outcome.computeUtilization,
        logs: outcome.logs,
        errorMessage: outcome.error ?? '',
        output: outcome.output ?? ''
      }
    }
  }
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
