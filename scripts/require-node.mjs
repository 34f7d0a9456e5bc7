// Runs before dev/build/test. Written for any Node version (no modern syntax) so that an old Node
// gets one clear sentence instead of a stack trace from deep inside Astro.
var required = [24, 11];
// A version may be passed as an argument so the test can exercise the refusal on any Node.
var version = process.argv[2] || process.versions.node;
var found = version.split('.').map(Number);
var ok = found[0] > required[0] || (found[0] === required[0] && found[1] >= required[1]);
if (!ok) {
  console.error(
    'This project needs Node.js >= ' +
      required.join('.') +
      ' but found v' +
      version +
      ' (' +
      process.execPath +
      '). Run `npm ci` so the pinned node@24 in node_modules/.bin is used, ' +
      'or switch with `nvm use` (.nvmrc says 24).',
  );
  process.exit(1);
}
