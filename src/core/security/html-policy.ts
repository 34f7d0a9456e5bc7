import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema } from 'hast-util-sanitize';
import { SKIP, visit } from 'unist-util-visit';
import { lineFinder } from '../text-lines.ts';

/**
 * The rule for HTML that authors write inside Markdown: it passes only if GitHub would keep it when
 * rendering the same file. A page must read the same in the repository as on the site, and the
 * site must not become a way to publish script. GitHub's sanitiser is mirrored by
 * `hast-util-sanitize`'s `defaultSchema`; where GitHub would quietly drop something, the site
 * reports it instead, so the author learns about it before readers do.
 */

export interface PolicyProblem {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

type Primitive = string | number | boolean;
type Definition = string | readonly [string, ...(Primitive | RegExp | null | undefined)[]];

const schemaTags = new Set<string>(defaultSchema.tagNames ?? []);
const schemaAttributes = (defaultSchema.attributes ?? {}) as Record<string, readonly Definition[] | undefined>;
const schemaProtocols = (defaultSchema.protocols ?? {}) as Record<string, readonly string[] | undefined>;
const schemaRequired = (defaultSchema.required ?? {}) as Record<string, Record<string, unknown> | undefined>;
const anyTag = schemaAttributes['*'] ?? [];

/** Attribute names of the schema keyed by a spelling-insensitive form, so JSX names map onto them. */
const schemaKeyByLooseName = new Map<string, string>();
for (const definitions of Object.values(schemaAttributes)) {
  for (const definition of definitions ?? []) {
    const key = typeof definition === 'string' ? definition : definition[0];
    schemaKeyByLooseName.set(looseName(key), key);
  }
}
// JSX and HTML spell these two differently from the DOM property the schema uses.
schemaKeyByLooseName.set('class', 'className');
schemaKeyByLooseName.set('for', 'htmlFor');

function looseName(name: string): string {
  return name.toLowerCase().replace(/[-:_]/g, '');
}

/** What to write instead of an element GitHub drops; the default covers plain formatting tags. */
const tagAdvice: Record<string, string> = {};
function advise(tags: string, advice: string): void {
  for (const tag of tags.split(' ')) tagAdvice[tag] = advice;
}
advise('script', 'Remove it; pages cannot run scripts.');
advise('noscript', 'Remove it; pages cannot run scripts, so there is nothing to fall back from.');
advise('style', 'Remove it; pages cannot add CSS.');
advise('link', 'Remove it; pages cannot load style sheets or other resources.');
advise('meta base head', 'Remove it; the site writes the page head itself.');
advise('html body', 'Remove it; the site wraps every page itself.');
advise('title', 'Remove it; set the page title in the front matter.');
advise('iframe frame frameset embed object applet portal', 'Remove it and link to the page instead, e.g. [title](https://example.com).');
advise('video audio track', 'Remove it and link to the media file instead.');
advise('canvas', 'Use an image instead.');
advise('svg', 'Save the drawing as an .svg file next to the page and include it as an image: ![description](./drawing.svg).');
advise('math', 'Write the formula as text or in a code block, or include it as an image.');
advise(
  'form button select option optgroup textarea label fieldset legend datalist output meter progress dialog',
  'Remove it; forms do not work on the site, so describe the input in text or a code block.',
);
advise('center', 'Use <div align="center"> instead; GitHub keeps that.');
advise('font basefont big', 'Remove it; text styling is not available, use **bold** or *italic* instead.');
advise('small', 'Remove it; GitHub shows its text at normal size.');
advise('u', 'Use <ins> or *italic* instead.');
advise('mark', 'Use **bold** instead.');
advise('cite dfn', 'Use *italic* instead.');
advise('abbr acronym', 'Remove it and spell the term out in the text.');
advise('figure figcaption', 'Put the image on its own line and the caption in the paragraph below it.');
advise('caption', 'Put the table title in a paragraph or heading above the table.');
advise('col colgroup', 'Remove it; column widths and styles are not available.');
advise('header footer nav main article aside address hgroup search', 'Use <div> or <section> instead, or remove it.');
advise('bdo bdi', 'Use <span dir="rtl"> instead.');
advise('listing xmp plaintext', 'Use a fenced code block instead.');
advise('template slot', 'Remove it; it only makes sense with scripts.');
const defaultTagAdvice = 'Remove the tag; GitHub shows only the text inside it.';

/** Extra reasons for attributes authors commonly reach for; the default is GitHub's plain removal. */
const attributeReason: Record<string, string> = {
  className: 'GitHub removes classes, and the site styles are not for authors to use',
  target: 'GitHub removes it; the site decides how external links open',
  rel: 'GitHub removes it; the site decides how external links open',
  srcSet: 'GitHub keeps srcset only on <source> inside <picture>',
  href: 'GitHub keeps href only on <a>',
  src: 'GitHub keeps src only on <img>',
};

// Elements whose own markup the site never checks further: refusing the element covers all of it.
const opaqueTags = new Set(['svg', 'math']);
// Browsers drop these start tags inside a page body, so the fragment parser does too; GitHub parses
// them the same way, but a stray <body onload> is worth saying out loud.
const DROPPED_BY_PARSER = /<(html|head|body|frameset|frame)(?=[\s/>]|$)/gi;
// How HTML ends a comment, including the odd empty forms `<!-->` and `<!--->`.
const COMMENT = /<!--(?:>|->|[\s\S]*?(?:--!?>|$))/g;
// Tags allowed with no attributes at all can be checked without the parser (the common case:
// `<details>`, `<br>`, `<kbd>`). <input> is not among them: GitHub needs attributes on it.
const SIMPLE_TOKEN = /<\/?([a-zA-Z][a-zA-Z0-9]*)\s*\/?>|[^<]+/y;
const TAG_START = /<[a-zA-Z]/;

/** Checks one mdast `html` node; `startLine` is the file line of its first character. */
export function checkRawHtml(html: string, startLine: number): PolicyProblem[] {
  // Without "<" followed by a letter no element can come out of it: comments, closing tags, text.
  if (!TAG_START.test(html) || onlyPlainTags(html)) return [];

  const problems: PolicyProblem[] = [];
  let unfinishedTag = false;
  const tree: Root = fromHtml(html, {
    fragment: true,
    verbose: true,
    onerror(message) {
      if (message.ruleId === 'eof-in-tag') unfinishedTag = true;
    },
  });

  const seen = new Set<string>();
  const inspect = (node: Root | Element, inheritedLine: number): void => {
    visit(node, 'element', (element, _index, parent) => {
      const parentLine = parent && parent.type === 'element' && parent.position ? lineIn(parent.position.start.line) : inheritedLine;
      const line = element.position ? lineIn(element.position.start.line) : parentLine;
      seen.add(element.tagName);
      if (!schemaTags.has(element.tagName)) {
        problems.push({ line, message: `raw HTML ${tagProblem(element.tagName)}` });
        if (opaqueTags.has(element.tagName)) return SKIP;
      } else {
        problems.push(...checkAttributes(element.tagName, attributesOf(element, html, line, lineIn), line));
      }
      // A template keeps its markup outside the children; it is refused anyway, but what it holds
      // would surface once the template tag is taken away, so say it now.
      if (element.tagName === 'template' && element.content) inspect(element.content, line);
      return undefined;
    });
  };
  const lineIn = (fragmentLine: number) => startLine + fragmentLine - 1;
  inspect(tree, startLine);

  // Blank out comments first (keeping line breaks) so a commented-out <body> is not reported.
  const outsideComments = html.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
  const lineOf = lineFinder(html, startLine);
  for (const match of outsideComments.matchAll(DROPPED_BY_PARSER)) {
    const tag = match[1]!.toLowerCase();
    if (seen.has(tag)) continue;
    problems.push({ line: lineOf(match.index), message: `raw HTML ${tagProblem(tag)}` });
  }
  if (unfinishedTag) {
    const last = /<\/?([a-zA-Z][^\s/>]*)[^<]*$/.exec(html);
    const name = last ? `tag <${last[1]!.toLowerCase()}` : 'tag';
    const at = last ? lineOf(last.index) : startLine;
    problems.push({
      line: at,
      message: `raw HTML ${name} is not closed before the HTML block ends (a blank line ends it). Close it with ">" before any blank line.`,
    });
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** Whether the fragment is only text and attribute-free tags GitHub keeps, so parsing can be skipped. */
function onlyPlainTags(html: string): boolean {
  SIMPLE_TOKEN.lastIndex = 0;
  while (SIMPLE_TOKEN.lastIndex < html.length) {
    const match = SIMPLE_TOKEN.exec(html);
    if (!match) return false;
    const name = match[1]?.toLowerCase();
    if (name !== undefined && !match[0].startsWith('</') && (name === 'input' || !schemaTags.has(name))) return false;
  }
  return true;
}

interface AttributeSeen {
  /** The schema's (hast property) name. */
  key: string;
  /** As the author wrote it, for messages. */
  written: string;
  /** Parsed values, or 'expression' when only JavaScript knows the value. */
  values: Primitive[] | 'expression';
  line: number;
}

function attributesOf(element: Element, html: string, line: number, lineIn: (fragmentLine: number) => number): AttributeSeen[] {
  const positions = (
    element.data as
      | { position?: { properties?: Record<string, { start: { line: number; offset?: number }; end: { offset?: number } } | undefined> } }
      | undefined
  )?.position?.properties;
  const result: AttributeSeen[] = [];
  for (const [key, value] of Object.entries(element.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const position = positions?.[key];
    const source = position?.start.offset !== undefined ? html.slice(position.start.offset, position.end.offset) : '';
    const written = /^[^\s=]+/.exec(source)?.[0].toLowerCase() ?? attributeNameFromKey(key);
    result.push({
      key,
      written,
      values: Array.isArray(value) ? value : [value],
      line: position ? lineIn(position.start.line) : line,
    });
  }
  return result;
}

/** Best-effort HTML spelling of a hast property name, for when no source position is known. */
function attributeNameFromKey(key: string): string {
  if (key === 'className') return 'class';
  if (key === 'htmlFor') return 'for';
  if (/^(aria|data)[A-Z]/.test(key)) return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return key.toLowerCase();
}

function tagProblem(tag: string): string {
  return `<${tag}> is not allowed: GitHub removes it and the site refuses it. ${tagAdvice[tag] ?? defaultTagAdvice}`;
}

function checkAttributes(tag: string, attributes: AttributeSeen[], elementLine: number): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const specific = schemaAttributes[tag] ?? [];
  const required = schemaRequired[tag];
  for (const attribute of attributes) {
    const { key, written, line } = attribute;
    if (/^on/i.test(written)) {
      problems.push({ line, message: `attribute ${written} on <${tag}> is not allowed (event handlers run script). Remove it.` });
      continue;
    }
    if (key === 'style') {
      problems.push({
        line,
        message: `attribute ${written} on <${tag}> is not allowed (GitHub removes inline CSS). Remove it; to centre, use align="center" on <div> or <p>.`,
      });
      continue;
    }
    const own = findDefinition(specific, key);
    const shared = findDefinition(anyTag, key);
    if (!own && !shared) {
      const reason = attributeReason[key] ?? (/^data[A-Z]/.test(key) ? 'GitHub removes data attributes' : 'GitHub removes it');
      problems.push({ line, message: `attribute ${written} on <${tag}> is not allowed (${reason}). Remove it.` });
      continue;
    }
    if (attribute.values === 'expression') continue; // only the author's JavaScript knows the value
    const protocolProblem = checkProtocols(tag, attribute);
    if (protocolProblem) {
      problems.push(protocolProblem);
      continue;
    }
    // Required attributes get one message about the element below rather than one per value.
    if (required && key in required) continue;
    const refused = attribute.values.filter((value) => !valueAllowed(own, value) && !valueAllowed(shared, value));
    if (refused.length > 0) problems.push({ line, message: valueProblem(tag, attribute, refused) });
  }
  if (required && !requirementsMet(attributes, required)) {
    problems.push({
      line: elementLine,
      message:
        tag === 'input'
          ? '<input> is allowed only as <input type="checkbox" disabled>: GitHub turns any other input into a disabled checkbox. Write exactly that, or use a task list item (- [ ]).'
          : `<${tag}> needs ${Object.keys(required).join(' and ')} set as GitHub sets them. Add them.`,
    });
  }
  return problems;
}

function requirementsMet(attributes: AttributeSeen[], required: Record<string, unknown>): boolean {
  return Object.entries(required).every(([key, expected]) => {
    const attribute = attributes.find((candidate) => candidate.key === key);
    if (!attribute) return false;
    if (attribute.values === 'expression') return true;
    return attribute.values.length > 0 && attribute.values.every((value) => value === expected);
  });
}

/** Same lookup as the sanitiser: exact name first, then a `data*` wildcard for data attributes. */
function findDefinition(definitions: readonly Definition[], key: string): Definition | undefined {
  let dataWildcard: Definition | undefined;
  for (const definition of definitions) {
    const name = typeof definition === 'string' ? definition : definition[0];
    if (name === key) return definition;
    if (name === 'data*') dataWildcard = definition;
  }
  return key.length > 4 && key.slice(0, 4).toLowerCase() === 'data' ? dataWildcard : undefined;
}

/** A definition with values listed after the name accepts only those values (or matching patterns). */
function valueAllowed(definition: Definition | undefined, value: Primitive): boolean {
  if (!definition) return false;
  if (typeof definition === 'string' || definition.length < 2) return true;
  return definition.slice(1).some((allowed) => (allowed instanceof RegExp ? allowed.test(String(value)) : allowed === value));
}

function valueProblem(tag: string, attribute: AttributeSeen, refused: Primitive[]): string {
  const shown = shorten(refused.join(' '));
  if (tag === 'code' && attribute.key === 'className') {
    return `class "${shown}" on <code> is not allowed: GitHub keeps only language-* classes there. Remove it; for highlighted code use a fenced code block with a language.`;
  }
  // Every value refused reads like the attribute itself being refused, which is what the author sees.
  if (attribute.values !== 'expression' && refused.length === attribute.values.length) {
    const reason = attributeReason[attribute.key] ?? 'GitHub removes it with that value';
    return `attribute ${attribute.written}="${shown}" on <${tag}> is not allowed (${reason}). Remove it.`;
  }
  return `value "${shown}" of attribute ${attribute.written} on <${tag}> is not allowed (GitHub removes that value). Remove it.`;
}

const srcsetProtocols = schemaProtocols.src ?? ['http', 'https'];

function checkProtocols(tag: string, attribute: AttributeSeen): PolicyProblem | undefined {
  if (attribute.values === 'expression') return undefined;
  const protocols = schemaProtocols[attribute.key];
  // GitHub does not look inside srcset, but browsers load every candidate; holding it to the
  // rule for src keeps a data: or javascript: URL from slipping in through <picture>.
  const isSrcset = attribute.key === 'srcSet';
  if (!protocols && !isSrcset) return undefined;
  for (const value of attribute.values) {
    if (typeof value !== 'string') continue;
    const urls = isSrcset ? srcsetUrls(value) : [value];
    for (const url of urls) {
      const scheme = refusedScheme(url, protocols ?? srcsetProtocols);
      if (scheme === undefined) continue;
      // Only src and srcset load pictures; cite and longdesc are links like href.
      const kind = attribute.key === 'src' || isSrcset ? 'src' : 'href';
      return { line: attribute.line, message: schemeProblem(`attribute ${attribute.written}="${shorten(url)}" on <${tag}>`, scheme, kind) };
    }
  }
  return undefined;
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/**
 * The scheme GitHub would refuse, or undefined when the URL passes. The URL is first cleaned the way
 * browsers clean it (tabs and newlines anywhere, controls and spaces at the ends are ignored), so
 * `java\tscript:` and ` javascript:` are seen for what they are; schemes compare case-insensitively
 * because browsers treat them so. Like GitHub, a colon after the first `/`, `?` or `#` is not a
 * scheme, so relative, site-absolute, protocol-relative and fragment URLs pass.
 */
function refusedScheme(url: string, allowed: readonly string[]): string | undefined {
  const cleaned = trimControls(url.replace(/[\t\n\r]/g, ''));
  const colon = cleaned.indexOf(':');
  if (colon < 0) return undefined;
  const before = cleaned.slice(0, colon);
  if (/[/?#]/.test(before)) return undefined;
  return allowed.includes(before.toLowerCase()) ? undefined : before;
}

/** Trims C0 controls and spaces from both ends; a loop, because an anchored-at-end regex is quadratic. */
function trimControls(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

function schemeProblem(subject: string, scheme: string, kind: 'href' | 'src'): string {
  const instead =
    kind === 'href'
      ? 'Use an https:// URL or a relative link.'
      : scheme.toLowerCase() === 'data'
        ? 'Save the image as a file in the repository and use a relative path to it.'
        : 'Use an https:// URL or a relative path to an image file.';
  if (!/^[a-z][a-z0-9+.-]*$/i.test(scheme)) {
    return `${subject} has a colon before any "/", so GitHub reads "${shorten(scheme)}:" as a scheme and removes the URL. Start a relative path with "./", or ${instead.charAt(0).toLowerCase()}${instead.slice(1)}`;
  }
  return `${subject} uses the ${scheme.toLowerCase()}: scheme, which is not allowed. ${instead}`;
}

/** Keeps messages on one readable line: long URLs (data: ones especially) cut, controls made visible. */
function shorten(text: string): string {
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (char) =>
    char === '\t' ? '\\t' : char === '\n' ? '\\n' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}

/**
 * Checks the URL of a Markdown link (`href`) or image (`src`) against GitHub's schemes; `what`
 * names it in the message ("link", "image").
 */
export function checkUrl(url: string, attribute: 'href' | 'src', line: number, what: string): PolicyProblem | undefined {
  const scheme = refusedScheme(url, schemaProtocols[attribute] ?? []);
  if (scheme === undefined) return undefined;
  return { line, message: schemeProblem(`${what} "${shorten(url)}"`, scheme, attribute) };
}

export interface JsxAttribute {
  name: string;
  /** The string value; null or undefined for a bare attribute (`disabled`) or an expression. */
  value: string | null | undefined;
  /** Whether the value is a JavaScript expression (`onClick={…}`). */
  expression: boolean;
}

// Bare JSX attributes mean true, like HTML boolean attributes; these are the schema's booleans.
const booleanKeys = new Set([
  'checked',
  'compact',
  'disabled',
  'isMap',
  'itemScope',
  'multiple',
  'noHref',
  'noShade',
  'noWrap',
  'open',
  'readOnly',
  'selected',
]);
// Written as one string in JSX but checked value by value, like the parsed HTML.
const spaceSeparatedKeys = new Set(['className']);

/**
 * Checks a lower-case (HTML) element written as JSX in an `.mdx` file. Components (capitalised or
 * dotted names) are the site's own code and not this policy's business.
 */
export function checkJsxElement(name: string, attributes: JsxAttribute[], line: number): PolicyProblem[] {
  if (!/^[a-z]/.test(name) || name.includes('.')) return [];
  if (!schemaTags.has(name)) return [{ line, message: `element ${tagProblem(name)}` }];
  const seen = attributes.map((attribute): AttributeSeen => {
    const key = schemaKeyByLooseName.get(looseName(attribute.name)) ?? attribute.name;
    let values: AttributeSeen['values'];
    if (attribute.expression) values = 'expression';
    else if (typeof attribute.value !== 'string' || booleanKeys.has(key)) values = [true];
    else if (spaceSeparatedKeys.has(key)) values = attribute.value.split(/\s+/).filter(Boolean);
    else values = [attribute.value];
    return { key, written: attribute.name, values, line };
  });
  return checkAttributes(name, seen, line);
}

/** Whether GitHub keeps this element: the one tag allowlist for author HTML, MDX and the output gate. */
export function isAllowedTag(tag: string): boolean {
  return schemaTags.has(tag);
}

/**
 * The scheme a URL in attribute `key` (hast name: href, src, cite, longDesc) uses that GitHub would
 * remove, or undefined when it passes. Attributes GitHub has no scheme rule for are held to href's
 * when they name a link and to src's when they load something.
 */
export function refusedSchemeIn(key: string, url: string): string | undefined {
  const protocols = schemaProtocols[key] ?? (key === 'href' || key === 'cite' ? schemaProtocols.href : schemaProtocols.src) ?? [];
  return refusedScheme(url, protocols);
}
