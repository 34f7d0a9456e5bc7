// Knowledge checks (rendered by src/plugins/remark-knowledge-checks.ts). Loaded only on pages that
// have one. Without this script the options still show and the answer waits in a <details>.
import { ANSWER_SELECTOR } from '../shared/knowledge-check-markup.ts';

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
  const summary = answer.querySelector('summary')!;
  // The toggle says what it will do: "Hide the answer" once the answer shows.
  const labelToggle = () => (summary.textContent = answer.open ? 'Hide the answer' : 'Show the answer');
  answer.addEventListener('toggle', labelToggle);
  // One action per state: Check while answering, Try again after a wrong answer, neither after a right one.
  const showAction = (state: 'answering' | 'right' | 'wrong') => {
    checkButton.hidden = state !== 'answering';
    retry.hidden = state !== 'wrong';
  };
  const unmark = () => {
    for (const mark of check.querySelectorAll('.kc-mark')) mark.remove();
    for (const option of check.querySelectorAll<HTMLElement>('[data-kc-verdict]')) delete option.dataset.kcVerdict;
  };
  const reset = () => {
    delete check.dataset.result;
    feedback.textContent = '';
    answer.hidden = true;
    answer.open = false;
    unmark();
    showAction('answering');
  };
  reset();

  checkButton.addEventListener('click', () => {
    if (!inputs.some((input) => input.checked)) {
      say(check.dataset.knowledgeCheck === 'multiple' ? 'Choose at least one answer, then press Check.' : 'Choose an answer, then press Check.');
      return;
    }
    const right = inputs.every((input) => input.checked === (input.dataset.correct === 'true'));
    check.dataset.result = right ? 'right' : 'wrong';
    // Each chosen option says whether it was right, in words as well as colour.
    for (const input of inputs.filter((each) => each.checked)) {
      const verdict = input.dataset.correct === 'true' ? 'right' : 'wrong';
      const option = input.closest<HTMLElement>('.kc-option')!;
      option.dataset.kcVerdict = verdict;
      const mark = document.createElement('span');
      mark.className = 'kc-mark';
      mark.textContent = verdict === 'right' ? 'Right' : 'Not right';
      option.append(mark);
    }
    answer.hidden = false;
    answer.open = right;
    labelToggle();
    showAction(right ? 'right' : 'wrong');
    say(right ? 'Correct! The explanation is below.' : 'Not quite. Try again, or show the answer below.');
    // The button just pressed is gone: keep keyboard focus in the check.
    (right ? summary : retry).focus();
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
