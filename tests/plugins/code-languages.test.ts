import { describe, expect, it } from 'vitest';
import { codeLanguagesProblem, commonLanguages, preloadedLanguages } from '../../src/markdown/code-theme.ts';
import course from '../../src/site.config.ts';

describe('the code languages loaded before the first page is highlighted', () => {
  it("are the common ones plus the course's own, each once", () => {
    expect(commonLanguages).not.toContain('dockerfile');
    expect(preloadedLanguages([])).toEqual([...commonLanguages]);
    expect(preloadedLanguages(course.codeLanguages)).toEqual([...commonLanguages, 'dockerfile']);
    expect(preloadedLanguages(['hcl', 'bash', 'hcl'])).toEqual([...commonLanguages, 'hcl']);
  });

  it('refuses a language the highlighter does not know, naming the settings file and the names', () => {
    expect(codeLanguagesProblem(['hcl', 'dockerfile', 'docker'], 'courses/k8s/site.config.ts')).toBeUndefined();
    expect(codeLanguagesProblem(['hcl', 'kubernetes-yaml'], 'courses/k8s/site.config.ts')).toBe(
      'courses/k8s/site.config.ts is invalid:\n  - codeLanguages: "kubernetes-yaml" is a language the code highlighter (Shiki) does not know. Use the names listed on https://shiki.style/languages, or remove it.',
    );
  });
});
