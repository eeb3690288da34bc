// Converts a TensorFlow.js graph model (the BlazeFace shipped in @vladmandic/human, MIT; weights by Google, Apache-2.0)
// into the one-file format that packages/react/src/guidance/detector/runGraph.ts executes without TensorFlow.js:
//   [u32 LE header length][header JSON, UTF-8][zero padding to 4][float16 weights]
// Usage (a one-off, not part of the build): npm pack @vladmandic/human@3.3.6, unpack it, then
//   node scripts/convert-face-model.mjs package/models/blazeface.json packages/react/src/guidance/blazeface.bin
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: convert-model.mjs <model.json> <out.bin>');
const model = JSON.parse(readFileSync(input, 'utf8'));
const nodes = model.modelTopology.node;
const attrString = (n, k) => (n.attr?.[k]?.s ? Buffer.from(n.attr[k].s, 'base64').toString() : undefined);
const attrInts = (n, k) => (n.attr?.[k]?.list?.i ?? []).map(Number);

// Read every weight of the manifest as float32 (or int32 for shape/padding constants).
const consts = new Map();
for (const group of model.weightsManifest) {
  const bin = Buffer.concat(group.paths.map((p) => readFileSync(join(dirname(input), p))));
  let offset = 0;
  for (const w of group.weights) {
    const count = w.shape.reduce((a, b) => a * b, 1);
    const q = w.quantization;
    let values;
    if (q?.dtype === 'float16') {
      values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = half2float(bin.readUInt16LE(offset + i * 2));
      offset += count * 2;
    } else if (q) {
      throw new Error(`quantization ${q.dtype} not supported`);
    } else {
      const bytes = bin.subarray(offset, offset + count * 4);
      values = w.dtype === 'int32' ? new Int32Array(new Uint8Array(bytes).buffer) : new Float32Array(new Uint8Array(bytes).buffer);
      offset += count * 4;
    }
    consts.set(w.name, { shape: w.shape, values });
  }
}

const weights = []; // float32 chunks, stored as float16
let weightCount = 0;
const addWeights = (arr) => { const at = weightCount; weights.push(arr); weightCount += arr.length; return at; };
const ids = new Map(); // node name -> tensor id
const ops = [];
let inputShape;
const outputs = [];
const src = (name) => {
  const id = ids.get(name.split(':')[0]);
  if (id === undefined) throw new Error(`unknown input ${name}`);
  return id;
};
const padding = (n) => (attrString(n, 'padding') === 'VALID' ? 0 : 1); // 1 = SAME

