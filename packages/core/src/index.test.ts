import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(core).sort()).toMatchSnapshot();
  });

  it('loads without DOM globals (this runs in plain node)', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof core.validateBiometric).toBe('function');
  });

  it('imports nothing from outside the package', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    const external = new Set<string>();
    for (const name of sources) {
      for (const match of readFileSync(`${folder}/${name}`, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!match[1]?.startsWith('.')) external.add(match[1] ?? '');
      }
    }
    expect([...external]).toEqual([]);
  });
});
