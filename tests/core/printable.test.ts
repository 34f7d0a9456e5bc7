import { expect, it } from 'vitest';
import { coursePdfPlaceholderHtml, insertCoursePdfLink, insertPdfLink, pdfPlaceholderHtml } from '../../src/core/printable.ts';

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

it('puts the course PDF link in its own placeholder only, and replaces it again on a second run', () => {
  const once = insertCoursePdfLink(
    `<main>${coursePdfPlaceholderHtml}<p class="pdf-download" data-pdf-download hidden></p></main>`,
    '/sub/course.pdf?a=1&b="2"',
    'A4, 97 pages, 2.4 MB',
  )!;
  expect(once).toBe(
    '<main><p class="course-pdf-download"><a href="/sub/course.pdf?a=1&amp;b=&quot;2&quot;" download>The whole course as a PDF</a> (A4, 97 pages, 2.4 MB), to read offline or print</p><p class="pdf-download" data-pdf-download hidden></p></main>',
  );
  expect(insertCoursePdfLink(once, '/course.pdf', 'A4, 98 pages, 2.5 MB')).toContain('(A4, 98 pages, 2.5 MB)');
  expect(insertCoursePdfLink('<main></main>', '/course.pdf', '')).toBeUndefined();
});
