import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinkCheck } from '../../scripts/link-check/pipeline.ts';
import { checkUrls, fastConfig } from './helpers/check-one.ts';
import { closedPort, startServer, type TestServer } from './helpers/server.ts';
import { makeTempDir, writeFiles } from './helpers/temp.ts';

const hosts = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
let servers: TestServer[] = [];
/** Requests in flight across all servers, to observe the overall limit. */
const overall = { inFlight: 0, max: 0 };

beforeAll(async () => {
  servers = await Promise.all(
    hosts.map((host) =>
      startServer((_request, response) => {
        overall.inFlight++;
        overall.max = Math.max(overall.max, overall.inFlight);
        setTimeout(() => {
          overall.inFlight--;
          response.writeHead(200).end();
        }, 40);
      }, host),
    ),
  );
});
afterAll(() => Promise.all(servers.map((server) => server.close())));

const linksPerHost = 12;
const urls = () => servers.flatMap((server) => Array.from({ length: linksPerHost }, (_, index) => server.url(`/page/${index}`)));

describe('politeness limits', () => {
  it('never has more than --per-host requests or connections open to one host', async () => {
    for (const server of servers) Object.assign(server.stats, { maxInFlight: 0, maxOpenSockets: 0 });
    const results = await checkUrls(urls(), { perHost: 2, concurrency: 32 });
    expect(results.every((result) => result.verdict === 'ok')).toBe(true);
    for (const server of servers) {
      expect(server.stats.maxInFlight).toBe(2);
      expect(server.stats.maxOpenSockets).toBeLessThanOrEqual(2);
    }
  });

  it('never has more than --concurrency requests in flight overall', async () => {
    overall.max = 0;
    const results = await checkUrls(urls(), { perHost: 2, concurrency: 3 });
    expect(results).toHaveLength(hosts.length * linksPerHost);
    expect(overall.max).toBe(3);
  });
});

describe('offline detection', () => {
  it('says the machine looks offline, exits 3 and leaves the cache alone when nothing can be reached', async () => {
    const temp = await makeTempDir();
    try {
      const [portA, portB] = [await closedPort('127.0.0.2'), await closedPort('127.0.0.3')];
      await writeFiles(temp.dir, { 'content/docs/a.md': `[a](http://127.0.0.2:${portA}/a) [b](http://127.0.0.3:${portB}/b)\n` });
      const cacheFile = path.join(temp.dir, 'cache.json');
      const report = await runLinkCheck({
        config: fastConfig({ retries: 1 }),
        contentDir: path.join(temp.dir, 'content'),
        linksFile: path.join(temp.dir, 'content', 'links.yaml'),
        rootDir: temp.dir,
        cacheFile,
        sleep: async () => {},
      });
      expect(report).toMatchObject({ offline: true, exitCode: 3 });
      expect(report.counts['network-error']).toBe(2);
      expect(existsSync(cacheFile)).toBe(false);
    } finally {
      await temp.cleanup();
    }
  });
});
