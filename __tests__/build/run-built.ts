// Runs built code the way CloudFront loads it: one file, the runtime's modules provided by
// the host (`cloudfront` with an in-memory key value store), then a call of the top-level
// entry point by its name. Needs jest's --experimental-vm-modules.
import crypto from 'node:crypto'
import querystring from 'node:querystring'
import * as buffer from 'node:buffer'
import vm from 'node:vm'

export interface RunOptions {
  /** Entry point to call: `handler` or `connectionHandler`. */
  entryPoint?: string
  /** Contents of the associated key value store. */
  store?: Record<string, string>
}

export async function runBuilt(
  code: string,
  event: unknown,
  options: RunOptions = {}
): Promise<unknown> {
  const entryPoint = options.entryPoint ?? 'handler'
  const context = vm.createContext({ console: { log: () => undefined } })
  const store = options.store ?? {}
  const cloudfront = {
    kvs: () => ({
      exists: async (key: string) => key in store,
      get: async (key: string, opts?: { format?: string }) => {
        if (!(key in store)) throw new Error(`Key ${key} does not exist`)
        return opts?.format === 'json' ? JSON.parse(store[key]) : store[key]
      }
    })
  }
  const hostModules: Record<string, Record<string, unknown>> = {
    cloudfront: { default: cloudfront },
    crypto: { ...crypto, default: crypto },
    querystring: { ...querystring, default: querystring },
    buffer: { ...buffer, default: buffer }
  }
  // The appended line reads the entry point from the code's top-level scope, by its name.
  const module = new vm.SourceTextModule(`${code}\nglobalThis.__entryPoint = ${entryPoint};\n`, {
    context
  })
  await module.link(async specifier => {
    const exports = hostModules[specifier]
    if (exports === undefined) throw new Error(`The built code imports '${specifier}'`)
    const names = Object.keys(exports)
    return new vm.SyntheticModule(
      names,
      function () {
        for (const name of names) this.setExport(name, exports[name])
      },
      { context }
    )
  })
  await module.evaluate()
  const entry = (context as { __entryPoint?: (event: unknown) => unknown }).__entryPoint
  if (typeof entry !== 'function') throw new Error(`${entryPoint} is not a function`)
  // Plain host values, so that assertions compare data and not realms.
  const result = await entry(event)
  return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown)
}
