// Starts the action. Everything else lives in main.ts so tests can import run().
import * as nodeModule from 'node:module'

// Node caches the compiled bundle on disk, so later runs on the same machine start faster.
;(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.()
const { run } = await import('./main.js')
await run()
