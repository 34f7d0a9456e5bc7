import { SingleBar } from 'cli-progress';

export interface Progress {
  /** `hosts`: links to check per host, so the display can say which hosts still hold the run up. */
  start(total: number, fromCache: number, hosts?: ReadonlyMap<string, number>): void;
  /** `host`: whose link just finished. */
  tick(count: number, host?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Plain-line mode: one line this often (default 10 s). */
  intervalMs?: number;
}

/** Links left per host: what "hosts waiting" and "slowest host" are read from. */
class HostTally {
  private readonly left = new Map<string, number>();

  constructor(hosts: ReadonlyMap<string, number> = new Map()) {
    for (const [host, count] of hosts) if (count > 0) this.left.set(host, count);
  }

  done(host: string | undefined): void {
    if (host === undefined) return;
    const count = (this.left.get(host) ?? 0) - 1;
    if (count > 0) this.left.set(host, count);
    else this.left.delete(host);
  }

  get waiting(): number {
    return this.left.size;
  }

  /** The host with the most links left: the one the end of the run waits for. */
  get slowest(): string {
    let worst: [string, number] | undefined;
    for (const entry of this.left) if (!worst || entry[1] > worst[1]) worst = entry;
    return worst ? `${worst[0]} (${worst[1]} left)` : '-';
  }
}

/**
 * A live bar on an interactive terminal; in CI logs (no TTY) one plain line every 10 s instead,
 * since a redrawn bar turns into thousands of lines there. Both say how many links are checked,
 * how many hosts still have links to check and which host has the most left. Writes to stderr so
 * stdout stays the report.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, options: ProgressOptions = {}): Progress {
  let tally = new HostTally();
  const payload = () => ({ hosts: tally.waiting, slowest: tally.slowest });
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format: 'Checking links [{bar}] {value}/{total} | {hosts} hosts waiting | most left: {slowest} | {eta_formatted} left',
        hideCursor: true,
        clearOnComplete: true,
      },
      undefined,
    );
    let started = false;
    return {
      start(total, fromCache, hosts) {
        if (fromCache > 0) stream.write(`${fromCache} links answered from the cache.\n`);
        if (total === 0) return;
        tally = new HostTally(hosts);
        bar.start(total, 0, payload());
        started = true;
      },
      tick(count, host) {
        tally.done(host);
        if (started) bar.increment(count, payload());
      },
      stop: () => started && bar.stop(),
    };
  }

  let total = 0;
  let done = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    start(count, fromCache, hosts) {
      total = count;
      tally = new HostTally(hosts);
      stream.write(`Checking ${count} link${count === 1 ? '' : 's'}${fromCache > 0 ? ` (${fromCache} more answered from the cache)` : ''}...\n`);
      if (count === 0) return;
      timer = setInterval(() => {
        const { hosts: waiting, slowest } = payload();
        stream.write(`  ${done}/${total} checked, ${waiting} host${waiting === 1 ? '' : 's'} waiting, most left: ${slowest}\n`);
      }, options.intervalMs ?? 10_000);
      // The report, not the progress line, decides when the process may end.
      timer.unref();
    },
    tick(count, host) {
      done += count;
      tally.done(host);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
