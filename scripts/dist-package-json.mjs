// ncc emits ES modules; this file tells Node to load dist/index.js as one.
import { writeFileSync } from 'node:fs'

writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n')
