import type { APIRoute } from 'astro';
import { getSidebarTree } from '../data/docs.ts';
import { absoluteUrl, site } from '../data/site.ts';
import type { CourseOutline } from '../core/course-outline.ts';
import { outlineOf } from '../data/course-outline.ts';

/** The published pages in sidebar order (drafts are not published), for the course PDF and offline reading. */
export const GET: APIRoute = async () => {
  const { tree } = await getSidebarTree();
  const outline: CourseOutline = { title: site.title, lang: site.lang, url: absoluteUrl('/'), entries: outlineOf(tree.entries) };
  return new Response(JSON.stringify(outline), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
