import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blazefaceSha256, sha256Hex } from './modelDigest.js';

const model = readFileSync(new URL('./blazeface.bin', import.meta.url));

describe('the face model digest', () => {
  it('is the SHA-256 of the blazeface.bin the package ships', () => {
    expect(createHash('sha256').update(model).digest('hex')).toBe(blazefaceSha256);
  });

  it('is computed the way the worker computes it, and changes with a single byte', async () => {
    const bytes = model.buffer.slice(model.byteOffset, model.byteOffset + model.byteLength);
    expect(await sha256Hex(bytes)).toBe(blazefaceSha256);
    const tampered = new Uint8Array(bytes.slice(0));
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(await sha256Hex(tampered.buffer)).not.toBe(blazefaceSha256);
  });
});
