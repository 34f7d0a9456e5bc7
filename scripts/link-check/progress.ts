import { SingleBar } from 'cli-progress';

export interface Progress {
  start(total: number, fromCache: number): void;
  tick(count: number): void;
  stop(): void;
}

/**
 * A live bar on an interactive terminal; in CI logs (no TTY) a few plain lines instead, since a
 * redrawn bar turns into thousands of lines there. Writes to stderr so stdout stays the report.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({ stream, format: 'Checking links [{bar}] {value}/{total} ({eta_formatted} left)', hideCursor: true, clearOnComplete: true }, undefined);
    let started = false;
    return {
      start(total, fromCache) {
        if (fromCache > 0) stream.write(`${fromCache} links answered from the cache.\n`);
        if (total === 0) return;
        bar.start(total, 0);
        started = true;
      },
      tick: (count) => started && bar.increment(count),
      stop: () => started && bar.stop(),
    };
  }
  let total = 0;
  let done = 0;
  let nextReport = 0;
  return {
    start(count, fromCache) {
      total = count;
      nextReport = Math.max(1, Math.ceil(total / 10));
      stream.write(`Checking ${count} link${count === 1 ? '' : 's'}${fromCache > 0 ? ` (${fromCache} more answered from the cache)` : ''}...\n`);
    },
    tick(count) {
      done += count;
      if (done >= nextReport && done < total) {
        stream.write(`  ${done}/${total} checked\n`);
        nextReport += Math.max(1, Math.ceil(total / 10));
      }
    },
    stop() {},
  };
}
