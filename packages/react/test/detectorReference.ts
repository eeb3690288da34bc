// Naive, obviously correct references for the face detector's kernels (src/guidance/detector/kernels.ts) and a plain
// interpreter of its graphs: one output value at a time, padding as a bounds test, no blocking, no fusion.
import { expect } from 'vitest';
import type { GraphHeader, Op, Tensor } from '../src/guidance/detector/runGraph.js';

/** mulberry32: a small seeded PRNG, so every run tests the same tensors. Values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomValues(random: () => number, length: number): Float32Array {
  return Float32Array.from({ length }, () => random() * 2 - 1);
}

export function randomTensor(random: () => number, h: number, w: number, c: number): Tensor {
  return { data: randomValues(random, h * w * c), h, w, c };
}

export const emptyTensor = (h: number, w: number, c: number): Tensor => ({ data: new Float32Array(h * w * c), h, w, c });

// an index past the end reads NaN, which no comparison passes
const at = (t: Tensor, y: number, x: number, ch: number) => t.data[(y * t.w + x) * t.c + ch] ?? NaN;

/** Output size and padding before, from TensorFlow's definitions: SAME keeps ceil(n / s), VALID fits whole windows. */
function axis(size: number, k: number, stride: number, same: number): { out: number; before: number } {
  if (!same) return { out: Math.ceil((size - k + 1) / stride), before: 0 };
  const out = Math.ceil(size / stride);
  return { out, before: Math.floor(Math.max(0, (out - 1) * stride + k - size) / 2) };
}

export interface ReferenceWindow {
  kh: number;
  kw: number;
  stride: number;
  same: number;
}

/** Convolution, weights [cout][kh][kw][cin]: each output the sum over its window, pixels outside it zero. */
export function referenceConv(x: Tensor, win: ReferenceWindow, cout: number, weights: Float32Array, bias?: Float32Array): Tensor {
  const rows = axis(x.h, win.kh, win.stride, win.same), cols = axis(x.w, win.kw, win.stride, win.same);
  const out = emptyTensor(rows.out, cols.out, cout);
  for (let oy = 0; oy < rows.out; oy++)
    for (let ox = 0; ox < cols.out; ox++)
      for (let o = 0; o < cout; o++) {
        let sum = bias?.[o] ?? 0;
        for (let ky = 0; ky < win.kh; ky++)
          for (let kx = 0; kx < win.kw; kx++) {
            const y = oy * win.stride + ky - rows.before, xx = ox * win.stride + kx - cols.before;
            if (y < 0 || y >= x.h || xx < 0 || xx >= x.w) continue;
            for (let i = 0; i < x.c; i++) sum += at(x, y, xx, i) * (weights[((o * win.kh + ky) * win.kw + kx) * x.c + i] ?? NaN);
          }
        out.data[(oy * cols.out + ox) * cout + o] = sum;
      }
  return out;
}

/** Depthwise convolution, weights [kh][kw][c]. */
export function referenceDepthwise(x: Tensor, win: ReferenceWindow, weights: Float32Array): Tensor {
  const rows = axis(x.h, win.kh, win.stride, win.same), cols = axis(x.w, win.kw, win.stride, win.same);
  const out = emptyTensor(rows.out, cols.out, x.c);
  for (let oy = 0; oy < rows.out; oy++)
    for (let ox = 0; ox < cols.out; ox++)
      for (let ch = 0; ch < x.c; ch++) {
        let sum = 0;
        for (let ky = 0; ky < win.kh; ky++)
          for (let kx = 0; kx < win.kw; kx++) {
            const y = oy * win.stride + ky - rows.before, xx = ox * win.stride + kx - cols.before;
            if (y >= 0 && y < x.h && xx >= 0 && xx < x.w) sum += at(x, y, xx, ch) * (weights[(ky * win.kw + kx) * x.c + ch] ?? NaN);
          }
        out.data[(oy * cols.out + ox) * x.c + ch] = sum;
      }
  return out;
}

