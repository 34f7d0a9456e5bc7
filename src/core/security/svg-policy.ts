import type { PolicyProblem } from './html-policy.ts';
import { countNewlines, lineFinder } from '../text-lines.ts';

/**
 * The rule for SVG files the site publishes. `![diagram](./x.svg)` copies the file into the site,
 * and an SVG opened on its own (a reader clicks "open image in new tab") is a full document: it
 * runs its scripts and loads what it refers to. So an SVG may draw, style itself and refer to its
 * own parts (`#id`), and nothing else.
 *
 * Browsers read a .svg file as XML, so it is read here with a small strict XML tokenizer rather than
 * an HTML parser: an HTML parser would repair markup the browser rejects (and then shows nothing),
 * and it treats `<style>`, CDATA and `/>` differently from XML, so it would check a different
 * document than the one readers get. Positions come for free, and no dependency is needed.
 */

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

// Approximates XML's Name production: letters (any script), digits, and - . _ : after the first.
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_:][-\w.:]*));/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const SCRIPT_ELEMENTS = new Set(['script', 'handler']);
const EMBEDDING_ELEMENTS = new Set(['iframe', 'embed', 'object', 'frame', 'frameset', 'applet', 'portal']);
const HEAD_ELEMENTS = new Set(['link', 'meta', 'base']);
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor']);

/** Thrown to stop at the first point where the file stops being XML; everything after is guesswork. */
class NotWellFormed extends Error {
  readonly offset: number;
  readonly detail: string;
  constructor(offset: number, detail: string) {
    super(detail);
    this.offset = offset;
    this.detail = detail;
  }
}

interface Attribute {
  name: string;
  value: string;
  offset: number;
}

interface OpenElement {
  name: string;
  offset: number;
  namespaces: Map<string, string>;
}

/** Every problem of an SVG file, in line order; the first point where it stops being XML ends the reading. */
export function checkSvg(text: string): PolicyProblem[] {
  return new SvgReader(text).read();
}

/** Whether reading goes on: a root element other than <svg> ends it (the file is no SVG at all). */
type RootVerdict = 'svg' | 'not-svg';

/**
 * Reads the file token by token, in the order the XML grammar allows: each kind of markup has its
 * own method, and the policy (which elements, attributes and CSS may stay) lives in the functions
 * after this class.
 */
