// Sequential rounds of a request log: how many network round trips a run waited for one
// after the other. Requests are taken in order of their start; a request that starts once
// every request of the current round has ended opens a new round, any other request joins
// the current round (it overlapped with it, so it cost no extra wait).

export interface TimedRequest {
  /** Milliseconds; only differences matter. */
  start: number
  end: number
}

/** The requests grouped into sequential rounds, each round in order of start. */
export function groupRounds<T extends TimedRequest>(requests: readonly T[]): T[][] {
  const sorted = [...requests].sort((a, b) => a.start - b.start || a.end - b.end)
  const rounds: T[][] = []
  let roundEnd = -Infinity
  for (const request of sorted) {
    if (rounds.length === 0 || request.start >= roundEnd) {
      rounds.push([request])
      roundEnd = request.end
    } else {
      rounds[rounds.length - 1].push(request)
      roundEnd = Math.max(roundEnd, request.end)
    }
  }
  return rounds
}

/** The number of sequential rounds; 0 for no requests. */
export function countRounds(requests: readonly TimedRequest[]): number {
  return groupRounds(requests).length
}
