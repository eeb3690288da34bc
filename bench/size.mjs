#!/usr/bin/env node
// Bundle cost of what an app imports: esbuild --bundle --minify, then gzip -9, peers left out.
// `node bench/size.mjs` prints the figures; `--check` also fails when a budget is exceeded.
// Measures the built packages (dist/), so run `pnpm run build` first.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Peers the host app already pays for. */
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];

export const sizeEntries = [
  {
    id: 'component',
    label: "<BiometricLogin> + styles.css (@biometric-login/react, all its own dependencies)",
    code: "export { BiometricLogin } from '@biometric-login/react';\nimport '@biometric-login/react/styles.css';",
    budgetBytes: 12 * 1024,
  },
  { id: 'hook', label: 'useBiometricLogin alone (headless)', code: "export { useBiometricLogin } from '@biometric-login/react';" },
  { id: 'core', label: '@biometric-login/core, every export', code: "export * from '@biometric-login/core';" },
  { id: 'reactWebcam', label: 'react-webcam alone (for comparison)', code: "export { default } from 'react-webcam';" },
];

const gzipBytes = (contents) => gzipSync(contents, { level: 9 }).length;

export async function measureSize(entry) {
  const result = await build({
    stdin: { contents: entry.code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: peers,
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  let js = 0;
  let css = 0;
  let raw = 0;
  for (const file of result.outputFiles) {
    raw += file.contents.length;
    if (file.path.endsWith('.css')) css += gzipBytes(file.contents);
    else if (file.path.endsWith('.js')) js += gzipBytes(file.contents);
  }
  return { id: entry.id, label: entry.label, minifiedBytes: raw, gzipJsBytes: js, gzipCssBytes: css, gzipBytes: js + css, budgetBytes: entry.budgetBytes };
}

export async function measureSizes() {
  const sizes = [];
  for (const entry of sizeEntries) sizes.push(await measureSize(entry));
  return sizes;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatSizes(sizes) {
  return sizes
    .map((size) => {
      const budget = size.budgetBytes === undefined ? '' : `  (budget ${kb(size.budgetBytes)}: ${size.gzipBytes <= size.budgetBytes ? 'within' : 'OVER'})`;
      return `  ${kb(size.gzipBytes).padStart(9)} min+gz  ${size.label}${budget}`;
    })
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await measureSizes();
  console.log('Bundle cost (esbuild --minify, gzip -9; react, react-dom, @tanstack/react-query left out as peers)');
  console.log(formatSizes(sizes));
  if (process.argv.includes('--check')) {
    const over = sizes.filter((size) => size.budgetBytes !== undefined && size.gzipBytes > size.budgetBytes);
    for (const size of over) console.error(`Size budget exceeded: ${size.label} is ${kb(size.gzipBytes)}, budget ${kb(size.budgetBytes)}.`);
    process.exit(over.length === 0 ? 0 : 1);
  }
}
