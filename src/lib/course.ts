import { RESOURCES_SLUG } from '../core/urls.ts';
import { readingOrder, type SidebarEntry, type SidebarLink, type SidebarSection } from './sidebar.ts';

/**
 * Which pages are lessons, read from the sidebar tree: every page in reading order except the home
 * page and the generated Learning resources list. Progress counts lessons only.
 */
export function courseLessons(entries: SidebarEntry[]): SidebarLink[] {
  return readingOrder(entries).filter((link) => link.slug !== '' && link.slug !== RESOURCES_SLUG);
}

/** The lessons inside one section (its landing page first), for the sidebar's "n of m". */
export function sectionLessons(section: SidebarSection): string[] {
  return courseLessons([section]).map((link) => link.slug);
}
