import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../support/docker.ts';
import { isAlive, recipeHash } from './cache.ts';
import { dockerIn, type SandboxDaemon } from './daemon.ts';
import { baseRecipe, inTree, treeWithPackages } from './debian.ts';
import { pullFromHost, registryReachable } from './pull.ts';
import { STANDIN_RECIPES, type StandInRecipe } from './standins/recipes.ts';

const FILES_DIR = fileURLToPath(new URL('./standins/files/', import.meta.url));
/** The same label the docker test tier's stand-ins carry (scripts/support/docker-standins.ts). */
export const RECIPE_LABEL = 'org.docker-learning.standin-recipe';
/** The name a stand-in was built for: it makes each name's image ID differ from its siblings'. */
const NAME_LABEL = 'org.docker-learning.standin-name';
/** Part of the recipe hash: changed when the way stand-ins are put in the engine changes, so cached ones are rebuilt. */
const LAYOUT = 'one image per name';

export interface StandInOutcome {
  /** The official names this image answers to. */
  names: string[];
  /** "standin": built here from Debian packages; "pulled": the real image; "cached": a stand-in from an earlier run. */
  source: 'standin' | 'cached' | 'pulled';
  seconds: number;
}

/** Everything the image depends on: recipe, the files it names, and the base tree's recipe. */
export function standInHash(recipe: StandInRecipe, readFile: (name: string) => Buffer = (name) => readFileSync(path.join(FILES_DIR, name))): string {
  const files = Object.entries(recipe.files ?? {}).map(([target, source]) => [target, readFile(source).toString('base64')]);
  return recipeHash(baseRecipe(), recipe, files, LAYOUT);
}

