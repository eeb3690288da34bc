// The executor's kernels, one function each so node tests can check them against naive references (runGraph.test.ts);
// internal to the detector, never exported from the package's entry points. Tensors are HWC, batch of one.
// Sums are kept in doubles and rounded to float32 once, on the store; typed arrays are indexed in bounds by
// construction, hence the non-null assertions (eslint allows them in this folder only).

/** A tensor in HWC layout (batch of one). */
export interface Tensor {
  data: Float32Array;
  h: number;
  w: number;
  c: number;
}

/** A convolution's or a pooling's window: `same` is 1 for TensorFlow's SAME padding, 0 for VALID. */
export interface Window {
  kh: number;
  kw: number;
  stride: number;
  same: number;
}

/** What a convolution does after its bias: its own activation, then a residual added, then a ReLU. */
export interface Epilogue {
  act?: 'relu' | 'prelu';
  /** PReLU slopes, one per output channel. */
  alpha?: Float32Array;
  /** Added to the output after `act`, in the output's layout. */
  residual?: Float32Array;
  /** A ReLU after the residual. */
  relu?: boolean;
}

const none = new Float32Array(0); // stands in for "no residual", so the kernels always see a Float32Array
const ACT_RELU = 1, RESIDUAL = 2, RELU_AFTER = 4;

/** TensorFlow's output size and leading padding for SAME / VALID windows along one axis. */
export function window1d(size: number, k: number, stride: number, same: number): [out: number, padBefore: number] {
  if (!same) return [Math.floor((size - k) / stride) + 1, 0];
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  return [out, Math.floor(total / 2)];
}

/** IEEE 754 half-precision bits to floats: subnormals, signed zeros, infinities and NaN included. */
export function halfToFloat(half: Uint16Array): Float32Array {
  const out = new Float32Array(half.length);
  for (let i = 0; i < half.length; i++) {
    const h = half[i]!;
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    out[i] =
      exponent === 0 ? sign * 2 ** -14 * (fraction / 1024) : exponent === 31 ? (fraction ? NaN : sign * Infinity) : sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
  }
  return out;
}

// max(v, 0) without a branch the sign of v would mispredict; exact: v + |v| is 2v or 0 in doubles
const positive = (v: number) => (v + Math.abs(v)) * 0.5;

function finish(v: number, residual: Float32Array, at: number, mode: number): number {
  if (mode & ACT_RELU) v = positive(v);
  if (mode & RESIDUAL) v += residual[at]!;
  if (mode & RELU_AFTER) v = positive(v);
  return v;
}

/**
 * Rows of a matrix product: out[p][o] = finish(bias[o] + sum_i src[p][i] * w[o][i]) for the n rows p starting at
 * srcAt (rows k long) and outAt (rows m long). Two rows by four outputs per step, so each load feeds several products.
 */
function matmulRows(src: Float32Array, srcAt: number, n: number, k: number, w: Float32Array, bias: Float32Array, out: Float32Array, outAt: number, m: number, residual: Float32Array, mode: number): void {
  let p = 0;
  for (; p + 1 < n; p += 2) {
    const xa = srcAt + p * k, xb = xa + k;
    const oa = outAt + p * m, ob = oa + m;
    let o = 0;
    for (; o + 3 < m; o += 4) {
      let a0 = bias[o]!, a1 = bias[o + 1]!, a2 = bias[o + 2]!, a3 = bias[o + 3]!;
      let b0 = a0, b1 = a1, b2 = a2, b3 = a3;
      const w0 = o * k, w1 = w0 + k, w2 = w1 + k, w3 = w2 + k;
      for (let i = 0; i < k; i++) {
        const va = src[xa + i]!, vb = src[xb + i]!;
        const k0 = w[w0 + i]!, k1 = w[w1 + i]!, k2 = w[w2 + i]!, k3 = w[w3 + i]!;
        a0 += va * k0; a1 += va * k1; a2 += va * k2; a3 += va * k3;
        b0 += vb * k0; b1 += vb * k1; b2 += vb * k2; b3 += vb * k3;
      }
      out[oa + o] = finish(a0, residual, oa + o, mode); out[oa + o + 1] = finish(a1, residual, oa + o + 1, mode);
      out[oa + o + 2] = finish(a2, residual, oa + o + 2, mode); out[oa + o + 3] = finish(a3, residual, oa + o + 3, mode);
      out[ob + o] = finish(b0, residual, ob + o, mode); out[ob + o + 1] = finish(b1, residual, ob + o + 1, mode);
      out[ob + o + 2] = finish(b2, residual, ob + o + 2, mode); out[ob + o + 3] = finish(b3, residual, ob + o + 3, mode);
    }
    for (; o < m; o++) {
      let a = bias[o]!, b = a;
      const wi = o * k;
      for (let i = 0; i < k; i++) { const kk = w[wi + i]!; a += src[xa + i]! * kk; b += src[xb + i]! * kk; }
      out[oa + o] = finish(a, residual, oa + o, mode);
      out[ob + o] = finish(b, residual, ob + o, mode);
    }
  }
  for (; p < n; p++) {
    const xi = srcAt + p * k, oi = outAt + p * m;
    for (let o = 0; o < m; o++) {
      let sum = bias[o]!;
      const wi = o * k;
      for (let i = 0; i < k; i++) sum += src[xi + i]! * w[wi + i]!;
      out[oi + o] = finish(sum, residual, oi + o, mode);
    }
  }
}

