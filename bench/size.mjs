#!/usr/bin/env node
// Bundle cost of what an app imports, as a Vite app bundles it (Rollup, esbuild's minifier), then gzip -9, peers
// left out. What loads before the first paint (the entry chunk and the chunks it imports statically) is counted
// against the budget; what is imported lazily once the camera runs (the login runtime, guided capture's chunk, its
// worker and its model) is reported beside it.
// `node bench/size.mjs` prints the figures; `--check` also fails when a budget is exceeded.
// Measures the built packages (dist/), so run `pnpm run build` first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

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
    // 20 KB until issue 18: "Send anyway" (its prop's check, the action beside capture, the offer's styles) costs
    // 0.3 KB before the first paint, its words and markup load lazily; a person the check refuses must never be stuck.
    budgetBytes: 20.25 * 1024,
    shares: componentDependencies,
    lazy: true,
  },
  { id: 'hook', label: 'useBiometricLogin alone (headless)', code: "export { useBiometricLogin } from '@biometric-login/react';" },
  { id: 'core', label: '@biometric-login/core, every export', code: "export * from '@biometric-login/core';" },
  { id: 'reactWebcam', label: 'react-webcam alone (for comparison)', code: "export { default } from 'react-webcam';" },
];

const gzipBytes = (contents) => gzipSync(contents, { level: 9 }).length;

const outDir = fileURLToPath(new URL('./.out/', import.meta.url));