async function labelOf(daemon: SandboxDaemon, image: string): Promise<string | undefined> {
  const result = await daemon.exec(['docker', 'image', 'inspect', '--format', `{{ index .Config.Labels "${RECIPE_LABEL}" }}`, image]);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** The image's root file system: the Debian tree, or only the paths the recipe keeps of it. */
async function imageTree(recipe: StandInRecipe, base: string, workDir: string): Promise<string> {
  const tree = path.join(workDir, 'tree');
  await treeWithPackages(base, tree, recipe.packages);
  if (recipe.setup) await inTree(tree, recipe.setup);
  if (!recipe.keepOnly) return tree;
  const kept = path.join(workDir, 'kept');
  mkdirSync(kept);
  for (const keep of recipe.keepOnly) {
    const copy = await runCommand('cp', ['-a', '--parents', keep, kept], { cwd: tree });
    if (copy.code !== 0) throw new Error(`the stand-in ${recipe.names[0]} keeps ${keep}, which its tree lacks:\n${copy.stderr}`);
  }
  return kept;
}

/** npm from the npm registry, where the official node images have it, with its two commands. */
async function addNpm(tree: string, version: string, workDir: string): Promise<void> {
  const pack = await runCommand('npm', ['pack', `npm@${version}`, '--pack-destination', workDir, '--silent'], { timeoutMs: 5 * 60_000 });
  if (pack.code !== 0) throw new Error(`npm pack npm@${version} failed; is the npm registry reachable?\n${pack.stderr}`);
  const tarball = path.join(workDir, pack.stdout.trim().split('\n').at(-1)!);
  const target = path.join(tree, 'usr/local/lib/node_modules/npm');
  mkdirSync(target, { recursive: true });
  const unpack = await runCommand('tar', ['-xzf', tarball, '-C', target, '--strip-components=1', '--no-same-owner']);
  if (unpack.code !== 0) throw new Error(`unpacking npm ${version} failed:\n${unpack.stderr}`);
  mkdirSync(path.join(tree, 'usr/local/bin'), { recursive: true });
  for (const [command, script] of [
    ['npm', 'npm-cli.js'],
    ['npx', 'npx-cli.js'],
  ])
    symlinkSync(`../lib/node_modules/npm/bin/${script}`, path.join(tree, 'usr/local/bin', command!));
}

/**
 * The packages, with all they depend on, in root's npm cache of the image: installed once from the
 * npm registry into a scratch project whose cache is the image's, which keeps both the registry's
 * answers and the tarballs, as an offline `npm install` needs them.
 */
async function addNpmCache(tree: string, packages: string[], workDir: string): Promise<void> {
  const project = path.join(workDir, 'npm-cache-project');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
  const cache = path.join(tree, 'root/.npm');
  const install = await runCommand(
    'npm',
    ['install', '--cache', cache, '--no-audit', '--no-fund', '--ignore-scripts', '--no-update-notifier', ...packages],
    { cwd: project, timeoutMs: 5 * 60_000 },
  );
  if (install.code !== 0)
    throw new Error(`npm install ${packages.join(' ')} for the npm cache failed; is the npm registry reachable?\n${install.stderr.slice(-2000)}`);
  rmSync(path.join(cache, '_logs'), { recursive: true, force: true });
}

async function buildStandIn(daemon: SandboxDaemon, recipe: StandInRecipe, hash: string, base: string, workDir: string): Promise<void> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  try {
    const tree = await imageTree(recipe, base, workDir);
    if (recipe.npm) await addNpm(tree, recipe.npm, workDir);
    if (recipe.npmCache) await addNpmCache(tree, recipe.npmCache, workDir);
    for (const [target, source] of Object.entries(recipe.files ?? {})) {
      const destination = path.join(tree, target);
      mkdirSync(path.dirname(destination), { recursive: true });
      const from = path.join(FILES_DIR, source);
      copyFileSync(from, destination);
      chmodSync(destination, statSync(from).mode & 0o111 ? 0o755 : 0o644);
    }
    if (recipe.finish) {
      const finish = await runCommand('/bin/sh', ['-ec', recipe.finish], { cwd: tree });
      if (finish.code !== 0) throw new Error(`finishing the stand-in ${recipe.names[0]} failed:\n${finish.stderr}`);
    }
    const tarball = path.join(workDir, 'image.tar');
    const tar = await runCommand('tar', ['--numeric-owner', '-C', tree, '-cf', tarball, '.'], { timeoutMs: 10 * 60_000 });
    if (tar.code !== 0) throw new Error(`tar of the stand-in ${recipe.names[0]} failed:\n${tar.stderr}`);
    // On Docker Hub each tag is an image of its own (nginx:alpine is not nginx:latest), and lessons
    // rely on it: `docker rmi nginx:alpine` refuses while a container uses it, but only untags a
    // name that shares its image. So one image per name, sharing the one layer.
    for (const name of recipe.names) {
      const changes = [...recipe.config, `LABEL ${RECIPE_LABEL}=${hash}`, `LABEL ${NAME_LABEL}=${name}`].flatMap((change) => ['--change', change]);
      await dockerIn(daemon, ['import', ...changes, '-', name], { stdinFile: tarball, timeoutMs: 10 * 60_000 });
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure every image the lessons use is in the sandbox engine: the real one where a registry
 * answers and a host engine can pull it, otherwise a stand-in, built only when its recipe changed.
 */
export async function ensureStandIns(
  daemon: SandboxDaemon,
  options: { base: string; workDir: string; log: (line: string) => void; recipes?: StandInRecipe[]; tryPull?: boolean },
): Promise<StandInOutcome[]> {
  const outcomes: StandInOutcome[] = [];
  // Work folders of runs that were killed while building: hundreds of megabytes each.
  for (const entry of readdirSync(options.workDir)) {
    const pid = /^standin-(\d+)$/.exec(entry)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(path.join(options.workDir, entry), { recursive: true, force: true });
  }
  const canPull = options.tryPull !== false && (await registryReachable());
  for (const recipe of options.recipes ?? STANDIN_RECIPES) {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    if (canPull && (await pullFromHost(daemon, recipe.names, options.log))) {
      outcomes.push({ names: recipe.names, source: 'pulled', seconds: seconds() });
      continue;
    }
    const hash = standInHash(recipe);
    const labels = await Promise.all(recipe.names.map((name) => labelOf(daemon, name)));
    if (labels.every((label) => label === hash)) {
      outcomes.push({ names: recipe.names, source: 'cached', seconds: seconds() });
      continue;
    }
    options.log(`stand-in ${recipe.names.join(', ')}: building from Debian unstable packages`);
    // The names that exist print their IDs even when another is missing (and the command fails).
    const previous = (await daemon.exec(['docker', 'image', 'inspect', '--format', '{{.Id}}', ...recipe.names])).stdout;
    await buildStandIn(daemon, recipe, hash, options.base, path.join(options.workDir, `standin-${process.pid}`));
    for (const id of new Set(previous.split('\n').filter(Boolean))) await dockerIn(daemon, ['image', 'rm', id]).catch(() => undefined);
    outcomes.push({ names: recipe.names, source: 'standin', seconds: seconds() });
    options.log(`stand-in ${recipe.names[0]}: built in ${seconds().toFixed(0)} s`);
  }
  return outcomes;
}