/**
 * Convolution: weights laid out [cout][kh][kw][cin], bias per output channel (zeros when absent), then the epilogue.
 * A 1x1 stride-1 convolution is a matrix product over the pixels; any other is one per output row, on that row's
 * windows copied out (zeros where the window reaches past the edge) into `scratch` (at least ow*kh*kw*cin long).
 */
export function conv2d(x: Tensor, window: Window, weights: Float32Array, bias: Float32Array | undefined, out: Tensor, epilogue: Epilogue = {}, scratch?: Float32Array): void {
  const { kh, kw, stride } = window;
  const cin = x.c, cout = out.c;
  const [oh, padTop] = window1d(x.h, kh, stride, window.same);
  const [ow, padLeft] = window1d(x.w, kw, stride, window.same);
  if (oh !== out.h || ow !== out.w || weights.length < cout * kh * kw * cin) throw new Error('conv2d: shapes do not match');
  const b = bias ?? new Float32Array(cout);
  const prelu = epilogue.act === 'prelu';
  const residual = epilogue.residual ?? none;
  // a PReLU needs its channel: it, and what follows it, is done in a second pass below
  const mode = prelu ? 0 : (epilogue.act === 'relu' ? ACT_RELU : 0) | (epilogue.residual ? RESIDUAL : 0) | (epilogue.relu ? RELU_AFTER : 0);
  if (kh === 1 && kw === 1 && stride === 1) matmulRows(x.data, 0, oh * ow, cin, weights, b, out.data, 0, cout, residual, mode);
  else {
    const patch = kh * kw * cin;
    const rows = scratch ?? new Float32Array(ow * patch);
    if (rows.length < ow * patch) throw new Error('conv2d: scratch too short'); // writes past its end would vanish
    const src = x.data;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const ix0 = ox * stride - padLeft;
        const kx0 = Math.max(0, -ix0), kx1 = Math.max(kx0, Math.min(kw, x.w - ix0));
        const before = kx0 * cin, span = (kx1 - kx0) * cin, rowLength = kw * cin;
        for (let ky = 0; ky < kh; ky++) {
          const at = ox * patch + ky * rowLength;
          const iy = oy * stride + ky - padTop;
          if (iy < 0 || iy >= x.h) {
            for (let i = 0; i < rowLength; i++) rows[at + i] = 0;
            continue;
          }
          // the window's row is contiguous in HWC; zeros where it reaches past the left or right edge
          const from = (iy * x.w + ix0 + kx0) * cin, to = at + before;
          for (let i = 0; i < before; i++) rows[at + i] = 0;
          for (let i = 0; i < span; i++) rows[to + i] = src[from + i]!;
          for (let i = before + span; i < rowLength; i++) rows[at + i] = 0;
        }
      }
      matmulRows(rows, 0, ow, patch, weights, b, out.data, oy * ow * cout, cout, residual, mode);
    }
  }
  if (prelu) {
    const o = out.data, alpha = epilogue.alpha!;
    const after = (epilogue.residual ? RESIDUAL : 0) | (epilogue.relu ? RELU_AFTER : 0);
    for (let i = 0; i < o.length; i++) { const v = o[i]!; o[i] = finish(v > 0 ? v : v * alpha[i % cout]!, residual, i, after); }
  }
}

