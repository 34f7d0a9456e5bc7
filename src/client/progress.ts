// Course progress, on every page: a tick on each lesson done ([data-lesson] links), "n of m" per
// section ([data-progress-of]), the "I have finished this lesson" box, and on the home page the
// overall count and where to continue. Storage that is blocked or full (private mode) only means
// progress lasts until the page is left: every access is guarded and nothing is reported.
// Every page loads this file, inside a 2 KB budget for all its JavaScript: keep it small.
import { countDone, parseProgress, PROGRESS_KEY, serializeProgress } from '../lib/progress.ts';

let done: Set<string>;
const load = () => {
  try {
    done = parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    done = new Set();
  }
};
const save = () => {
  try {
    localStorage.setItem(PROGRESS_KEY, serializeProgress(done));
  } catch {
    // Blocked or full: the state stays in memory for this page.
  }
};
const all = <T extends HTMLElement>(selector: string) => document.querySelectorAll<T>(selector);
const one = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);

function render(): void {
  for (const link of all('[data-lesson]')) link.toggleAttribute('data-done', done.has(link.dataset.lesson!));
  for (const count of all('[data-progress-of]')) {
    const lessons = count.dataset.progressOf!.split(' ');
    count.textContent = `${countDone(done, lessons)} of ${lessons.length}`;
  }
  for (const box of all<HTMLInputElement>('[data-mark-done]')) box.checked = done.has(box.value);
  const course = one('[data-course-progress]');
  if (!course) return;
  const lessons = [...course.querySelectorAll<HTMLAnchorElement>('[data-lesson]')];
  const next = lessons.find((link) => !link.hasAttribute('data-done'));
  const bar = course.querySelector('progress')!;
  bar.value = lessons.filter((link) => link.hasAttribute('data-done')).length;
  const resume = one<HTMLAnchorElement>('[data-continue]')!;
  resume.hidden = !next;
  if (next) {
    resume.href = next.href;
    resume.lastChild!.textContent = next.textContent;
  }
  // Read by course.css: which lead-in the link shows, and that the figures may now be seen.
  course.dataset.done = String(bar.value);
}

load();
render();
for (const box of all<HTMLInputElement>('[data-mark-done]')) {
  box.onchange = () => {
    done[box.checked ? 'add' : 'delete'](box.value);
    save();
    render();
  };
}
const reset = one('[data-progress-reset]');
if (reset) {
  reset.onclick = () => {
    done.clear();
    save();
    render();
    one('[data-progress-status]')!.textContent = 'Your progress is reset.';
  };
}
