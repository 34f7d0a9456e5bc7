import { expect, it } from 'vitest';
import { insertPdfLink, pdfPlaceholderHtml } from '../../src/core/printable.ts';

it('turns the placeholder into a download link, once the PDF exists', () => {
  const html = `<main>${pdfPlaceholderHtml}<h2>Run</h2></main>`;
  expect(insertPdfLink(html, '/sub/docker-quick-ref.pdf', 'A4, 2 pages')).toBe(
    '<main><p class="pdf-download"><a href="/sub/docker-quick-ref.pdf" download>Download as PDF</a> (A4, 2 pages)</p><h2>Run</h2></main>',
  );
});

it('leaves pages without the placeholder alone', () => {
  expect(insertPdfLink('<main></main>', '/x.pdf', '')).toBeUndefined();
});

it('replaces the link of an earlier run, so running `npm run pdf` again updates it', () => {
  const once = insertPdfLink(`<main>${pdfPlaceholderHtml}</main>`, '/docker-quick-ref.pdf', 'A4, 1 page')!;
  expect(insertPdfLink(once, '/docker-quick-ref.pdf', 'A4, 2 pages')).toBe(
    '<main><p class="pdf-download"><a href="/docker-quick-ref.pdf" download>Download as PDF</a> (A4, 2 pages)</p></main>',
  );
});
