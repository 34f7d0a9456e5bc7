import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';

/** A parsed page with CSS-selector queries, so tests assert on structure rather than string shape. */
export class Page {
  readonly tree: Root;
  constructor(html: string) {
    this.tree = fromHtml(html);
  }
  one(selector: string): Element | undefined {
    return select(selector, this.tree);
  }
  all(selector: string): Element[] {
    return selectAll(selector, this.tree);
  }
  text(selector: string): string {
    const element = this.one(selector);
    return element ? toString(element).replace(/\s+/g, ' ').trim() : '';
  }
  /** Text of every element matching, whitespace collapsed. */
  texts(selector: string): string[] {
    return this.all(selector).map((element) => toString(element).replace(/\s+/g, ' ').trim());
  }
  attr(selector: string, name: string): string | undefined {
    const value = this.one(selector)?.properties?.[name];
    return value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
  }
}
