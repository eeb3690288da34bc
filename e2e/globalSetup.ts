import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { liveApiBaseUrl } from './liveApi';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo, built once in sandbox mode, that every e2e test file serves. */
    demoDir: string;
    /** The same demo built for the real API (liveApiBaseUrl), for what differs in that mode. */
    liveDemoDir: string;
  }
}

const demoRoot = fileURLToPath(new URL('../apps/demo/', import.meta.url));
// Settings that would change what is built. The e2e build is the sandbox one, and a production one: Vitest sets
// NODE_ENV=test, which Vite would otherwise honour with React's development build (StrictMode's double effects).
const demoEnvNames = ['NODE_ENV', 'VITE_SANDBOX', 'VITE_API_BASE_URL', 'VITE_REDIRECT_URL', 'VITE_ALLOWED_REDIRECT_ORIGINS'] as const;

async function buildDemo(outDir: string, env: Readonly<Record<string, string>>): Promise<void> {
  const saved = demoEnvNames.map((name) => [name, process.env[name]] as const);
  for (const name of demoEnvNames) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, { NODE_ENV: 'production', ...env });
  try {
    await build({
      root: demoRoot,
      configFile: join(demoRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

/** Builds the demo once per mode, outside the repository (nothing to ignore or lint), and removes it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'biometric-login-e2e-demo-'));
  const sandboxDir = join(outDir, 'sandbox');
  const liveDir = join(outDir, 'live');
  try {
    await buildDemo(sandboxDir, { VITE_SANDBOX: 'true' });
    await buildDemo(liveDir, { VITE_SANDBOX: 'false', VITE_API_BASE_URL: liveApiBaseUrl });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('demoDir', sandboxDir);
  project.provide('liveDemoDir', liveDir);
  return () => rm(outDir, { recursive: true, force: true });
}
