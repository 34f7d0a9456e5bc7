import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOnce, recipeHash, removeOutdated } from './cache.ts';
import { baseRecipe, ensureBase, treeWithPackages } from './debian.ts';
import { MIRROR_CONFIG, MIRROR_CONFIG_PATH, MIRROR_STORAGE } from './mirror.ts';
import { PACKAGE_PROXY_SOCKET } from './package-proxy.ts';

/**
 * What the sandbox root holds: sid's Docker Engine (the daemon is docker.io, the client docker-cli;
 * Compose and buildx are CLI plugins), containerd and runc as their dependencies, the registry
 * that stands in for Docker Hub (mirror.ts), socat for the way to Debian's package mirror
 * (package-proxy.ts), and what the lessons' shell steps call besides docker: curl, ps, ip, jq,
 * less, sudo.
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
  'sudo',
  'docker-registry',
  'socat',
];

/**
 * No name server: nothing in the sandbox can resolve a registry's name, and with no route out a
 * lookup fails at once instead of waiting for a time-out.
 */
const RESOLV_CONF = '# The lesson sandbox has no route out and no name server.\n';

export const rootRecipe = () => recipeHash(baseRecipe(), SANDBOX_PACKAGES, RESOLV_CONF, MIRROR_CONFIG);

/** The sandbox root for this recipe, built when missing (about a minute and a half). */
export async function ensureSandboxRoot(cacheDir: string, log: (line: string) => void): Promise<{ root: string; built: boolean }> {
  const base = await ensureBase(cacheDir, log);
  const root = path.join(cacheDir, `root-${rootRecipe()}`);
  const built = await buildOnce(root, async (temp) => {
    log(`apt-get: Docker Engine and the lessons' tools into ${temp}`);
    await treeWithPackages(base, temp, SANDBOX_PACKAGES);
    writeFileSync(path.join(temp, 'etc/resolv.conf'), RESOLV_CONF);
    mkdirSync(path.join(temp, path.dirname(MIRROR_CONFIG_PATH.slice(1))), { recursive: true });
    writeFileSync(path.join(temp, MIRROR_CONFIG_PATH.slice(1)), MIRROR_CONFIG);
    for (const dir of ['work', 'var/lib/docker', 'var/lib/containerd', MIRROR_STORAGE.slice(1), path.dirname(PACKAGE_PROXY_SOCKET).slice(1)])
      mkdirSync(path.join(temp, dir), { recursive: true });
  });
  if (built) removeOutdated(cacheDir, 'root', root);
  return { root, built };
}
