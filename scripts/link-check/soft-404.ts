/**
 * Soft 404s: pages that answer 200 but say, in their title or main heading, that the page does not
 * exist. Only the head of the body is read (config.maxSoftNotFoundBytes), and the page text is never
 * looked at: a page that merely mentions "404" in a paragraph is an ordinary page.
 */

/** Reads <title> and the first <h1> from HTML fed chunk by chunk; says when it has both. */
export class HeadingSniffer {
  title?: string;
  heading?: string;
  private readonly decoder = new TextDecoder('utf-8');
  private text = '';

  get complete(): boolean {
    // The h1 comes after the title in any sane page; once it is seen there is nothing more to learn.
    return this.heading !== undefined;
  }

  /** Feeds the next bytes; returns 'stop' once the first h1 was seen. */
  write(chunk: Uint8Array): 'stop' | undefined {
    this.text += this.decoder.decode(chunk, { stream: true });
    this.title ??= firstElementText(this.text, 'title');
    this.heading ??= firstElementText(this.text, 'h1');
    return this.complete ? 'stop' : undefined;
  }
}

function firstElementText(html: string, tag: 'title' | 'h1'): string | undefined {
  // Regular expressions rather than a parser: only two elements are wanted, within the first few KB.
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(html);
  if (!match) return undefined;
  return decodeEntities((match[1] ?? '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    rsquo: '’',
    lsquo: '‘',
    nbsp: ' ',
    mdash: '—',
    ndash: '–',
  };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return named[name.toLowerCase()] ?? whole;
  });
}

/**
 * Whole phrases a not-found page uses as its title or heading. Matched against each part of a
 * title split at its separators ("Page not found | Docker Docs"), so a title that only talks about
 * 404s ("Fixing 404 errors in nginx") does not match.
 */
const notFoundPhrases = [
  /^(?:error )?404(?: error| not found| page not found| page)?$/,
  /^(?:oops )?(?:page |file |document )?not found$/,
  /^(?:oops )?(?:sorry )?(?:this |the |that )?page (?:does not|doesn't|no longer) exists?$/,
  /^(?:oops )?(?:sorry )?(?:this |the |that )?page (?:cannot|can't|could not|couldn't) be found$/,
  /^(?:oops )?(?:sorry )?we (?:can't|cannot|couldn't|could not) find (?:this|that|the) page$/,
];

/** Why the page looks like a "not found" page, or undefined. */
export function notFoundSign(page: { title?: string; heading?: string }): string | undefined {
  for (const [where, text] of [
    ['title', page.title],
    ['main heading', page.heading],
  ] as const) {
    if (text && text.length <= 200 && saysNotFound(text)) return `its ${where} says "${text}"`;
  }
  return undefined;
}

function saysNotFound(text: string): boolean {
  const parts = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/\s+[|–—·:»-]\s+|\s*[|–—·»]\s*/);
  return parts.some((part) => {
    const phrase = part
      .replace(/[.,!?…]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return notFoundPhrases.some((pattern) => pattern.test(phrase));
  });
}
