import type { SiteConfigInput } from './core/site-config.ts';

/**
 * Site settings, the one place to change them. SITE_URL and SITE_BASE in the environment override
 * `site` and `base` (CI sets them for GitHub Pages); everything is validated when the build starts.
 */
export default {
  title: 'Docker Learning',
  description: 'Learn containers and Docker from the ground up: concepts, hands-on guides and curated resources.',
  site: 'https://docker-learning.github.io',
  base: '/',
  lang: 'en',
  repository: {
    url: 'https://github.com/docker-learning/docker-learning',
    branch: 'main',
    contentPath: 'content',
  },
} satisfies SiteConfigInput;
