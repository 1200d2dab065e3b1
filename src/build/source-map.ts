// Reading the build's source map: where a position of the built code came from, and how many
// bytes of the built code each source accounts for.
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping'
import type { FileBytes, SourcePosition } from './types.js'

type Segment = Readonly<number[]>

export interface SourceMapView {
  originalPosition(line: number, column: number): SourcePosition | undefined
  contributors(): FileBytes[]
}

/** `map` is the source map of `code`. */
export function readSourceMap(map: string, code: string): SourceMapView {
  const trace = new TraceMap(map)
  const lines = decodedMappings(trace) as ReadonlyArray<ReadonlyArray<Segment>>
  const sources = trace.sources.map(source => source ?? '')
  const textLines = code.split('\n')

  /** The segment a 0-based position belongs to: the last one at or before it. */
  const segmentAt = (line: number, column: number): Segment | undefined => {
    const segments = lines[line] ?? []
    let found: Segment | undefined
    for (const segment of segments) {
      if (segment[0] > column) break
      found = segment
    }
    if (found !== undefined || segments.length === 0) return found
    // Before the first segment: indentation belongs to it; generated code belongs to nothing.
    const first = segments[0]
    const before = (textLines[line] ?? '').slice(column, first[0])
    return before.trim() === '' ? first : undefined
  }

  return {
    originalPosition(line, column) {
      const segment = segmentAt(line - 1, column - 1)
      if (segment === undefined || segment.length < 4) return undefined
      // Between two segments the code was copied as is, so the distance carries over.
      const offset = Math.max(0, column - 1 - segment[0])
      return { file: sources[segment[1]], line: segment[2] + 1, column: segment[3] + offset + 1 }
    },

    contributors() {
      const bytes = new Map<string, number>()
      textLines.forEach((text, index) => {
        const lineBreak = index < textLines.length - 1 ? '\n' : ''
        const segments = lines[index] ?? []
        segments.forEach((segment, i) => {
          if (segment.length < 4) return
          // A segment owns the text up to the next one, the last one the line break too, and
          // the first one the indentation before it.
          const last = i + 1 === segments.length
          const leading = i === 0 && text.slice(0, segment[0]).trim() === ''
          const start = leading ? 0 : segment[0]
          const end = last ? text.length : segments[i + 1][0]
          const owned = text.slice(start, end) + (last ? lineBreak : '')
          const file = sources[segment[1]]
          bytes.set(file, (bytes.get(file) ?? 0) + Buffer.byteLength(owned))
        })
      })
      return [...bytes]
        .map(([file, count]) => ({ file, bytes: count }))
        .sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1))
    }
  }
}
