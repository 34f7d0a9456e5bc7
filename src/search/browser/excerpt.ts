/** One run of excerpt text; `mark` runs are the words that matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const MARK_TAG = /<(\/?)mark>/gi;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Splits a Pagefind excerpt ("… run <mark>docker</mark> with …", HTML-escaped text) into runs the
 * UI renders with textContent and <mark> elements. Nothing from the index is ever parsed as HTML,
 * so a page or resource that mentions `<script>` shows those characters instead of running them.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  let start = 0;
  const push = (raw: string) => {
    const text = decodeEntities(raw);
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.mark === marked) last.text += text;
    else parts.push({ text, mark: marked });
  };
  for (const match of excerpt.matchAll(MARK_TAG)) {
    push(excerpt.slice(start, match.index));
    marked = match[1] !== '/';
    start = match.index + match[0].length;
  }
  push(excerpt.slice(start));
  return parts;
}