/** Max pooling: the largest value inside the image part of each window. */
export function referenceMaxPool(x: Tensor, k: number, stride: number, same: number): Tensor {
  const rows = axis(x.h, k, stride, same), cols = axis(x.w, k, stride, same);
  const out = emptyTensor(rows.out, cols.out, x.c);
  for (let oy = 0; oy < rows.out; oy++)
    for (let ox = 0; ox < cols.out; ox++)
      for (let ch = 0; ch < x.c; ch++) {
        let best = -Infinity;
        for (let ky = 0; ky < k; ky++)
          for (let kx = 0; kx < k; kx++) {
            const y = oy * stride + ky - rows.before, xx = ox * stride + kx - cols.before;
            if (y >= 0 && y < x.h && xx >= 0 && xx < x.w) best = Math.max(best, at(x, y, xx, ch));
          }
        out.data[(oy * cols.out + ox) * x.c + ch] = best;
      }
  return out;
}

export function referencePadChannels(x: Tensor, after: number): Tensor {
  const out = emptyTensor(x.h, x.w, x.c + after);
  for (let y = 0; y < x.h; y++) for (let xx = 0; xx < x.w; xx++) for (let ch = 0; ch < x.c; ch++) out.data[(y * x.w + xx) * out.c + ch] = at(x, y, xx, ch);
  return out;
}

const map = (x: Tensor, f: (v: number, ch: number) => number): Tensor => ({ ...x, data: x.data.map((v, i) => f(v, i % x.c)) });
export const referenceRelu = (x: Tensor) => map(x, (v) => Math.max(0, v));
export const referencePrelu = (x: Tensor, alpha: Float32Array) => map(x, (v, ch) => (v >= 0 ? v : v * (alpha[ch] ?? NaN)));
export const referenceSigmoid = (x: Tensor) => map(x, (v) => 1 / (1 + Math.exp(-v)));
export function referenceAdd(a: Tensor, b: Tensor): Tensor {
  expect([b.h, b.w, b.c]).toEqual([a.h, a.w, a.c]);
  return { ...a, data: a.data.map((v, i) => v + (b.data[i] ?? NaN)) };
}

/** The graph run op by op on the references: every tensor kept, nothing fused. */
export function referenceRun(header: Pick<GraphHeader, 'ops' | 'outputs'>, weights: Float32Array, input: Tensor): Tensor[] {
  const tensors: Tensor[] = [input];
  const tensor = (id: number) => {
    const t = tensors[id];
    if (t === undefined) throw new Error(`tensor ${id} read before it is made`);
    return t;
  };
  const w = (from: number, length: number) => weights.subarray(from, from + length);
  const apply = (op: Op, x: Tensor): Tensor => {
    switch (op.op) {
      case 'conv': {
        const y = referenceConv(x, op, op.cout, w(op.w, op.cout * op.kh * op.kw * op.cin), op.bias === undefined ? undefined : w(op.bias, op.cout));
        return op.act === 'relu' ? referenceRelu(y) : op.act === 'prelu' ? referencePrelu(y, w(op.alpha ?? NaN, op.cout)) : y;
      }
      case 'dw':
        return referenceDepthwise(x, op, w(op.w, op.kh * op.kw * op.c));
      case 'add':
        return referenceAdd(x, tensor(op.in2));
      case 'relu':
        return referenceRelu(x);
      case 'prelu':
        return referencePrelu(x, w(op.alpha, x.c));
      case 'sigmoid':
        return referenceSigmoid(x);
      case 'maxpool':
        return referenceMaxPool(x, op.k, op.stride, op.same);
      case 'padc':
        return referencePadChannels(x, op.after);
    }
  };
  for (const op of header.ops) tensors.push(apply(op, tensor(op.in)));
  return header.outputs.map((o) => tensor(o.id));
}

/** Same shape, and every value within float rounding of the reference (relative to its size, at least 1). */
export function expectClose(actual: Tensor, expected: Tensor, tolerance = 1e-5): void {
  expect([actual.h, actual.w, actual.c]).toEqual([expected.h, expected.w, expected.c]);
  expect(actual.data.length).toBe(expected.data.length);
  let worst = 0, firstBad = -1;
  expected.data.forEach((e, i) => {
    const a = actual.data[i] ?? NaN;
    const error = e === a ? 0 : Math.abs(a - e) / Math.max(1, Math.abs(e));
    if (!(error <= tolerance) && firstBad < 0) firstBad = i;
    worst = Math.max(worst, error); // NaN stays NaN
  });
  expect(worst, `first off at index ${firstBad}: ${actual.data[firstBad]} vs ${expected.data[firstBad]}`).toBeLessThanOrEqual(tolerance);
}
