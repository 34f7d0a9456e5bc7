import type { z } from 'zod';

/**
 * Text an author writes for the site's chrome (titles, descriptions, sidebar and section labels,
 * resource titles) is shown outside the page body, in the sidebar, the tab, search results and
 * link previews. A Unicode bidirectional control in it reorders the characters around it, so
 * `Safe\u202Eexe.txt` reads as something else than what a reviewer saw in the diff; GitHub flags
 * these in code for the same reason (the "Trojan Source" attack). File names with them are already
 * refused (src/core/content/inventory.ts); these are the same characters.
 *
 * U+202A–U+202E: embeddings and overrides; U+2066–U+2069: isolates; U+200E, U+200F and U+061C:
 * the marks, invisible and never needed in an English title.
 */
const BIDI_CLASS = '[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]';
const BIDI_CONTROLS = new RegExp(BIDI_CLASS, 'u');
const EVERY_BIDI_CONTROL = new RegExp(BIDI_CLASS, 'gu');

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with each bidi control written as <U+202E>, safe to print in a message. */
export function spellOutBidiControls(text: string): string {
  return text.replace(EVERY_BIDI_CONTROL, (character) => `<${codePoint(character)}>`);
}

/** The bidi controls by name, for messages (the inventory names them in file names too). */
export const BIDI_CONTROL_NAMES: Readonly<Record<string, string>> = {
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u061c': 'Arabic letter mark',
};

/** Why `text` cannot be shown as written, or undefined when it has no bidi control. */
export function bidiControlProblem(text: string): string | undefined {
  const found = BIDI_CONTROLS.exec(text);
  if (!found) return undefined;
  const character = found[0];
  return `contains ${codePoint(character)} (${BIDI_CONTROL_NAMES[character]}) at character ${found.index + 1}, an invisible character that reorders the text around it, so readers would see something other than what was reviewed; delete it`;
}

/** A zod string check that refuses bidi controls, with the message above. */
export function withoutBidiControls<T extends z.ZodString>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const problem = bidiControlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }) as T;
}