/** Depthwise convolution (depth multiplier 1): weights laid out [kh][kw][c], no bias. */
export function depthwiseConv2d(x: Tensor, window: Window, weights: Float32Array, out: Tensor): void {
  const { kh, kw, stride } = window;
  const c = x.c;
  const [oh, padTop] = window1d(x.h, kh, stride, window.same);
  const [ow, padLeft] = window1d(x.w, kw, stride, window.same);
  if (oh !== out.h || ow !== out.w || c !== out.c || weights.length < kh * kw * c) throw new Error('depthwiseConv2d: shapes do not match');
  if (kh === 3 && kw === 3 && stride === 1 && padTop === 1 && padLeft === 1) depthwise3x3(x.data, x.h, x.w, c, weights, out.data);
  else depthwiseAny(x, kh, kw, stride, padTop, padLeft, weights, out);
}

/**
 * 3x3, stride 1, one pixel of padding all round (SAME), the bulk of BlazeFace's depthwise work. Per row and channel
 * it slides along the row: each input column is loaded once and feeds the three outputs whose window holds it
 * (columns past the edges are zeros); a missing row above or below is read as the middle row, with weights 0.
 */
function depthwise3x3(src: Float32Array, h: number, width: number, c: number, w: Float32Array, out: Float32Array): void {
  const row = width * c;
  for (let y = 0; y < h; y++) {
    const r1 = y * row;
    const top = y > 0, bottom = y + 1 < h;
    const r0 = top ? r1 - row : r1, r2 = bottom ? r1 + row : r1;
    for (let ch = 0; ch < c; ch++) {
      const w00 = top ? w[ch]! : 0, w01 = top ? w[c + ch]! : 0, w02 = top ? w[2 * c + ch]! : 0;
      const w10 = w[3 * c + ch]!, w11 = w[4 * c + ch]!, w12 = w[5 * c + ch]!;
      const w20 = bottom ? w[6 * c + ch]! : 0, w21 = bottom ? w[7 * c + ch]! : 0, w22 = bottom ? w[8 * c + ch]! : 0;
      let i0 = r0 + ch, i1 = r1 + ch, i2 = r2 + ch;
      let a = src[i0]!, b = src[i1]!, d = src[i2]!;
      // `done` is output x-1 less its right column, `next` output x's left column; column 0 has no left neighbour
      let done = w01 * a + w11 * b + w21 * d;
      let next = w00 * a + w10 * b + w20 * d;
      let o = r1 + ch;
      for (let x = 1; x < width; x++) {
        i0 += c; i1 += c; i2 += c;
        a = src[i0]!; b = src[i1]!; d = src[i2]!;
        out[o] = done + (w02 * a + w12 * b + w22 * d);
        done = next + (w01 * a + w11 * b + w21 * d);
        next = w00 * a + w10 * b + w20 * d;
        o += c;
      }
      out[o] = done;
    }
  }
}

function depthwiseAny(x: Tensor, kh: number, kw: number, stride: number, padTop: number, padLeft: number, w: Float32Array, result: Tensor): void {
  const c = x.c, src = x.data, out = result.data;
  const rowStride = x.w * c;
  for (let oy = 0; oy < result.h; oy++) {
    const iy0 = oy * stride - padTop;
    for (let ox = 0; ox < result.w; ox++) {
      const ix0 = ox * stride - padLeft;
      const oi = (oy * result.w + ox) * c;
      if (kh === 3 && kw === 3 && iy0 >= 0 && ix0 >= 0 && iy0 + 3 <= x.h && ix0 + 3 <= x.w) {
        // interior 3x3: nine taps summed in registers, no bounds checks
        const r0 = (iy0 * x.w + ix0) * c, r1 = r0 + rowStride, r2 = r1 + rowStride;
        const c2 = 2 * c;
        for (let ch = 0; ch < c; ch++) {
          out[oi + ch] =
            src[r0 + ch]! * w[ch]! + src[r0 + c + ch]! * w[c + ch]! + src[r0 + c2 + ch]! * w[c2 + ch]! +
            src[r1 + ch]! * w[3 * c + ch]! + src[r1 + c + ch]! * w[4 * c + ch]! + src[r1 + c2 + ch]! * w[5 * c + ch]! +
            src[r2 + ch]! * w[6 * c + ch]! + src[r2 + c + ch]! * w[7 * c + ch]! + src[r2 + c2 + ch]! * w[8 * c + ch]!;
        }
        continue;
      }
      const ky0 = Math.max(0, -iy0), ky1 = Math.min(kh, x.h - iy0);
      const kx0 = Math.max(0, -ix0), kx1 = Math.min(kw, x.w - ix0);
      for (let ch = 0; ch < c; ch++) {
        let sum = 0;
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) sum += src[((iy0 + ky) * x.w + ix0 + kx) * c + ch]! * w[(ky * kw + kx) * c + ch]!;
        }
        out[oi + ch] = sum;
      }
    }
  }
}

