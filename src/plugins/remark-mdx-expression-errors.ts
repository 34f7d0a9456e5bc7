import path from 'node:path';
import type { Expression, Program, Property, Statement } from 'estree';
import type { Root } from 'mdast';
import type {} from 'remark-mdx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { RENDER_ERROR_REPORTER } from '../integrations/astro-internals.ts';

/**
 * An `{expression}` in an .mdx page runs when the page is rendered (declarative pages only have
 * literals; trusted ones may compute). If it throws, Astro reports a line of compiled JavaScript in
 * .astro/.prerender and two stack traces; the author needs the line of the page. Each expression is
 * wrapped so that its error says where it was written:
 *   {items.length}  ->  {(() => { try { return items.length } catch (e) { … "…:10: …" + … } })()}
 * During `astro build` the validate-content integration installs a reporter (RENDER_ERROR_REPORTER,
 * in src/integrations/astro-internals.ts):
 * the failure goes to it, the page renders on without the expression's output, and the build stops
 * after rendering with every failed expression in one list and nothing published. Elsewhere (the
 * dev server, tests) the expression throws an Error with that message.
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
      if (statement?.type !== 'ExpressionStatement') return; // `{/* comment */}` has nothing to run
      const line = node.position?.start.line ?? 1;
      const source = node.value.trim().replace(/\s+/g, ' ');
      const shortSource = source.length > 40 ? `${source.slice(0, 37)}...` : source;
      statement.expression = guarded(statement.expression, shown, line, `the expression {${shortSource}} failed: `);
    });
  };
}

const id = (name: string) => ({ type: 'Identifier' as const, name });

function property(name: string, value: Expression): Property {
  return { type: 'Property', key: id(name), value, kind: 'init', computed: false, method: false, shorthand: false };
}

function guarded(expression: Expression, file: string, line: number, prefix: string): Expression {
  const caught = id('__contentError');
  const reporter = id('__contentErrorReporter');
  const reason: Expression = {
    type: 'ConditionalExpression',
    test: { type: 'BinaryExpression', operator: 'instanceof', left: caught, right: id('Error') },
    consequent: { type: 'MemberExpression', object: caught, property: id('message'), computed: false, optional: false },
    alternate: { type: 'CallExpression', callee: id('String'), arguments: [caught], optional: false },
  };
  const message: Expression = { type: 'BinaryExpression', operator: '+', left: { type: 'Literal', value: prefix }, right: reason };
  const lookUpReporter: Statement = {
    type: 'VariableDeclaration',
    kind: 'const',
    declarations: [
      {
        type: 'VariableDeclarator',
        id: reporter,
        init: {
          type: 'MemberExpression',
          object: id('globalThis'),
          property: { type: 'Literal', value: RENDER_ERROR_REPORTER },
          computed: true,
          optional: false,
        },
      },
    ],
  };
  const report: Statement = {
    type: 'IfStatement',
    test: {
      type: 'BinaryExpression',
      operator: '===',
      left: { type: 'UnaryExpression', operator: 'typeof', prefix: true, argument: reporter },
      right: { type: 'Literal', value: 'function' },
    },
    consequent: {
      type: 'BlockStatement',
      body: [
        {
          type: 'ExpressionStatement',
          expression: {
            type: 'CallExpression',
            optional: false,
            callee: reporter,
            arguments: [
              {
                type: 'ObjectExpression',
                properties: [
                  property('file', { type: 'Literal', value: file }),
                  property('line', { type: 'Literal', value: line }),
                  property('message', message),
                ],
              },
            ],
          },
        },
        { type: 'ReturnStatement', argument: { type: 'Literal', value: null } },
      ],
    },
    alternate: null,
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
                  lookUpReporter,
                  report,
                  {
                    type: 'ThrowStatement',
                    argument: {
                      type: 'NewExpression',
                      callee: id('Error'),
                      arguments: [{ type: 'BinaryExpression', operator: '+', left: { type: 'Literal', value: `${file}:${line}: ` }, right: message }],
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
