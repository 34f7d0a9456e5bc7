import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { countReadingWords, readingMinutes } from '../data/reading-time.ts';
import { setLessonData } from '../markdown/page-data.ts';

/** Computes the page's reading time from the very tree that is rendered (prose and code). */
export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    setLessonData(file, { readingMinutes: readingMinutes(countReadingWords(tree)) });
  };
}
