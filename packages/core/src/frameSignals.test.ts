import { describe, expect, it } from 'vitest';
import { computeFrameSignals, lumaFromRgba, sharpnessOf } from './frameSignals.js';

const width = 64;
const height = 48;

/** A luma image from a function of (x, y). */
function luma(value: (x: number, y: number) => number): Uint8Array {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(value(x, y))));
  return pixels;
}

const signalsOf = (pixels: Uint8Array, region?: { x: number; y: number; width: number; height: number }) =>
  computeFrameSignals(pixels, width, height, region === undefined ? { channels: 1 } : { channels: 1, region });

describe('computeFrameSignals', () => {
  it('reads the light: mean, contrast and clipped shadows and highlights', () => {
    const flat = signalsOf(luma(() => 120));
    expect(flat.meanLuma).toBe(120);
    expect(flat.contrast).toBe(0);
    expect(flat.darkFraction).toBe(0);
    expect(flat.brightFraction).toBe(0);
    const halves = signalsOf(luma((x) => (x < width / 2 ? 0 : 255)));
    expect(halves.meanLuma).toBeCloseTo(127.5);
    expect(halves.contrast).toBeCloseTo(127.5);
    expect(halves.darkFraction).toBeCloseTo(0.5);
    expect(halves.brightFraction).toBeCloseTo(0.5);
  });

  it('measures backlight as the surround brighter than the face', () => {
    const face = { x: 16, y: 12, width: 32, height: 24 };
    const inside = (x: number, y: number) => x >= face.x && x < face.x + face.width && y >= face.y && y < face.y + face.height;
    const backlit = signalsOf(luma((x, y) => (inside(x, y) ? 60 : 230)), face);
    expect(backlit.regionLuma).toBeCloseTo(60, 0);
    expect(backlit.backlight).toBeGreaterThan(150);
    const lit = signalsOf(luma((x, y) => (inside(x, y) ? 180 : 120)), face);
    expect(lit.backlight).toBeLessThan(0);
  });

  it('finds a sharp pattern sharp and a smooth one blurred, and motion blur weak along one axis', () => {
    const checker = signalsOf(luma((x, y) => ((x + y) % 2 === 0 ? 40 : 200)));
    const smooth = signalsOf(luma((x) => 100 + x));
    expect(checker.sharpness).toBeGreaterThan(10_000);
    expect(smooth.sharpness).toBeLessThan(1);
    // Stripes that change only across x: all their detail is on one axis, as a horizontal smear leaves it.
    const stripes = signalsOf(luma((x) => (x % 2 === 0 ? 40 : 200)));
    expect(stripes.axisSharpness).toBeLessThan(0.01 * stripes.sharpness);
  });

  it('reads RGBA as BT.601 luma, and a whole image with sharpnessOf', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]);
    expect([...lumaFromRgba(rgba, 4, 1)]).toEqual([76, 149, 28, 255]);
    const sharp = sharpnessOf(luma((x, y) => ((x + y) % 2 === 0 ? 0 : 255)), width, height, 1);
    expect(sharp.sharpness).toBeGreaterThan(sharpnessOf(luma(() => 128), width, height, 1).sharpness);
  });
});
