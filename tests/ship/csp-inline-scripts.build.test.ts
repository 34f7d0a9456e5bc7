import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { nginxConfFile } from '../../scripts/support/nginx.ts';
import { realSite } from '../quality/sites.ts';
import { parseCsp } from './raw-http.ts';

/**
 * The CSP in nginx.conf allows inline scripts only by hash. These tests read every page of the
 * real site as built, so editing the theme snippet (or adding any inline script, handler or style
 * element) fails here with the fix spelled out, instead of silently breaking the Docker image.
 */

interface InlineScript {
  page: string;
  hash: string;
  preview: string;
}

interface PageFindings {
  scripts: InlineScript[];
  handlers: string[];
  styleElements: string[];
  styleAttributes: string[];
}

const executableTypes = new Set(['', 'text/javascript', 'application/javascript', 'module']);

function inspectPage(html: string, page: string): PageFindings {
  const findings: PageFindings = { scripts: [], handlers: [], styleElements: [], styleAttributes: [] };
  let inlineScript: string | undefined;
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) findings.handlers.push(`${page}: <${name} ${attribute}="${value}">`);
          if ((attribute === 'href' || attribute === 'src') && /^\s*javascript:/i.test(value))
            findings.handlers.push(`${page}: <${name} ${attribute}="${value}">`);
          if (attribute === 'style') findings.styleAttributes.push(`${page}: <${name} style="${value.slice(0, 60)}">`);
        }
        if (name === 'script' && attributes.src === undefined && executableTypes.has((attributes.type ?? '').trim().toLowerCase())) inlineScript = '';
        if (name === 'style') inStyle = true;
      },
      ontext(text) {
        if (inlineScript !== undefined) inlineScript += text;
        if (inStyle) findings.styleElements.push(`${page}: <style>${text.slice(0, 60)}…`);
      },
      onclosetag(name) {
        if (name === 'script' && inlineScript !== undefined) {
          // Browsers hash the script text exactly as it appears between the tags.
          const hash = `'sha256-${createHash('sha256').update(inlineScript, 'utf8').digest('base64')}'`;
          findings.scripts.push({ page, hash, preview: inlineScript.slice(0, 80) });
          inlineScript = undefined;
        }
        if (name === 'style') inStyle = false;
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  return findings;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.html'))
    .map((entry) => path.join(dir, entry));
}

function nginxCsp(): Map<string, string[]> {
  const conf = readFileSync(nginxConfFile, 'utf8');
  const match = /add_header\s+Content-Security-Policy\s+"([^"]+)"/.exec(conf);
  if (!match) throw new Error('nginx.conf has no `add_header Content-Security-Policy "…"` line');
  return parseCsp(match[1]);
}

describe('the CSP in nginx.conf against every page of the built site', () => {
  let findings: PageFindings[];

  beforeAll(() => {
    // The same build of the real site the quality gates judge.
    const build = realSite();
    const files = htmlFiles(build.outDir);
    expect(files.length).toBeGreaterThan(5);
    findings = files.map((file) => inspectPage(readFileSync(file, 'utf8'), path.relative(build.outDir, file)));
  });

  it('allows every inline script by its sha256 hash', () => {
    const allowed = new Set(nginxCsp().get('script-src') ?? []);
    const missing = new Map<string, InlineScript>();
    for (const script of findings.flatMap((page) => page.scripts)) if (!allowed.has(script.hash)) missing.set(script.hash, script);
    const advice = [...missing.values()].map(
      (script) => `  ${script.hash} for the inline script in ${script.page} starting "${script.preview}" — add it to script-src in nginx.conf`,
    );
    expect(advice, `inline scripts the CSP would block:\n${advice.join('\n')}`).toEqual([]);
  });

  it('keeps no hash for a script that no page has any more', () => {
    const used = new Set(findings.flatMap((page) => page.scripts.map((script) => script.hash)));
    const stale = (nginxCsp().get('script-src') ?? []).filter((source) => source.startsWith("'sha256-") && !used.has(source));
    expect(stale, `remove these hashes from script-src in nginx.conf, no page uses them: ${stale.join(' ')}`).toEqual([]);
  });

  it('has no inline event handlers or javascript: URLs, which a hash cannot allow', () => {
    const handlers = findings.flatMap((page) => page.handlers);
    expect(handlers, `move these into a script module under src/scripts/:\n${handlers.join('\n')}`).toEqual([]);
  });

  it("has no <style> elements, which style-src 'self' would block", () => {
    const styles = findings.flatMap((page) => page.styleElements);
    expect(styles, `keep styles in stylesheets (Astro bundles component <style> into /_astro/*.css):\n${styles.join('\n')}`).toEqual([]);
  });

  it('has no style attributes, which the CSP blocks (it has no style-src-attr exception)', () => {
    const attributes = findings.flatMap((page) => page.styleAttributes);
    expect(attributes, `use a class and a rule in a stylesheet instead:\n${attributes.slice(0, 20).join('\n')}`).toEqual([]);
  });
});

describe('inspectPage', () => {
  it('hashes the exact text of inline scripts and ignores external scripts and data blocks', () => {
    const html =
      '<script>let a = 1 &amp;&amp; 2;</script><script type="module" src="/x.js"></script>' +
      '<script type="application/ld+json">{"a":1}</script><button onclick="go()">x</button><a href="javascript:void 0">y</a><style>p{}</style><p style="color:red">z</p>';
    const result = inspectPage(html, 'page.html');
    const expected = `'sha256-${createHash('sha256').update('let a = 1 &amp;&amp; 2;').digest('base64')}'`;
    expect(result.scripts.map((script) => script.hash)).toEqual([expected]);
    expect(result.handlers).toHaveLength(2);
    expect(result.styleElements).toHaveLength(1);
    expect(result.styleAttributes).toEqual(['page.html: <p style="color:red">']);
  });
});
