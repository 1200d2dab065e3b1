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

/**
 * The longest chain of requests each of which started after the one before it ended: how
 * many round trips the run waited for one after the other, at the least. For one function
 * this equals the number of rounds; with a pool of workers whose requests overlap without
 * lining up, rounds merge while the chain still counts every wait on the critical path.
 */
export function criticalPath(requests: readonly TimedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start || a.end - b.end)
  const chain: number[] = []
  let longest = 0
  for (let i = 0; i < sorted.length; i++) {
    let before = 0
    for (let j = 0; j < i; j++) {
      if (sorted[j].end <= sorted[i].start) before = Math.max(before, chain[j])
    }
    chain.push(before + 1)
    longest = Math.max(longest, before + 1)
  }
  return longest
}
