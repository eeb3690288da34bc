import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyTensor,
  expectClose,
  randomTensor,
  randomValues,
  referenceAdd,
  referenceConv,
  referenceDepthwise,
  referenceMaxPool,
  referencePadChannels,
  referencePrelu,
  referenceRelu,
  referenceSigmoid,
  seededRandom,
} from '../../../test/detectorReference.js';
import { add, conv2d, depthwiseConv2d, halfToFloat, maxPool2d, padChannels, prelu, relu, sigmoid, type Tensor, window1d } from './kernels.js';

// Each kernel against the naive reference in test/detectorReference.ts, on seeded random tensors: fast-check draws
// the shapes (its seed fixed, so a failure replays), a seeded PRNG the values. BlazeFace's own shapes are listed too.
const runs = { seed: 20_26, numRuns: 120 };

const shape = fc.record({
  h: fc.integer({ min: 1, max: 9 }),
  w: fc.integer({ min: 1, max: 11 }),
  k: fc.constantFrom(1, 2, 3, 5),
  kw: fc.constantFrom(1, 2, 3, 5),
  stride: fc.integer({ min: 1, max: 3 }),
  same: fc.constantFrom(0, 1),
  seed: fc.integer(),
});
const fits = (s: { h: number; w: number; k: number; kw: number; same: number }) => s.same === 1 || (s.h >= s.k && s.w >= s.kw);
const outputOf = (x: Tensor, kh: number, kw: number, stride: number, same: number, c: number) => emptyTensor(window1d(x.h, kh, stride, same)[0], window1d(x.w, kw, stride, same)[0], c);

describe('window1d', () => {
  it("gives TensorFlow's output sizes and leading padding", () => {
    expect(window1d(96, 5, 2, 1)).toEqual([48, 1]); // BlazeFace's first convolution: 3 of padding, 1 before, 2 after
    expect(window1d(160, 5, 2, 1)).toEqual([80, 1]);
    expect(window1d(48, 3, 1, 1)).toEqual([48, 1]);
    expect(window1d(48, 3, 2, 1)).toEqual([24, 0]); // 1 of padding, after
    expect(window1d(7, 3, 2, 1)).toEqual([4, 1]);
    expect(window1d(48, 2, 2, 1)).toEqual([24, 0]);
    expect(window1d(5, 5, 1, 1)).toEqual([5, 2]);
    expect(window1d(1, 5, 1, 1)).toEqual([1, 2]);
    expect(window1d(7, 3, 2, 0)).toEqual([3, 0]);
    expect(window1d(8, 3, 2, 0)).toEqual([3, 0]);
    expect(window1d(5, 5, 1, 0)).toEqual([1, 0]);
  });
});

