import { Parser } from 'htmlparser2';

/** A URL an HTML page points at, with where it came from for the error message. */
export interface Reference {
  tag: string;
  attribute: string;
  url: string;
  line: number;
}

export interface PageReferences {
  /** Every fragment target on the page: id attributes and the legacy <a name>. */
  ids: Set<string>;
  references: Reference[];
}

/** Attributes holding one URL, per element; anything else (data-*, content) is not a link. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  input: ['src'],
  form: ['action'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};
const SRCSET_TAGS = new Set(['img', 'source']);
/** Social-card and canonical metadata carry absolute URLs that must also exist. */
const URL_META_PROPERTIES = new Set(['og:url', 'og:image', 'twitter:image']);

/**
 * Reads the ids and outgoing URLs of a page with htmlparser2's tokenizer: it is fast enough to read
 * thousands of pages, and tracks line numbers for messages.
 */
export function readReferences(html: string): PageReferences {
  const ids = new Set<string>();
  const references: Reference[] = [];
  let line = 1;
  let lastIndex = 0;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        // Line of the tag start: count newlines since the previous tag, not from the top each time.
        for (let i = lastIndex; i < parser.startIndex; i++) if (html.charCodeAt(i) === 10) line++;
        lastIndex = parser.startIndex;
        if (attributes.id) ids.add(attributes.id);
        if (tag === 'a' && attributes.name) ids.add(attributes.name);
        for (const attribute of URL_ATTRIBUTES[tag] ?? []) {
          const value = attributes[attribute];
          if (value !== undefined) references.push({ tag, attribute, url: value.trim(), line });
        }
        if (SRCSET_TAGS.has(tag) && attributes.srcset) {
          // Candidates are "url descriptor" separated by commas; our generator never puts commas in URLs.
          for (const candidate of attributes.srcset.split(/,\s+/)) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) references.push({ tag, attribute: 'srcset', url, line });
          }
        }
        if (tag === 'meta' && attributes.content && URL_META_PROPERTIES.has(attributes.property ?? attributes.name ?? '')) {
          references.push({ tag, attribute: `content (${attributes.property ?? attributes.name})`, url: attributes.content.trim(), line });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids, references };
}
