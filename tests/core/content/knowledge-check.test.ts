import { describe, expect, it } from 'vitest';
import { factsFromSource } from '../../../src/core/content/parse.ts';

const frontmatter = '---\ntitle: Page\ndescription: A page.\n---\n\n';

/** Problems of a page whose body is `body`, with file lines (the frontmatter takes lines 1-5). */
function problems(body: string, format: 'md' | 'mdx' = 'md') {
  return factsFromSource({ file: `page.${format}`, format, source: frontmatter + body }).problems;
}

const good = `> [!QUIZ]
> Which one?
>
> - [ ] Wrong
> - [x] Right
>
> Because.`;

describe('knowledge checks in the content check', () => {
  it('accepts well-formed single and multiple-choice checks in .md and .mdx', () => {
    expect(problems(good)).toEqual([]);
    expect(problems(good, 'mdx')).toEqual([]);
    expect(problems('> [!QUIZ-MULTIPLE]\n> Which ones?\n>\n> - [x] A\n> - [x] B\n> - [ ] C\n>\n> A and B.')).toEqual([]);
  });

  it('fails a check with no right answer, at the line of its options', () => {
    expect(problems(good.replace('[x]', '[ ]'))).toEqual([
      { line: 9, message: expect.stringContaining('has no right answer. Mark the right option "- [x] text"') },
    ]);
  });

  it('fails a single-choice check with two right answers and names the multiple-choice marker', () => {
    expect(problems(good.replace('[ ] Wrong', '[x] Wrong'))).toEqual([
      { line: 9, message: expect.stringContaining('[!QUIZ] has 2 right answers but allows one. Keep one "[x]", or use [!QUIZ-MULTIPLE]') },
    ]);
  });

  it('fails an empty option at its own line', () => {
    expect(problems(good.replace('- [ ] Wrong', '- [ ] '))).toEqual([{ line: 9, message: expect.stringContaining('option is empty') }]);
    expect(problems(good.replace('- [x] Right', '- [x]  '))).toContainEqual({ line: 10, message: expect.stringContaining('option is empty') });
  });

  it('fails a check with no explanation', () => {
    expect(problems(good.replace('>\n> Because.', ''))).toEqual([
      { line: 9, message: expect.stringContaining('has no explanation. After the options, add a paragraph') },
    ]);
  });

  it('fails a check with no question, no options, plain list items, one option, or text before the options', () => {
    expect(problems(good.replace('> Which one?\n>\n', ''))).toEqual([{ line: 6, message: expect.stringContaining('has no question') }]);
    expect(problems('> [!QUIZ]\n> Which one?\n>\n> Because.')).toEqual([
      { line: 6, message: expect.stringContaining('has no options: after the question, write each option as "- [ ] text"') },
    ]);
    expect(problems(good.replace('- [ ] Wrong', '- Wrong'))).toEqual([
      { line: 9, message: expect.stringContaining('option is not a checkbox item') },
    ]);
    expect(problems('> [!QUIZ]\n> Which one?\n>\n> - [x] Right\n>\n> Because.')).toEqual([
      { line: 9, message: expect.stringContaining('has only one option') },
    ]);
    expect(problems(good.replace('> Which one?\n>\n', '> Which one?\n>\n> Stray text.\n>\n'))).toEqual([
      { line: 9, message: expect.stringContaining('text between the question and the options') },
    ]);
  });

  it('fails a misspelt marker instead of showing it as a quote', () => {
    expect(problems(good.replace('[!QUIZ]', '[!QUIZ-MULTI]'))).toEqual([
      { line: 6, message: expect.stringContaining('marker "[!QUIZ-MULTI]" is not known. Use [!QUIZ] for one right answer or [!QUIZ-MULTIPLE]') },
    ]);
  });

  it('fails a multiple-choice check whose every option is right', () => {
    expect(problems('> [!QUIZ-MULTIPLE]\n> Which?\n>\n> - [x] A\n> - [x] B\n>\n> Both.')).toEqual([
      { line: 9, message: expect.stringContaining('marks every option right') },
    ]);
  });

  it('reports every problem of a check at once, and leaves ordinary quotes and alerts alone', () => {
    const found = problems('> [!QUIZ]\n> Which one?\n>\n> - [ ] \n> - [ ] B');
    expect(found.map((p) => p.message)).toEqual([
      expect.stringContaining('option is empty'),
      expect.stringContaining('no right answer'),
      expect.stringContaining('no explanation'),
    ]);
    expect(problems('> A quote about [!QUIZ].\n\n> [!NOTE]\n> An alert.')).toEqual([]);
  });
});

describe('knowledge checks where they cannot work', () => {
  const quoted = (prefix: string) =>
    good
      .split('\n')
      .map((line) => prefix + line)
      .join('\n');
  const nested = (found: { line: number; message: string }[]) => found.map((p) => [p.line, p.message.replace(/, where it would be.*/, '')]);

  it('refuses a check in a list item, an aside, an alert or another check, at its line', () => {
    expect(nested(problems(`- A step\n\n${quoted('  ')}`))).toEqual([[8, 'knowledge check "[!QUIZ]" is inside a list item']]);
    expect(nested(problems(`:::note\n${good}\n:::`))).toEqual([[7, 'knowledge check "[!QUIZ]" is inside an aside (:::note)']]);
    expect(nested(problems(`> [!NOTE]\n> Read this.\n>\n${quoted('> ')}`))).toEqual([
      [9, 'knowledge check "[!QUIZ]" is inside another quote (an alert, or another check\'s explanation)'],
    ]);
    expect(nested(problems(`${good}\n>\n${quoted('> ')}`))).toEqual([
      [14, 'knowledge check "[!QUIZ]" is inside another quote (an alert, or another check\'s explanation)'],
    ]);
    expect(nested(problems(`<div>\n\n${good}\n\n</div>`, 'mdx'))).toEqual([[8, 'knowledge check "[!QUIZ]" is inside the element <div>']]);
    expect(problems(`- A step\n\n${quoted('  ')}`)[0]!.message).toContain(
      'published as a plain quote with the answer ticked. Only a quote at the top level',
    );
  });

  it('refuses look-alike markers and a question on the marker line, at the line', () => {
    for (const marker of ['[!QUIZ ]', '[! QUIZ]', '[ !quiz ]', '[!QUIZ] Which one?', '[!QUIZ]:\n> Which one?']) {
      const found = problems(good.replace('[!QUIZ]\n> Which one?', marker));
      expect(found, marker).toEqual([{ line: 6, message: expect.stringContaining('looks like a knowledge check marker but is not one') }]);
    }
  });

  it('still leaves quotes that merely mention a check alone, nested or not', () => {
    expect(problems('- Item\n\n  > A quote about [!QUIZ] markers.\n\n> > Nested [!NOTE] quote.')).toEqual([]);
  });
});
