import { Parser } from 'htmlparser2';

/**
 * Fragments that need no element: empty and "top" scroll to the top (HTML standard), and text
 * fragments (#:~:text=…) match page text, not ids.
 */
export function fragmentNeedsNoTarget(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:');
}

/**
 * Looks for `id`/`<a name>` targets in HTML fed chunk by chunk, and says when every wanted fragment
 * is found so the caller can stop downloading. GitHub renders README headings as
 * id="user-content-x" and scrolls to #x with script, so that prefix counts as a match.
 */
export class FragmentFinder {
  readonly found = new Set<string>();
  private readonly wanted: Set<string>;
  private readonly parser: Parser;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(fragments: readonly string[]) {
    this.wanted = new Set(fragments.filter((fragment) => !fragmentNeedsNoTarget(fragment)));
    for (const fragment of fragments) if (fragmentNeedsNoTarget(fragment)) this.found.add(fragment);
    this.parser = new Parser(
      {
        onopentag: (name, attributes) => {
          this.consider(attributes.id);
          if (name === 'a') this.consider(attributes.name);
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
  }

  get complete(): boolean {
    return [...this.wanted].every((fragment) => this.found.has(fragment));
  }

  /** Feeds the next bytes; returns 'stop' once every fragment is found. */
  write(chunk: Uint8Array): 'stop' | undefined {
    this.parser.write(this.decoder.decode(chunk, { stream: true }));
    return this.complete ? 'stop' : undefined;
  }

  /** Call when the whole document was read, so a tag cut off at the very end is still seen. */
  end(): void {
    this.parser.end(this.decoder.decode());
  }

  private consider(value: string | undefined): void {
    if (!value) return;
    if (this.wanted.has(value)) this.found.add(value);
    if (value.startsWith('user-content-') && this.wanted.has(value.slice('user-content-'.length)))
      this.found.add(value.slice('user-content-'.length));
  }
}
