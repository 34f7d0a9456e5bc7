import type { EngineObjects } from '../engine.ts';

/**
 * What the engine holds, from the docker CLI's own listings. Each listing is asked for in a
 * format of one object a line, so the parsing is a split, not a reading of aligned columns.
 */
export const OBJECT_QUERIES = {
  containers: ['ps', '--all', '--no-trunc', '--format', '{{.Names}}\t{{.ID}}'],
  images: ['images', '--all', '--no-trunc', '--format', '{{.Repository}}\t{{.Tag}}\t{{.ID}}'],
  volumes: ['volume', 'ls', '--format', '{{.Name}}'],
  networks: ['network', 'ls', '--format', '{{.Name}}'],
  buildCache: ['buildx', 'du', '--format', '{{.ID}}'],
} as const satisfies Record<keyof EngineObjects, readonly string[]>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** "name (short id)" per container. */
export function parseContainers(text: string): string[] {
  return lines(text).map((line) => {
    const [names = '', id = ''] = line.split('\t');
    return `${names} (${shortId(id)})`;
  });
}

/**
 * "repository:tag" per tagged image, the short id of an untagged one. `--all` lists an image once
 * per tag; intermediate layers of the classic builder appear as untagged ids too, which is what a
 * page leaves behind when it builds.
 */
export function parseImages(text: string): string[] {
  const seen = new Set<string>();
  for (const line of lines(text)) {
    const [repository = '', tag = '', id = ''] = line.split('\t');
    if (repository === '<none>' || !repository) seen.add(shortId(id));
    else seen.add(tag === '<none>' || !tag ? `${repository}@${shortId(id)}` : `${repository}:${tag}`);
  }
  return [...seen];
}

const BUILT_IN_NETWORKS = new Set(['bridge', 'host', 'none']);

export function parseNetworks(text: string): string[] {
  return lines(text).filter((name) => !BUILT_IN_NETWORKS.has(name));
}

export function parseVolumes(text: string): string[] {
  return lines(text);
}

/**
 * Build cache record ids. The table form marks records shared with others by a trailing `*`
 * and ends with totals; both are dropped should that form come back instead of the formatted one.
 */
export function parseBuildCache(text: string): string[] {
  return lines(text)
    .filter((line) => !/^(ID\b|Reclaimable:|Total:|Shared:|Private:)/.test(line))
    .map((line) => line.split(/\s+/)[0]!.replace(/\*$/, ''))
    .filter((id) => /^[a-z0-9]+$/.test(id));
}
