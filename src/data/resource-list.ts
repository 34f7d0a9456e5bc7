import { resourceKinds, resourceLevels, type Resource } from '../core/resources.ts';

export interface ResourceGroup<T extends Pick<Resource, 'level' | 'title'>> {
  level: Resource['level'];
  label: string;
  resources: T[];
}

const levelLabels: Record<Resource['level'], string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** Resources grouped by level (beginner first), alphabetical within a level; empty levels dropped. */
export function groupByLevel<T extends Pick<Resource, 'level' | 'title'>>(resources: T[]): ResourceGroup<T>[] {
  return resourceLevels
    .map((level) => ({
      level,
      label: levelLabels[level],
      resources: resources.filter((r) => r.level === level).sort((a, b) => a.title.localeCompare(b.title)),
    }))
    .filter((group) => group.resources.length > 0);
}

/** The options each filter offers: only values that occur, in schema order (tags alphabetical). */
export function filterOptions(resources: Pick<Resource, 'kind' | 'level' | 'tags'>[]) {
  const present = <T extends string>(all: readonly T[], values: T[]) => all.filter((v) => values.includes(v));
  return {
    kinds: present(
      resourceKinds,
      resources.map((r) => r.kind),
    ),
    levels: present(
      resourceLevels,
      resources.map((r) => r.level),
    ),
    tags: [...new Set(resources.flatMap((r) => r.tags))].sort(),
  };
}

export interface TagCount {
  tag: string;
  count: number;
}

/**
 * The tag filter's options in two groups, so a long list can be scanned: the tags most resources
 * share (at least `minShared`, most used first, at most `maxCommon`), then every other tag A–Z.
 * Each with the number of resources that carry it.
 */
export function tagGroups(resources: Pick<Resource, 'tags'>[], { minShared = 3, maxCommon = 12 } = {}): { common: TagCount[]; other: TagCount[] } {
  const counts = new Map<string, number>();
  for (const tag of resources.flatMap((r) => r.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const all = [...counts].map(([tag, count]) => ({ tag, count }));
  const common = all
    .filter((t) => t.count >= minShared)
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, maxCommon);
  const inCommon = new Set(common.map((t) => t.tag));
  return { common, other: all.filter((t) => !inCommon.has(t.tag)).sort((a, b) => a.tag.localeCompare(b.tag)) };
}

type Cost = NonNullable<Resource['cost']>;

const costLabels: Record<Cost, string | undefined> = {
  free: undefined, // the usual case, so it goes unsaid
  'free-tier': 'Free tier, paid beyond it',
  paid: 'Paid',
};

/** What the page says about a resource's price: nothing for a free one (or one that does not say). */
export function costLabel(cost: Cost | undefined): string | undefined {
  return cost === undefined ? undefined : costLabels[cost];
}
