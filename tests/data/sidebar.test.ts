import { describe, expect, it } from 'vitest';
import {
  breadcrumbs,
  buildSidebarTree,
  markCurrent,
  prevNext,
  readingOrder,
  sectionOfLanding,
  topSectionLabel,
  type SidebarEntry,
  type SidebarPage,
  type SidebarSection,
} from '../../src/data/sidebar.ts';

const pages: SidebarPage[] = [
  { id: 'index', slug: '', title: 'Home' },
  { id: 'concepts/index', slug: 'concepts', title: 'Concepts', order: 1 },
  { id: 'concepts/vms', slug: 'concepts/vms', title: 'Virtual machines', order: 2 },
  { id: 'concepts/containers', slug: 'concepts/containers', title: 'Containers', order: 1 },
  { id: 'concepts/zz-unordered', slug: 'concepts/zz-unordered', title: 'Appendix' },
  { id: 'hands-on/index', slug: 'hands-on', title: 'Hands-on guides', label: 'Hands-on', order: 2 },
  { id: 'hands-on/first-container', slug: 'hands-on/first-container', title: 'Your first container' },
  { id: 'hands-on/compose/index', slug: 'hands-on/compose', title: 'Compose', order: 9 },
  { id: 'hands-on/compose/scaling', slug: 'hands-on/compose/scaling', title: 'Scaling' },
  { id: 'loose/page', slug: 'loose/page', title: 'Page in a folder without index' },
];

/** The sidebar one page shows, built the way the site builds it: one tree, then the page marked. */
const sidebarFor = (currentSlug: string) => markCurrent(buildSidebarTree(pages), currentSlug);

const section = (entries: SidebarEntry[], label: string) => entries.find((e): e is SidebarSection => e.type === 'section' && e.label === label)!;

describe('buildSidebarTree and markCurrent', () => {
  it('puts the home page first and orders sections by their index page order, then folder name', () => {
    const tree = sidebarFor('');
    expect(tree.map((e) => e.label)).toEqual(['Home', 'Concepts', 'Hands-on', 'Loose']);
  });

  it('orders pages by sidebar.order, then unordered pages by file name', () => {
    const concepts = section(sidebarFor('concepts/vms'), 'Concepts');
    expect(concepts.children.map((e) => e.label)).toEqual(['Containers', 'Virtual machines', 'Appendix']);
  });

  it('expands only the section holding the current page and counts pages in collapsed ones', () => {
    const tree = sidebarFor('concepts/vms');
    expect(section(tree, 'Concepts').expanded).toBe(true);
    const handsOn = section(tree, 'Hands-on');
    expect(handsOn.expanded).toBe(false);
    expect(handsOn.pageCount).toBe(4);
  });

  it('marks exactly one current link', () => {
    const tree = sidebarFor('hands-on/compose/scaling');
    const current = readingOrder(tree).filter((l) => l.current);
    expect(current.map((l) => l.slug)).toEqual(['hands-on/compose/scaling']);
    const handsOn = section(tree, 'Hands-on');
    expect(handsOn.expanded).toBe(true);
    expect((handsOn.children.find((e) => e.type === 'section') as SidebarSection).expanded).toBe(true);
  });

  it('labels a folder without an index page from its name', () => {
    expect(section(sidebarFor(''), 'Loose').landing).toBeUndefined();
  });
});

describe('prevNext and breadcrumbs', () => {
  const tree = sidebarFor('concepts');
  it('follows sidebar order across sections', () => {
    expect(readingOrder(tree).map((l) => l.slug)).toEqual([
      '',
      'concepts',
      'concepts/containers',
      'concepts/vms',
      'concepts/zz-unordered',
      'hands-on',
      'hands-on/compose',
      'hands-on/compose/scaling',
      'hands-on/first-container',
      'loose/page',
    ]);
    const { prev, next } = prevNext(readingOrder(tree), 'concepts/zz-unordered');
    expect(prev?.slug).toBe('concepts/vms');
    expect(next?.slug).toBe('hands-on');
    expect(prevNext(readingOrder(tree), '').prev).toBeUndefined();
  });

  it('gives the trail of sections above a page', () => {
    expect(breadcrumbs(tree, 'hands-on/compose/scaling')).toEqual([
      { label: 'Hands-on', slug: 'hands-on' },
      { label: 'Compose', slug: 'hands-on/compose' },
    ]);
    expect(breadcrumbs(tree, 'hands-on/compose')).toEqual([{ label: 'Hands-on', slug: 'hands-on' }]);
    expect(breadcrumbs(tree, 'loose/page')).toEqual([{ label: 'Loose', slug: undefined }]);
  });
});

