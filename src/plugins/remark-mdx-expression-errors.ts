import path from 'node:path';
import type { Expression, Program } from 'estree';
import type { Root } from 'mdast';
import type {} from 'remark-mdx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/**
 * An `{expression}` in an .mdx page runs when the page is rendered. If it throws, Astro reports a
 * line of compiled JavaScript in .astro/.prerender; the author needs the line of the page. Each
 * expression is wrapped so that its error says where it was written:
 *   {items.length}  ->  {(() => { try { return items.length } catch (e) { throw new Error("…:10: …" + …) } })()}
 */
/** File names are shown relative to the working directory: the project root under npm scripts. */
export default function remarkMdxExpressionErrors({ rootDir = process.cwd() }: { rootDir?: string } = {}) {
  return (tree: Root, file: VFile) => {
    if (!file.path?.toLowerCase().endsWith('.mdx')) return; // only MDX has expressions to run
    const shown = file.path ? path.relative(rootDir, file.path).split(path.sep).join('/') : 'an .mdx page';
    visit(tree, ['mdxFlowExpression', 'mdxTextExpression'], (node) => {
      if (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return;
      const program = node.data?.estree as Program | null | undefined;
      const statement = program?.body[0];
      if (!statement || statement.type !== 'ExpressionStatement') return; // `{/* comment */}` has nothing to run
      const line = node.position?.start.line ?? 1;
      const source = node.value.trim().replace(/\s+/g, ' ');
      const shortSource = source.length > 40 ? `${source.slice(0, 37)}...` : source;
      statement.expression = guarded(statement.expression, `${shown}:${line}: the expression {${shortSource}} failed: `);
    });
  };
}

const id = (name: string) => ({ type: 'Identifier' as const, name });

function guarded(expression: Expression, prefix: string): Expression {
  const caught = id('__contentError');
  const reason: Expression = {
    type: 'ConditionalExpression',
    test: { type: 'BinaryExpression', operator: 'instanceof', left: caught, right: id('Error') },
    consequent: { type: 'MemberExpression', object: caught, property: id('message'), computed: false, optional: false },
    alternate: { type: 'CallExpression', callee: id('String'), arguments: [caught], optional: false },
  };
  return {
    type: 'CallExpression',
    optional: false,
    arguments: [],
    callee: {
      type: 'ArrowFunctionExpression',
      params: [],
      async: false,
      generator: false,
      expression: false,
      body: {
        type: 'BlockStatement',
        body: [
          {
            type: 'TryStatement',
            block: { type: 'BlockStatement', body: [{ type: 'ReturnStatement', argument: expression }] },
            handler: {
              type: 'CatchClause',
              param: caught,
              body: {
                type: 'BlockStatement',
                body: [
                  {
                    type: 'ThrowStatement',
                    argument: {
                      type: 'NewExpression',
                      callee: id('Error'),
                      arguments: [{ type: 'BinaryExpression', operator: '+', left: { type: 'Literal', value: prefix }, right: reason }],
                    },
                  },
                ],
              },
            },
            finalizer: null,
          },
        ],
      },
    },
  };
}
