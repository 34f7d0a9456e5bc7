import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { projectRoot, readEnv } from '../core/env.ts';
import { gitLastUpdated } from './last-updated.ts';
import { buildSidebarTree, readingOrder, type SidebarLink, type SidebarPage, type SidebarTree } from './sidebar.ts';
import { slugFromContentPath } from '../core/urls.ts';
import { foldersOfPages, readSectionSettings } from '../core/content/section-settings.ts';
import { site } from './site.ts';
import { isLesson } from './course.ts';

export type DocEntry = CollectionEntry<'docs'>;
export interface DocPage {
  entry: DocEntry;
  slug: string;
  /** Path inside the content folder ('docs/vms/index.md'), for edit links and messages. */
  contentPath: string;
  sourceFile: string;
}

const env = readEnv();
let cached: Promise<DocPage[]> | undefined;

/** Every page that is published in this build: drafts only in `astro dev`. Loaded once per build. */
export function getDocPages(): Promise<DocPage[]> {
  cached ??= getCollection('docs', (entry) => import.meta.env.DEV || !entry.data.draft).then((entries) =>
    entries.map((entry) => {
      const sourceFile = entry.filePath ? path.resolve(projectRoot, entry.filePath) : path.join(env.docsDir, entry.id);
      return {
        entry,
        slug: slugFromContentPath(entry.id, site),
        contentPath: path.relative(env.contentDir, sourceFile).split(path.sep).join('/'),
        sourceFile,
      };
    }),
  );
  return cached;
}

/** The Learning resources page is generated from links.yaml, not a content file, but sits in the sidebar. */
export const resourcesSidebarPage: SidebarPage = { id: 'resources', slug: 'resources', title: 'Learning resources', order: 1000, lesson: false };

export function toSidebarPages(pages: DocPage[]): SidebarPage[] {
  return [
    ...pages.map(({ entry, slug }) => ({
      id: entry.id,
      slug,
      title: entry.data.title,
      label: entry.data.sidebar?.label,
      order: entry.data.sidebar?.order,
      lesson: isLesson({ id: entry.id, lesson: entry.data.lesson }),
    })),
    resourcesSidebarPage,
  ];
}

let gitDates: Map<string, Date> | undefined;
/** One batched git call for the whole build. */
export function getGitDates(): Map<string, Date> {
  gitDates ??= gitLastUpdated(env.docsDir);
  return gitDates;
}

let sidebarTree: Promise<{ tree: SidebarTree; order: SidebarLink[] }> | undefined;
/** The navigation tree and reading order, built once per build rather than once per page. */
export function getSidebarTree(): Promise<{ tree: SidebarTree; order: SidebarLink[] }> {
  sidebarTree ??= getDocPages().then((pages) => {
    // The build checked these files before loading anything; here only their values are needed.
    const { sections } = readSectionSettings({
      docsDir: env.docsDir,
      contentDir: env.contentDir,
      folders: foldersOfPages(pages.map((page) => page.entry.id)),
      display: (file) => file,
    });
    const tree = buildSidebarTree(toSidebarPages(pages), { sections, stripNumberPrefixes: site.stripNumberPrefixes });
    return { tree, order: readingOrder(tree.entries) };
  });
  return sidebarTree;
}
