import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { startEngine } from '../../scripts/support/docker.ts';
import { ensureStandins, STANDIN_IMAGES } from '../../scripts/support/docker-standins.ts';
import { projectRoot, tmpRoot } from '../helpers/build-site.ts';
import { expectSearchWorks } from '../ship/csp-watch.ts';
import { parseCsp, rawRequest } from '../ship/raw-http.ts';

/**
 * The real Dockerfile, built and run. No image registry is reachable here, so the two base images
 * are local stand-ins (scripts/support/docker-standins.ts) passed as the Dockerfile's build
 * arguments, exactly as a registry mirror would be. Where no Docker daemon can be had, the whole
 * file is skipped and says why.
 */

const engine = await startEngine({ logDir: path.join(tmpRoot, 'docker') });
const skipReason = engine.available ? undefined : engine.reason;
if (skipReason) console.warn(`\nThe Docker image test is skipped: ${skipReason}\n`);
const docker = engine.available ? engine.docker : undefined;

const tag = `docker-learning-test:run-${process.pid}`;
const container = `docker-learning-test-${process.pid}`;
/** Everything our Dockerfile adds on top of its nginx base: the site, nginx.conf. */
const SITE_LAYERS_BUDGET = 8 * 1024 * 1024;

let origin: string;
let browser: Browser | undefined;
let containerStarted = false;
let imageBuilt = false;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function imageSize(image: string): Promise<number> {
  return Number(await docker!(['image', 'inspect', '--format', '{{.Size}}', image]));
}

/** Polls the container's own health status, as `docker ps` shows it, until it is healthy. */
async function waitUntilHealthy(name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    state = await docker!(['inspect', '--format', '{{.State.Status}} {{.State.Health.Status}}', name]);
    if (state === 'running healthy') return;
    if (!state.startsWith('running') || state.endsWith('unhealthy')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const logs = await docker!(['logs', '--tail', '30', name]).catch((error: Error) => error.message);
  throw new Error(`the container is "${state}", not healthy:\n${logs}`);
}

beforeAll(async () => {
  if (!docker) return;
  const standins = await ensureStandins(docker);
  for (const standin of standins) console.log(`stand-in ${standin.image}: ${standin.built ? `built in ${standin.seconds.toFixed(0)} s` : 'reused'}`);

  const started = performance.now();
  await docker(
    ['build', '--build-arg', `NODE_IMAGE=${STANDIN_IMAGES.node}`, '--build-arg', `NGINX_IMAGE=${STANDIN_IMAGES.nginx}`, '-t', tag, projectRoot],
    { timeoutMs: 30 * 60_000 },
  );
  imageBuilt = true;
  const buildSeconds = (performance.now() - started) / 1000;
  const total = await imageSize(tag);
  const base = await imageSize(STANDIN_IMAGES.nginx);
  console.log(
    `image built in ${buildSeconds.toFixed(1)} s (layers the cache had are reused): ${mb(total)}, of which ${mb(total - base)} on top of the nginx base`,
  );

  // Published on the loopback only, on a port Docker picks. The health check's interval is shortened
  // so the test does not wait 30 s for the first one; its command is the image's own.
  await docker(['run', '--detach', '--name', container, '--health-interval', '1s', '--publish', '127.0.0.1::8080', tag]);
  containerStarted = true;
  await waitUntilHealthy(container, 60_000);
  origin = `http://${await docker(['port', container, '8080/tcp'])}`;
}, 40 * 60_000);

afterAll(async () => {
  await browser?.close();
  if (docker && containerStarted) await docker(['rm', '--force', container]).catch(() => undefined);
  // The tag goes; the layers stay in the build cache, so the next run rebuilds only what changed.
  if (docker && imageBuilt) await docker(['image', 'rm', tag]).catch(() => undefined);
  if (engine.available) await engine.stop();
}, 120_000);

describe.skipIf(!docker)(
  skipReason ? `the Docker image (skipped: ${skipReason})` : 'the Docker image, built from the real Dockerfile and run',
  () => {
    it('publishes only on 127.0.0.1', () => {
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it('turns healthy through its own HEALTHCHECK, BusyBox wget against port 8080', async () => {
      const test = JSON.parse(await docker!(['inspect', '--format', '{{json .Config.Healthcheck.Test}}', container])) as string[];
      expect(test.join(' ')).toMatch(/wget -q --spider http:\/\/127\.0\.0\.1:8080\//);
      expect(await docker!(['inspect', '--format', '{{.State.Health.Status}}', container])).toBe('healthy');
    });

    it('runs nginx as uid 101, never as root', async () => {
      expect(await docker!(['inspect', '--format', '{{.Config.User}}', container])).toBe('101');
      // As the host sees them: the master and every worker.
      const uids = (await docker!(['top', container, '-o', 'uid,pid,comm']))
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/)[0]);
      expect(uids.length).toBeGreaterThan(1);
      expect(new Set(uids)).toEqual(new Set(['101']));
      expect(await docker!(['exec', container, 'id', '-u'])).toBe('101');
    });

    it('serves the pages, and a missing page as our 404 page with status 404', async () => {
      for (const page of ['/', '/hands-on/dockerfile/', '/resources/']) {
        const response = await rawRequest(`${origin}${page}`);
        expect(response.status, page).toBe(200);
        expect(response.headers['content-type'], page).toBe('text/html; charset=utf-8');
      }
      const missing = await rawRequest(`${origin}/no/such/page/`);
      expect(missing.status).toBe(404);
      const shipped = (await docker!(['exec', container, 'sha256sum', '/usr/share/nginx/html/404.html'])).split(/\s+/)[0];
      expect(createHash('sha256').update(missing.body).digest('hex')).toBe(shipped);
      expect(missing.body.toString('utf8')).toMatch(/<h1[^>]*>/);
    });

    it('ships the quick-reference PDF and links it from the page', async () => {
      const page = (await rawRequest(`${origin}/reference/quick-reference/`)).body.toString('utf8');
      const href = /<p class="pdf-download"><a href="([^"]+)" download>/.exec(page)?.[1];
      expect(href).toBe('/docker-quick-ref.pdf');
      const pdf = await rawRequest(`${origin}${href}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('sends the security headers, and a CSP with no inline script or style allowed', async () => {
      const response = await rawRequest(`${origin}/`);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['permissions-policy']).toMatch(/camera=\(\)/);
      const csp = parseCsp(String(response.headers['content-security-policy']));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    });

    it("searches in Chromium under the image's CSP without a single violation", async () => {
      browser = await launchChromium();
      await expectSearchWorks(browser, `${origin}/hands-on/dockerfile/`, 'volume');
    });

    it(`adds at most ${mb(SITE_LAYERS_BUDGET)} to its nginx base: the site and nginx.conf, no Node or sources`, async () => {
      const added = (await imageSize(tag)) - (await imageSize(STANDIN_IMAGES.nginx));
      expect(added).toBeLessThan(SITE_LAYERS_BUDGET);
      await expect(docker!(['exec', container, 'sh', '-c', 'command -v node || ls /app'])).rejects.toThrow();
    });
  },
);
