import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { countReadingWords, lessonTimeLabel, readingMinutes } from '../../src/data/reading-time.ts';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');
const parse = (markdown: string, mdx = false) =>
  (mdx ? unified().use(remarkParse).use(remarkMdx).use(remarkGfm) : unified().use(remarkParse).use(remarkGfm)).parse(markdown) as Root;

describe('reading time', () => {
  it('counts prose (inline code, link text and alt text included) apart from code blocks', () => {
    const tree = parse(
      `Run \`docker ps\` to see [the list](./x.md).\n\n![A stack of layers](./x.png)\n\n\`\`\`sh\ndocker run -d -p 8080:80 nginx\n\`\`\`\n\n| a | b |\n| - | - |\n| one | two |\n`,
    );
    expect(countReadingWords(tree)).toEqual({ prose: 7 + 4 + 4, code: 6 });
  });

  it('skips what nobody reads: HTML comments, MDX imports and expressions', () => {
    expect(countReadingWords(parse('<!-- a long comment nobody reads -->\n\nTwo words.'))).toEqual({ prose: 2, code: 0 });
    expect(countReadingWords(parse("import Card from './card.astro';\n\nThree words here {1 + 2}", true))).toEqual({ prose: 3, code: 0 });
  });

  it('reads prose at 200 and code at 100 words a minute, in whole minutes and never less than one', () => {
    expect(readingMinutes({ prose: 0, code: 0 })).toBe(1);
    expect(readingMinutes({ prose: 1000, code: 0 })).toBe(5);
    expect(readingMinutes({ prose: 1000, code: 300 })).toBe(8);
    expect(readingMinutes(countReadingWords(parse(words(2000))))).toBe(10);
  });

  it("shows the author's duration instead of the reading time when there is one", () => {
    expect(lessonTimeLabel(4, undefined)).toBe('4 min read');
    expect(lessonTimeLabel(4, 30)).toBe('Takes about 30 min');
    expect(lessonTimeLabel(4, 90)).toBe('Takes about 1 h 30 min');
    expect(lessonTimeLabel(4, 120)).toBe('Takes about 2 h');
    expect(lessonTimeLabel(undefined, undefined)).toBeUndefined();
  });
});