class SvgReader {
  private readonly problems: PolicyProblem[] = [];
  private readonly lineAt: (offset: number) => number;
  private readonly stack: OpenElement[] = [];
  private readonly start: number;
  private index: number;
  private sawRoot = false;
  private sawDoctype = false;
  private style: StyleText | undefined;

  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.lineAt = lineFinder(text);
    this.index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.start = this.index;
  }

  read(): PolicyProblem[] {
    try {
      this.readDocument();
    } catch (error) {
      if (!(error instanceof NotWellFormed)) throw error;
      this.problems.push({
        line: this.lineAt(error.offset),
        message: `file is not an SVG image: it is not well-formed XML (${error.detail}). Fix the markup; browsers show nothing for such a file.`,
      });
    }
    return this.problems.sort((a, b) => a.line - b.line);
  }

  private readDocument(): void {
    const { text } = this;
    while (this.index < text.length) {
      const here = this.index;
      if (text.startsWith('<?', here)) this.readProcessingInstruction(here);
      else if (text.startsWith('<!--', here)) this.readComment(here);
      else if (text.startsWith('<![CDATA[', here)) this.readCdata(here);
      else if (text.startsWith('<!DOCTYPE', here)) this.readDoctypeDeclaration(here);
      else if (text.startsWith('<!', here)) this.fail(here, 'markup beginning "<!" that XML does not know');
      else if (text.startsWith('</', here)) this.readEndTag(here);
      else if (text[here] === '<') {
        if (this.readStartTag(here) === 'not-svg') return;
      } else this.readText();
    }
    if (this.stack.length > 0) {
      const open = this.stack.at(-1)!;
      this.fail(text.length, `<${open.name}> opened on line ${this.lineAt(open.offset)} is never closed`);
    }
    if (!this.sawRoot) this.report(0, 'file is not an SVG image: it has no <svg> element. Save the drawing as SVG.');
  }

  private readProcessingInstruction(here: number): void {
    this.index += 2;
    const target = this.readName('a processing instruction name');
    const end = this.text.indexOf('?>', this.index);
    if (end === -1) this.fail(here, `<?${target} is never closed with "?>"`);
    if (target.toLowerCase() === 'xml' && here !== this.start) this.fail(here, 'the <?xml ?> declaration must come first in the file');
    if (target.toLowerCase() === 'xml-stylesheet') {
      this.report(
        here,
        '<?xml-stylesheet?> loads a style sheet from outside the file, which is not allowed in an SVG image. Put the rules in a <style> element instead.',
      );
    }
    this.index = end + 2;
  }

  private readComment(here: number): void {
    const end = this.text.indexOf('--', here + 4);
    if (end === -1) this.fail(here, 'a comment is never closed with "-->"');
    if (this.text[end + 2] !== '>') this.fail(end, 'a comment contains "--", which XML does not allow');
    this.index = end + 3;
  }

  private readCdata(here: number): void {
    if (this.stack.length === 0) this.fail(here, 'a CDATA section outside the <svg> element');
    const end = this.text.indexOf(']]>', here);
    if (end === -1) this.fail(here, 'a CDATA section is never closed with "]]>"');
    if (this.style && this.stack.length === this.style.depth) appendStyle(this.style, here, this.text.slice(here + 9, end), this.lineAt);
    this.index = end + 3;
  }

  private readDoctypeDeclaration(here: number): void {
    if (this.sawRoot || this.sawDoctype) this.fail(here, '<!DOCTYPE> must come once, before the <svg> element');
    this.sawDoctype = true;
    this.index = readDoctype(this.text, here, this.fail, (subsetStart, subsetEnd) => {
      const subset = this.text.slice(subsetStart, subsetEnd);
      let found = false;
      for (const match of subset.matchAll(/<!ENTITY/g)) {
        found = true;
        this.report(
          subsetStart + match.index,
          '<!ENTITY> declarations are not allowed in an SVG image (entities can expand without limit). Remove the [ … ] part of the <!DOCTYPE>.',
        );
      }
      if (!found) this.report(here, '<!DOCTYPE> with an internal subset [ … ] is not allowed in an SVG image. Remove the [ … ] part.');
    });
  }

  private readEndTag(here: number): void {
    this.index += 2;
    const name = this.readName('an element name after "</"');
    this.skipSpace();
    this.expect('>', `</${name} is not closed with ">"`);
    const open = this.stack.pop();
    if (!open) this.fail(here, `</${name}> closes an element that was never opened`);
    if (open!.name !== name) this.fail(here, `</${name}> closes <${open!.name}> opened on line ${this.lineAt(open!.offset)}`);
    if (this.style && this.stack.length < this.style.depth) {
      this.checkCss(this.style.pieces.join(''), this.style.offset, '<style>');
      this.style = undefined;
    }
  }

  private readStartTag(here: number): RootVerdict {
    if (this.sawRoot && this.stack.length === 0) this.fail(here, 'a second element after the <svg> element ended');
    this.index += 1;
    const name = this.readName('an element name after "<"');
    const attributes = this.readAttributes(name, here);
    const selfClosing = this.text.startsWith('/>', this.index);
    this.index += selfClosing ? 2 : 1;
    const namespaces = this.namespacesOf(name, attributes, here);
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (this.checkRoot(name, namespaces, here) === 'not-svg') return 'not-svg';
    }
    for (const [offset, message] of elementProblems(name, attributes, here)) this.report(offset, message);
    for (const attribute of attributes) this.checkAttribute(name, attribute);
    if (!selfClosing) {
      this.stack.push({ name, offset: here, namespaces });
      if (!this.style && localName(name).toLowerCase() === 'style')
        this.style = { offset: this.index, depth: this.stack.length, pieces: [], lines: 0 };
    }
    return 'svg';
  }

  private readAttributes(name: string, here: number): Attribute[] {
    const { text } = this;
    const attributes: Attribute[] = [];
    const names = new Set<string>();
    for (;;) {
      const spaced = this.skipSpace();
      if (text.startsWith('/>', this.index) || text[this.index] === '>') return attributes;
      if (this.index >= text.length) this.fail(here, `<${name} is never closed with ">"`);
      if (!spaced) this.fail(this.index, `attributes of <${name}> must be separated by spaces`);
      const attributeOffset = this.index;
      const attributeName = this.readName(`an attribute name in <${name}>`);
      this.skipSpace();
      this.expect('=', `attribute ${attributeName} on <${name}> has no value; XML needs ${attributeName}="…"`);
      this.skipSpace();
      const quote = text[this.index];
      if (quote !== '"' && quote !== "'") this.fail(this.index, `the value of ${attributeName} on <${name}> is not in quotes`);
      const end = text.indexOf(quote!, this.index + 1);
      if (end === -1) this.fail(this.index, `the value of ${attributeName} on <${name}> is never closed`);
      const raw = text.slice(this.index + 1, end);
      const lessThan = raw.indexOf('<');
      if (lessThan !== -1) this.fail(this.index + 1 + lessThan, `the value of ${attributeName} on <${name}> contains "<"; write &lt; instead`);
      if (names.has(attributeName)) this.fail(attributeOffset, `attribute ${attributeName} appears twice on <${name}>`);
      names.add(attributeName);
      // XML turns literal tabs and line breaks in values into spaces before decoding references.
      attributes.push({ name: attributeName, value: this.decode(raw.replace(/[\t\r\n]/g, ' '), this.index + 1), offset: attributeOffset });
      this.index = end + 1;
    }
  }

  /** The prefixes in scope for this element; a prefix used but never declared is an XML error. */
  private namespacesOf(name: string, attributes: Attribute[], here: number): Map<string, string> {
    const namespaces = new Map(this.stack.at(-1)?.namespaces ?? [['xml', XML_NAMESPACE]]);
    for (const attribute of attributes) {
      if (attribute.name === 'xmlns') namespaces.set('', attribute.value);
      else if (attribute.name.startsWith('xmlns:')) namespaces.set(attribute.name.slice(6), attribute.value);
    }
    for (const used of [name, ...attributes.map((attribute) => attribute.name)]) {
      const prefix = prefixOf(used);
      if (prefix && prefix !== 'xmlns' && !namespaces.has(prefix)) {
        const uri = prefix === 'xlink' ? 'http://www.w3.org/1999/xlink' : '…';
        this.fail(here, `the prefix ${prefix}: in ${used} is not declared; add xmlns:${prefix}="${uri}" to the <svg> element`);
      }
    }
    return namespaces;
  }

  private checkRoot(name: string, namespaces: Map<string, string>, here: number): RootVerdict {
    if (localName(name) !== 'svg') {
      this.report(here, `file is not an SVG image: its root element is <${name}>, not <svg>. Save the drawing as SVG.`);
      return 'not-svg';
    }
    if (namespaces.get(prefixOf(name) ?? '') !== SVG_NAMESPACE) {
      this.report(
        here,
        `file is not an SVG image: the root <${name}> lacks xmlns="${SVG_NAMESPACE}", so browsers do not draw it. Add that attribute.`,
      );
    }
    return 'svg';
  }

  private checkAttribute(element: string, attribute: Attribute): void {
    const verdict = attributeProblem(element, attribute);
    if (verdict === 'check-css') {
      const where = localName(attribute.name).toLowerCase() === 'style' ? `the style of <${element}>` : `attribute ${attribute.name} on <${element}>`;
      this.checkCss(attribute.value, attribute.offset, where);
    } else if (verdict) this.report(attribute.offset, verdict);
  }

  private readText(): void {
    const { text, index } = this;
    const next = text.indexOf('<', index);
    const end = next === -1 ? text.length : next;
    const raw = text.slice(index, end);
    if (this.stack.length === 0) {
      if (/[^ \t\r\n]/.test(raw)) this.fail(index + raw.search(/[^ \t\r\n]/), 'text outside the <svg> element');
    } else {
      if (raw.includes(']]>')) this.fail(index + raw.indexOf(']]>'), 'text contains "]]>"; write ]]&gt; instead');
      const decoded = this.decode(raw, index);
      if (this.style && this.stack.length === this.style.depth) appendStyle(this.style, index, decoded, this.lineAt);
    }
    this.index = end;
  }

  private checkCss(css: string, offset: number, where: string): void {
    const findings = cssFindings(css);
    if (findings.length === 0) return;
    const lineInCss = lineFinder(css);
    const first = this.lineAt(offset);
    for (const finding of findings) this.problems.push({ line: first + lineInCss(finding.index) - 1, message: finding.message(where) });
  }

  private report(offset: number, message: string): void {
    this.problems.push({ line: this.lineAt(offset), message });
  }

  private readonly fail = (offset: number, detail: string): never => {
    throw new NotWellFormed(offset, detail);
  };

  private expect(literal: string, detail: string): void {
    if (!this.text.startsWith(literal, this.index)) this.fail(this.index, detail);
    this.index += literal.length;
  }

  private skipSpace(): boolean {
    SPACE.lastIndex = this.index;
    SPACE.exec(this.text);
    const moved = SPACE.lastIndex > this.index;
    this.index = SPACE.lastIndex;
    return moved;
  }

  private readName(what: string): string {
    NAME.lastIndex = this.index;
    const match = NAME.exec(this.text);
    if (!match) return this.fail(this.index, `expected ${what}`);
    this.index = NAME.lastIndex;
    return match[0];
  }

  /** Decodes character and entity references; only XML's five named entities exist without a DTD. */
  private decode(raw: string, offset: number): string {
    let result = '';
    let from = 0;
    for (let at = raw.indexOf('&'); at !== -1; at = raw.indexOf('&', from)) {
      result += raw.slice(from, at);
      REFERENCE.lastIndex = at;
      const match = REFERENCE.exec(raw);
      if (!match) this.fail(offset + at, 'a bare "&"; write &amp; instead');
      const [whole, hex, decimal, name] = match!;
      if (name !== undefined) {
        const character = PREDEFINED[name];
        if (character === undefined)
          this.fail(offset + at, `the entity &${name}; is not defined in XML; write a numeric reference such as &#160; instead`);
        result += character;
      } else {
        const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal!, 10);
        if (!isXmlCharacter(code)) this.fail(offset + at, `${whole} is not a character XML allows`);
        result += String.fromCodePoint(code);
      }
      from = at + whole.length;
    }
    return result + raw.slice(from);
  }
}

