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
