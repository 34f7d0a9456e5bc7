/**
 * Tolerant comparison of a command's output with the output a page shows. What differs from one
 * run to the next (IDs, digests, times, durations, sizes, addresses, column widths, Docker's `…`
 * truncation) is normalised on both sides first; the rules are documented in CONTRIBUTING
 * ("Lessons that run"), with the worked example. Pure: strings in, verdict and diff out.
 */

export interface MatchRules {
  /** `whole`: the output is the block; `contains`: the block's lines appear in a row somewhere in it. */
  match: 'whole' | 'contains';
  /** Lines of the expected block (1-based) that stand for any one line. */
  varyLines: number[];
  /** Words of the expected block that stand for any one word. */
  anyWords: string[];
}

export interface MatchResult {
  ok: boolean;
  /** A readable diff when not ok: `  156 | line` matched, `- 157 | line` expected, `+     | line` printed instead. */
  diff: string[];
}

const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;
const MAX_OUTPUT_LINES = 5000;
const MAX_DIFF_LINES = 60;

/** The lines of a command's output as a terminal would leave them: no colours, `\r` overwrites, no trailing spaces. */
export function outputToLines(output: string): string[] {
  const lines = output
    .replace(ANSI, '')
    .split('\n')
    .map((line) => {
      const withoutCarriageReturns = line.endsWith('\r') ? line.slice(0, -1) : line;
      const lastReturn = withoutCarriageReturns.lastIndexOf('\r');
      return (lastReturn === -1 ? withoutCarriageReturns : withoutCarriageReturns.slice(lastReturn + 1)).trimEnd();
    });
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.slice(0, MAX_OUTPUT_LINES);
}

const TIME_UNIT = '(?:second|minute|hour|day|week|month|year)s?';
const AMOUNT = '(?:\\d+|an?|About an?|Less than an?)';

/** Volatile parts of a line and what they become, in order (digests before IDs, clock times before durations). */
const VOLATILE: [RegExp, string][] = [
  [/sha256:[0-9a-f]{12,64}\b/g, '<digest>'],
  [/\b[0-9a-f]{64}\b/g, '<id>'],
  [/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12}\b/g, '<id>'],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|\s?[+-]\d{2}:?\d{2})?(?: [A-Z]{3,4})?/g, '<time>'],
  [/\b\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}/g, '<time>'],
  [/\b\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/g, '<time>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b/g, '<time>'],
  [new RegExp(`\\b${AMOUNT} ${TIME_UNIT} ago\\b`, 'g'), '<ago>'],
  [new RegExp(`\\bUp ${AMOUNT} ${TIME_UNIT}`, 'g'), 'Up <duration>'],
  [new RegExp(`\\b\\d+ ${TIME_UNIT}\\b`, 'g'), '<duration>'],
  // ping's summary gives several in a row: "round-trip min/avg/max = 0.113/0.120/0.131 ms".
  [/\b\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)+\s?(?:ns|µs|us|ms|s)\b/g, '<duration>'],
  [/\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|m|h)\b/g, '<duration>'],
  [/\b\d+(?:\.\d+)?\s?(?:[kKMGT]i?B|B)\b/g, '<size>'],
  [/\b\d+(?:\.\d+)?%/g, '<percent>'],
  // Engines without IPv6 print only the IPv4 half of a published port.
  [/,\s*\[::\]:\d+->\d+\/\w+/g, ''],
  [/,\s*:::\d+->\d+\/\w+/g, ''],
  [/\b(?!0\.0\.0\.0\b)(?!127\.0\.0\.1\b)(?:\d{1,3}\.){3}\d{1,3}\b/g, '<ip>'],
  // Ports Docker picks itself (-P, or -p with no host port) come from the ephemeral range.
  [/:(?:3[2-9]\d{3}|[45]\d{4}|60\d{3})->/g, ':<port>->'],
];

/** A line with its volatile parts replaced and whitespace runs (column padding) made one space. */
export function normalizeLine(line: string): string {
  let normalized = line;
  for (const [pattern, replacement] of VOLATILE) normalized = normalized.replace(pattern, replacement);
  return normalized.replace(/\s+/g, ' ').trim();
}

const ELISION = /^\s*(?:\.\.\.|…)\s*$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `abc` as `(?:a(?:b(?:c)?)?)?`: any start of the text, the empty one included. */
function anyPrefixOf(text: string): string {
  return [...text.slice(0, 40)].reduceRight((inner, char) => `(?:${escapeRegExp(char)}${inner})?`, '');
}

/**
 * One expected word as a pattern. `…` in it stands for any text (Docker truncated the column
 * there), and the engine may truncate a column at another width than the page shows: a printed
 * word that is a start of the expected one followed by `…` matches too.
 */
