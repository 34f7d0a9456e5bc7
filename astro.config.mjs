// @ts-check
import { defineConfig } from 'astro/config';
import learningSite from './src/integrations/learning-site.ts';

// The course's settings are in src/site.config.ts (DOCS_SITE_CONFIG names another file); the
// integration sets up everything else.
export default defineConfig({ integrations: [await learningSite()] });
