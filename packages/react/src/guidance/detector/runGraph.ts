// A minimal executor for the small convolutional graphs of BlazeFace-family models, in plain TypeScript:
// no TensorFlow.js, no WebAssembly, so it runs under `script-src 'self'` with no 'wasm-unsafe-eval'. The model
// file is made by scripts/convert-face-model.mjs: [u32 header length][header JSON][float16 weights].
// The kernels index typed arrays in bounds by construction, hence the non-null assertions in the hot loops
// (eslint allows them in this folder only); short names follow the usual convolution notation.

type Op =
  | { op: 'conv'; in: number; kh: number; kw: number; cin: number; cout: number; stride: number; same: number; w: number; bias?: number; act?: 'relu' | 'prelu'; alpha?: number }
  | { op: 'dw'; in: number; kh: number; kw: number; c: number; stride: number; same: number; w: number }
  | { op: 'add'; in: number; in2: number }
  | { op: 'relu'; in: number }
  | { op: 'prelu'; in: number; alpha: number }
  | { op: 'sigmoid'; in: number }
  | { op: 'maxpool'; in: number; k: number; stride: number; same: number }
  | { op: 'padc'; in: number; after: number };

interface Header {
  format: 'graph-f16-v1';
  input: [number, number, number];
  ops: Op[];
  outputs: { name: string; id: number }[];
  weights: number;
}

/** A tensor in HWC layout (batch of one). */
export interface Tensor {
  data: Float32Array;
  h: number;
  w: number;
  c: number;
}

export interface Graph {
  /** The input size the model was trained at, [height, width, channels]. */
  readonly input: readonly [number, number, number];
  readonly outputNames: readonly string[];
  /** Runs the graph on an HWC float input of any height and width (the graphs are fully convolutional). */
  run(input: Tensor): Tensor[];
}

export function parseGraph(bytes: ArrayBuffer): Graph {
  const view = new DataView(bytes);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, headerLength))) as Header;
  if (header.format !== 'graph-f16-v1') throw new Error(`unknown model format ${String(header.format)}`);
  const weights = halfToFloat(new Uint16Array(bytes, 4 + headerLength, header.weights));
  const { ops } = header;
  // Buffers are planned once per input size and reused: allocating ~130 arrays a frame costs more than the maths.
  // One plan per size, since the worker runs the graph at two (the frame, and the recheck's square).
  const plans = new Map<string, (input: Tensor) => Tensor[]>();
  return {
    input: header.input,
    outputNames: header.outputs.map((o) => o.name),
    run(input) {
      const size = `${input.h}x${input.w}`;
      let plan = plans.get(size);
      if (plan === undefined) {
        plan = compile(ops, header.outputs, weights, input);
        plans.set(size, plan);
      }
      return plan(input);
    },
  };
}

function compile(ops: Op[], outputs: Header['outputs'], weights: Float32Array, input: Tensor): (input: Tensor) => Tensor[] {
  const consumers = new Array<number>(ops.length + 1).fill(0);
  for (const op of ops) {
    consumers[op.in] = consumers[op.in]! + 1;
    if (op.op === 'add') consumers[op.in2] = consumers[op.in2]! + 1;
  }
  for (const o of outputs) consumers[o.id] = consumers[o.id]! + 1;
  const tensors: Tensor[] = [input];
  const steps: ((t: Tensor[]) => void)[] = [];
  for (const op of ops) {
    const x = tensors[op.in]!;
    let shape: [number, number, number] = [x.h, x.w, x.c];
    if (op.op === 'conv' || op.op === 'dw' || op.op === 'maxpool') {
      const k = op.op === 'maxpool' ? op.k : op.kh;
      const kw = op.op === 'maxpool' ? op.k : op.kw;
      shape = [window1d(x.h, k, op.stride, op.same)[0], window1d(x.w, kw, op.stride, op.same)[0], op.op === 'conv' ? op.cout : x.c];
    } else if (op.op === 'padc') shape = [x.h, x.w, x.c + op.after];
    // a relu right after an add that nothing else reads is done inside the add
    if (op.op === 'relu' && ops[op.in - 1]?.op === 'add' && consumers[op.in] === 1) {
      steps.pop();
      const addOp = ops[op.in - 1] as Extract<Op, { op: 'add' }>;
      tensors.push(x);
      steps.push((t) => addInto(t[addOp.in]!.data, t[addOp.in2]!.data, x.data, true));
      continue;
    }
    const out: Tensor = { data: new Float32Array(shape[0] * shape[1] * shape[2]), h: shape[0], w: shape[1], c: shape[2] };
    tensors.push(out);
    steps.push((t) => execute(op, t, weights, out));
  }
  return (inp) => {
    tensors[0] = inp;
    for (const step of steps) step(tensors);
    return outputs.map((o) => tensors[o.id]!);
  };
}

