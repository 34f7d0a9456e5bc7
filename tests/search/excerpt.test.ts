import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../src/search/browser/excerpt.ts';

describe('excerptParts', () => {
  it('splits an excerpt into plain and highlighted runs', () => {
    expect(excerptParts('run <mark>docker</mark> with <mark>ports</mark>.')).toEqual([
      { text: 'run ', mark: false },
      { text: 'docker', mark: true },
      { text: ' with ', mark: false },
      { text: 'ports', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('decodes the entities Pagefind escapes text with', () => {
    expect(excerptParts('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27; e&nbsp;f')).toEqual([{ text: 'a <b> & "c" \'d\' e\u00a0f', mark: false }]);
  });

  it('keeps any other markup as visible text, so indexed text can never inject HTML', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)> <mark>&lt;script&gt;</mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: '<script>', mark: true },
    ]);
  });

  it('merges adjacent runs and drops empty ones', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark>')).toEqual([{ text: 'ab', mark: true }]);
    expect(excerptParts('')).toEqual([]);
  });

  it('leaves unknown or out-of-range entities alone', () => {
    expect(excerptParts('&copy; &#0; &#x110000;')).toEqual([{ text: '&copy; &#0; &#x110000;', mark: false }]);
  });
});