/** Max pooling over k x k windows; padding never wins (it is not a value). */
export function maxPool2d(x: Tensor, window: { k: number; stride: number; same: number }, result: Tensor): void {
  const { k, stride } = window;
  const c = x.c, src = x.data, out = result.data;
  const [oh, padTop] = window1d(x.h, k, stride, window.same);
  const [ow, padLeft] = window1d(x.w, k, stride, window.same);
  if (oh !== result.h || ow !== result.w || c !== result.c) throw new Error('maxPool2d: shapes do not match');
  for (let oy = 0; oy < oh; oy++) {
    const iy0 = oy * stride - padTop;
    const ky0 = Math.max(0, -iy0), ky1 = Math.min(k, x.h - iy0);
    for (let ox = 0; ox < ow; ox++) {
      const ix0 = ox * stride - padLeft;
      const kx0 = Math.max(0, -ix0), kx1 = Math.min(k, x.w - ix0);
      const oi = (oy * ow + ox) * c;
      if (k === 2 && ky0 === 0 && kx0 === 0 && ky1 === 2 && kx1 === 2) {
        // a whole 2x2 window, as in BlazeFace: four values per channel
        const a = (iy0 * x.w + ix0) * c, b = a + c, d = a + x.w * c, e = d + c;
        for (let ch = 0; ch < c; ch++) out[oi + ch] = Math.max(Math.max(src[a + ch]!, src[b + ch]!), Math.max(src[d + ch]!, src[e + ch]!));
        continue;
      }
      if (ky1 <= ky0 || kx1 <= kx0) { out.fill(-Infinity, oi, oi + c); continue; }
      const first = ((iy0 + ky0) * x.w + ix0 + kx0) * c;
      for (let ch = 0; ch < c; ch++) out[oi + ch] = src[first + ch]!;
      for (let ky = ky0; ky < ky1; ky++) {
        for (let kx = ky === ky0 ? kx0 + 1 : kx0; kx < kx1; kx++) {
          const xi = ((iy0 + ky) * x.w + ix0 + kx) * c;
          for (let ch = 0; ch < c; ch++) out[oi + ch] = Math.max(out[oi + ch]!, src[xi + ch]!);
        }
      }
    }
  }
}

/** Zero channels appended after each pixel's own (TensorFlow's Pad on the channel axis only). */
export function padChannels(x: Tensor, result: Tensor): void {
  const src = x.data, out = result.data, c = x.c, oc = result.c;
  for (let p = 0, n = x.h * x.w; p < n; p++) {
    const s = p * c, o = p * oc;
    for (let ch = 0; ch < c; ch++) out[o + ch] = src[s + ch]!;
    for (let ch = c; ch < oc; ch++) out[o + ch] = 0;
  }
}

export function add(a: Float32Array, b: Float32Array, out: Float32Array, relu: boolean): void {
  if (relu) for (let i = 0; i < out.length; i++) out[i] = positive(a[i]! + b[i]!);
  else for (let i = 0; i < out.length; i++) out[i] = a[i]! + b[i]!;
}

export function relu(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = positive(x[i]!);
}

/** PReLU with one slope per channel (c channels, HWC). */
export function prelu(x: Float32Array, alpha: Float32Array, c: number, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) { const v = x[i]!; out[i] = v > 0 ? v : v * alpha[i % c]!; }
}

export function sigmoid(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-x[i]!));
}