describe('conv2d', () => {
  function check(x: Tensor, kh: number, kw: number, stride: number, same: number, cout: number, random: () => number, withBias = true): void {
    const weights = randomValues(random, cout * kh * kw * x.c);
    const bias = withBias ? randomValues(random, cout) : undefined;
    const win = { kh, kw, stride, same };
    const out = outputOf(x, kh, kw, stride, same, cout);
    out.data.fill(Number.NaN); // every output must be written
    // the graph shares one scratch between convolutions: a stale value must never show through the padding
    const scratch = new Float32Array(out.w * kh * kw * x.c + 3).fill(Number.NaN);
    conv2d(x, win, weights, bias, out, {}, scratch);
    expectClose(out, referenceConv(x, win, cout, weights, bias));
  }

  it('matches the reference on random shapes, strides and paddings', () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (s, cin, cout, withBias) => {
        fc.pre(fits(s));
        const random = seededRandom(s.seed);
        check(randomTensor(random, s.h, s.w, cin), s.k, s.kw, s.stride, s.same, cout, random, withBias);
      }),
      runs,
    );
  });

  it.each([
    ['the first 5x5 stride-2 layer at 160x96', 96, 160, 3, 5, 2, 24],
    ['the same at the recheck square', 128, 128, 3, 5, 2, 24],
    ['a pointwise layer', 12, 20, 24, 1, 1, 24],
    ['a widening pointwise layer', 6, 10, 48, 1, 1, 96],
    ['an odd pixel count and outputs not a multiple of 4', 3, 5, 7, 1, 1, 6],
    ['a two-output head', 5, 3, 96, 1, 1, 2],
    ['a 1x1 stride-2 convolution', 7, 9, 5, 1, 2, 3],
  ])('matches the reference on %s', (_name, h, w, cin, k, stride, cout) => {
    const random = seededRandom(h * 1000 + w);
    check(randomTensor(random, h, w, cin), k, k, stride, 1, cout, random);
  });

  it('applies its activation, the residual and the ReLU after it, in that order', () => {
    const random = seededRandom(7);
    for (const [kh, stride] of [[1, 1], [3, 2]] as const) {
      const x = randomTensor(random, 6, 7, 5);
      const win = { kh, kw: kh, stride, same: 1 };
      const cout = 6;
      const weights = randomValues(random, cout * kh * kh * x.c), bias = randomValues(random, cout), alpha = randomValues(random, cout);
      const plain = referenceConv(x, win, cout, weights, bias);
      const residual = randomTensor(random, plain.h, plain.w, cout);
      const cases = [
        [{ act: 'relu' as const }, referenceRelu(plain)],
        [{ act: 'prelu' as const, alpha }, referencePrelu(plain, alpha)],
        [{ residual: residual.data }, referenceAdd(plain, residual)],
        [{ residual: residual.data, relu: true }, referenceRelu(referenceAdd(plain, residual))],
        [{ act: 'relu' as const, residual: residual.data, relu: true }, referenceRelu(referenceAdd(referenceRelu(plain), residual))],
        [{ act: 'prelu' as const, alpha, residual: residual.data, relu: true }, referenceRelu(referenceAdd(referencePrelu(plain, alpha), residual))],
        [{ relu: true }, referenceRelu(plain)],
      ] as const;
      for (const [epilogue, expected] of cases) {
        const out = emptyTensor(plain.h, plain.w, cout);
        conv2d(x, win, weights, bias, out, epilogue);
        expectClose(out, expected);
      }
    }
  });

  it('refuses an output of the wrong size', () => {
    const x = emptyTensor(4, 4, 2);
    expect(() => conv2d(x, { kh: 3, kw: 3, stride: 1, same: 0 }, new Float32Array(18), undefined, emptyTensor(4, 4, 1))).toThrow(/shapes/);
  });
});

describe('depthwiseConv2d', () => {
  function check(x: Tensor, kh: number, kw: number, stride: number, same: number, random: () => number): void {
    const weights = randomValues(random, kh * kw * x.c);
    const win = { kh, kw, stride, same };
    const out = outputOf(x, kh, kw, stride, same, x.c);
    out.data.fill(Number.NaN);
    depthwiseConv2d(x, win, weights, out);
    expectClose(out, referenceDepthwise(x, win, weights));
  }

  it('matches the reference on random shapes, strides and paddings', () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 7 }), (s, c) => {
        fc.pre(fits(s));
        const random = seededRandom(s.seed);
        check(randomTensor(random, s.h, s.w, c), s.k, s.kw, s.stride, s.same, random);
      }),
      runs,
    );
  });

  it('matches the reference on 3x3 stride 1, its fast path, at every small size', () => {
    const random = seededRandom(3);
    for (let h = 1; h <= 5; h++) for (let w = 1; w <= 5; w++) check(randomTensor(random, h, w, 3), 3, 3, 1, 1, random);
  });

  it.each([
    ['3x3 stride 1 at 80x48x24', 48, 80, 24, 1],
    ['3x3 stride 2 at 80x48x24', 48, 80, 24, 2],
    ['3x3 stride 2 on odd sizes', 13, 9, 5, 2],
    ['3x3 stride 1 at 10x6x96', 6, 10, 96, 1],
  ])('matches the reference on %s', (_name, h, w, c, stride) => {
    const random = seededRandom(h * 31 + w);
    check(randomTensor(random, h, w, c), 3, 3, stride, 1, random);
  });
});

