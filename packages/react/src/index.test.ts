import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, Record<string, string> | string> };
/** Every JavaScript entry point the package publishes, with its source. */
const entries = Object.entries(manifest.exports)
  .filter(([, target]) => typeof target === 'object' && (target['@biometric-login/source'] ?? '').endsWith('.ts'))
  .map(([entry, target]) => [entry, (target as Record<string, string>)['@biometric-login/source'] ?? ''] as const);

describe('public API', () => {
  it('has these entry points', () => {
    expect(entries.map(([entry]) => entry)).toEqual(['.', './guidance-text', './testing']);
  });

  it.each(entries)('%s exports exactly these names', async (_entry, source) => {
    const module = (await import(/* @vite-ignore */ new URL(`../${source}`, import.meta.url).href)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toMatchSnapshot();
  });

  it('runs nothing of its own at import in a server (no window, document or navigator read)', async () => {
    const touched: string[] = [];
    const names = ['window', 'document', 'navigator', 'location', 'matchMedia'] as const;
    const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
    for (const name of names) {
      let value: unknown = (globalThis as Record<string, unknown>)[name];
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get: () => {
          // react-webcam checks `typeof window` once at import (the one exception STYLE.md accepts): that is all.
          const stack = new Error().stack ?? '';
          if (/packages\/(react|core)\/src\/(?!index\.test)/.test(stack)) touched.push(`${name} ${stack.split('\n')[2] ?? ''}`);
          return value;
        },
        set: (next: unknown) => {
          value = next;
        },
      });
    }
    try {
      vi.resetModules();
      await import(/* @vite-ignore */ `./index.js?fresh-import=${Date.now()}`);
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else Reflect.deleteProperty(globalThis, name);
      }
    }
    expect(touched).toEqual([]);
  });
});
