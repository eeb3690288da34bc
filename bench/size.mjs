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

/** What the component pulls in besides its own code: each one's share is what leaving it out saves. */
const componentDependencies = [
  { id: 'zod', label: 'zod/mini', external: ['zod', 'zod/mini'] },
  { id: 'reactWebcam', label: 'react-webcam', external: ['react-webcam'] },
  // zod reaches the component only through core: core's own code is what leaving core out saves, less zod.
  { id: 'core', label: "@biometric-login/core's own code", external: ['@biometric-login/core'], less: ['zod'] },
];

export const sizeEntries = [
  {
    id: 'component',
    label: "<BiometricLogin> + styles.css (@biometric-login/react, all its own dependencies)",
    code: "export { BiometricLogin } from '@biometric-login/react';\nimport '@biometric-login/react/styles.css';",
    budgetBytes: 20 * 1024,
    shares: componentDependencies,
  },
  { id: 'hook', label: 'useBiometricLogin alone (headless)', code: "export { useBiometricLogin } from '@biometric-login/react';" },
  { id: 'core', label: '@biometric-login/core, every export', code: "export * from '@biometric-login/core';" },
  { id: 'reactWebcam', label: 'react-webcam alone (for comparison)', code: "export { default } from 'react-webcam';" },
];

const gzipBytes = (contents) => gzipSync(contents, { level: 9 }).length;

async function bundle(entry, external = []) {
  return build({
    stdin: { contents: entry.code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: [...peers, ...external],
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}

const jsGzipBytes = (result) => result.outputFiles.filter((file) => file.path.endsWith('.js')).reduce((total, file) => total + gzipBytes(file.contents), 0);

/** Each dependency's share of an entry: how much smaller its JavaScript gets when that dependency is left out. */
async function measureShares(entry, totalJsBytes) {
  const shares = [];
  for (const share of entry.shares ?? []) {
    const without = jsGzipBytes(await bundle(entry, share.external));
    const counted = (share.less ?? []).reduce((total, id) => total + (shares.find((other) => other.id === id)?.gzipBytes ?? 0), 0);
    shares.push({ id: share.id, label: share.label, gzipBytes: totalJsBytes - without - counted });
  }
  const others = shares.reduce((total, share) => total + share.gzipBytes, 0);
  if (shares.length > 0) shares.push({ id: 'own', label: "@biometric-login/react's own code (and what gzip shares across the parts)", gzipBytes: totalJsBytes - others });
  return shares;
}

export async function measureSize(entry) {
  const result = await bundle(entry);
  let js = 0;
  let css = 0;
  let raw = 0;
  for (const file of result.outputFiles) {
    raw += file.contents.length;
    if (file.path.endsWith('.css')) css += gzipBytes(file.contents);
    else if (file.path.endsWith('.js')) js += gzipBytes(file.contents);
  }
  const shares = await measureShares(entry, js);
  return { id: entry.id, label: entry.label, minifiedBytes: raw, gzipJsBytes: js, gzipCssBytes: css, gzipBytes: js + css, budgetBytes: entry.budgetBytes, ...(shares.length > 0 ? { shares } : {}) };
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
      const parts = (size.shares ?? []).map((share) => `      ${kb(share.gzipBytes).padStart(9)}  of which ${share.label}`);
      if (size.shares) parts.push(`      ${kb(size.gzipCssBytes).padStart(9)}  of which styles.css`);
      return [`  ${kb(size.gzipBytes).padStart(9)} min+gz  ${size.label}${budget}`, ...parts].join('\n');
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
