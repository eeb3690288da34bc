#!/usr/bin/env node
// After tsc: the face analyzer's worker as one self-contained module (so that a host bundler only has to emit
// it, and the assetsUrl setup can serve it as it is), and the model beside the client that points at both.
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

await build({
  entryPoints: [here('src/guidance/faceAnalyzer.worker.ts')],
  outfile: here('dist/guidance/faceAnalyzer.worker.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
});
copyFileSync(here('src/guidance/blazeface.bin'), here('dist/guidance/blazeface.bin'));
copyFileSync(here('src/guidance/NOTICE.md'), here('dist/guidance/NOTICE.md'));
