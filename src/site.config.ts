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
  // Loaded before the first page is highlighted, with the common languages (src/markdown/code-theme.ts).
  codeLanguages: ['dockerfile'],
  // What a hands-on step may need (`needs=`); the lesson runner's engines say which they meet.
  lessonRequirements: {
    'cgroup-v2': 'the engine runs on cgroup v2',
    'docker-hub-login': 'a Docker Hub account is signed in (docker login, docker push)',
    'desktop-only': 'Docker Desktop (docker debug, the Desktop app)',
    'multi-platform': 'builds and runs images for a second CPU architecture',
    registry: 'images can be pulled from Docker Hub (the sandbox: from its mirror of the stand-ins)',
    'package-mirror': "containers can install packages from their distribution's mirror (apt-get)",
    internet: 'containers can reach the internet',
  },
} satisfies SiteConfigInput;
