import { bundledLanguages, createHighlighter, type BundledLanguage } from 'shiki';

/**
 * Code highlighting colours, without a single style attribute: the Content-Security-Policy
 * allows no inline styles. Shiki writes each token's colours as CSS variables in a style
 * attribute; rehype-code-classes.ts turns every one of them into a class named after its value,
 * and this module writes the stylesheet that gives those classes their values, for every colour
 * the two themes have. global.css turns the variables into colours, for light and dark.
 */

/** The "-default" GitHub themes meet WCAG AA contrast; plain github-light/dark do not (3.0-3.5:1). */
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/**
 * Grammars loaded before the first page is highlighted. Astro's highlighter loads a language the
 * first time a page uses it, and two pages that ask for one at the same moment can race: one page's
 * light colours then came from the wrong grammar (seen on a server.js block when the pages were
 * rendered in a different order). Preloading the languages courses use avoids the race; others
 * still load on demand. These are the ones most courses use; a course adds its own with the
 * `codeLanguages` setting.
 */
export const commonLanguages: readonly BundledLanguage[] = [
  'sh',
  'bash',
  'shell',
  'console',
  'powershell',
  'js',
  'ts',
  'json',
  'yaml',
  'toml',
  'ini',
  'sql',
  'nginx',
  'go',
  'python',
  'html',
  'css',
  'xml',
  'diff',
];

/** Whether the highlighter has a grammar by this name (or alias). */
export const isCodeLanguage = (name: string): name is BundledLanguage => Object.hasOwn(bundledLanguages, name);

/** Why the `codeLanguages` setting cannot be used, naming the settings file; undefined when every name is known. */
export function codeLanguagesProblem(courseLanguages: readonly string[], settingsFile: string): string | undefined {
  const unknown = courseLanguages.filter((name) => !isCodeLanguage(name));
  if (unknown.length === 0) return undefined;
  const [are, them] = unknown.length > 1 ? ['are languages', 'them'] : ['is a language', 'it'];
  return `${settingsFile} is invalid:\n  - codeLanguages: ${unknown.map((name) => `"${name}"`).join(', ')} ${are} the code highlighter (Shiki) does not know. Use the names listed on https://shiki.style/languages, or remove ${them}.`;
}

/** The common languages and the course's own (`codeLanguages`, checked with isCodeLanguage first), each once. */
export function preloadedLanguages(courseLanguages: readonly string[]): BundledLanguage[] {
  return [...new Set([...commonLanguages, ...courseLanguages.filter(isCodeLanguage)])];
}

/** Shiki's colour variables and the prefix of the classes that set them. */
export const colourVariables: Record<string, string> = {
  '--shiki-light': 'shiki-l-',
  '--shiki-dark': 'shiki-d-',
  '--shiki-light-bg': 'shiki-lbg-',
  '--shiki-dark-bg': 'shiki-dbg-',
};

/** `--shiki-light`, `#CF222E` → `shiki-l-cf222e`; undefined for a variable or value with no class. */
export function colourClass(variable: string, value: string): string | undefined {
  const prefix = colourVariables[variable];
  const hex = /^#([0-9a-f]{3,8})$/i.exec(value.trim())?.[1];
  return prefix && hex ? `${prefix}${hex.toLowerCase()}` : undefined;
}

/** The stylesheet: one rule per colour a theme can give a token, its text or its background. */
export async function codeThemeCss(themes: typeof codeThemes = codeThemes): Promise<string> {
  const highlighter = await createHighlighter({ themes: [themes.light, themes.dark], langs: [] });
  try {
    const rules: string[] = [];
    for (const [mode, name] of Object.entries(themes) as Array<[keyof typeof codeThemes, string]>) {
      const { theme, colorMap } = highlighter.setTheme(name);
      const colours = new Set([theme.fg, ...colorMap].filter(Boolean).map((colour) => colour.toLowerCase()));
      for (const colour of [...colours].sort()) rules.push(`.${colourClass(`--shiki-${mode}`, colour)}{--shiki-${mode}:${colour}}`);
      rules.push(`.${colourClass(`--shiki-${mode}-bg`, theme.bg)}{--shiki-${mode}-bg:${theme.bg.toLowerCase()}}`);
    }
    return `${rules.join('\n')}\n`;
  } finally {
    highlighter.dispose();
  }
}

const VIRTUAL_ID = 'virtual:code-theme.css';
// Vite's CSS pipeline takes a module whose id ends in .css; the \0 keeps other plugins off it.
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** `import 'virtual:code-theme.css'` (in the layout) bundles the stylesheet with the site's own CSS. */
export function codeThemeCssPlugin(themes: typeof codeThemes = codeThemes) {
  return {
    name: 'learning-site:code-theme-css',
    resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id: string) => (id === RESOLVED_ID ? codeThemeCss(themes) : undefined),
  };
}
