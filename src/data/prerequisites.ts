import { slugFromContentPath, type SlugRules } from '../core/urls.ts';
import { resolveLinkTarget, siteHrefFor, stripBase } from '../core/validate/link-target.ts';

export interface PrerequisiteLink {
  href: string;
  title: string;
}

/**
 * The "Before you start" links of a page: each `prerequisites` entry, written as a link to another
 * page's .md file, becomes that page's URL (base path included) and title. The content check has
 * already refused entries that are not pages, so anything unresolved here is simply left out.
 */
export function resolvePrerequisites(
  hrefs: readonly string[],
  fromFile: string,
  titleOf: (slug: string) => string | undefined,
  base: string,
  slugRules: SlugRules,
): PrerequisiteLink[] {
  return hrefs.flatMap((written) => {
    const target = resolveLinkTarget(written, fromFile, slugRules);
    let slug: string;
    if (target.kind === 'page') slug = slugFromContentPath(target.file, slugRules);
    else if (target.kind === 'url' && !target.aboveRoot) slug = target.path.replace(/^\/+|\/+$/g, '');
    else if (target.kind === 'site-path') slug = stripBase(target.path, base).replace(/^\/+|\/+$/g, '');
    else return [];
    const title = titleOf(slug);
    return title === undefined ? [] : [{ href: siteHrefFor(target, base, slugRules), title }];
  });
}
