import { checkBuildRuntime, needsBuild } from '../../src/build/needs-build.js'
import { InputError } from '../../src/errors.js'

const off = { bundle: false, minify: false }

describe('needsBuild', () => {
  test('TypeScript is always built', () => {
    expect(needsBuild('/w/functions/a.ts', off)).toBe(true)
    expect(needsBuild('/w/functions/a.mts', off)).toBe(true)
    expect(needsBuild('/w/functions/A.TS', off)).toBe(true)
  })

  test('JavaScript is deployed as is unless bundle or minify is set', () => {
    expect(needsBuild('/w/functions/a.js', off)).toBe(false)
    expect(needsBuild('/w/functions/a.mjs', off)).toBe(false)
    expect(needsBuild('/w/functions/a.js', { bundle: true, minify: false })).toBe(true)
    expect(needsBuild('/w/functions/a.mjs', { bundle: false, minify: true })).toBe(true)
  })
})

describe('checkBuildRuntime', () => {
  test('cloudfront-js-2.0 builds', () => {
    expect(() =>
      checkBuildRuntime('a.ts', 'cloudfront-js-2.0', { bundle: true, minify: true })
    ).not.toThrow()
  })

  test('cloudfront-js-1.0 deploys plain JavaScript as before', () => {
    expect(() => checkBuildRuntime('a.js', 'cloudfront-js-1.0', off)).not.toThrow()
  })

  test('cloudfront-js-1.0 refuses a build, saying what asked for it and what to do', () => {
    const attempt = () =>
      checkBuildRuntime('functions/a.js', 'cloudfront-js-1.0', { bundle: false, minify: true })
    expect(attempt).toThrow(InputError)
    expect(attempt).toThrow(
      "Input 'code': functions/a.js must be built (minify is set), and the build targets cloudfront-js-2.0"
    )
    expect(attempt).toThrow(/Set runtime: cloudfront-js-2.0.*or deploy a plain JavaScript file/)
    expect(() => checkBuildRuntime('a.mts', 'cloudfront-js-1.0', off)).toThrow(
      'a.mts must be built (it is TypeScript)'
    )
  })
})
