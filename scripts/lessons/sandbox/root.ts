import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOnce, recipeHash, removeOutdated } from './cache.ts';
import { baseRecipe, ensureBase, treeWithPackages } from './debian.ts';

/**
 * What the sandbox root holds: sid's Docker Engine (the daemon is docker.io, the client docker-cli;
 * Compose and buildx are CLI plugins), containerd and runc as their dependencies, and what the
 * lessons' shell steps call besides docker: curl, ps, ip, jq, less.
 */
export const SANDBOX_PACKAGES = [
  'docker.io',
  'docker-cli',
  'docker-compose',
  'docker-buildx',
  'containerd',
  'runc',
  'tini',
  'iptables',
  'bash',
  'ca-certificates',
  'curl',
  'procps',
  'iproute2',
  'jq',
  'less',
];

/**
 * No name server: nothing in the sandbox can resolve a registry's name, and with no route out a
 * lookup fails at once instead of waiting for a time-out.
 */
const RESOLV_CONF = '# The lesson sandbox has no route out and no name server.\n';

export const rootRecipe = () => recipeHash(baseRecipe(), SANDBOX_PACKAGES, RESOLV_CONF);

/** The sandbox root for this recipe, built when missing (about a minute and a half). */
export async function ensureSandboxRoot(cacheDir: string, log: (line: string) => void): Promise<{ root: string; built: boolean }> {
  const base = await ensureBase(cacheDir, log);
  const root = path.join(cacheDir, `root-${rootRecipe()}`);
  const built = await buildOnce(root, async (temp) => {
    log(`apt-get: Docker Engine and the lessons' tools into ${temp}`);
    await treeWithPackages(base, temp, SANDBOX_PACKAGES);
    writeFileSync(path.join(temp, 'etc/resolv.conf'), RESOLV_CONF);
    for (const dir of ['work', 'var/lib/docker', 'var/lib/containerd']) mkdirSync(path.join(temp, dir), { recursive: true });
  });
  if (built) removeOutdated(cacheDir, 'root', root);
  return { root, built };
}
