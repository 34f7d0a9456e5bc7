import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../scripts/link-check/progress.ts';

/** A stand-in for stderr that keeps what was written; `tty` decides which display is used. */
function fakeStream(tty: boolean) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number; output: string };
  stream.output = '';
  stream.on('data', (chunk: Buffer) => (stream.output += chunk.toString('utf8')));
  stream.isTTY = tty;
  stream.columns = 200;
  return stream;
}

const hosts = new Map([
  ['a.org', 1],
  ['b.org', 3],
  ['c.org', 1],
]);

afterEach(() => {
  vi.useRealTimers();
});

describe('progress', () => {
  it('prints one line every 10 s without a terminal, with checked/total, hosts waiting and the host with most left', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stream = fakeStream(false);
    const progress = createProgress(stream as unknown as NodeJS.WriteStream);
    progress.start(5, 2, hosts);
    progress.tick(1, 'a.org');
    progress.tick(1, 'b.org');
    vi.advanceTimersByTime(9_999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.output).toBe('Checking 5 links (2 more answered from the cache)...\n');
    vi.advanceTimersByTime(1);
    progress.tick(1, 'c.org');
    vi.advanceTimersByTime(10_000);
    progress.stop();
    vi.advanceTimersByTime(60_000); // stopped: nothing more
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.output.split('\n').slice(1)).toEqual([
      '  2/5 checked, 2 hosts waiting, most left: b.org (2 left)',
      '  3/5 checked, 1 host waiting, most left: b.org (2 left)',
      '',
    ]);
  });

  it('draws a bar on a terminal with the same figures', async () => {
    const stream = fakeStream(true);
    const progress = createProgress(stream as unknown as NodeJS.WriteStream);
    progress.start(5, 0, hosts);
    progress.tick(1, 'b.org');
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.output).toContain('Checking links [');
    expect(stream.output).toContain('3 hosts waiting | most left: b.org (2 left)');
  });
});