for (const n of nodes) {
  switch (n.op) {
    case 'Const':
      break;
    case 'Placeholder': {
      const dims = n.attr.shape.shape.dim.map((d) => Number(d.size));
      inputShape = dims.slice(1); // [h, w, c]
      ids.set(n.name, 0);
      break;
    }
    case '_FusedConv2D':
    case 'Conv2D': {
      const [x, f, b, alpha] = n.input;
      const filter = consts.get(f); // [kh, kw, cin, cout]
      const [kh, kw, cin, cout] = filter.shape;
      // re-layout to [cout][kh][kw][cin] so the inner loop reads contiguous memory
      const t = new Float32Array(filter.values.length);
      for (let y = 0; y < kh; y++) for (let xx = 0; xx < kw; xx++) for (let i = 0; i < cin; i++) for (let o = 0; o < cout; o++)
        t[((o * kh + y) * kw + xx) * cin + i] = filter.values[((y * kw + xx) * cin + i) * cout + o];
      const fused = (n.attr.fused_ops?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString());
      const strides = attrInts(n, 'strides');
      const op = { op: 'conv', in: src(x), kh, kw, cin, cout, stride: strides[1], same: padding(n), w: addWeights(t) };
      if (fused.includes('BiasAdd')) op.bias = addWeights(consts.get(b).values);
      if (fused.includes('Relu')) op.act = 'relu';
      if (fused.includes('Prelu')) { op.act = 'prelu'; op.alpha = addWeights(consts.get(alpha).values); }
      ids.set(n.name, ops.length + 1);
      ops.push(op);
      break;
    }
    case 'DepthwiseConv2dNative': {
      const [x, f] = n.input;
      const filter = consts.get(f); // [kh, kw, c, 1]
      const [kh, kw, c, m] = filter.shape;
      if (m !== 1) throw new Error('depth multiplier must be 1');
      const strides = attrInts(n, 'strides');
      ids.set(n.name, ops.length + 1);
      ops.push({ op: 'dw', in: src(x), kh, kw, c, stride: strides[1], same: padding(n), w: addWeights(filter.values) });
      break;
    }
    case 'AddV2':
    case 'Add':
      ids.set(n.name, ops.length + 1);
      ops.push({ op: 'add', in: src(n.input[0]), in2: src(n.input[1]) });
      break;
    case 'Relu':
      ids.set(n.name, ops.length + 1);
      ops.push({ op: 'relu', in: src(n.input[0]) });
      break;
    case 'Prelu':
      ids.set(n.name, ops.length + 1);
      ops.push({ op: 'prelu', in: src(n.input[0]), alpha: addWeights(consts.get(n.input[1]).values) });
      break;
    case 'Sigmoid':
      ids.set(n.name, ops.length + 1);
      ops.push({ op: 'sigmoid', in: src(n.input[0]) });
      break;
    case 'MaxPool': {
      const k = attrInts(n, 'ksize'), s = attrInts(n, 'strides');
      ids.set(n.name, ops.length + 1);
      ops.push({ op: 'maxpool', in: src(n.input[0]), k: k[1], stride: s[1], same: padding(n) });
      break;
    }
    case 'Pad': {
      const p = Array.from(consts.get(n.input[1]).values);
      if (p.slice(0, 6).some((v) => v !== 0) || p[6] !== 0) throw new Error(`only trailing channel padding is supported: ${p}`);
      ids.set(n.name, ops.length + 1);
      ops.push({ op: 'padc', in: src(n.input[0]), after: p[7] });
      break;
    }
    case 'Reshape':
    case 'Identity':
      ids.set(n.name, src(n.input[0])); // NHWC data is already flat in the order the heads expect
      if (n.op === 'Identity') outputs.push({ name: n.input[0].split('/').pop(), id: src(n.input[0]) });
      break;
    default:
      throw new Error(`op ${n.op} not supported`);
  }
}

const header = Buffer.from(JSON.stringify({ format: 'graph-f16-v1', input: inputShape, ops, outputs, weights: weightCount }));
const pad = (4 - ((4 + header.length) % 4)) % 4;
const out = Buffer.alloc(4 + header.length + pad + weightCount * 2);
out.writeUInt32LE(header.length + pad, 0);
header.copy(out, 4);
out.fill(0x20, 4 + header.length, 4 + header.length + pad); // spaces: still valid JSON
let at = 4 + header.length + pad;
for (const chunk of weights) for (const v of chunk) { out.writeUInt16LE(float2half(v), at); at += 2; }
writeFileSync(output, out);
console.log(`${output}: ${ops.length} ops, ${weightCount} weights, ${out.length} bytes; outputs ${outputs.map((o) => o.name).join(', ')}`);

function half2float(h) {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}
function float2half(v) {
  const f32 = new Float32Array([v]), u = new Uint32Array(f32.buffer)[0];
  const sign = (u >> 16) & 0x8000, exp = ((u >> 23) & 0xff) - 127 + 15, mant = u & 0x7fffff;
  if (exp <= 0) { if (exp < -10) return sign; const m = (mant | 0x800000) >> (1 - exp); return sign | ((m + 0x1000) >> 13); }
  if (exp >= 31) return sign | 0x7c00;
  const h = sign | (exp << 10) | (mant >> 13);
  return mant & 0x1000 ? h + 1 : h; // round half up; carries into the exponent correctly
}
