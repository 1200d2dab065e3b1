// The emulator's adjustable settings, their defaults and their limits, in one place:
// startEmulator(), the CLI flags and the controls all read them from here.
import { DEFAULT_COMPUTE_BUDGET_MS } from '../src/runtime/index.js'

export interface Settings {
  /** Delay before every API answer, in milliseconds. */
  latencyMs: number
  /** CPU time of the handler that counts as 100% ComputeUtilization in test runs. */
  computeBudgetMs: number
  /** How long a published connection function reports PUBLISHING, in milliseconds. */
  publishingDelayMs: number
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  latencyMs: 0,
  // The runtime's own estimate of CloudFront's budget, so TestFunction and offline agree.
  computeBudgetMs: DEFAULT_COMPUTE_BUDGET_MS,
  publishingDelayMs: 300
})

interface Rule {
  /** The CLI flag that sets it. */
  flag: string
  /** A budget of 0 would divide by zero; delays may be 0. */
  positive: boolean
}

export const SETTING_RULES: Readonly<Record<keyof Settings, Rule>> = {
  latencyMs: { flag: 'latency', positive: false },
  computeBudgetMs: { flag: 'compute-budget', positive: true },
  publishingDelayMs: { flag: 'publishing-delay', positive: false }
}

/** The value when it is a valid number of milliseconds for this setting; throws otherwise. */
export function checkSetting(name: keyof Settings, value: unknown): number {
  const { positive } = SETTING_RULES[name]
  const ok =
    typeof value === 'number' && Number.isFinite(value) && (positive ? value > 0 : value >= 0)
  if (!ok) {
    throw new Error(
      `${name} must be a number of milliseconds ${positive ? '> 0' : '>= 0'}, got ${JSON.stringify(value)}`
    )
  }
  return value
}

/** The defaults with the given overrides, each checked. */
export function resolveSettings(overrides: Partial<Settings> = {}): Settings {
  const settings = { ...DEFAULT_SETTINGS }
  for (const name of Object.keys(SETTING_RULES) as (keyof Settings)[]) {
    const value = overrides[name]
    if (value !== undefined) settings[name] = checkSetting(name, value)
  }
  return settings
}
