import { countRounds, groupRounds } from '../../bench/rounds.js'

const req = (start: number, end: number, name = '') => ({ start, end, name })

describe('groupRounds', () => {
  it('counts no rounds without requests', () => {
    expect(groupRounds([])).toEqual([])
    expect(countRounds([])).toBe(0)
  })

  it('puts requests that overlap into one round', () => {
    const rounds = groupRounds([req(0, 50, 'a'), req(1, 52, 'b'), req(2, 51, 'c')])
    expect(rounds.map(round => round.map(r => r.name))).toEqual([['a', 'b', 'c']])
  })

  it('opens a new round for a request that starts after every request of the round ended', () => {
    const rounds = groupRounds([
      req(0, 50, 'read'),
      req(55, 105, 'update'),
      req(110, 160, 'publish')
    ])
    expect(rounds.map(round => round.map(r => r.name))).toEqual([['read'], ['update'], ['publish']])
  })

  it('counts a request starting exactly at the end of the round as a new round', () => {
    expect(countRounds([req(0, 50), req(50, 100)])).toBe(2)
  })

  it('keeps a round open until its longest request ended', () => {
    // b ends last; c starts after a ended but before b ended, so it overlaps the round.
    const rounds = groupRounds([
      req(0, 10, 'a'),
      req(1, 60, 'b'),
      req(20, 70, 'c'),
      req(75, 80, 'd')
    ])
    expect(rounds.map(round => round.map(r => r.name))).toEqual([['a', 'b', 'c'], ['d']])
  })

  it('sorts by start time first, whatever the order of the log', () => {
    const rounds = groupRounds([req(110, 160, 'publish'), req(0, 50, 'read'), req(2, 48, 'get')])
    expect(rounds.map(round => round.map(r => r.name))).toEqual([['read', 'get'], ['publish']])
  })

  it('does not change the input', () => {
    const log = [req(60, 70), req(0, 50)]
    groupRounds(log)
    expect(log.map(r => r.start)).toEqual([60, 0])
  })
})
