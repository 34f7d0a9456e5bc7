import { readFileSync } from 'node:fs';
import lessonChecks from 'virtual:learning-site/lesson-checks';
import { pageStepsFingerprint } from '../core/lessons/fingerprint.ts';
import { lessonStatusOf, type LessonStatus } from '../data/lesson-status-text.ts';
import { getDocPages, type DocPage } from './docs.ts';

let statuses: Promise<Map<string, LessonStatus>> | undefined;

/** The page's steps as they are in this build, read from its file as the lesson runner reads it. */
function fingerprintOf(page: DocPage): string | undefined {
  const lesson = page.entry.data.lesson;
  return pageStepsFingerprint(page.sourceFile, readFileSync(page.sourceFile, 'utf8'), typeof lesson === 'object' ? lesson : undefined);
}

/**
 * Page slug → what the page shows about its last check, from the lessons report the integration
 * read when the build started. Empty without a report. Built once per build.
 */
export function getLessonStatuses(): Promise<Map<string, LessonStatus>> {
  statuses ??= getDocPages().then(
    (pages) =>
      new Map(
        pages.flatMap((page) => {
          const status = lessonStatusOf(lessonChecks, page.contentPath.replace(/^docs\//, ''), page.entry.data.lesson, () => fingerprintOf(page));
          return status ? [[page.slug, status] as const] : [];
        }),
      ),
  );
  return statuses;
}
