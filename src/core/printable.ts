/**
 * The page with a generated PDF (the `printable` setting names it and the file). The PDF is made
 * after the build (`npm run pdf`, which needs Chromium; the build must not), so the page carries an
 * empty placeholder that the PDF script turns into a download link once the file exists: no reader
 * ever sees a link to a missing file.
 */

// The empty placeholder, or the link an earlier run put there: running `npm run pdf` again updates it.
const PLACEHOLDER = /<p class="pdf-download"(?: data-pdf-download hidden)?>.*?<\/p>/;

export const pdfPlaceholderHtml = '<p class="pdf-download" data-pdf-download hidden></p>';

/** The page's HTML with the placeholder (or an earlier link) replaced by a link to the PDF, or undefined if it has neither. */
export function insertPdfLink(html: string, href: string, description: string): string | undefined {
  return replacePlaceholder(html, PLACEHOLDER, (link) => `<p class="pdf-download">${link('Download as PDF')} (${description})</p>`, href);
}

/** `html` with `placeholder` replaced by what `paragraph` writes around a download link to `href`; undefined without a placeholder. */
function replacePlaceholder(
  html: string,
  placeholder: RegExp,
  paragraph: (link: (text: string) => string) => string,
  href: string,
): string | undefined {
  if (!placeholder.test(html)) return undefined;
  const escaped = href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return html.replace(
    placeholder,
    paragraph((text) => `<a href="${escaped}" download>${text}</a>`),
  );
}

/**
 * The whole course as one PDF (`npm run pdf` makes it from the built site): the home page and every
 * section landing page carry this placeholder, which becomes a link with the file's size.
 */
const COURSE_PLACEHOLDER = /<p class="course-pdf-download"(?: data-course-pdf hidden)?>.*?<\/p>/;

export const coursePdfPlaceholderHtml = '<p class="course-pdf-download" data-course-pdf hidden></p>';

/** The page's HTML with the course-PDF placeholder (or an earlier link) replaced by the link, or undefined if it has neither. */
export function insertCoursePdfLink(html: string, href: string, description: string): string | undefined {
  return replacePlaceholder(
    html,
    COURSE_PLACEHOLDER,
    (link) => `<p class="course-pdf-download">${link('The whole course as a PDF')} (${description}), to read offline or print</p>`,
    href,
  );
}
