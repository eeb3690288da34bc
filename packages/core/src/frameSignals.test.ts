import { describe, expect, it } from 'vitest';
import { computeFrameSignals, expectedFaceBox, faceInterior, lumaFromRgba } from './frameSignals.js';

const width = 64;
const height = 48;

/** A luma image from a function of (x, y). */
function luma(value: (x: number, y: number) => number, w = width, h = height): Uint8Array {
  const pixels = new Uint8Array(w * h);
  for (let y = 0; y < h; y += 1) for (let x = 0; x < w; x += 1) pixels[y * w + x] = Math.max(0, Math.min(255, Math.round(value(x, y))));
  return pixels;
}

const box = { x: 16, y: 12, width: 32, height: 24 };
const inside = (x: number, y: number) => x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
const signalsOf = (pixels: Uint8Array, region: typeof box | undefined = box) => computeFrameSignals(pixels, width, height, { channels: 1, ...(region && { region }) });

describe('computeFrameSignals', () => {
  it("reads the frame's light: mean, contrast, clipped shadows and highlights, and how far its brightest parts reach", () => {
    const flat = signalsOf(luma(() => 120));
    expect(flat).toMatchObject({ meanLuma: 120, contrast: 0, darkFraction: 0, brightFraction: 0, frameWhite: 120 });
    const halves = signalsOf(luma((x) => (x < width / 2 ? 0 : 255)));
    expect(halves.meanLuma).toBeCloseTo(127.5);
    expect(halves.contrast).toBeCloseTo(127.5);
    expect(halves.darkFraction).toBeCloseTo(0.5);
    expect(halves.brightFraction).toBeCloseTo(0.5);
    expect(halves.frameWhite).toBe(255);
  });

  it("reads the face's own light inside its box: crushed shadows, clipped highlights, its whites and its range", () => {
    // A face of mid-tones 40..100 with a few eye-white pixels at 200, on a white surround.
    const face = signalsOf(luma((x, y) => (inside(x, y) ? (x === 30 && y < 20 ? 200 : 40 + ((x * 7 + y * 3) % 61)) : 250)));
    expect(face.faceShadows).toBe(0);
    expect(face.faceClipped).toBe(0);
    expect(face.faceRange).toBeGreaterThan(40);
    expect(face.faceRange).toBeLessThan(61);
    expect(face.surroundClipped).toBe(1);
    // The same face with its shadows crushed: a third of its pixels at 5.
    const crushed = signalsOf(luma((x, y) => (inside(x, y) ? (x % 3 === 0 ? 5 : 80) : 120)));
    expect(crushed.faceShadows).toBeCloseTo(1 / 3, 1);
    expect(crushed.surroundClipped).toBe(0);
    const blown = signalsOf(luma((x, y) => (inside(x, y) ? (x % 2 === 0 ? 250 : 200) : 120)));
    expect(blown.faceClipped).toBeCloseTo(0.5, 1);
    expect(blown.faceWhite).toBe(250);
  });

  it('reads a face image given at its own size instead of the frame, for light and sharpness', () => {
    const side = 24;
    const sharpFace = { pixels: luma((x, y) => ((x + y) % 2 === 0 ? 60 : 190), side, side), width: side, height: side, channels: 1 as const };
    const withFace = computeFrameSignals(luma(() => 120), width, height, { channels: 1, region: box, face: sharpFace });
    expect(withFace.faceRange).toBe(130);
    expect(withFace.sharpness).toBeGreaterThan(10_000);
    expect(signalsOf(luma(() => 120)).sharpness).toBe(0);
  });

  it('finds a sharp pattern sharp and a smooth one blurred, whatever its contrast, and motion blur weak along one axis', () => {
    const checker = signalsOf(luma((x, y) => ((x + y) % 2 === 0 ? 40 : 200)));
    const faintChecker = signalsOf(luma((x, y) => ((x + y) % 2 === 0 ? 100 : 110)));
    const smooth = signalsOf(luma((x) => 100 + x));
    expect(checker.sharpness).toBeGreaterThan(10_000);
    expect(faintChecker.sharpness).toBeLessThan(checker.sharpness / 100);
    // Detail is against the face's own contrast: a faint pattern is as detailed as a strong one.
    expect(faintChecker.detail).toBeCloseTo(checker.detail, 1);
    expect(smooth.sharpness).toBeLessThan(1);
    expect(smooth.detail).toBeLessThan(0.01);
    // Stripes that change only across x: all their detail is on one axis, as a horizontal smear leaves it.
    const stripes = signalsOf(luma((x) => (x % 2 === 0 ? 40 : 200)));
    expect(stripes.axisSharpness).toBeLessThan(0.01 * stripes.sharpness);
  });

  it('without a face box, looks where the oval asks for a face', () => {
    const expected = expectedFaceBox({ x: 0, y: 0, width, height });
    const atExpected = (x: number, y: number) => x >= expected.x && x < expected.x + expected.width && y >= expected.y && y < expected.y + expected.height;
    const signals = signalsOf(luma((x, y) => (atExpected(x, y) ? 5 : 200)), undefined);
    expect(signals.faceShadows).toBeGreaterThan(0.9);
    expect(signals.surroundClipped).toBe(0);
  });

  it('reads RGBA as BT.601 luma', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]);
    expect([...lumaFromRgba(rgba, 4, 1)]).toEqual([76, 149, 28, 255]);
  });
});

describe('the face boxes', () => {
  it("a face's interior is its inner 70%; the expected face sits in the middle of the region sent", () => {
    expect(faceInterior({ x: 100, y: 100, width: 200, height: 100 })).toEqual({ x: 130, y: 115, width: 140, height: 70 });
    const region = { x: 370, y: 0, width: 540, height: 720 };
    const expected = expectedFaceBox(region);
    expect(expected.x + expected.width / 2).toBeCloseTo(640);
    expect(expected.y + expected.height / 2).toBeCloseTo(360);
    expect(expected.height / region.height).toBeGreaterThan(0.25);
  });
});
