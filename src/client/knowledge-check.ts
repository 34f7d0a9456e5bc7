// Knowledge checks (rendered by src/plugins/remark-knowledge-checks.ts). Loaded only on pages that
// have one. Without this script the options still show and the answer waits in a <details>.
import { ANSWER_SELECTOR } from '../lib/knowledge-check-markup.ts';

function setUp(check: HTMLElement, allRight: () => void): void {
  const inputs = [...check.querySelectorAll('input')];
  const checkButton = check.querySelector<HTMLButtonElement>('[data-kc-check]')!;
  const retry = check.querySelector<HTMLButtonElement>('[data-kc-retry]')!;
  const feedback = check.querySelector<HTMLElement>('[data-kc-feedback]')!;
  const answer = check.querySelector<HTMLDetailsElement>(ANSWER_SELECTOR)!;
  const say = (message: string) => {
    // A status line repeats itself only when its text changes.
    feedback.textContent = '';
    requestAnimationFrame(() => (feedback.textContent = message));
  };
  const reset = () => {
    delete check.dataset.result;
    feedback.textContent = '';
    answer.hidden = true;
    answer.open = false;
    retry.hidden = true;
  };
  checkButton.hidden = false;
  reset();

  checkButton.addEventListener('click', () => {
    if (!inputs.some((input) => input.checked)) {
      say(check.dataset.knowledgeCheck === 'multiple' ? 'Choose at least one answer, then press Check.' : 'Choose an answer, then press Check.');
      return;
    }
    const right = inputs.every((input) => input.checked === (input.dataset.correct === 'true'));
    check.dataset.result = right ? 'right' : 'wrong';
    answer.hidden = false;
    answer.open = right;
    retry.hidden = right;
    say(right ? 'Correct! The explanation is below.' : 'Not quite. Try again, or show the answer below.');
    if (right) allRight();
  });
  retry.addEventListener('click', () => {
    for (const input of inputs) input.checked = false;
    reset();
    inputs[0]!.focus();
  });
  // Changing the answer after a verdict starts a new attempt.
  for (const input of inputs) input.addEventListener('change', () => check.dataset.result && reset());
}

const checks = [...document.querySelectorAll<HTMLElement>('[data-knowledge-check]')];
for (const check of checks) {
  setUp(check, () => {
    // Every check right: suggest marking the lesson done (src/components/LessonDone.astro).
    const box = document.querySelector<HTMLInputElement>('[data-mark-done]');
    const hint = document.querySelector<HTMLElement>('[data-done-hint]');
    if (hint && box && !box.checked && checks.every((each) => each.dataset.result === 'right')) hint.hidden = false;
  });
}
