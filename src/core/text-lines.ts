/**
 * Where an offset sits in a text, as problems report it: 1-based lines that match what an editor
 * shows. One home for the counting that the content checks (HTML, SVG, frontmatter, file names)
 * used to write each their own way.
 */

/** Newlines in `text` before `end` (all of them without `end`). */
export function countNewlines(text: string, end = text.length): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/** Offset of the first character of the line `lines` newlines into `text` (0 → 0). */
export function offsetAfterLines(text: string, lines: number): number {
  let position = 0;
  for (let line = 0; line < lines; line++) position = text.indexOf('\n', position) + 1;
  return position;
}

/**
 * Offset (in UTF-16 code units, as string indexes are) → line, where the text's first line is
 * `firstLine` (a block cut out of a file starts on the file's line). The line starts are found once;
 * each lookup is a binary search, so offsets may be asked in any order.
 */
export function lineFinder(text: string, firstLine = 1): (offset: number) => number {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return firstLine + low;
  };
}

/** 1-based line, and column in characters (what an editor shows), of a byte offset preceded only by valid UTF-8. */
export function lineAndColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}
