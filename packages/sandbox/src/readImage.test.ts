import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faceJpeg, faceProgressiveJpeg, fifteenByteJpeg, jpegHeader, jpegWithScan, pngHeader, portraitFacePng, smallestFaceJpeg } from './__fixtures__/images.js';
import { isAcceptableImage, readImage } from './readImage.js';

describe('readImage', () => {
  it.each([
    ['a baseline camera JPEG (JFIF and Photoshop segments before the frame header)', faceJpeg, 'jpeg', 640, 480],
    ['a progressive JPEG (several scans, tables between them)', faceProgressiveJpeg, 'jpeg', 640, 480],
    ['a JPEG of exactly the minimum size', smallestFaceJpeg, 'jpeg', 320, 240],
    ['a portrait PNG (several IDAT chunks)', portraitFacePng, 'png', 240, 320],
  ] as const)('reads %s', (_name, bytes, format, width, height) => {
    const image = readImage(bytes);
    expect(image).toMatchObject({ format, width, height });
    // Most of a photo is its picture data.
    expect(image?.dataBytes).toBeGreaterThan(bytes.length * 0.8);
    expect(image?.dataBytes).toBeLessThan(bytes.length);
  });

  it('walks segments instead of trusting the first FF C0 in the bytes', () => {
    // An APP1 segment whose payload contains a fake 16x16 frame header, before the real 800x600 one.
    const fake = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10];
    const app1 = [0xff, 0xe1, 0x00, fake.length + 2, ...fake];
    const bytes = new Uint8Array([0xff, 0xd8, ...app1, ...jpegWithScan(800, 600, 100).subarray(2)]);
    expect(readImage(bytes)).toMatchObject({ format: 'jpeg', width: 800, height: 600, dataBytes: 100 });
  });

  it('skips DHT (C4), which sits in the frame-marker range but is not a frame header', () => {
    const dht = [0xff, 0xc4, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00];
    const bytes = new Uint8Array([0xff, 0xd8, ...dht, ...jpegWithScan(640, 480, 700).subarray(2)]);
    expect(readImage(bytes)).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
  });

  it('counts stuffed bytes and restart markers as scan data, and stops at the next marker', () => {
    const scan = jpegWithScan(640, 480, 4);
    // Replace the four data bytes with FF 00 (a stuffed FF) and FF D0 (a restart marker).
    scan.set([0xff, 0x00, 0xff, 0xd0], scan.length - 6);
    expect(readImage(scan)?.dataBytes).toBe(4);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['text', new TextEncoder().encode('hello, not an image')],
    ['SOI only', new Uint8Array([0xff, 0xd8])],
    ['SOI then EOI', new Uint8Array([0xff, 0xd8, 0xff, 0xd9])],
    ['the 15-byte JPEG: start of image and a frame header, nothing else', fifteenByteJpeg],
    ['a frame header and the end, no scan', jpegHeader(640, 480)],
    ['a scan without any data', jpegWithScan(640, 480, 0)],
    ['a scan before any frame header', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x55, 0xff, 0xd9])],
    ['a real JPEG without its end-of-image marker', faceJpeg.subarray(0, faceJpeg.length - 2)],
    ['a real JPEG cut off in the middle of its scan', faceJpeg.subarray(0, faceJpeg.length / 2)],
    ['a segment length running past the end', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 0x00])],
    ['a truncated frame header', jpegHeader(640, 480).subarray(0, 10)],
    ['a zero-height frame', jpegWithScan(640, 0, 100)],
    ['two frame headers', new Uint8Array([...jpegHeader(640, 480).subarray(0, -2), ...jpegWithScan(640, 480, 700).subarray(2)])],
    ['an arithmetic-coded frame (SOF9)', jpegWithScan(640, 480, 5000, 0xc9)],
    ['a hierarchical frame (SOF5)', jpegWithScan(640, 480, 5000, 0xc5)],
    ['a PNG signature without IHDR', pngHeader(640, 480).subarray(0, 12)],
    ['a PNG without any IDAT', pngHeader(640, 480)],
    ['a real PNG without its IEND', portraitFacePng.subarray(0, portraitFacePng.length - 12)],
    ['a real PNG cut off in an IDAT chunk', portraitFacePng.subarray(0, portraitFacePng.length / 2)],
    ['a PNG with width 0', pngHeader(0, 480, 1000)],
    ['a PNG with an impossible bit depth', Uint8Array.from(pngHeader(640, 480, 1000), (byte, index) => (index === 24 ? 7 : byte))],
    ['a GIF', new TextEncoder().encode('GIF89a\u0080\u0002\u00e0\u0001')],
  ])('refuses %s', (_name, bytes) => {
    expect(readImage(bytes)).toBeUndefined();
  });

  it('never throws and only reports positive sizes, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (tail, asJpeg) => {
        const bytes = new Uint8Array([...(asJpeg ? [0xff, 0xd8] : [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...tail]);
        const image = readImage(bytes);
        if (image !== undefined) expect(image.width > 0 && image.height > 0 && image.dataBytes > 0).toBe(true);
      }),
    );
  });

  it('never accepts a real picture cut short anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: smallestFaceJpeg.length - 1 }), fc.integer({ min: 0, max: portraitFacePng.length - 1 }), (jpegEnd, pngEnd) => {
        expect(readImage(smallestFaceJpeg.subarray(0, jpegEnd))).toBeUndefined();
        expect(readImage(portraitFacePng.subarray(0, pngEnd))).toBeUndefined();
      }),
    );
  });

  it('reads back whatever size a generated picture declares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_535 }), fc.integer({ min: 1, max: 65_535 }), (width, height) => {
        expect(readImage(jpegWithScan(width, height, 1))).toMatchObject({ format: 'jpeg', width, height, dataBytes: 1 });
        expect(readImage(pngHeader(width, height, 1))).toMatchObject({ format: 'png', width, height, dataBytes: 1 });
      }),
    );
  });
});

describe('isAcceptableImage', () => {
  const judge = (bytes: Uint8Array) => {
    const image = readImage(bytes);
    return image !== undefined && isAcceptableImage(image);
  };

  it.each([faceJpeg, faceProgressiveJpeg, smallestFaceJpeg, portraitFacePng])('accepts the real pictures (%#)', (bytes) => {
    expect(judge(bytes)).toBe(true);
  });

  it.each([
    [320, 240, true],
    [240, 320, true],
    [640, 480, true],
    [319, 240, false],
    [320, 239, false],
    [100, 100, false],
    [1000, 200, false],
  ])('%ix%i -> %s', (width, height, expected) => {
    expect(isAcceptableImage({ format: 'jpeg', width, height, dataBytes: 100_000, minimumDataBytes: 1 })).toBe(expected);
  });

  it('wants at least one bit of JPEG data per 8x8 block: 600 bytes for 640x480', () => {
    expect(judge(jpegWithScan(640, 480, 600))).toBe(true);
    expect(judge(jpegWithScan(640, 480, 599))).toBe(false);
    // A frame header that claims 4000x3000 over 10 bytes of data.
    expect(judge(jpegWithScan(4000, 3000, 10))).toBe(false);
  });

  it('wants at least 1/1032 of the raw pixels in PNG data (deflate packs no tighter): 894 bytes for 640x480 RGB', () => {
    expect(judge(pngHeader(640, 480, 894))).toBe(true);
    expect(judge(pngHeader(640, 480, 893))).toBe(false);
  });
});
