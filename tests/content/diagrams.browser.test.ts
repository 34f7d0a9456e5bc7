import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';

const concepts = path.join(projectRoot, 'content', 'docs', 'concepts');
/** The three figures of the source material, redrawn: side by side, the VM stack, the container stack. */
const diagrams = ['containers-vs-vms.svg', 'vm-stack.svg', 'container-stack.svg'];

function parseSvg(file: string) {
  const tree = fromHtml(readFileSync(path.join(concepts, file), 'utf8'), { fragment: true });
  const svg = select('svg', tree);
  if (!svg) throw new Error(`${file} has no <svg> element`);
  return svg;
}

describe('course diagrams', () => {
  it.each(diagrams)('%s is accessible: role="img" labelled by its own <title> and <desc>', (file) => {
    const svg = parseSvg(file);
    expect(svg.properties.role).toBe('img');
    // hast holds space-separated attributes as lists.
    const ids = [svg.properties.ariaLabelledBy ?? []].flat().map(String);
    const title = select('title', svg);
    const desc = select('desc', svg);
    expect(ids).toEqual([title?.properties.id, desc?.properties.id]);
    expect(toString(title!).trim().length).toBeGreaterThan(10);
    // The description is what a screen reader user gets instead of the drawing: it must walk the stack.
    expect(toString(desc!)).toMatch(/hardware/i);
    expect(toString(desc!)).toMatch(/host operating system/i);
  });

  it.each(diagrams)('%s scales to any width: a viewBox and no fixed width or height', (file) => {
    const svg = parseSvg(file);
    expect(String(svg.properties.viewBox)).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.properties.width).toBeUndefined();
    expect(svg.properties.height).toBeUndefined();
  });

  it.each(diagrams)('%s carries its own background panel and a dark palette', (file) => {
    const svg = parseSvg(file);
    const [, , width, height] = String(svg.properties.viewBox).split(' ').map(Number);
    const panel = selectAll('rect', svg)[0] as Element;
    expect(Number(panel.properties.width)).toBeGreaterThanOrEqual(width! * 0.95);
    expect(Number(panel.properties.height)).toBeGreaterThanOrEqual(height! * 0.95);
    expect(toString(select('style', svg)!)).toContain('prefers-color-scheme: dark');
  });

  it('uses each diagram on a concepts page with alt text that describes it', () => {
    const pages = ['index.md', 'containers-and-vms.md', 'virtual-machines.md', 'containers.md'].map((page) =>
      readFileSync(path.join(concepts, page), 'utf8'),
    );
    for (const file of diagrams) {
      const uses = pages.flatMap((source) => [...source.matchAll(new RegExp(`!\\[([^\\]]*)\\]\\(\\./${file.replace('.', '\\.')}\\)`, 'g'))]);
      expect(uses.length, `${file} is not used on any concepts page`).toBeGreaterThan(0);
      for (const use of uses) expect(use[1]!.length, `alt text for ${file} should say what it shows`).toBeGreaterThan(60);
    }
  });
});

/** WCAG relative luminance and contrast, to check every label is readable on what it sits on. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('course diagrams in a browser (Debian Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(diagrams)(`%s: every label is readable in the ${colorScheme} palette`, async (file) => {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`file://${path.join(concepts, file)}`);
      // For each text, the fill of the smallest filled rectangle under its anchor point.
      const pairs = await page.evaluate(() => {
        const rects = [...document.querySelectorAll('rect')]
          .map((rect) => ({
            x: rect.x.baseVal.value,
            y: rect.y.baseVal.value,
            w: rect.width.baseVal.value,
            h: rect.height.baseVal.value,
            fill: getComputedStyle(rect).fill,
          }))
          .filter((rect) => rect.fill !== 'none');
        return [...document.querySelectorAll('text')].map((text) => {
          const x = Number(text.getAttribute('x'));
          const y = Number(text.getAttribute('y'));
          const under = rects.filter((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h).sort((a, b) => a.w * a.h - b.w * b.h)[0];
          return { text: text.textContent ?? '', color: getComputedStyle(text).fill, background: under?.fill ?? 'none' };
        });
      });
      await page.close();
      expect(pairs.length).toBeGreaterThan(8);
      for (const { text, color, background } of pairs) {
        expect(background, `"${text}" is not drawn on a panel`).not.toBe('none');
        expect(contrast(color, background), `"${text}" (${color} on ${background})`).toBeGreaterThanOrEqual(4.5);
      }
      // The dark palette really is dark, so the drawing does not glare on a #0d1117 page.
      if (colorScheme === 'dark') expect(luminance(pairs.at(-1)!.background)).toBeLessThan(0.1);
    });
  }
});
