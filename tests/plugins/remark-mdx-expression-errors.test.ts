import { evaluate } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import remarkMdxExpressionErrors from '../../src/plugins/remark-mdx-expression-errors.ts';
import { RENDER_ERROR_REPORTER } from '../../src/integrations/astro-internals.ts';

// A tiny JSX runtime: enough to run compiled MDX and see its text, without React.
type Props = { children?: unknown };
const jsx = (type: unknown, props: Props) => (typeof type === 'function' ? type(props) : [props.children].flat().join(''));
const runtime = { jsx, jsxs: jsx, Fragment: (props: Props) => [props.children].flat().join('') };

async function render(source: string): Promise<string> {
  const module = await evaluate(
    { value: source, path: '/site/content/docs/guide/page.mdx' },
    { ...runtime, remarkPlugins: [[remarkMdxExpressionErrors, { rootDir: '/site' }]] },
  );
  return String((module.default as (props: object) => unknown)({}));
}

describe('remarkMdxExpressionErrors: a throwing {expression} names the page and line', () => {
  it('leaves working expressions as they are', async () => {
    expect(await render('export const answer = 42\n\nThe answer is {answer}.\n')).toContain('The answer is 42.');
  });

  it('reports the file line of the expression that threw, with the reason', async () => {
    const source = '---\ntitle: x\n---\n\nexport const items = undefined\n\nThere are {items.length} items.\n';
    await expect(render(source.replace(/^---[\s\S]*?---\n/, (block) => block.replace(/[^\n]/g, ' ')))).rejects.toThrow(
      "content/docs/guide/page.mdx:7: the expression {items.length} failed: Cannot read properties of undefined (reading 'length')",
    );
  });
});

describe('remarkMdxExpressionErrors: during a build, the failure goes to the build', () => {
  it('hands each failed expression to the reporter and renders on without its output', async () => {
    const reports: unknown[] = [];
    const key = RENDER_ERROR_REPORTER as keyof typeof globalThis;
    (globalThis as Record<string, unknown>)[key] = (report: unknown) => reports.push(report);
    try {
      const html = await render('Before {(() => { throw new Error("boom") })()} after {missing.value}.\n');
      expect(html).toBe('Before  after .');
      expect(reports).toEqual([
        { file: 'content/docs/guide/page.mdx', line: 1, message: 'the expression {(() => { throw new Error("boom") })()} failed: boom' },
        { file: 'content/docs/guide/page.mdx', line: 1, message: 'the expression {missing.value} failed: missing is not defined' },
      ]);
    } finally {
      delete (globalThis as Record<string, unknown>)[key];
    }
  });
});
