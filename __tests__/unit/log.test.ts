// The log the domain modules write to: groups that always close, one function's lines kept
// together while several run at once, and no group opened for nothing.
import { describe, expect, it } from '@jest/globals'
import { BufferedLog, inGroup, withoutEmptyGroups, type Log } from '../../src/report/log.js'

/** A log that records what reaches the runner, one string per call. */
function recorder(): Log & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    info: message => calls.push(message),
    warning: message => calls.push(`warning: ${message}`),
    startGroup: title => calls.push(`::group::${title}`),
    endGroup: () => calls.push('::endgroup::')
  }
}

describe('inGroup', () => {
  it('returns what the work returns, inside the group', async () => {
    const log = recorder()
    const value = await inGroup(log, 'Read', async () => {
      log.info('found')
      return 42
    })
    expect(value).toBe(42)
    expect(log.calls).toEqual(['::group::Read', 'found', '::endgroup::'])
  })

  it('closes the group when the work throws', async () => {
    const log = recorder()
    await expect(
      inGroup(log, 'Write', async () => {
        throw new Error('refused')
      })
    ).rejects.toThrow('refused')
    expect(log.calls).toEqual(['::group::Write', '::endgroup::'])
  })
})

describe('BufferedLog', () => {
  it('keeps everything until flushed, then writes it in order', () => {
    const buffer = new BufferedLog('viewer')
    const log = recorder()
    buffer.startGroup('Read function viewer')
    buffer.info('Found it.')
    buffer.endGroup()
    expect(log.calls).toEqual([])
    buffer.flushTo(log)
    expect(log.calls).toEqual([
      '::group::viewer: Read function viewer',
      'Found it.',
      '::endgroup::'
    ])
  })

  it('names the function on lines outside groups and on every warning', () => {
    const buffer = new BufferedLog('viewer')
    const log = recorder()
    buffer.info('Plan: create the function.')
    buffer.startGroup('Write DEVELOPMENT')
    buffer.info('Created viewer.')
    buffer.warning('changed by another writer')
    buffer.endGroup()
    buffer.warning('slow')
    buffer.flushTo(log)
    expect(log.calls).toEqual([
      'viewer: Plan: create the function.',
      '::group::viewer: Write DEVELOPMENT',
      'Created viewer.',
      'warning: viewer: changed by another writer',
      '::endgroup::',
      'warning: viewer: slow'
    ])
  })

  it('keeps a nested group inside the outer one (the runner cannot nest groups)', () => {
    const buffer = new BufferedLog('viewer')
    const log = recorder()
    buffer.startGroup('Outer')
    buffer.startGroup('Inner')
    buffer.info('inside')
    buffer.endGroup()
    buffer.info('still outer')
    buffer.endGroup()
    buffer.flushTo(log)
    expect(log.calls).toEqual(['::group::viewer: Outer', 'inside', 'still outer', '::endgroup::'])
  })

  it('forgets what it flushed', () => {
    const buffer = new BufferedLog('viewer')
    const first = recorder()
    const second = recorder()
    buffer.info('once')
    buffer.flushTo(first)
    buffer.flushTo(second)
    expect(first.calls).toEqual(['viewer: once'])
    expect(second.calls).toEqual([])
  })

  it('keeps two functions apart, whichever order they wrote in', () => {
    const a = new BufferedLog('a')
    const b = new BufferedLog('b')
    const log = recorder()
    a.startGroup('Read')
    b.startGroup('Read')
    b.info('b found')
    a.info('a found')
    a.endGroup()
    b.endGroup()
    b.flushTo(log)
    a.flushTo(log)
    expect(log.calls).toEqual([
      '::group::b: Read',
      'b found',
      '::endgroup::',
      '::group::a: Read',
      'a found',
      '::endgroup::'
    ])
  })

  it('flushed into a log without empty groups, leaves none', () => {
    const buffer = new BufferedLog('viewer')
    const log = recorder()
    buffer.startGroup('Delete viewer')
    buffer.endGroup()
    buffer.info('Deleted.')
    buffer.flushTo(withoutEmptyGroups(log))
    expect(log.calls).toEqual(['viewer: Deleted.'])
  })
})

describe('withoutEmptyGroups', () => {
  it('opens a group only once something is written in it', () => {
    const log = recorder()
    const quiet = withoutEmptyGroups(log)
    quiet.startGroup('Nothing')
    quiet.endGroup()
    quiet.startGroup('Something')
    expect(log.calls).toEqual([])
    quiet.info('a line')
    quiet.info('another')
    quiet.endGroup()
    expect(log.calls).toEqual(['::group::Something', 'a line', 'another', '::endgroup::'])
  })

  it('lets warnings through without opening the group: they are annotations', () => {
    const log = recorder()
    const quiet = withoutEmptyGroups(log)
    quiet.startGroup('Check inputs and code')
    quiet.warning('tags look like a list')
    quiet.endGroup()
    expect(log.calls).toEqual(['warning: tags look like a list'])
  })

  it('writes lines outside groups as they come', () => {
    const log = recorder()
    const quiet = withoutEmptyGroups(log)
    quiet.info('before')
    quiet.startGroup('Empty')
    quiet.endGroup()
    quiet.info('after')
    expect(log.calls).toEqual(['before', 'after'])
  })

  it('closes an open group before the next one starts, since groups do not nest', () => {
    const log = recorder()
    const quiet = withoutEmptyGroups(log)
    quiet.startGroup('First')
    quiet.info('one')
    quiet.startGroup('Second')
    quiet.info('two')
    quiet.endGroup()
    quiet.endGroup()
    expect(log.calls).toEqual([
      '::group::First',
      'one',
      '::endgroup::',
      '::group::Second',
      'two',
      '::endgroup::'
    ])
  })

  it('never closes a group it did not open', () => {
    const log = recorder()
    const quiet = withoutEmptyGroups(log)
    quiet.endGroup()
    quiet.startGroup('Empty')
    quiet.endGroup()
    quiet.endGroup()
    expect(log.calls).toEqual([])
  })
})
