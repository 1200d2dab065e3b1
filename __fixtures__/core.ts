// A typed stand-in for @actions/core: inputs come from a map (honouring `required`,
// like the real getInput), and every call the action makes is a jest spy.
import { jest } from '@jest/globals'
import type * as core from '@actions/core'

/** The inputs of the current test, by name; unset inputs read as ''. */
let inputs: Record<string, string> = {}

export function setInputs(values: Record<string, string>): void {
  inputs = { ...values }
}

export const getInput = jest.fn<typeof core.getInput>((name, options) => {
  const value = inputs[name] ?? ''
  if (options?.required && value === '') {
    throw new Error(`Input required and not supplied: ${name}`)
  }
  return options?.trimWhitespace === false ? value : value.trim()
})

export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const error = jest.fn<typeof core.error>()
export const warning = jest.fn<typeof core.warning>()
export const notice = jest.fn<typeof core.notice>()
export const info = jest.fn<typeof core.info>()
export const debug = jest.fn<typeof core.debug>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()

/** The job summary: `addRaw` chains, `write` resolves unless a test makes it reject. */
export const summary = {
  addRaw: jest.fn((_text: string, _addEOL?: boolean) => summary),
  write: jest.fn(async () => summary)
}

/** Outputs set so far, by name (the last value wins, as on a runner). */
export function outputs(): Record<string, string> {
  return Object.fromEntries(setOutput.mock.calls.map(([name, value]) => [name, String(value)]))
}

/** Clears every spy and restores the default behaviour of `summary`. */
export function reset(values: Record<string, string> = {}): void {
  setInputs(values)
  for (const spy of [
    getInput,
    setOutput,
    setFailed,
    error,
    warning,
    notice,
    info,
    debug,
    setSecret,
    startGroup,
    endGroup,
    summary.addRaw,
    summary.write
  ]) {
    spy.mockClear()
  }
  summary.addRaw.mockImplementation(() => summary)
  summary.write.mockImplementation(async () => summary)
}