describe('topSectionLabel', () => {
  const tree = sidebarFor('');
  it('names the top-level section of a page, its landing page and nested pages included', () => {
    expect(topSectionLabel(tree, 'hands-on')).toBe('Hands-on');
    expect(topSectionLabel(tree, 'hands-on/compose/scaling')).toBe('Hands-on');
    expect(topSectionLabel(tree, 'concepts/vms')).toBe('Concepts');
    expect(topSectionLabel(tree, '')).toBeUndefined();
  });
});

describe('markCurrent on a shared tree', () => {
  it('marks each page without leaking into the tree other pages are rendered from', () => {
    const tree = buildSidebarTree(pages);
    const first = markCurrent(tree, 'concepts/vms');
    const second = markCurrent(tree, 'hands-on/compose/scaling');
    expect(
      readingOrder(first)
        .filter((l) => l.current)
        .map((l) => l.slug),
    ).toEqual(['concepts/vms']);
    expect(
      readingOrder(second)
        .filter((l) => l.current)
        .map((l) => l.slug),
    ).toEqual(['hands-on/compose/scaling']);
    expect(section(second, 'Concepts').expanded).toBe(false);
    expect(readingOrder(tree.entries).some((l) => l.current)).toBe(false);
  });
});

describe('a course written for another generator (number prefixes, section files)', () => {
  const labels = (entries: SidebarEntry[]) => entries.map((entry) => entry.label);
  const course: SidebarPage[] = [
    { id: 'index', slug: '', title: 'Home' },
    { id: '07-conclusion/00-wrap-up', slug: 'conclusion/wrap-up', title: 'Wrapping up' },
    { id: '01-basics/10-ten', slug: 'basics/ten', title: 'A tenth page' },
    { id: '01-basics/02-what-are-containers', slug: 'basics/what-are-containers', title: 'What are containers?' },
    { id: '01-basics/00-docker', slug: 'basics/docker', title: 'What is Docker?' },
    { id: '01-basics/index', slug: 'basics', title: 'The basics' },
    { id: '02-modern-docker/01-compose', slug: 'modern-docker/compose', title: 'Compose' },
    { id: '02-modern-docker/02-pinned', slug: 'modern-docker/pinned', title: 'Pinned first', order: -1 },
    { id: '03-multi-container-environments/01-a', slug: 'multi-container-environments/a', title: 'Z comes first by number' },
    { id: 'unnumbered/b-page', slug: 'unnumbered/b-page', title: 'Alpha title' },
    { id: 'unnumbered/a-page', slug: 'unnumbered/a-page', title: 'Zulu title' },
  ];
  const sections = new Map([['03-multi-container-environments', { label: 'Many containers', position: 0.5 }]]);
  const tree = () => buildSidebarTree(course, { sections }).entries;

  it('orders folders and pages by their number prefix (numerically), not by title', () => {
    expect(labels(tree())).toEqual(['Home', 'Many containers', 'The basics', 'Modern docker', 'Conclusion', 'Unnumbered']);
    const basics = section(markCurrent(buildSidebarTree(course, { sections }), 'basics/docker'), 'The basics');
    expect(labels(basics.children)).toEqual(['What is Docker?', 'What are containers?', 'A tenth page']);
  });

  it('lets an explicit sidebar.order win over the prefix, and sorts unnumbered entries by file name', () => {
    expect(labels(section(tree(), 'Modern docker').children)).toEqual(['Pinned first', 'Compose']);
    expect(labels(section(tree(), 'Unnumbered').children)).toEqual(['Zulu title', 'Alpha title']);
  });

  it('labels a folder from its section file, else its name without the prefix', () => {
    expect(section(tree(), 'Many containers').path).toBe('03-multi-container-environments');
    expect(section(tree(), 'Conclusion').path).toBe('07-conclusion');
  });

  it('takes from the section file what the landing page does not set itself', () => {
    const file = new Map([['01-basics', { label: 'From the file', position: 99 }]]);
    // Position 99 puts it after every numbered folder; the unnumbered folder (no order at all) still comes last.
    expect(labels(buildSidebarTree(course, { sections: file }).entries).slice(-2)).toEqual(['From the file', 'Unnumbered']);
    const ownSettings = course.map((page) => (page.id === '01-basics/index' ? { ...page, label: 'Own label', order: -5 } : page));
    expect(labels(buildSidebarTree(ownSettings, { sections: file }).entries).slice(0, 2)).toEqual(['Home', 'Own label']);
  });

  it('keeps prefixes in labels and sorts by name when stripping is off', () => {
    const kept = buildSidebarTree(course, { stripNumberPrefixes: false }).entries;
    expect(labels(kept)).toEqual(['Home', 'The basics', '02 modern docker', '03 multi container environments', '07 conclusion', 'Unnumbered']);
  });

  it('gives breadcrumbs and previous/next in file order', () => {
    const order = readingOrder(tree()).map((link) => link.slug);
    expect(order.slice(0, 6)).toEqual(['', 'multi-container-environments/a', 'basics', 'basics/docker', 'basics/what-are-containers', 'basics/ten']);
    expect(prevNext(readingOrder(tree()), 'basics/docker')).toMatchObject({ prev: { slug: 'basics' }, next: { slug: 'basics/what-are-containers' } });
    expect(breadcrumbs(markCurrent(buildSidebarTree(course, { sections }), 'basics/ten'), 'basics/ten')).toEqual([
      { label: 'The basics', slug: 'basics' },
    ]);
  });
});

