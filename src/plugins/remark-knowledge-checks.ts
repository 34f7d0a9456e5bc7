import type { Blockquote, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Properties } from 'hast';
import type { VFile } from 'vfile';
import { isKnowledgeCheck, parseKnowledgeCheck, type KnowledgeCheck } from '../core/content/knowledge-check.ts';
import { setLessonData } from '../markdown/page-data.ts';

/**
 * Turns each knowledge check (`> [!QUIZ]`, see src/core/content/knowledge-check.ts) into a form:
 * a fieldset with the question as its legend and native radios or checkboxes, a Check button and a
 * polite status line for the client script (src/client/knowledge-check.ts), and the answer with
 * its explanation in a <details>, which is all a reader without JavaScript needs. The whole check
 * is kept out of the search index, so no result excerpt gives an answer away. A malformed check is
 * left as written: the content gate reports it and the build stops.
 */

type Child = RootContent | PhrasingContent;

/** An element with Markdown children; the mdast node type only carries them to remark-rehype. */
function element(tagName: string, properties: Properties, children: Child[]): Paragraph {
  return { type: 'paragraph', data: { hName: tagName, hProperties: properties }, children: children as PhrasingContent[] };
}

/** An element without children (inputs). */
function leaf(tagName: string, properties: Properties): Paragraph {
  return { type: 'paragraph', data: { hName: tagName, hProperties: properties, hChildren: [] }, children: [] };
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** Copies a subtree, so the answer summary and the option show the same text as separate nodes. */
const copy = <T extends Nodes>(node: T): T => structuredClone(node);

function renderCheck(check: KnowledgeCheck, number: number, position: Blockquote['position']): Paragraph {
  const name = `knowledge-check-${number}`;
  const single = check.kind === 'single';
  const options = check.options.map((option, index) =>
    element('li', {}, [
      element('label', { className: ['kc-option'] }, [
        // Radios share a name, which makes them one group; checkboxes are separate answers, each its own.
        leaf('input', {
          type: single ? 'radio' : 'checkbox',
          name: single ? name : `${name}-${index}`,
          value: String(index),
          dataCorrect: option.correct ? 'true' : 'false',
        }),
        element('span', {}, option.content),
      ]),
    ]),
  );
  const right = check.options.filter((option) => option.correct);
  const answer: Child[] = [element('strong', {}, [text(right.length > 1 ? 'Answers:' : 'Answer:')]), text(' ')];
  right.forEach((option, index) => {
    answer.push(...(index > 0 ? [text('; ')] : []), ...option.content.map(copy));
  });

  const node = element('div', { className: ['knowledge-check'], dataKnowledgeCheck: check.kind, dataPagefindIgnore: 'all' }, [
    element('fieldset', {}, [
      element('legend', {}, [
        element('span', { className: ['kc-label'] }, [text('Check your understanding')]),
        element('span', { className: ['kc-question'] }, check.question),
      ]),
      element('p', { className: ['kc-hint'] }, [text(single ? 'Choose one answer.' : 'Choose every answer that applies.')]),
      element('ul', { className: ['kc-options'] }, options),
      element('p', { className: ['kc-actions'] }, [
        element('button', { type: 'button', className: ['kc-check'], dataKcCheck: true, hidden: true }, [text('Check')]),
        element('button', { type: 'button', className: ['kc-retry'], dataKcRetry: true, hidden: true }, [text('Try again')]),
      ]),
      element('p', { className: ['kc-feedback'], role: 'status', dataKcFeedback: true }, []),
    ]),
    element('details', { className: ['kc-answer'], dataKcAnswer: true }, [
      element('summary', {}, [text('Show the answer')]),
      element('p', {}, answer),
      ...check.explanation,
    ]),
  ]);
  node.position = position;
  return node;
}

export default function remarkKnowledgeChecks() {
  return (tree: Root, file: VFile) => {
    let count = 0;
    tree.children = tree.children.map((node) => {
      if (!isKnowledgeCheck(node)) return node;
      const { check } = parseKnowledgeCheck(node);
      if (!check) return node;
      count += 1;
      return renderCheck(check, count, node.position);
    });
    setLessonData(file, { knowledgeChecks: count });
  };
}
