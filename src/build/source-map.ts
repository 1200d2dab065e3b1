// Reading the build's source map: where a position of the built code came from, and how many
// bytes of the built code each source accounts for.
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping'
import type { FileBytes, SourcePosition } from './types.js'

type Segment = Readonly<number[]>

export interface SourceMapView {
  originalPosition(line: number, column: number): SourcePosition | undefined
  contributors(code: string): FileBytes[]
}

export function readSourceMap(map: string): SourceMapView {
  const trace = new TraceMap(map)
  const lines = decodedMappings(trace) as ReadonlyArray<ReadonlyArray<Segment>>
  const sources = trace.sources.map(source => source ?? '')

  return {
    originalPosition(line, column) {
      const segments = (lines[line - 1] ?? []).filter(segment => segment.length >= 4)
      if (segments.length === 0) return undefined
      // The last segment at or before the column; before the first one (indentation), the first.
      const wanted = column - 1
      let found = segments[0]
      for (const segment of segments) {
        if (segment[0] > wanted) break
        found = segment
      }
      // Between two segments the code was copied as is, so the distance carries over.
      const offset = Math.max(0, wanted - found[0])
      return { file: sources[found[1]], line: found[2] + 1, column: found[3] + offset + 1 }
    },

    contributors(code) {
      const bytes = new Map<string, number>()
      const add = (source: string, text: string): void => {
        bytes.set(source, (bytes.get(source) ?? 0) + Buffer.byteLength(text))
      }
      const textLines = code.split('\n')
      textLines.forEach((text, index) => {
        const segments = (lines[index] ?? []).filter(segment => segment.length >= 4)
        const lineBreak = index < textLines.length - 1 ? '\n' : ''
        segments.forEach((segment, i) => {
          // Each segment owns the text up to the next one; the first also its indentation,
          // the last the line break.
          const last = i + 1 === segments.length
          const start = i === 0 ? 0 : segment[0]
          const end = last ? text.length : segments[i + 1][0]
          add(sources[segment[1]], text.slice(start, end) + (last ? lineBreak : ''))
        })
      })
      return [...bytes]
        .map(([file, count]) => ({ file, bytes: count }))
        .sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1))
    }
  }
}
