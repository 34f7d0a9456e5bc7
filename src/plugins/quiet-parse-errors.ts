/**
 * @astrojs/markdown-remark prints a page's render error with its stack trace (console.error) and
 * then throws it; Astro's loader logs the same error again with the file name, and the build's
 * problem list names the cause. The stack trace would only push that list off the screen, so
 * exactly those errors are not printed a second time.
 */
export function quietParseErrors(): void {
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && args[0] instanceof Error && args[0].message.startsWith('Failed to parse Markdown file')) return;
    print(...args);
  };
}
