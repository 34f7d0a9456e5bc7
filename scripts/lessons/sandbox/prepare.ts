/**
 * `npm run lessons:sandbox`: gets the lesson sandbox ready (the Debian unstable root, the engine,
 * every stand-in image), prints how long each part took and where each image came from, then
 * stops the engine again. The first run builds everything; later runs reuse the cache and show the
 * warm start-up time. Exit 2 when the sandbox cannot be had here.
 */
import { parseArgs } from 'node:util';
import { EngineSetupError, engineSummary } from '../engine.ts';
import { resolveCacheDir } from './cache.ts';
import { createSandboxEngine } from './index.ts';

const { values } = parseArgs({ options: { 'cache-dir': { type: 'string' }, 'no-pull': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(
    'Usage: npm run lessons:sandbox -- [--cache-dir DIR] [--no-pull]\nBuilds or reuses the lesson sandbox and its stand-in images, prints the timings, and stops it.',
  );
  process.exit(0);
}

const cacheDir = resolveCacheDir(values['cache-dir']);
const startedAt = performance.now();
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
console.log(`Lesson sandbox cache: ${cacheDir}`);
try {
  const engine = await createSandboxEngine({ cacheDir, pullReal: !values['no-pull'], log: (line) => console.log(`  [${elapsed()}] ${line}`) });
  const stop = () => void engine.close().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { preparation } = engine;
    const info = await engine.info();
    console.log(engineSummary(info));
    console.log(`Provides: ${info.provides.join(', ') || '(nothing optional)'}`);
    console.log(
      `Root: ${preparation.rootBuilt ? 'built' : 'reused'} in ${preparation.rootSeconds.toFixed(1)} s; engine started in ${preparation.daemonSeconds.toFixed(1)} s`,
    );
    console.log(`Images (${preparation.imagesSeconds.toFixed(1)} s):`);
    for (const image of preparation.images) {
      const how = { standin: 'stand-in, built', cached: 'stand-in, reused', pulled: 'real image, pulled' }[image.source];
      console.log(`  ${image.names.join(', ').padEnd(48)} ${how} (${image.seconds.toFixed(1)} s)`);
    }
  } finally {
    await engine.close();
  }
  console.log(`Ready, and stopped again: ${elapsed()} in all.`);
} catch (error) {
  if (error instanceof EngineSetupError) {
    console.error(`The lesson sandbox cannot start here: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
