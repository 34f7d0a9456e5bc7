// Course progress, on every page: a tick on each lesson done ([data-lesson] links), "n of m" per
// section ([data-progress-of] names its slugs and prefixes, [data-progress-total] its size), the "I have finished this lesson" box, and on the home page the
// overall count and where to continue. Storage that is blocked or full (private mode) only means
// progress lasts until the page is left: every access is guarded and nothing is reported.
// Every page loads this file, inside a 2 KB budget for all its JavaScript: keep it small.
import PROGRESS_KEY from 'virtual:learning-site/progress-key';
import { countInSection, parseProgress, pruneProgress, serializeProgress } from '../shared/progress-store.ts';

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
  const course = one('[data-course-progress]');
  const lessons = course ? [...course.querySelectorAll<HTMLAnchorElement>('[data-lesson]')] : [];
  // The home page lists every lesson: pages that no longer exist leave the stored progress there.
  if (
    course &&
    pruneProgress(
      done,
      lessons.map((link) => link.dataset.lesson!),
    )
  )
    save();
  for (const link of all('[data-lesson]')) link.toggleAttribute('data-done', done.has(link.dataset.lesson!));
  for (const count of all('[data-progress-of]')) {
    count.textContent = `${countInSection(done, count.dataset.progressOf!, Number(count.dataset.progressTotal))} of ${count.dataset.progressTotal}`;
  }
  for (const box of all<HTMLInputElement>('[data-mark-done]')) box.checked = done.has(box.value);
  if (!course) return;
  // Nothing to reset: no button that would do nothing.
  one('[data-progress-reset]')!.hidden = done.size === 0;
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
// Reset never wipes for good: the status line offers Undo until the next change.
const reset = one('[data-progress-reset]');
const undo = one('[data-progress-undo]');
const status = one('[data-progress-status]');
if (reset && undo && status) {
  let before: string[] = [];
  reset.onclick = () => {
    before = [...done];
    done.clear();
    save();
    render();
    status.textContent = 'Your progress is reset.';
    undo.hidden = false;
    undo.focus();
  };
  undo.onclick = () => {
    done = new Set(before);
    save();
    render();
    undo.hidden = true;
    status.textContent = 'Your progress is back.';
    reset.focus();
  };
}
