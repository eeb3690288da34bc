import { describe, expect, it } from 'vitest';
import { createSandbox } from './createSandbox.js';

// The unit project runs with --expose-gc (vitest.config.ts), so the heap can be measured after a full collection.
function collectedHeapBytes(): number {
  const { gc } = globalThis as { gc?: () => void };
  if (gc === undefined) throw new Error('global.gc is missing: run this file with node --expose-gc (the unit project does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function createSessions(sandbox: ReturnType<typeof createSandbox>, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await sandbox.createSession();
}

describe('the sandbox under a loop of session creations', () => {
  it('keeps its memory flat once the store is full: the oldest sessions make room', async () => {
    const sandbox = createSandbox({ maxSessions: 100 });
    // Fill the store and warm the code paths, so what follows measures only what is kept.
    await createSessions(sandbox, 2_000);
    const before = collectedHeapBytes();
    await createSessions(sandbox, 6_000);
    const grown = collectedHeapBytes() - before;
    // Keeping every session costs about 250 bytes each here, 1.5 MB for these 6,000.
    expect(grown).toBeLessThan(300_000);
  });
});
