// Starts the action. Everything else lives in main.ts so tests can import run().
import { run } from './main.js'

await run()
