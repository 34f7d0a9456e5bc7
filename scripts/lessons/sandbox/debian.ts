import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../support/docker.ts';
import { EngineSetupError } from '../engine.ts';
import { buildOnce, recipeHash, removeOutdated } from './cache.ts';

/**
 * Debian unstable (sid) trees, made on this machine with debootstrap and apt, outside the sandbox:
 * only this step reaches the package mirror. The host's own Debian is never touched: every apt
 * runs chrooted in a tree of its own, in a mount namespace of its own that disappears with it.
 */
export const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
const SUITE = 'sid';
const DEBOOTSTRAP = '/usr/sbin/debootstrap';
/**
 * sid's Release file is often past its Valid-Until date on the mirror; apt refuses it without the
 * first. dpkg's fsync after every file is what makes installing slow, and these trees are
 * throwaway until renamed into place: unsafe I/O is safe here.
 */
export const APT_OPTIONS = [
  '-o',
  'Acquire::Check-Valid-Until=false',
  '-o',
  'Dpkg::Use-Pty=0',
  '-o',
  'APT::Install-Recommends=false',
  '-o',
  'DPkg::Options::=--force-unsafe-io',
];
/** No package's maintainer script may start a service in a tree (postgresql, nginx, docker). */
const POLICY_RC_D = '#!/bin/sh\nexit 101\n';
const SOURCES_LIST = `deb ${DEBIAN_MIRROR} ${SUITE} main\n`;

export const baseRecipe = () => recipeHash('debootstrap --variant=minbase', SUITE, DEBIAN_MIRROR, SOURCES_LIST, POLICY_RC_D);

/**
 * Runs `script` with sh chrooted into `tree`, with /proc and /dev for the package scripts, in a
 * private mount namespace: the mounts vanish with the process, none reaches the host.
 */
export async function inTree(tree: string, script: string, timeoutMs = 20 * 60_000): Promise<string> {
  const outer = `set -e
mount --make-rprivate /
mount -t proc proc "$1/proc"
mount --rbind /dev "$1/dev"
exec chroot "$1" /bin/sh -ec "$2"`;
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C.UTF-8', HOME: '/root' };
  const result = await runCommand('unshare', ['--mount', '--fork', '--', '/bin/sh', '-ec', outer, 'in-tree', tree, script], { env, timeoutMs });
  if (result.code !== 0)
    throw new Error(
      `in the Debian tree ${tree}, this failed (exit ${result.code}):\n${script}\n${(result.stderr || result.stdout).trim().slice(-3000)}`,
    );
  return result.stdout;
}

/** The minimal sid tree every other one starts from, made once per recipe. */
export async function ensureBase(cacheDir: string, log: (line: string) => void): Promise<string> {
  if (!existsSync(DEBOOTSTRAP))
    throw new EngineSetupError(`The lesson sandbox needs Debian's debootstrap (${DEBOOTSTRAP}): run \`npm run setup:system\`.`);
  const dir = path.join(cacheDir, `base-${baseRecipe()}`);
  const built = await buildOnce(dir, async (temp) => {
    log(`debootstrap: a minimal Debian ${SUITE} into ${temp}`);
    // debootstrap mounts /proc in the target: in a private mount namespace, so nothing stays mounted.
    const result = await runCommand(
      'unshare',
      [
        '--mount',
        '--fork',
        '--',
        '/bin/sh',
        '-c',
        'mount --make-rprivate / && exec "$@"',
        'sh',
        DEBOOTSTRAP,
        '--variant=minbase',
        SUITE,
        temp,
        DEBIAN_MIRROR,
      ],
      { timeoutMs: 20 * 60_000 },
    );
    if (result.code !== 0)
      throw new EngineSetupError(
        `debootstrap of Debian ${SUITE} from ${DEBIAN_MIRROR} failed (exit ${result.code}); is the mirror reachable?\n${result.stderr.slice(-2000)}`,
      );
    writeFileSync(path.join(temp, 'etc/apt/sources.list'), SOURCES_LIST);
    writeFileSync(path.join(temp, 'usr/sbin/policy-rc.d'), POLICY_RC_D, { mode: 0o755 });
    await inTree(temp, `apt-get ${APT_OPTIONS.join(' ')} update -qq`);
  });
  if (built) removeOutdated(cacheDir, 'base', dir);
  return dir;
}

/** A copy of the base tree in `dest` with `packages` installed from sid. */
export async function treeWithPackages(base: string, dest: string, packages: string[]): Promise<void> {
  mkdirSync(path.dirname(dest), { recursive: true });
  const copy = await runCommand('cp', ['-a', base, dest], { timeoutMs: 10 * 60_000 });
  if (copy.code !== 0) throw new Error(`copying the Debian base tree failed:\n${copy.stderr}`);
  if (packages.length === 0) return;
  const apt = `apt-get ${APT_OPTIONS.join(' ')}`;
  // Updating first: a cached base holds package lists from the day it was made.
  await inTree(dest, `${apt} update -qq && ${apt} install -y -qq ${packages.join(' ')} >/dev/null && apt-get clean`);
}