describe('a section of 500 pages', () => {
  const big: SidebarPage[] = [
    { id: 'index', slug: '', title: 'Home' },
    { id: 'small/index', slug: 'small', title: 'Small section', order: 1 },
    { id: 'small/one', slug: 'small/one', title: 'One' },
    { id: 'big/index', slug: 'big', title: 'Big section', order: 2 },
    ...Array.from({ length: 500 }, (_, i) => ({
      id: `big/page-${String(i + 1).padStart(3, '0')}`,
      slug: `big/page-${i + 1}`,
      title: `Page ${i + 1}`,
    })),
  ];
  const tree = buildSidebarTree(big);
  const bigSection = (slug: string) => section(markCurrent(tree, slug, 50), 'Big section');

  it('shows a window of 50 entries around the current page, which stays marked', () => {
    const shown = bigSection('big/page-250');
    expect(shown.children).toHaveLength(50);
    expect(shown.children.map((entry) => entry.label).slice(0, 1)).toEqual(['Page 225']);
    expect(shown.children.filter((entry) => entry.type === 'link' && entry.current).map((entry) => entry.label)).toEqual(['Page 250']);
    expect(shown.window).toEqual({ hiddenBefore: 224, hiddenAfter: 226, total: 500, fullListSlug: 'big' });
  });

  it('keeps the window inside the section at both ends and on the landing page', () => {
    expect(bigSection('big/page-3').window).toMatchObject({ hiddenBefore: 0, hiddenAfter: 450 });
    expect(bigSection('big/page-499').window).toMatchObject({ hiddenBefore: 450, hiddenAfter: 0 });
    expect(bigSection('big').children[0]?.label).toBe('Page 1');
  });

  it('leaves small sections exactly as they were, and finds the section a landing page lists', () => {
    expect(section(markCurrent(tree, 'small/one', 50), 'Small section')).toEqual(section(markCurrent(tree, 'small/one'), 'Small section'));
    expect(section(markCurrent(tree, 'small/one', 50), 'Small section').window).toBeUndefined();
    expect(sectionOfLanding(tree, 'big')?.children).toHaveLength(500);
    expect(sectionOfLanding(tree, 'big/page-1')).toBeUndefined();
  });

  it('keeps previous/next across the whole section, not only the window', () => {
    expect(prevNext(readingOrder(tree.entries), 'big/page-1')).toMatchObject({ prev: { slug: 'big' }, next: { slug: 'big/page-2' } });
  });
});
