// Runs the content validator on another thread: it parses every page, and on a 2-core machine that
// work then overlaps Astro loading the same content instead of delaying it.
import { parentPort, workerData } from 'node:worker_threads';
import { validateContent, type ValidateContentOptions } from '../lib/validate/index.ts';

parentPort!.postMessage(validateContent(workerData as ValidateContentOptions));
