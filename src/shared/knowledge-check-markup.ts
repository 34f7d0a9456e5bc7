/**
 * The one contract between the knowledge-check markup (src/plugins/remark-knowledge-checks.ts) and
 * its script (src/client/knowledge-check.ts). The answer is found by its own attribute and as a
 * child of the check: a question, option or explanation may hold an author's <details>, which the
 * script must never hide or open.
 */
export const ANSWER_SELECTOR = ':scope > [data-kc-answer]';