function wordPattern(word: string, anyWords: ReadonlySet<string>): string {
  if (anyWords.has(word)) return '\\S+';
  const glob = word.split('…').map(escapeRegExp).join('.*?');
  const truncatedAt = word.indexOf('…');
  const start = truncatedAt === -1 ? word : word.slice(0, truncatedAt);
  return `(?:${glob}|${anyPrefixOf(start)}…\\S*)`;
}

/** A normalised line as a pattern: words compared one by one, listed words standing for any word. */
function linePattern(normalized: string, anyWords: ReadonlySet<string>): RegExp {
  return new RegExp(
    `^${normalized
      .split(' ')
      .map((word) => wordPattern(word, anyWords))
      .join(' ')}$`,
  );
}

interface ExpectedLine {
  text: string;
  kind: 'line' | 'elision' | 'any';
  pattern?: RegExp;
  normalized: string;
}

function prepareExpected(lines: string[], rules: MatchRules): ExpectedLine[] {
  const anyWords = new Set(rules.anyWords.map(normalizeLine));
  const vary = new Set(rules.varyLines);
  return lines.map((text, index) => {
    if (vary.has(index + 1)) return { text, kind: 'any', normalized: '' };
    if (ELISION.test(text)) return { text, kind: 'elision', normalized: '' };
    const normalized = normalizeLine(text);
    return { text, kind: 'line', normalized, pattern: linePattern(normalized, anyWords) };
  });
}

function lineMatches(expected: ExpectedLine, actualNormalized: string): boolean {
  if (expected.kind === 'any') return true;
  if (expected.kind === 'elision') return false;
  if (expected.pattern!.test(actualNormalized)) return true;
  // The engine truncated where the page did not: the printed `…` stands for the rest.
  return actualNormalized.includes('…') && linePattern(actualNormalized, new Set()).test(expected.normalized);
}

/** Whether the output matches, trying every way elision lines (`...` alone) can stretch. */
function sequenceMatches(expected: ExpectedLine[], actual: string[]): boolean {
  const memo = new Map<number, boolean>();
  const width = actual.length + 1;
  const at = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === expected.length) result = j === actual.length;
    else if (expected[i]!.kind === 'elision') result = at(i + 1, j) || (j < actual.length && at(i, j + 1));
    else result = j < actual.length && lineMatches(expected[i]!, actual[j]!) && at(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return at(0, 0);
}

export function matchOutput(expectedLines: string[], expectedFirstLine: number, output: string, rules: MatchRules): MatchResult {
  const actual = outputToLines(output);
  const trimmed = [...expectedLines];
  while (trimmed.length > 0 && trimmed.at(-1)!.trim() === '') trimmed.pop();
  const expected = prepareExpected(trimmed, rules);
  const elision: ExpectedLine = { text: '…', kind: 'elision', normalized: '' };
  const pattern = rules.match === 'contains' ? [elision, ...expected, elision] : expected;
  const actualNormalized = actual.map(normalizeLine);
  if (sequenceMatches(pattern, actualNormalized)) return { ok: true, diff: [] };
  return { ok: false, diff: lineDiff(expected, expectedFirstLine, actual, actualNormalized) };
}

/** An LCS diff of expected and printed lines, with the expected block's file lines. */
function lineDiff(expected: ExpectedLine[], firstLine: number, actual: string[], actualNormalized: string[]): string[] {
  const rows = expected.length;
  const columns = actual.length;
  const lengths = Array.from({ length: rows + 1 }, () => new Uint32Array(columns + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i]![j] = lineMatches(expected[i]!, actualNormalized[j]!)
        ? lengths[i + 1]![j + 1]! + 1
        : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const width = String(firstLine + rows).length;
  const numbered = (sign: string, line: number | undefined, text: string) =>
    `${sign} ${(line === undefined ? '' : String(line)).padStart(width)} | ${text}`;
  const diff: string[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && expected[i]!.kind === 'elision') {
      diff.push(numbered(' ', firstLine + i, expected[i]!.text));
      i++;
    } else if (i < rows && j < columns && lineMatches(expected[i]!, actualNormalized[j]!)) {
      diff.push(numbered(' ', firstLine + i, actual[j]!));
      i++;
      j++;
    } else if (i < rows && (j === columns || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      diff.push(numbered('-', firstLine + i, expected[i]!.text));
      i++;
    } else {
      diff.push(numbered('+', undefined, actual[j]!));
      j++;
    }
  }
  if (actual.length === 0) diff.push('  (the command printed nothing)');
  if (diff.length <= MAX_DIFF_LINES) return diff;
  return [...diff.slice(0, MAX_DIFF_LINES), `  … ${diff.length - MAX_DIFF_LINES} more lines`];
}
