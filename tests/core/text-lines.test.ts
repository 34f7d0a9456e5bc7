import { describe, expect, it } from 'vitest';
import { countNewlines, lineAndColumnOfByte, lineFinder, offsetAfterLines } from '../../src/core/text-lines.ts';

describe('line numbers of offsets', () => {
  const text = 'one\ntwo\n\nfour';

  it('numbers lines from 1, or from the line a cut-out block starts on, in any order of lookup', () => {
    const lineOf = lineFinder(text);
    expect([text.indexOf('four'), 0, text.indexOf('two'), text.indexOf('\n\n') + 1].map(lineOf)).toEqual([4, 1, 2, 3]);
    expect(lineFinder(text, 10)(text.indexOf('four'))).toBe(13);
  });

  it('counts a newline as the end of its own line, and CRLF files the way editors do', () => {
    expect(lineFinder(text)(3)).toBe(1);
    expect(lineFinder('a\r\nb')(3)).toBe(2);
  });

  it('counts newlines before an offset and finds where a line starts', () => {
    expect(countNewlines(text)).toBe(3);
    expect(countNewlines(text, text.indexOf('two'))).toBe(1);
    expect(text.slice(offsetAfterLines(text, 3))).toBe('four');
    expect(offsetAfterLines(text, 0)).toBe(0);
  });

  it('gives line and column in characters for a byte offset after multi-byte text', () => {
    const bytes = new TextEncoder().encode('ä\nnäme?x');
    expect(lineAndColumnOfByte(bytes, bytes.indexOf(0x3f))).toEqual({ line: 2, column: 5 });
  });
});