/** What the policy refuses about an element itself: scripts, embedded documents, head elements, animated links. */
function elementProblems(name: string, attributes: Attribute[], offset: number): [offset: number, message: string][] {
  const local = localName(name).toLowerCase();
  const problems: [number, string][] = [];
  if (SCRIPT_ELEMENTS.has(local)) {
    problems.push([offset, `<${name}> is not allowed in an SVG image: an SVG opened on its own runs its scripts. Remove it.`]);
  } else if (local === 'foreignobject') {
    problems.push([
      offset,
      `<${name}> is not allowed in an SVG image: it embeds HTML, which can run script. Draw the content with SVG shapes and <text> instead.`,
    ]);
  } else if (EMBEDDING_ELEMENTS.has(local)) {
    problems.push([offset, `<${name}> is not allowed in an SVG image: it loads other content into the picture. Remove it.`]);
  } else if (HEAD_ELEMENTS.has(local)) {
    problems.push([offset, `<${name}> is not allowed in an SVG image: it can load or redirect to other content. Remove it.`]);
  }
  if (ANIMATION_ELEMENTS.has(local)) {
    const target = attributes.find((attribute) => attribute.name === 'attributeName');
    const animated = target ? localName(target.value.trim()).toLowerCase() : '';
    if (animated === 'href' || animated === 'src' || animated.startsWith('on')) {
      problems.push([
        target!.offset,
        `<${name}> animates attribute ${target!.value.trim()}, which can change what the picture links to or runs. Remove it.`,
      ]);
    }
  }
  return problems;
}