function addInto(a: Float32Array, b: Float32Array, out: Float32Array, relu: boolean): void {
  if (relu) for (let i = 0; i < out.length; i++) { const v = a[i]! + b[i]!; out[i] = v > 0 ? v : 0; }
  else for (let i = 0; i < out.length; i++) out[i] = a[i]! + b[i]!;
}

function halfToFloat(half: Uint16Array): Float32Array {
  const out = new Float32Array(half.length);
  for (let i = 0; i < half.length; i++) {
    const h = half[i]!;
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    out[i] = exponent === 0 ? sign * 2 ** -14 * (fraction / 1024) : exponent === 31 ? sign * Infinity : sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
  }
  return out;
}

// TensorFlow's output size and leading padding for SAME / VALID windows.
function window1d(size: number, k: number, stride: number, same: number): [out: number, padBefore: number] {
  if (!same) return [Math.floor((size - k) / stride) + 1, 0];
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  return [out, Math.floor(total / 2)];
}

function execute(op: Op, tensors: Tensor[], wts: Float32Array, out: Tensor): void {
  const x = tensors[op.in]!;
  const o = out.data;
  switch (op.op) {
    case 'conv':
      return conv(x, op, wts, out);
    case 'dw':
      return depthwise(x, op, wts, out);
    case 'add':
      return addInto(x.data, tensors[op.in2]!.data, o, false);
    case 'relu':
      for (let i = 0; i < o.length; i++) { const v = x.data[i]!; o[i] = v > 0 ? v : 0; }
      return;
    case 'prelu':
      for (let i = 0; i < o.length; i++) { const v = x.data[i]!; o[i] = v > 0 ? v : v * wts[op.alpha + (i % x.c)]!; }
      return;
    case 'sigmoid':
      for (let i = 0; i < o.length; i++) o[i] = 1 / (1 + Math.exp(-x.data[i]!));
      return;
    case 'maxpool':
      return maxPool(x, op, out);
    case 'padc':
      for (let p = 0, n = x.h * x.w; p < n; p++) o.set(x.data.subarray(p * x.c, (p + 1) * x.c), p * out.c);
      return;
  }
}

