import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faceJpeg, jpegHeader, pngHeader } from './__fixtures__/images.js';
import { isLargeEnough, readImageSize } from './readImageSize.js';

describe('readImageSize', () => {
  it('reads the size of a real camera JPEG (JFIF and Photoshop segments before the frame header)', () => {
    expect(readImageSize(faceJpeg)).toEqual({ format: 'jpeg', width: 640, height: 480 });
  });

  it('reads a minimal JPEG header, baseline and progressive', () => {
    expect(readImageSize(jpegHeader(1280, 720))).toEqual({ format: 'jpeg', width: 1280, height: 720 });
    expect(readImageSize(jpegHeader(480, 640, 0xc2))).toEqual({ format: 'jpeg', width: 480, height: 640 });
  });

  it('reads a PNG header', () => {
    expect(readImageSize(pngHeader(640, 480))).toEqual({ format: 'png', width: 640, height: 480 });
  });

  it('walks segments instead of trusting the first FF C0 in the bytes', () => {
    // An APP1 segment whose payload contains a fake 16x16 frame header, before the real 800x600 one.
    const fake = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10];
    const app1 = [0xff, 0xe1, 0x00, fake.length + 2, ...fake];
    const real = jpegHeader(800, 600);
    const bytes = new Uint8Array([0xff, 0xd8, ...app1, ...real.subarray(2)]);
    expect(readImageSize(bytes)).toEqual({ format: 'jpeg', width: 800, height: 600 });
  });

  it('skips DHT (C4), which sits in the frame-marker range but is not a frame header', () => {
    const dht = [0xff, 0xc4, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00];
    const bytes = new Uint8Array([0xff, 0xd8, ...dht, ...jpegHeader(640, 480).subarray(2)]);
    expect(readImageSize(bytes)).toEqual({ format: 'jpeg', width: 640, height: 480 });
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['text', new TextEncoder().encode('hello, not an image')],
    ['SOI only', new Uint8Array([0xff, 0xd8])],
    ['SOI then EOI', new Uint8Array([0xff, 0xd8, 0xff, 0xd9])],
    ['image data before any frame header', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9])],
    ['a segment length running past the end', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 0x00])],
    ['a truncated frame header', jpegHeader(640, 480).subarray(0, 10)],
    ['a zero-height frame', jpegHeader(640, 0)],
    ['a PNG signature without IHDR', pngHeader(640, 480).subarray(0, 12)],
    ['a PNG with width 0', pngHeader(0, 480)],
    ['a GIF', new TextEncoder().encode('GIF89a\u0080\u0002\u00e0\u0001')],
  ])('refuses %s', (_name, bytes) => {
    expect(readImageSize(bytes)).toBeUndefined();
  });

  it('never throws and only reports positive sizes, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (tail, asJpeg) => {
        const bytes = new Uint8Array([...(asJpeg ? [0xff, 0xd8] : [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...tail]);
        const size = readImageSize(bytes);
        if (size !== undefined) expect(size.width > 0 && size.height > 0).toBe(true);
      }),
    );
  });

  it('reads back whatever size a generated header declares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_535 }), fc.integer({ min: 1, max: 65_535 }), (width, height) => {
        expect(readImageSize(jpegHeader(width, height))).toEqual({ format: 'jpeg', width, height });
        expect(readImageSize(pngHeader(width, height))).toEqual({ format: 'png', width, height });
      }),
    );
  });
});

describe('isLargeEnough', () => {
  it.each([
    [320, 240, true],
    [240, 320, true],
    [640, 480, true],
    [319, 240, false],
    [320, 239, false],
    [100, 100, false],
    [1000, 200, false],
  ])('%ix%i -> %s', (width, height, expected) => {
    expect(isLargeEnough({ format: 'jpeg', width, height })).toBe(expected);
  });
});
