import lessonChecks from 'virtual:learning-site/lesson-checks';
import { lessonStatusOf, type LessonStatus } from '../lib/lesson-status.ts';
import { getDocPages } from './docs.ts';

let statuses: Promise<Map<string, LessonStatus>> | undefined;

/**
 * Page slug → what the page shows about its last check, from the lessons report the integration
 * read when the build started. Empty without a report. Built once per build.
 */
export function getLessonStatuses(): Promise<Map<string, LessonStatus>> {
  statuses ??= getDocPages().then(
    (pages) =>
      new Map(
        pages.flatMap((page) => {
          const status = lessonStatusOf(lessonChecks, page.contentPath.replace(/^docs\//, ''), page.entry.data.lesson);
          return status ? [[page.slug, status] as const] : [];
        }),
      ),
  );
  return statuses;
}
