import { countRounds, criticalPath } from '../rounds.js'

const req = (start: number, end: number) => ({ start, end })

describe('criticalPath', () => {
  it('is 0 without requests and 1 for requests that all overlap', () => {
    expect(criticalPath([])).toBe(0)
    expect(criticalPath([req(0, 50), req(1, 52), req(2, 51)])).toBe(1)
  })

  it('equals the rounds of one function: read, update, publish', () => {
    const log = [req(0, 50), req(1, 51), req(55, 105), req(110, 160)]
    expect(criticalPath(log)).toBe(3)
    expect(countRounds(log)).toBe(3)
  })

  it('counts a request starting exactly at the end of another as the next in the chain', () => {
    expect(criticalPath([req(0, 50), req(50, 100)])).toBe(2)
  })

  it('counts the waits of a pool whose workers never line up, where rounds merge', () => {
    // Two workers, each with three requests in a row, offset by half a request: every request
    // overlaps one of the other worker's, so all of them form one round.
    const log = [req(0, 50), req(51, 101), req(102, 152), req(25, 75), req(76, 126), req(127, 177)]
    expect(countRounds(log)).toBe(1)
    expect(criticalPath(log)).toBe(3)
  })

  it('follows the longest chain, not the first one', () => {
    // a → c is 2; b → d → c and b → d → e are 3 (e overlaps c, so nothing is 4).
    const log = [req(0, 60), req(0, 10), req(61, 200), req(20, 30), req(40, 70)]
    expect(criticalPath(log)).toBe(3)
  })
})
