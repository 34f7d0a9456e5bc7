/**
 * Child process for the cache test: starts writing a new cache and is killed (SIGKILL, no cleanup
 * possible) after the temporary file is written but before it replaces the real one.
 */
import { writeCacheAtomic } from '../../../scripts/link-check/cache.ts';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: interrupted-write.ts <cache file>');
const entries = Object.fromEntries(
  Array.from({ length: 5_000 }, (_, index) => [
    `https://new.example.org/${index}`,
    {
      url: `https://new.example.org/${index}`,
      verdict: 'ok',
      status: 200,
      checkedAt: new Date().toISOString(),
      elapsedMs: 1,
      attempts: 1,
      requests: 1,
    },
  ]),
);
await writeCacheAtomic(file, { version: 1, entries } as never, {
  afterTempWritten: () => {
    process.kill(process.pid, 'SIGKILL');
  },
});