/** The message for a refused attribute, `'check-css'` when only its CSS needs a look, or undefined. */
function attributeProblem(element: string, attribute: Attribute): string | 'check-css' | undefined {
  const attributeLocal = localName(attribute.name).toLowerCase();
  const where = `attribute ${attribute.name} on <${element}>`;
  if (attributeLocal.startsWith('on')) return `${where} is not allowed (event handlers run script). Remove it.`;
  const compact = attribute.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  if (attributeLocal === 'href' || attributeLocal === 'src') {
    if (/^(?:java|vb)script:/.test(compact)) return `${where} contains a script URL ("${shorten(attribute.value)}"). Remove it.`;
    if (compact.startsWith('#')) return undefined;
    return `${where} points outside the file ("${shorten(attribute.value)}"); an SVG image may only refer to its own parts ("#id"). Remove the reference, or link the other file from the Markdown page instead.`;
  }
  if (/(?:java|vb)script:/.test(compact)) return `${where} contains a script URL ("${shorten(attribute.value)}"). Remove it.`;
  return 'check-css';
}

/** The text of the <style> being read, kept in pieces as long as it is open. */
interface StyleText {
  /** Where its content starts. */
  offset: number;
  /** Stack depth of the <style> element, to tell its own text from that of anything nested. */
  depth: number;
  pieces: string[];
  /** Line breaks in the pieces so far. */
  lines: number;
}

/**
 * Adds a piece of <style> text so that its line breaks still line up with the file: comments and
 * CDATA markers split the text, and the line breaks of those gaps are filled back in.
 */
function appendStyle(style: StyleText, offset: number, piece: string, lineAt: (offset: number) => number): void {
  const missing = Math.max(0, lineAt(offset) - lineAt(style.offset) - style.lines);
  style.pieces.push('\n'.repeat(missing), piece);
  style.lines += missing + countNewlines(piece);
}

