// The detector's TypeScript (runGraph.ts, blazeFace.ts) for plain node scripts: Node 20 runs no TypeScript, so esbuild
// bundles it in memory, as packages/react/scripts/buildGuidance.mjs bundles the worker, and the bundle is imported
// from a data: URL. Used by makeDetectorInput.mjs and detectorSpeed.mjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const modelPath = fileURLToPath(new URL('../src/guidance/blazeface.bin', import.meta.url));
const sourceDir = fileURLToPath(new URL('../src/guidance/detector', import.meta.url));

/** The detector folder `dir` (default: the package's own) as one script exporting `{ parseGraph, createBlazeFace }`. */
export async function bundleDetector(dir = sourceDir, { format = 'esm', globalName } = {}) {
  const result = await build({
    stdin: {
      contents: "export { parseGraph } from './runGraph.ts'; export { createBlazeFace } from './blazeFace.ts';",
      resolveDir: dir,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format,
    globalName,
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** `{ parseGraph, createBlazeFace }` from the detector folder `dir` (default: the package's own). */
export async function loadDetector(dir = sourceDir) {
  const code = await bundleDetector(dir);
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** The shipped model's bytes as an ArrayBuffer of their own, as the worker's fetch gives them. */
export function readModel() {
  const file = readFileSync(modelPath);
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
}
