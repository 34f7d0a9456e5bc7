/**
 * The course in reading order, as data: what the site publishes at /course.json for the tools that
 * work on the whole course (the course PDF, offline reading), as the link cache's format is shared.
 * It is the sidebar's tree without its per-page state, so the PDF's chapters and bookmarks follow
 * the sidebar exactly.
 */
export type OutlineEntry =
  | { type: 'page'; slug: string; title: string }
  | { type: 'section'; label: string; landing?: { slug: string; title: string }; children: OutlineEntry[] };

export interface CourseOutline {
  title: string;
  lang: string;
  /** Where the site is published, base path included: printed on the PDF's cover. */
  url: string;
  entries: OutlineEntry[];
}
