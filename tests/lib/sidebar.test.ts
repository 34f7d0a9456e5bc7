import { describe, expect, it } from 'vitest';
import { breadcrumbs, buildSidebarTree, markCurrent, prevNext, readingOrder, topSectionLabel, type SidebarEntry, type SidebarPage, type SidebarSection } from '../../src/lib/sidebar.ts';

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

const section = (entries: SidebarEntry[], label: string) =>
  entries.find((e): e is SidebarSection => e.type === 'section' && e.label === label)!;

describe('buildSidebarTree and markCurrent', () => {
  it('puts the home page first and orders sections by their index page order, then label', () => {
    const tree = sidebarFor('');
    expect(tree.map((e) => e.label)).toEqual(['Home', 'Concepts', 'Hands-on', 'Loose']);
  });

  it('orders pages by sidebar.order, then unordered pages by label', () => {
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
    expect(readingOrder(first).filter((l) => l.current).map((l) => l.slug)).toEqual(['concepts/vms']);
    expect(readingOrder(second).filter((l) => l.current).map((l) => l.slug)).toEqual(['hands-on/compose/scaling']);
    expect(section(second, 'Concepts').expanded).toBe(false);
    expect(readingOrder(tree.entries).some((l) => l.current)).toBe(false);
  });
});