/** The entry as an app's own module, bundled by Vite; the outputs split into what loads first and what loads later. */
async function bundle(entry, external = []) {
  mkdirSync(outDir, { recursive: true });
  const input = `${outDir}${entry.id}.js`;
  writeFileSync(input, `${entry.code}\n`);
  const results = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: 'esbuild',
      modulePreload: false,
      cssCodeSplit: false,
      rollupOptions: { input, external: [...peers, ...external], preserveEntrySignatures: 'strict', output: { format: 'es' } },
    },
  });
  const output = (Array.isArray(results) ? results : [results]).flatMap((result) => result.output);
  const chunks = new Map(output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const eager = new Set();
  const visit = (name) => {
    const chunk = chunks.get(name);
    if (chunk === undefined || eager.has(name)) return;
    eager.add(name);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const contents = (file) => (file.type === 'chunk' ? file.code : file.source);
  const files = output.map((file) => ({ name: file.fileName, eager: eager.has(file.fileName) || file.fileName.endsWith('.css'), contents: contents(file) }));
  return { eager: files.filter((file) => file.eager), lazy: files.filter((file) => !file.eager) };
}

const jsGzipBytes = (result) => result.eager.filter((file) => file.name.endsWith('.js')).reduce((total, file) => total + gzipBytes(file.contents), 0);

/**
 * Vite's own helper for lazily loaded chunks (__vitePreload): a per-app constant that every code-split Vite app
 * already ships, measured as the difference a single import() makes to an otherwise empty entry.
 */
async function measureViteLoaderHelper() {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}lazy.js`, 'export const lazy = 1;\n');
  const without = jsGzipBytes(await bundle({ id: 'helper-without', code: 'export const value = 1;' }));
  const withImport = jsGzipBytes(await bundle({ id: 'helper-with', code: "export const load = () => import('./lazy.js');" }));
  return withImport - without;
}

/** Each dependency's share of an entry: how much smaller its JavaScript gets when that dependency is left out. */
async function measureShares(entry, totalJsBytes, helperBytes) {
  const shares = [];
  for (const share of entry.shares ?? []) {
    const without = jsGzipBytes(await bundle(entry, share.external));
    const counted = (share.less ?? []).reduce((total, id) => total + (shares.find((other) => other.id === id)?.gzipBytes ?? 0), 0);
    shares.push({ id: share.id, label: share.label, gzipBytes: totalJsBytes - without - counted });
  }
  const others = shares.reduce((total, share) => total + share.gzipBytes, 0);
  if (shares.length > 0) shares.push({ id: 'own', label: "@biometric-login/react's own code (and what gzip shares across the parts)", gzipBytes: totalJsBytes - helperBytes - others });
  return shares;
}

/** What loads later, only once the camera runs: the lazy chunks, the worker, the model. */
function measureLazy(result) {
  const named = (name) => name.replace(/^assets\//, '').replace(/-[\w-]{8}(\.\w+)$/, '$1');
  const files = result.lazy.map((file) => ({ name: named(file.name), gzipBytes: gzipBytes(file.contents) }));
  return { files, gzipBytes: files.reduce((total, file) => total + file.gzipBytes, 0) };
}

export async function measureSize(entry, viteLoaderHelperBytes = 0) {
  const result = await bundle(entry);
  let js = 0;
  let css = 0;
  let raw = 0;
  for (const file of result.eager) {
    raw += file.contents.length;
    if (file.name.endsWith('.css')) css += gzipBytes(file.contents);
    else if (file.name.endsWith('.js')) js += gzipBytes(file.contents);
  }
  // An entry that loads chunks lazily brings Vite's loader helper along: counted once per app, not per component.
  const helper = result.lazy.length > 0 ? viteLoaderHelperBytes : 0;
  const shares = await measureShares(entry, js, helper);
  const lazy = entry.lazy ? { lazy: measureLazy(result) } : {};
  return {
    id: entry.id,
    label: entry.label,
    minifiedBytes: raw,
    gzipJsBytes: js - helper,
    gzipCssBytes: css,
    gzipBytes: js - helper + css,
    viteLoaderHelperGzipBytes: helper,
    budgetBytes: entry.budgetBytes,
    ...(shares.length > 0 ? { shares } : {}),
    ...lazy,
  };
}

export async function measureSizes() {
  const helper = await measureViteLoaderHelper();
  const sizes = [];
  for (const entry of sizeEntries) sizes.push(await measureSize(entry, helper));
  return sizes;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/** A budget as it was set (20.25 KB), not rounded to a tenth. */
const budgetKb = (bytes) => `${Number((bytes / 1024).toFixed(2))} KB`;

export function formatSizes(sizes) {
  return sizes
    .map((size) => {
      const budget = size.budgetBytes === undefined ? '' : `  (budget ${budgetKb(size.budgetBytes)}: ${size.gzipBytes <= size.budgetBytes ? 'within' : 'OVER'})`;
      const parts = (size.shares ?? []).map((share) => `      ${kb(share.gzipBytes).padStart(9)}  of which ${share.label}`);
      if (size.shares) parts.push(`      ${kb(size.gzipCssBytes).padStart(9)}  of which styles.css`);
      if (size.viteLoaderHelperGzipBytes > 0) parts.push(`    (plus ${kb(size.viteLoaderHelperGzipBytes)}: Vite's loader for lazy chunks, which every code-split Vite app already has)`);
      if (size.lazy) {
        parts.push(`    ${kb(size.lazy.gzipBytes).padStart(9)} gz, loaded later (once the camera runs: the login runtime, guided capture; not in the budget):`);
        for (const file of size.lazy.files) parts.push(`      ${kb(file.gzipBytes).padStart(9)}  ${file.name}`);
      }
      return [`  ${kb(size.gzipBytes).padStart(9)} min+gz  ${size.label}${budget}`, ...parts].join('\n');
    })
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await measureSizes();
  console.log('Bundle cost (as Vite bundles it, minified, gzip -9; react, react-dom, @tanstack/react-query left out as peers)');
  console.log(formatSizes(sizes));
  if (process.argv.includes('--check')) {
    const over = sizes.filter((size) => size.budgetBytes !== undefined && size.gzipBytes > size.budgetBytes);
    for (const size of over) console.error(`Size budget exceeded: ${size.label} is ${kb(size.gzipBytes)}, budget ${budgetKb(size.budgetBytes)}.`);
    process.exit(over.length === 0 ? 0 : 1);
  }
}
