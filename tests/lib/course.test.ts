import { describe, expect, it } from 'vitest';
import { courseLessons, sectionProgressOf } from '../../src/lib/course.ts';
import { countInSection, parseProgress, PROGRESS_KEY, pruneProgress, serializeProgress } from '../../src/lib/progress.ts';
import { resolvePrerequisites } from '../../src/lib/prerequisites.ts';
import { DEFAULT_SLUG_RULES } from '../../src/core/urls.ts';
import { buildSidebarTree, type SidebarSection } from '../../src/lib/sidebar.ts';

const tree = buildSidebarTree([
  { id: 'index', slug: '', title: 'Home' },
  { id: 'concepts/index', slug: 'concepts', title: 'Concepts', order: 1 },
  { id: 'concepts/containers', slug: 'concepts/containers', title: 'Containers', order: 2 },
  { id: 'concepts/vms', slug: 'concepts/vms', title: 'Virtual machines', order: 1 },
  { id: 'hands-on/index', slug: 'hands-on', title: 'Hands-on', order: 2 },
  { id: 'hands-on/compose/index', slug: 'hands-on/compose', title: 'Compose' },
  { id: 'hands-on/compose/scaling', slug: 'hands-on/compose/scaling', title: 'Scaling' },
  { id: 'resources', slug: 'resources', title: 'Learning resources', order: 1000 },
]);

describe('course lessons', () => {
  it('are every page in reading order, without the home page and the resource list', () => {
    expect(courseLessons(tree.entries).map((link) => link.slug)).toEqual(['concepts', 'concepts/vms', 'concepts/containers', 'hands-on', 'hands-on/compose', 'hands-on/compose/scaling']);
  });

  it('are counted per section by landing page and slug prefix, nested sections included, for the sidebar "n of m"', () => {
    const handsOn = tree.entries.find((entry): entry is SidebarSection => entry.type === 'section' && entry.label === 'Hands-on')!;
    expect(sectionProgressOf(handsOn)).toBe('hands-on hands-on/');
    const done = new Set(['hands-on/compose/scaling', 'hands-on', 'concepts', 'hands-on-extra']);
    expect(countInSection(done, sectionProgressOf(handsOn)!, handsOn.pageCount)).toBe(2);
    const compose = handsOn.children.find((entry): entry is SidebarSection => entry.type === 'section')!;
    expect(sectionProgressOf(compose)).toBe('hands-on/compose hands-on/compose/');
  });

  it('names a section without a landing page by the prefix of its pages', () => {
    const loose = buildSidebarTree([{ id: 'loose/page', slug: 'loose/page', title: 'Page' }]).entries[0] as SidebarSection;
    expect(sectionProgressOf(loose)).toBe('loose/');
  });
});

describe('stored progress', () => {
  it('round-trips under one versioned key', () => {
    expect(PROGRESS_KEY).toMatch(/:v\d+$/);
    expect([...parseProgress(serializeProgress(new Set(['concepts', 'hands-on/compose'])))]).toEqual(['concepts', 'hands-on/compose']);
  });

  it('reads anything damaged or foreign as no progress instead of failing', () => {
    for (const raw of [null, undefined, '', 'not json', '42', 'null', '{"done":"concepts"}', '[]']) expect(parseProgress(raw).size, String(raw)).toBe(0);
    expect(countInSection(parseProgress('{"done":["concepts",3,null,{"x":1}]}'), 'concepts concepts/', 2)).toBe(1);
  });

  it('drops removed pages from storage against the course list, and never counts past a section\'s size', () => {
    const done = parseProgress(serializeProgress(['concepts', 'concepts/removed-page', 'elsewhere']));
    expect(countInSection(done, 'concepts concepts/', 1)).toBe(1);
    expect(pruneProgress(done, ['concepts', 'concepts/vms'])).toBe(true);
    expect([...done]).toEqual(['concepts']);
    expect(pruneProgress(done, ['concepts', 'concepts/vms'])).toBe(false);
    expect(countInSection(done, '*', 2)).toBe(1);
  });
});

describe('resolvePrerequisites', () => {
  const titles = new Map([
    ['concepts/containers', 'Containers'],
    ['concepts', 'Concepts'],
  ]);
  it('turns links to .md files, sections and site paths into titled URLs under the base path', () => {
    expect(resolvePrerequisites(['../concepts/containers.md#namespaces', '../../concepts/', '/concepts/containers/'], 'hands-on/run.md', (slug) => titles.get(slug), '/docker-learning', DEFAULT_SLUG_RULES)).toEqual([
      { href: '/docker-learning/concepts/containers/#namespaces', title: 'Containers' },
      { href: '/docker-learning/concepts/', title: 'Concepts' },
      { href: '/docker-learning/concepts/containers/', title: 'Containers' },
    ]);
  });

  it('leaves out what is not a known page (the content check has reported it already)', () => {
    expect(resolvePrerequisites(['https://docs.docker.com/', '../concepts/missing.md', '#here'], 'hands-on/run.md', (slug) => titles.get(slug), '/', DEFAULT_SLUG_RULES)).toEqual([]);
  });
});
