import type { OutlineEntry } from '../core/course-outline.ts';
import type { SidebarEntry } from './sidebar.ts';

/** The sidebar's tree as the course outline (src/core/course-outline.ts) that /course.json publishes. */
export function outlineOf(entries: SidebarEntry[]): OutlineEntry[] {
  return entries.map((entry) =>
    entry.type === 'link'
      ? { type: 'page', slug: entry.slug, title: entry.label }
      : {
          type: 'section',
          label: entry.label,
          ...(entry.landing ? { landing: { slug: entry.landing.slug, title: entry.landing.label } } : {}),
          children: outlineOf(entry.children),
        },
  );
}
