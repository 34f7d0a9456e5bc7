import { expect, it } from 'vitest';
import { costLabel, filterOptions, groupByLevel, tagGroups } from '../../src/data/resource-list.ts';

const r = (title: string, level: 'beginner' | 'intermediate' | 'advanced', kind = 'docs' as const, tags: string[] = []) => ({
  title,
  level,
  kind,
  tags,
});

it('groups by level, beginner first, alphabetical inside, dropping empty levels', () => {
  const groups = groupByLevel([r('Zed', 'beginner'), r('Deep dive', 'advanced'), r('Alpha', 'beginner')]);
  expect(groups.map((g) => [g.label, g.resources.map((x) => x.title)])).toEqual([
    ['Beginner', ['Alpha', 'Zed']],
    ['Advanced', ['Deep dive']],
  ]);
});

it('offers only the filter values that occur', () => {
  const options = filterOptions([
    { kind: 'video', level: 'advanced', tags: ['compose', 'basics'] },
    { kind: 'article', level: 'advanced', tags: ['compose'] },
  ]);
  expect(options).toEqual({ kinds: ['article', 'video'], levels: ['advanced'], tags: ['basics', 'compose'] });
});

it('labels what a resource costs, and says nothing for a free one', () => {
  expect(costLabel('free')).toBeUndefined();
  expect(costLabel(undefined)).toBeUndefined();
  expect(costLabel('paid')).toBe('Paid');
  expect(costLabel('free-tier')).toBe('Free tier, paid beyond it');
});

it('groups the tags into the most shared, by use, and the rest A-Z, each with its count', () => {
  const tagged = (tags: string[]) => ({ tags });
  const groups = tagGroups(
    [tagged(['compose', 'linux', 'dns']), tagged(['compose', 'linux']), tagged(['compose', 'linux', 'cli']), tagged(['compose', 'build'])],
    { minShared: 3, maxCommon: 12 },
  );
  expect(groups.common).toEqual([
    { tag: 'compose', count: 4 },
    { tag: 'linux', count: 3 },
  ]);
  expect(groups.other).toEqual([
    { tag: 'build', count: 1 },
    { tag: 'cli', count: 1 },
    { tag: 'dns', count: 1 },
  ]);
  expect(tagGroups([tagged(['a']), tagged(['a']), tagged(['a']), tagged(['b']), tagged(['b']), tagged(['b'])], { maxCommon: 1 }).common).toEqual([
    { tag: 'a', count: 3 },
  ]);
});