describe('maxPool2d', () => {
  it('matches the reference on random shapes, strides and paddings', () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 5 }), (s, c) => {
        fc.pre(fits({ ...s, kw: s.k }));
        const random = seededRandom(s.seed);
        const x = randomTensor(random, s.h, s.w, c);
        const out = outputOf(x, s.k, s.k, s.stride, s.same, c);
        out.data.fill(Number.NaN);
        maxPool2d(x, { k: s.k, stride: s.stride, same: s.same }, out);
        expectClose(out, referenceMaxPool(x, s.k, s.stride, s.same));
      }),
      runs,
    );
  });

  it('takes the largest value, never the padding, even when all are negative', () => {
    const x: Tensor = { data: Float32Array.from([-5, -1, -3, -2, -4, -6]), h: 1, w: 3, c: 2 };
    const out = emptyTensor(1, 2, 2);
    maxPool2d(x, { k: 2, stride: 2, same: 1 }, out); // the second window is the last pixel and padding
    expect(Array.from(out.data)).toEqual([-3, -1, -4, -6]);
  });
});

describe('element-wise kernels', () => {
  const random = seededRandom(11);
  const x = randomTensor(random, 5, 7, 6);
  const y = randomTensor(random, 5, 7, 6);
  const alpha = randomValues(random, 6);

  it('pads channels with zeros after each pixel', () => {
    const out = emptyTensor(5, 7, 9);
    out.data.fill(Number.NaN);
    padChannels(x, out);
    expectClose(out, referencePadChannels(x, 3), 0);
  });

  it('adds, with and without a ReLU', () => {
    const out = emptyTensor(5, 7, 6);
    add(x.data, y.data, out.data, false);
    expectClose(out, referenceAdd(x, y), 0);
    add(x.data, y.data, out.data, true);
    expectClose(out, referenceRelu(referenceAdd(x, y)), 0);
  });

  it('computes ReLU, PReLU (one slope per channel) and the sigmoid', () => {
    const out = emptyTensor(5, 7, 6);
    relu(x.data, out.data);
    expectClose(out, referenceRelu(x), 0);
    expect(out.data.some((v) => v === 0) && out.data.some((v) => v > 0)).toBe(true);
    prelu(x.data, alpha, 6, out.data);
    expectClose(out, referencePrelu(x, alpha), 0);
    sigmoid(x.data, out.data);
    expectClose(out, referenceSigmoid(x), 1e-6);
  });
});

describe('halfToFloat', () => {
  /** The float32 with the same value, built from the bits: exponent rebiased, fraction shifted; subnormals scaled. */
  function reference(bits: number): number {
    const sign = bits >> 15, exponent = (bits >> 10) & 0x1f, fraction = bits & 0x3ff;
    if (exponent === 0) return (sign ? -1 : 1) * fraction * 2 ** -24;
    const word = new Uint32Array([(sign << 31) | ((exponent === 31 ? 255 : exponent - 15 + 127) << 23) | (fraction << 13)]);
    return new Float32Array(word.buffer)[0]!;
  }

  it('decodes the landmarks', () => {
    const values = Array.from(halfToFloat(Uint16Array.from([0x0000, 0x8000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0xc000, 0x3555, 0x7bff, 0x7c00, 0xfc00, 0x7e00, 0x8001])));
    expect(values).toEqual([0, -0, 2 ** -24, 1023 * 2 ** -24, 2 ** -14, 1, -2, 0.333251953125, 65504, Infinity, -Infinity, Number.NaN, -(2 ** -24)]);
    expect(Object.is(values[1], -0)).toBe(true);
  });

  it('decodes every one of the 65536 values exactly', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const decoded = halfToFloat(all);
    const wrong = Array.from(all).filter((bits) => !Object.is(decoded[bits], Math.fround(reference(bits))));
    expect(wrong).toEqual([]);
  });
});
