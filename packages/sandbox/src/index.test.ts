import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as sandboxEntry from './index.js';
import * as mswEntry from './msw.js';
import * as nodeEntry from './node.js';
import * as viteEntry from './vite.js';

describe('public API', () => {
  it('exports exactly these names from each entry point', () => {
    expect(Object.keys(sandboxEntry).sort()).toEqual([
      'SandboxTokenError',
      'createSandbox',
      'createSessionOptionErrors',
      'isSandboxScenario',
      'maxValidateBodyBytes',
      'sandboxScenarios',
      'sandboxTokenErrorCodes',
    ]);
    expect(Object.keys(nodeEntry).sort()).toEqual(['createNodeRequestListener', 'startSandboxServer']);
    expect(Object.keys(viteEntry).sort()).toEqual(['biometricSandbox']);
    expect(Object.keys(mswEntry).sort()).toEqual(['createSandboxHandlers']);
  });

  it('lists the scenarios in a stable order', () => {
    expect(sandboxEntry.sandboxScenarios).toEqual([
      'success',
      'INVALID_BIOMETRIC_DATA',
      'LIVENESS_DETECTION_FAILED',
      'IDENTITY_VERIFICATION_FAILED',
      'SERVER_ERROR',
      'RATE_LIMITED',
      'SLOW',
      'INVALID_RESPONSE',
    ]);
  });
});

/** Every module specifier in a source file, static and dynamic, type-only ones excluded. */
function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/^\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm, /^\s*import\s+['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) if (match[1] !== undefined) specifiers.push(match[1]);
  return specifiers;
}

/** The bare (package) imports reachable from a source file through its relative imports. */
function packagesReachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: URL) => {
    if (seen.has(file.href)) return;
    seen.add(file.href);
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(new URL(specifier.replace(/\.js$/, '.ts'), file));
      else packages.add(specifier);
    }
  };
  visit(new URL(entry, import.meta.url));
  return packages;
}

describe('browser safety', () => {
  const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

  it('the main entry reaches no Node module, only core (the contract) and jose', () => {
    expect([...packagesReachableFrom('./index.ts')].sort()).toEqual(['@biometric-login/core', 'jose']);
  });

  it('the MSW entry reaches only core and msw (the sandbox is passed in), so it runs in Storybook', () => {
    const reachable = [...packagesReachableFrom('./msw.ts')];
    expect(reachable.filter((name) => nodeBuiltins.has(name))).toEqual([]);
    expect(reachable.sort()).toEqual(['@biometric-login/core', 'msw']);
  });

  it('the Vite entry takes only types from vite', () => {
    expect(packagesReachableFrom('./vite.ts').has('vite')).toBe(false);
  });

  it('the import scanner does see Node imports (so the checks above can fail)', () => {
    expect(packagesReachableFrom('./node.ts').has('node:http')).toBe(true);
  });
});

describe('package.json', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    exports: Record<string, unknown>;
  };

  it('depends at run time on exactly what its entries import; the adapters\' hosts (msw, vite) are optional peers', () => {
    const entries = Object.keys(manifest.exports).filter((entry) => entry !== './package.json');
    const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const imported = new Set<string>();
    // Every export, and the CLI behind the bin.
    const sources = [...entries.map((entry) => (entry === '.' ? './index.ts' : `${entry}.ts`)), './cli.ts'];
    for (const source of sources) for (const name of packagesReachableFrom(source)) if (!nodeBuiltins.has(name)) imported.add(name);
    const peers = new Set(Object.keys(manifest.peerDependencies ?? {}));
    expect([...imported].filter((name) => !peers.has(name)).sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
  });
});