function conv(x: Tensor, op: Extract<Op, { op: 'conv' }>, wts: Float32Array, result: Tensor): void {
  const { kh, kw, cin, cout, stride } = op;
  const [oh, padTop] = window1d(x.h, kh, stride, op.same);
  const [ow, padLeft] = window1d(x.w, kw, stride, op.same);
  const out = result.data;
  const src = x.data;
  const w = wts.subarray(op.w, op.w + cout * kh * kw * cin);
  const bias = op.bias === undefined ? new Float32Array(cout) : wts.subarray(op.bias, op.bias + cout);
  if (kh === 1 && kw === 1 && stride === 1) {
    // pointwise: most of BlazeFace's arithmetic; 2 pixels x 4 outputs per step so each load feeds several products
    const n = oh * ow;
    let p = 0;
    for (; p + 1 < n; p += 2) {
      const xa = p * cin, xb = xa + cin;
      const oa = p * cout, ob = oa + cout;
      let o = 0;
      for (; o + 3 < cout; o += 4) {
        let a0 = bias[o]!, a1 = bias[o + 1]!, a2 = bias[o + 2]!, a3 = bias[o + 3]!;
        let b0 = a0, b1 = a1, b2 = a2, b3 = a3;
        const w0 = o * cin, w1 = w0 + cin, w2 = w1 + cin, w3 = w2 + cin;
        for (let i = 0; i < cin; i++) {
          const va = src[xa + i]!, vb = src[xb + i]!;
          const k0 = w[w0 + i]!, k1 = w[w1 + i]!, k2 = w[w2 + i]!, k3 = w[w3 + i]!;
          a0 += va * k0; a1 += va * k1; a2 += va * k2; a3 += va * k3;
          b0 += vb * k0; b1 += vb * k1; b2 += vb * k2; b3 += vb * k3;
        }
        out[oa + o] = a0; out[oa + o + 1] = a1; out[oa + o + 2] = a2; out[oa + o + 3] = a3;
        out[ob + o] = b0; out[ob + o + 1] = b1; out[ob + o + 2] = b2; out[ob + o + 3] = b3;
      }
      for (; o < cout; o++) {
        let a = bias[o]!, b = a;
        const wi = o * cin;
        for (let i = 0; i < cin; i++) { const k = w[wi + i]!; a += src[xa + i]! * k; b += src[xb + i]! * k; }
        out[oa + o] = a; out[ob + o] = b;
      }
    }
    for (; p < n; p++) {
      const xi = p * cin, oi = p * cout;
      for (let o = 0; o < cout; o++) {
        let sum = bias[o]!;
        const wi = o * cin;
        for (let i = 0; i < cin; i++) sum += src[xi + i]! * w[wi + i]!;
        out[oi + o] = sum;
      }
    }
  } else {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const oi = (oy * ow + ox) * cout;
        const ix0 = ox * stride - padLeft;
        const kx0 = Math.max(0, -ix0), kx1 = Math.min(kw, x.w - ix0);
        const span = (kx1 - kx0) * cin; // the window's row is contiguous in HWC
        for (let o = 0; o < cout; o++) {
          let sum = bias[o]!;
          for (let ky = 0; ky < kh; ky++) {
            const iy = oy * stride + ky - padTop;
            if (iy < 0 || iy >= x.h) continue;
            const xi = (iy * x.w + ix0 + kx0) * cin;
            const wi = ((o * kh + ky) * kw + kx0) * cin;
            for (let i = 0; i < span; i++) sum += src[xi + i]! * w[wi + i]!;
          }
          out[oi + o] = sum;
        }
      }
    }
  }
  if (op.act === 'relu') for (let i = 0; i < out.length; i++) { if (out[i]! < 0) out[i] = 0; }
  else if (op.act === 'prelu') {
    const alpha = wts.subarray(op.alpha!, op.alpha! + cout);
    for (let i = 0; i < out.length; i++) { const v = out[i]!; if (v < 0) out[i] = v * alpha[i % cout]!; }
  }
}

function depthwise(x: Tensor, op: Extract<Op, { op: 'dw' }>, wts: Float32Array, result: Tensor): void {
  const { kh, kw, c, stride } = op;
  const [oh, padTop] = window1d(x.h, kh, stride, op.same);
  const [ow, padLeft] = window1d(x.w, kw, stride, op.same);
  const out = result.data;
  const src = x.data;
  const w = wts.subarray(op.w, op.w + kh * kw * c);
  const rowStride = x.w * c;
  for (let oy = 0; oy < oh; oy++) {
    const iy0 = oy * stride - padTop;
    for (let ox = 0; ox < ow; ox++) {
      const ix0 = ox * stride - padLeft;
      const oi = (oy * ow + ox) * c;
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
      for (let ch = 0; ch < c; ch++) out[oi + ch] = 0;
      for (let ky = 0; ky < kh; ky++) {
        const iy = iy0 + ky;
        if (iy < 0 || iy >= x.h) continue;
        for (let kx = 0; kx < kw; kx++) {
          const ix = ix0 + kx;
          if (ix < 0 || ix >= x.w) continue;
          const xi = (iy * x.w + ix) * c;
          const wi = (ky * kw + kx) * c;
          for (let ch = 0; ch < c; ch++) out[oi + ch] = out[oi + ch]! + src[xi + ch]! * w[wi + ch]!;
        }
      }
    }
  }
}

function maxPool(x: Tensor, op: Extract<Op, { op: 'maxpool' }>, result: Tensor): void {
  const { k, stride } = op;
  const [oh, padTop] = window1d(x.h, k, stride, op.same);
  const [ow, padLeft] = window1d(x.w, k, stride, op.same);
  const out = result.data.fill(-Infinity);
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      const oi = (oy * ow + ox) * x.c;
      for (let ky = 0; ky < k; ky++) {
        const iy = oy * stride + ky - padTop;
        if (iy < 0 || iy >= x.h) continue;
        for (let kx = 0; kx < k; kx++) {
          const ix = ox * stride + kx - padLeft;
          if (ix < 0 || ix >= x.w) continue;
          const xi = (iy * x.w + ix) * x.c;
          for (let ch = 0; ch < x.c; ch++) { const v = x.data[xi + ch]!; if (v > out[oi + ch]!) out[oi + ch] = v; }
        }
      }
    }
  }
}