/** Skips a DOCTYPE, reporting where an internal subset `[ … ]` is; returns the offset after it. */
function readDoctype(
  text: string,
  from: number,
  fail: (offset: number, detail: string) => never,
  onSubset: (start: number, end: number) => void,
): number {
  let quote: string | undefined;
  for (let index = from + 9; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[') {
      const end = subsetEnd(text, index + 1);
      if (end === -1) fail(index, 'the [ … ] part of <!DOCTYPE> is never closed');
      onSubset(index + 1, end);
      const close = text.indexOf('>', end);
      if (close === -1) fail(from, '<!DOCTYPE> is never closed with ">"');
      return close + 1;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return fail(from, '<!DOCTYPE> is never closed with ">"');
}

/** The offset of the `]` ending an internal subset, stepping over quoted text and comments. */
function subsetEnd(text: string, from: number): number {
  let quote: string | undefined;
  for (let index = from; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end === -1) return -1;
      index = end + 2;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ']') {
      return index;
    }
  }
  return -1;
}

interface CssFinding {
  index: number;
  message: (where: string) => string;
}

/**
 * What in CSS reaches outside the file. CSS comments and escapes are resolved first, so
 * `u\72l(…)` or `@im\70ort` are seen as the browser sees them; only `url(#id)` stays inside.
 */
function cssFindings(css: string): CssFinding[] {
  // Every finding needs one of these characters; most attribute values (numbers, paths) have none.
  if (!/[(@:\\]/.test(css)) return [];
  const plain = css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/\\([0-9A-Fa-f]{1,6})[ \t\n]?|\\([^\n0-9A-Fa-f])/g, (_escape, hex: string | undefined, other: string | undefined) => {
      if (other !== undefined) return other;
      const code = Number.parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    });
  const findings: CssFinding[] = [];
  for (const match of plain.matchAll(/@import\b/gi)) {
    findings.push({
      index: match.index,
      message: (where) => `@import in ${where} loads another style sheet, which is not allowed in an SVG image. Copy its rules in instead.`,
    });
  }
  // Read by hand rather than with one pattern: a pattern with optional spaces around the target
  // backtracks badly on a long unclosed url(, and the CSS comes from untrusted files. Each search
  // resumes after the argument just read, so the text is crossed once.
  const call = /\b(url|src)\(/gi;
  for (let match = call.exec(plain); match; match = call.exec(plain)) {
    const name = match[1]!.toLowerCase();
    const at = match.index;
    const argument = functionArgument(plain, call.lastIndex);
    if (!argument) {
      findings.push({ index: at, message: (where) => `an unclosed ${name}( in ${where} is not allowed in an SVG image. Fix or remove it.` });
      break; // nothing after it can close either
    }
    call.lastIndex = argument.end;
    if (argument.value.startsWith('#')) continue;
    findings.push({
      index: at,
      message: (where) =>
        `${name}(${shorten(argument.value)}) in ${where} points outside the file; an SVG image may only refer to its own parts (url(#id)). Remove it.`,
    });
  }
  for (const match of plain.matchAll(/\bimage-set\(/gi)) {
    findings.push({
      index: match.index,
      message: (where) => `image-set() in ${where} loads pictures from outside the file, which is not allowed in an SVG image. Remove it.`,
    });
  }
  for (const match of plain.matchAll(/\bexpression\(|(?:java|vb)script:/gi)) {
    findings.push({ index: match.index, message: (where) => `${where} contains script ("${match[0]}"). Remove it.` });
  }
  return findings;
}

/**
 * The argument of a CSS function starting at `from` (just after the "("), unquoted, and the offset
 * after its ")"; undefined when it is never closed.
 */
function functionArgument(css: string, from: number): { value: string; end: number } | undefined {
  let index = from;
  while (index < css.length && /\s/.test(css[index]!)) index++;
  const quote = css[index];
  let closeFrom = index;
  if (quote === '"' || quote === "'") {
    const end = css.indexOf(quote, index + 1);
    if (end === -1) return undefined;
    closeFrom = end + 1;
  }
  const close = css.indexOf(')', closeFrom);
  if (close === -1) return undefined;
  const whole = css.slice(index, close).trim();
  // Anything between the closing quote and ")" makes it some other value: never a plain "#id".
  const value = quote === '"' || quote === "'" ? (css.slice(closeFrom, close).trim() === '' ? whole.slice(1, -1).trim() : whole) : whole;
  return { value, end: close + 1 };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function prefixOf(name: string): string | undefined {
  const colon = name.indexOf(':');
  return colon === -1 ? undefined : name.slice(0, colon);
}

/** XML 1.0's Char production: no NUL, no C0 controls but tab and line breaks, no lone surrogates. */
function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function shorten(text: string): string {
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}
