import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import * as guidance from './guidanceEntry.js';
import * as core from './index.js';

/** Globals that a framework-free module must not touch while it is being imported. */
const hostGlobals = ['window', 'document', 'navigator', 'location', 'fetch', 'localStorage', 'sessionStorage', 'setTimeout', 'queueMicrotask'] as const;

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(core).sort()).toMatchSnapshot();
  });

  it('@biometric-login/core/guidance exports exactly these names', () => {
    expect(Object.keys(guidance).sort()).toMatchSnapshot();
  });

  it('runs nothing at import: no browser, network or timer global is read while the entry loads', async () => {
    const touched: string[] = [];
    const saved = hostGlobals.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
    for (const name of hostGlobals) {
      let value: unknown = (globalThis as Record<string, unknown>)[name];
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get: () => {
          // Only reads from the package or its dependency count; the test runner has timers of its own.
          const stack = new Error().stack ?? '';
          if (/packages\/core\/src\/(?!index\.test)|node_modules\/.*zod/.test(stack)) touched.push(name);
          return value;
        },
        set: (next: unknown) => {
          value = next;
        },
      });
    }
    try {
      vi.resetModules();
      const fresh = await import(/* @vite-ignore */ `./index.js?fresh-import=${Date.now()}`);
      expect(typeof fresh.validateBiometric).toBe('function');
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else Reflect.deleteProperty(globalThis, name);
      }
    }
    expect(touched).toEqual([]);
  });

  it('imports nothing but zod/mini from outside the package', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    const external = new Set<string>();
    for (const name of sources) {
      for (const match of readFileSync(`${folder}/${name}`, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!match[1]?.startsWith('.')) external.add(match[1] ?? '');
      }
    }
    expect([...external]).toEqual(['zod/mini']);
  });
});
