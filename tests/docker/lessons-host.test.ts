import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostEngine } from '../../scripts/lessons/host-engine.ts';
import { planPages, runLessons } from '../../scripts/lessons/runner.ts';
import { startEngine } from '../../scripts/support/docker.ts';
import { ensureStandins, STANDIN_IMAGES } from '../../scripts/support/docker-standins.ts';
import { tmpRoot } from '../helpers/build-site.ts';

/**
 * The lesson runner's host engine against a real Docker engine: the object listing the clean-state
 * check relies on, and a docker ps table matched against a page. The image is the local Debian
 * stand-in, since no registry is reachable here. Skipped, saying why, where no engine can be had.
 */
const engine = await startEngine({ logDir: path.join(tmpRoot, 'docker-lessons') });
const skipReason = engine.available ? undefined : engine.reason;
if (skipReason) console.warn(`\nThe lesson runner's real-engine test is skipped: ${skipReason}\n`);
const docker = engine.available ? engine.docker : undefined;
const image = STANDIN_IMAGES.debian;
let dir: string;

const page = (cleanUp: string) => `---
title: On a real engine
lesson: {}
---

\`\`\`sh
docker volume create lesson-test-notes
docker run -d --name lesson-test-sleeper -v lesson-test-notes:/data ${image} sleep 300
docker ps --filter name=lesson-test-sleeper
\`\`\`

\`\`\`text
CONTAINER ID   IMAGE   COMMAND       CREATED          STATUS          PORTS     NAMES
0123456789ab   ${image}   "sleep 300"   2 seconds ago   Up 1 second             lesson-test-sleeper
\`\`\`

\`\`\`sh
docker rm -f lesson-test-sleeper
${cleanUp}
\`\`\`
`;

beforeAll(async () => {
  if (!docker) return;
  await ensureStandins(docker);
  dir = await mkdtemp(path.join(tmpRoot, 'lessons-'));
  await writeFile(path.join(dir, 'clean.md'), page('docker volume rm lesson-test-notes'));
  await writeFile(path.join(dir, 'leaves-volume.md'), page('echo the volume stays'));
}, 40 * 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  await docker?.(['rm', '-f', 'lesson-test-sleeper']).catch(() => undefined);
  await docker?.(['volume', 'rm', '-f', 'lesson-test-notes']).catch(() => undefined);
  if (engine.available) await engine.stop();
});

describe.skipIf(skipReason !== undefined)('lesson runner on a real Docker engine (--engine host)', { timeout: 120_000 }, () => {
  it('matches a real docker ps table, and finds the volume a page leaves behind', async () => {
    const { plans } = await planPages({ rootDir: dir, docsDir: dir, files: ['clean.md', 'leaves-volume.md'], requirements: [] });
    const clientDir = path.dirname(docker!.client);
    const host = await createHostEngine({
      env: { ...process.env, PATH: clientDir === '.' ? process.env.PATH : `${clientDir}${path.delimiter}${process.env.PATH}` },
    });
    const report = await runLessons(plans, host, { defaultTimeoutSeconds: 60 });
    await host.close();
    const [clean, leaves] = report.pages;
    expect(report.engine.version).toMatch(/^\d+\.\d+/);
    expect(clean!.steps.filter((step) => step.verdict !== 'passed')).toEqual([]);
    expect(clean!.leftBehind).toEqual([]);
    expect(leaves!.steps.filter((step) => step.verdict !== 'passed')).toEqual([]);
    expect(leaves!.leftBehind).toEqual(['volume:lesson-test-notes']);
    // Removed after the check, so later pages start clean.
    expect(await docker!(['volume', 'ls', '-q', '--filter', 'name=lesson-test-notes'])).toBe('');
  });
});
