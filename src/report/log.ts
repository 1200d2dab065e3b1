// The logging the domain modules need, so they can run without @actions/core in tests.
export interface Log {
  info(message: string): void
  warning(message: string): void
  startGroup(title: string): void
  endGroup(): void
}

export const silentLog: Log = {
  info: () => {},
  warning: () => {},
  startGroup: () => {},
  endGroup: () => {}
}

/** Runs `work` inside a collapsible log group, closing it whatever happens. */
export async function inGroup<T>(log: Log, title: string, work: () => Promise<T>): Promise<T> {
  log.startGroup(title)
  try {
    return await work()
  } finally {
    log.endGroup()
  }
}

type Entry =
  { kind: 'info' | 'warning'; message: string } | { kind: 'start'; title: string } | { kind: 'end' }

/**
 * A log that keeps what one function says while several run at once, and hands it to the
 * real log in one piece: groups stay whole, and every group title and line outside a group
 * names the function, so nothing can be mistaken for another function's line.
 */
export class BufferedLog implements Log {
  private entries: Entry[] = []
  private depth = 0

  constructor(private readonly subject: string) {}

  info(message: string): void {
    this.entries.push({ kind: 'info', message })
  }

  warning(message: string): void {
    this.entries.push({ kind: 'warning', message })
  }

  startGroup(title: string): void {
    this.entries.push({ kind: 'start', title })
  }

  endGroup(): void {
    this.entries.push({ kind: 'end' })
  }

  /** Writes everything kept so far to `log`, and forgets it. */
  flushTo(log: Log): void {
    for (const entry of this.entries) {
      if (entry.kind === 'start') {
        if (this.depth++ === 0) log.startGroup(`${this.subject}: ${entry.title}`)
      } else if (entry.kind === 'end') {
        if (--this.depth === 0) log.endGroup()
      } else {
        const message = this.depth > 0 ? entry.message : `${this.subject}: ${entry.message}`
        // Warnings become annotations, shown apart from their group: they always say whose.
        if (entry.kind === 'warning') log.warning(`${this.subject}: ${entry.message}`)
        else log.info(message)
      }
    }
    this.entries = []
  }
}

/**
 * A log whose groups open only when something is written in them: a step that had nothing
 * to say leaves no empty group behind.
 */
export function withoutEmptyGroups(log: Log): Log {
  let pending: string | undefined
  let open = false
  const openPending = (): void => {
    if (pending === undefined) return
    log.startGroup(pending)
    pending = undefined
    open = true
  }
  return {
    info: message => {
      openPending()
      log.info(message)
    },
    // Warnings are annotations: they show whether or not a group is open.
    warning: message => log.warning(message),
    startGroup: title => {
      if (open) log.endGroup()
      open = false
      pending = title
    },
    endGroup: () => {
      pending = undefined
      if (open) log.endGroup()
      open = false
    }
  }
}
