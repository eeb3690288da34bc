import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './decodeBase64.js';

describe('decodeBase64', () => {
  it('decodes padded and unpadded-length standard base64', () => {
    expect(decodeBase64('aGVsbG8=')).toEqual(new TextEncoder().encode('hello'));
    expect(decodeBase64('aGk=')).toEqual(new TextEncoder().encode('hi'));
    expect(decodeBase64('aGVs')).toEqual(new TextEncoder().encode('hel'));
    expect(decodeBase64('+/+/')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it.each([
    ['empty', ''],
    ['a data: URL', 'data:image/jpeg;base64,aGVsbG8='],
    ['missing padding', 'aGVsbG8'],
    ['too much padding', 'aGk==='],
    ['three padding characters', 'a==='],
    ['only padding', '===='],
    ['padding in the middle', 'aG=sbG8='],
    ['URL-safe alphabet', 'a-_s'],
    ['whitespace', 'aGVs bG8='],
    ['a trailing newline', 'aGVsbG8=\n'],
    ['length not a multiple of 4', 'aGVsb'],
  ])('refuses %s', (_name, text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });

  it('round-trips any bytes encoded by Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
      }),
    );
  });
});

describe('decodeBase64 on camera-sized input', () => {
  it('checks a 5 MB string without overflowing the stack', () => {
    expect(decodeBase64('A'.repeat(5 * 1024 * 1024))?.byteLength).toBe((5 * 1024 * 1024 * 3) / 4);
    expect(decodeBase64(`${'A'.repeat(5 * 1024 * 1024 - 1)}!`)).toBeUndefined();
  });
});
