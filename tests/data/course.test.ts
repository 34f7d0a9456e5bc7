import { describe, expect, it } from 'vitest';
import { courseLessons, isLesson, sectionProgressOf } from '../../src/data/course.ts';
import { countInSection, parseProgress, pruneProgress, serializeProgress } from '../../src/shared/progress-store.ts';
import { resolvePrerequisites } from '../../src/data/prerequisites.ts';
import { DEFAULT_SLUG_RULES } from '../../src/core/urls.ts';
import { buildSidebarTree, type SidebarEntry, type SidebarSection } from '../../src/data/sidebar.ts';

const pages = [
  { id: 'index', slug: '', title: 'Home' },
  { id: 'concepts/index', slug: 'concepts', title: 'Concepts', order: 1 },
  { id: 'concepts/containers', slug: 'concepts/containers', title: 'Containers', order: 2 },
  { id: 'concepts/vms', slug: 'concepts/vms', title: 'Virtual machines', order: 1 },
  { id: 'hands-on/index', slug: 'hands-on', title: 'Hands-on', order: 2 },
  { id: 'hands-on/compose/index', slug: 'hands-on/compose', title: 'Compose' },
  { id: 'hands-on/compose/scaling', slug: 'hands-on/compose/scaling', title: 'Scaling' },
  { id: 'hands-on/cheatsheet', slug: 'hands-on/cheatsheet', title: 'Cheat sheet', lesson: false },
  { id: 'hands-on/tour/index', slug: 'hands-on/tour', title: 'Guided tour', lesson: true },
  { id: 'reference/index', slug: 'reference', title: 'Reference', order: 3 },
  { id: 'reference/glossary', slug: 'reference/glossary', title: 'Glossary', lesson: false },
  { id: 'resources', slug: 'resources', title: 'Learning resources', order: 1000, lesson: false },
];
const tree = buildSidebarTree(pages.map((page) => ({ ...page, lesson: isLesson(page) })));
const section = (entries: SidebarEntry[], label: string) =>
  entries.find((entry): entry is SidebarSection => entry.type === 'section' && entry.label === label)!;

describe('what a lesson is', () => {
  it('is every page but landing pages, unless the frontmatter says otherwise', () => {
    expect(isLesson({ id: 'index' })).toBe(false);
    expect(isLesson({ id: 'concepts/index' })).toBe(false);
    expect(isLesson({ id: 'concepts/containers' })).toBe(true);
    expect(isLesson({ id: 'reference/glossary', lesson: false })).toBe(false);
    expect(isLesson({ id: 'hands-on/tour/index', lesson: true })).toBe(true);
  });
});

describe('course lessons', () => {
  it('are the lessons in reading order: no home page, landing pages, reference pages or resource list', () => {
    expect(courseLessons(tree.entries).map((link) => link.slug)).toEqual([
      'concepts/vms',
      'concepts/containers',
      'hands-on/compose/scaling',
      'hands-on/tour',
    ]);
  });

  it('are counted per section by slug prefix without the pages that are not lessons, for the sidebar "n of m"', () => {
    const handsOn = section(tree.entries, 'Hands-on');
    expect(handsOn.lessonCount).toBe(2);
    expect(handsOn.pageCount).toBe(5);
    expect(sectionProgressOf(handsOn)).toBe('hands-on/ -hands-on/cheatsheet -hands-on/compose');
    // Stale entries from before a page stopped being a lesson never count.
    const done = new Set(['hands-on/compose/scaling', 'hands-on', 'hands-on/compose', 'hands-on/cheatsheet', 'concepts', 'hands-on-extra']);
    expect(countInSection(done, sectionProgressOf(handsOn)!, handsOn.lessonCount)).toBe(1);
    const tour = section(handsOn.children, 'Guided tour');
    expect(sectionProgressOf(tour)).toBe('hands-on/tour hands-on/tour/');
    expect(section(tree.entries, 'Concepts').lessonCount).toBe(2);
  });

  it('leave a section without lessons without a count', () => {
    const reference = section(tree.entries, 'Reference');
    expect(reference.lessonCount).toBe(0);
    expect(sectionProgressOf(reference)).toBeUndefined();
  });

  it('names a section without a landing page by the prefix of its pages', () => {
    const loose = buildSidebarTree([{ id: 'loose/page', slug: 'loose/page', title: 'Page', lesson: true }]).entries[0] as SidebarSection;
    expect(sectionProgressOf(loose)).toBe('loose/');
  });
});

describe('stored progress', () => {
  it('round-trips', () => {
    expect([...parseProgress(serializeProgress(new Set(['concepts', 'hands-on/compose'])))]).toEqual(['concepts', 'hands-on/compose']);
  });

  it('reads anything damaged or foreign as no progress instead of failing', () => {
    for (const raw of [null, undefined, '', 'not json', '42', 'null', '{"done":"concepts"}', '[]'])
      expect(parseProgress(raw).size, String(raw)).toBe(0);
    expect(countInSection(parseProgress('{"done":["concepts",3,null,{"x":1}]}'), 'concepts concepts/', 2)).toBe(1);
  });

  it("drops removed pages from storage against the course list, and never counts past a section's size", () => {
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
    expect(
      resolvePrerequisites(
        ['../concepts/containers.md#namespaces', '../../concepts/', '/concepts/containers/'],
        'hands-on/run.md',
        (slug) => titles.get(slug),
        '/docker-learning',
        DEFAULT_SLUG_RULES,
      ),
    ).toEqual([
      { href: '/docker-learning/concepts/containers/#namespaces', title: 'Containers' },
      { href: '/docker-learning/concepts/', title: 'Concepts' },
      { href: '/docker-learning/concepts/containers/', title: 'Containers' },
    ]);
  });

  it('leaves out what is not a known page (the content check has reported it already)', () => {
    expect(
      resolvePrerequisites(
        ['https://docs.docker.com/', '../concepts/missing.md', '#here'],
        'hands-on/run.md',
        (slug) => titles.get(slug),
        '/',
        DEFAULT_SLUG_RULES,
      ),
    ).toEqual([]);
  });
});
