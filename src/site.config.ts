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
  resourcesDescription: 'A curated list of articles, courses, videos, books and references for learning Docker and containers.',
  printable: { page: 'reference/quick-reference', pdf: 'docker-quick-ref.pdf' },
} satisfies SiteConfigInput;
