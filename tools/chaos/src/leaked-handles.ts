/**
 * Open handles (sockets, timers, servers, child processes) left behind by a piece of work: the
 * active resources Node reports after it, minus those it reported before.
 */
function countByKind(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

export function snapshotHandles(): () => Promise<string[]> {
  // stdout and stderr open their pipes on first use and keep them for the process's life: open
  // them now, so a first log line during the work is not taken for a leak.
  void process.stdout;
  void process.stderr;
  const before = countByKind();
  const extra = () =>
    [...countByKind()].flatMap(([kind, count]) => {
      const more = count - (before.get(kind) ?? 0);
      return more > 0 ? [`${kind} x${more}`] : [];
    });
  /** Sockets closed by the peer finish closing a few event-loop turns later: allow up to ~2 s. */
  return async () => {
    for (let attempt = 0; attempt < 100 && extra().length > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return extra();
  };
}
