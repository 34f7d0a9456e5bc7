import { dockerIn, type SandboxDaemon } from './daemon.ts';

/**
 * Docker Hub, as far as the sandbox can have it: a registry (Debian's docker-registry, the
 * distribution project) on the sandbox's own loopback, holding the stand-in images under their
 * Docker Hub names, with dockerd started with `--registry-mirror` pointing at it. A lesson's
 * `docker pull nginx` then asks that mirror, as a learner's engine asks Docker Hub, and nothing
 * leaves the sandbox. Pushing to Docker Hub and signing in stay out of reach (`docker-hub-login`).
 */
export const MIRROR_ADDRESS = '127.0.0.1:41500';
export const MIRROR_STORAGE = '/var/lib/lesson-mirror';
export const MIRROR_CONFIG_PATH = '/etc/lesson-mirror/config.yml';

export const MIRROR_CONFIG = `# The sandbox's Docker Hub mirror (scripts/lessons/sandbox/mirror.ts): loopback only.
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${MIRROR_STORAGE}
  delete:
    enabled: true
http:
  addr: ${MIRROR_ADDRESS}
`;

/** Where an image name lives on Docker Hub ("nginx" → library/nginx:latest), or undefined for another registry. */
export function hubReference(name: string): { repository: string; tag: string } | undefined {
  const [, rest = name] = /^(?:docker\.io\/)?(.*)$/.exec(name) ?? [];
  const slash = rest.indexOf('/');
  // A first part with a dot or a colon, or "localhost", names a registry of its own (gcr.io/…).
  if (slash > 0 && /[.:]|^localhost$/.test(rest.slice(0, slash))) return undefined;
  const colon = rest.lastIndexOf(':');
  const [repository, tag] = colon > rest.lastIndexOf('/') ? [rest.slice(0, colon), rest.slice(colon + 1)] : [rest, 'latest'];
  return { repository: repository.includes('/') ? repository : `library/${repository}`, tag };
}

const MANIFEST_TYPES = ['application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.oci.image.manifest.v1+json'].join(', ');

/** The image ID the mirror holds for a reference, or undefined when it has none. */
async function mirroredId(daemon: SandboxDaemon, repository: string, tag: string): Promise<string | undefined> {
  const url = `http://${MIRROR_ADDRESS}/v2/${repository}/manifests/${tag}`;
  const answer = await daemon.exec(['curl', '--silent', '--fail', '--max-time', '10', '--header', `Accept: ${MANIFEST_TYPES}`, url]);
  if (answer.code !== 0) return undefined;
  try {
    return (JSON.parse(answer.stdout) as { config?: { digest?: string } }).config?.digest;
  } catch {
    return undefined;
  }
}

/**
 * Makes the mirror hold each Docker Hub stand-in as the engine has it: pushes only those it lacks
 * or holds in another version (the first run pushes them all, about a minute; later runs none).
 */
export async function fillMirror(daemon: SandboxDaemon, names: readonly string[], log: (line: string) => void): Promise<void> {
  for (const name of names) {
    const reference = hubReference(name);
    if (!reference) continue;
    const id = await dockerIn(daemon, ['image', 'inspect', '--format', '{{.Id}}', name]);
    if ((await mirroredId(daemon, reference.repository, reference.tag)) === id) continue;
    const mirrorName = `${MIRROR_ADDRESS}/${reference.repository}:${reference.tag}`;
    log(`mirror: ${name} → ${mirrorName}`);
    await dockerIn(daemon, ['tag', name, mirrorName]);
    try {
      await dockerIn(daemon, ['push', '--quiet', mirrorName], { timeoutMs: 600_000 });
    } finally {
      // The mirror's name is an extra tag of the same image: removing it keeps the image.
      await dockerIn(daemon, ['image', 'rm', mirrorName]);
    }
  }
}
