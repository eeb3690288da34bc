import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose, randomTensor, referenceRun, seededRandom } from '../../../test/detectorReference.js';
import { halfToFloat } from './kernels.js';
import { describeSteps, type GraphHeader, graphFromHeader, type Op, parseGraph, planSteps, type Tensor } from './runGraph.js';

// The graph runner on small graphs built here, against the reference interpreter (test/detectorReference.ts), fused
// and unfused; then the shipped model's own plan. Weights are multiples of 1/256, exact in float16, so a graph can
// also go through the file format.

/** Builds a header op by op; each method returns the new tensor's id. */
function graphBuilder(channels: number, seed = 1) {
  const random = seededRandom(seed);
  const ops: Op[] = [];
  const weights: number[] = [];
  const tensorChannels = [channels];
  const take = (count: number) => {
    const at = weights.length;
    for (let i = 0; i < count; i++) weights.push(Math.round(random() * 512 - 256) / 256);
    return at;
  };
  const push = (op: Op, c: number) => {
    ops.push(op);
    tensorChannels.push(c);
    return ops.length;
  };
  const c = (id: number) => tensorChannels[id] ?? Number.NaN;
  return {
    conv: (input: number, cout: number, { k = 1, stride = 1, same = 1, act }: { k?: number; stride?: number; same?: number; act?: 'relu' | 'prelu' } = {}) =>
      push({ op: 'conv', in: input, kh: k, kw: k, cin: c(input), cout, stride, same, w: take(cout * k * k * c(input)), bias: take(cout), ...(act && { act }), ...(act === 'prelu' && { alpha: take(cout) }) }, cout),
    dw: (input: number, { k = 3, stride = 1 } = {}) => push({ op: 'dw', in: input, kh: k, kw: k, c: c(input), stride, same: 1, w: take(k * k * c(input)) }, c(input)),
    add: (a: number, b: number) => push({ op: 'add', in: a, in2: b }, c(a)),
    relu: (input: number) => push({ op: 'relu', in: input }, c(input)),
    prelu: (input: number) => push({ op: 'prelu', in: input, alpha: take(c(input)) }, c(input)),
    sigmoid: (input: number) => push({ op: 'sigmoid', in: input }, c(input)),
    maxpool: (input: number) => push({ op: 'maxpool', in: input, k: 2, stride: 2, same: 1 }, c(input)),
    padc: (input: number, after: number) => push({ op: 'padc', in: input, after }, c(input) + after),
    build(outputs: number[]): { header: GraphHeader; weights: Float32Array } {
      const header: GraphHeader = { format: 'graph-f16-v1', input: [8, 8, channels], ops, outputs: outputs.map((id, i) => ({ name: `out${i}`, id })), weights: weights.length };
      return { header, weights: Float32Array.from(weights) };
    },
  };
}

const plan = ({ header }: { header: GraphHeader }, fuse = true) => describeSteps(header.ops, planSteps(header.ops, header.outputs, fuse));

/** Fused, unfused and the reference agree on a few input sizes; returns the fused outputs of the last. */
function expectSameResults({ header, weights }: { header: GraphHeader; weights: Float32Array }, sizes: [number, number][] = [[8, 8], [7, 5], [1, 3]]): Tensor[] {
  const fused = graphFromHeader(header, weights);
  const unfused = graphFromHeader(header, weights, { fuse: false });
  let last: Tensor[] = [];
  sizes.forEach(([h, w], i) => {
    const input = randomTensor(seededRandom(100 + i), h, w, header.input[2]);
    const expected = referenceRun(header, weights, input);
    last = fused.run(input);
    const plain = unfused.run(input);
    expect(last).toHaveLength(expected.length);
    expected.forEach((e, o) => {
      expectClose(last[o]!, e);
      expectClose(plain[o]!, e);
    });
  });
  return last;
}

/** A residual block and a BlazeFace-style downsampling block (max pool, channel padding), then heads. */
function blazeBlocks() {
  const g = graphBuilder(3);
  const t1 = g.conv(0, 4, { k: 3, act: 'relu' });
  const t3 = g.conv(g.dw(t1), 4);
  const t5 = g.relu(g.add(t1, t3));
  const t7 = g.conv(g.dw(t5, { stride: 2 }), 8);
  const t9 = g.padc(g.maxpool(t5), 4);
  const t11 = g.relu(g.add(t9, t7)); // the convolution as the add's second input, as in the model
  const head = g.conv(t11, 2);
  return g.build([head, g.sigmoid(head), g.prelu(t11)]);
}

describe('planSteps and the fused steps', () => {
  it('fuses a convolution into the add it alone feeds, and the ReLU that alone reads the add; results unchanged', () => {
    const graph = blazeBlocks();
    expect(plan(graph)).toEqual(['conv', 'dw', 'conv+add+relu', 'dw', 'maxpool', 'padc', 'conv+add+relu', 'conv', 'sigmoid', 'prelu']);
    expect(plan(graph, false)).toEqual(graph.header.ops.map((op) => op.op));
    expectSameResults(graph);
  });

  it('fuses by data flow, not by position: an op between the add and its ReLU stays in the plan', () => {
    // the ReLU of t3 comes after an unrelated convolution; fusing by "the previous op" would drop that convolution
    const g = graphBuilder(3);
    const t1 = g.conv(0, 4);
    const t3 = g.add(t1, g.conv(t1, 4));
    const t4 = g.conv(t1, 4);
    const t5 = g.relu(t3);
    const graph = g.build([g.add(t4, t5)]);
    expect(plan(graph)).toEqual(['conv', 'conv+add+relu', 'conv+add']);
    expectSameResults(graph);
  });

  it('does not fuse a convolution whose output a second op reads', () => {
    const g = graphBuilder(3);
    const t1 = g.conv(0, 4);
    const t2 = g.conv(t1, 4);
    const t4 = g.relu(g.add(t1, t2));
    const graph = g.build([g.add(t2, t4)]); // t2 read twice
    expect(plan(graph)).toEqual(['conv', 'conv', 'add+relu', 'add']);
    expectSameResults(graph);
  });

  it('does not fuse a ReLU into an add whose output is also a graph output or read elsewhere', () => {
    const g = graphBuilder(3);
    const t1 = g.conv(0, 4);
    const t3 = g.add(t1, g.conv(t1, 4));
    const t4 = g.relu(t3);
    const graph = g.build([t3, t4]);
    expect(plan(graph)).toEqual(['conv', 'conv+add', 'relu']);
    const [sum] = expectSameResults(graph);
    expect(sum!.data.some((v) => v < 0)).toBe(true); // the output before the ReLU is kept as it is

    const h = graphBuilder(3);
    const s1 = h.conv(0, 4);
    const s3 = h.add(s1, h.conv(s1, 4));
    const other = h.build([h.relu(s3), h.conv(s3, 2)]);
    expect(plan(other)).toEqual(['conv', 'conv+add', 'relu', 'conv']);
    expectSameResults(other);
  });

  it('fuses a ReLU straight after a convolution that only it reads, and not otherwise', () => {
    const g = graphBuilder(3);
    const t1 = g.conv(0, 4, { k: 3, stride: 2, act: 'prelu' });
    const fused = g.build([g.relu(t1)]);
    expect(plan(fused)).toEqual(['conv+relu']);
    expectSameResults(fused);

    const h = graphBuilder(3);
    const s1 = h.conv(0, 4);
    const kept = h.build([h.relu(s1), s1]);
    expect(plan(kept)).toEqual(['conv', 'relu']);
    expectSameResults(kept);
  });

  it('refuses a graph that reads a tensor before it is made, and shapes that do not fit', () => {
    const ops: Op[] = [{ op: 'relu', in: 2 }, { op: 'relu', in: 0 }];
    expect(() => planSteps(ops, [{ name: 'x', id: 2 }], true)).toThrow(/reads tensor 2/);
    expect(() => planSteps([{ op: 'relu', in: 0 }], [{ name: 'x', id: 5 }], true)).toThrow(/no op makes/);
    const g = graphBuilder(3);
    const graph = g.build([g.add(g.conv(0, 4), g.conv(0, 5))]);
    expect(() => graphFromHeader(graph.header, graph.weights).run(randomTensor(seededRandom(1), 4, 4, 3))).toThrow(/adds 4x4x4 to 4x4x5/);
    expect(() => graphFromHeader(blazeBlocks().header, blazeBlocks().weights).run(randomTensor(seededRandom(1), 4, 4, 2))).toThrow(/2 channels, not 3/);
  });
});

describe('graphFromHeader and parseGraph', () => {
  it('gives each run its own input\'s results, at any size, though the buffers are reused', () => {
    const { header, weights } = blazeBlocks();
    const graph = graphFromHeader(header, weights);
    const a = randomTensor(seededRandom(1), 8, 8, 3), b = randomTensor(seededRandom(2), 8, 8, 3), small = randomTensor(seededRandom(3), 4, 6, 3);
    const first = graph.run(a).map((t) => t.data.slice());
    graph.run(b);
    graph.run(small);
    const again = graph.run(a);
    again.forEach((t, i) => expect(t.data).toEqual(first[i]));
    referenceRun(header, weights, small).forEach((e, i) => expectClose(graph.run(small)[i]!, e));
  });

  it('reads the file format: a header length, the JSON header, float16 weights', () => {
    const { header, weights } = blazeBlocks();
    const json = new TextEncoder().encode(JSON.stringify(header));
    const padded = json.length + ((4 - ((4 + json.length) % 4)) % 4);
    const bytes = new ArrayBuffer(4 + padded + weights.length * 2);
    new DataView(bytes).setUint32(0, padded, true);
    new Uint8Array(bytes, 4, padded).fill(0x20).set(json);
    const half = new Uint16Array(bytes, 4 + padded, weights.length);
    // the builder's weights are k/256: sign, exponent, ten bits of fraction, exactly
    weights.forEach((v, i) => {
      if (v === 0) return;
      const exponent = Math.floor(Math.log2(Math.abs(v)));
      half[i] = (v < 0 ? 0x8000 : 0) | ((exponent + 15) << 10) | Math.round((Math.abs(v) / 2 ** exponent - 1) * 1024);
    });
    const parsed = parseGraph(bytes);
    expect(parsed.outputNames).toEqual(['out0', 'out1', 'out2']);
    const input = randomTensor(seededRandom(4), 8, 8, 3);
    const expected = graphFromHeader(header, weights).run(input);
    parsed.run(input).forEach((t, i) => expect(t.data).toEqual(expected[i]!.data));

    new Uint8Array(bytes, 4, padded).fill(0x20).set(new TextEncoder().encode(JSON.stringify({ ...header, format: 'graph-f32-v9' })));
    expect(() => parseGraph(bytes)).toThrow(/unknown model format graph-f32-v9/);
  });
});

describe('the shipped model', () => {
  const file = readFileSync(new URL('../blazeface.bin', import.meta.url));
  const bytes = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, new DataView(bytes).getUint32(0, true)))) as GraphHeader;

  it('is planned as BlazeFace blocks: each pointwise convolution, its residual add and the ReLU in one step', () => {
    const steps = plan({ header });
    const count = (name: string) => steps.filter((s) => s === name).length;
    expect(count('conv+add+relu')).toBe(31);
    expect(steps).toHaveLength(header.ops.length - 2 * 31);
    expect(['add', 'relu', 'add+relu', 'conv+add'].map(count)).toEqual([0, 0, 0, 0]);
  });

  it('gives the same outputs fused and unfused', () => {
    const fused = parseGraph(bytes);
    const headerLength = new DataView(bytes).getUint32(0, true);
    const unfused = graphFromHeader(header, halfToFloat(new Uint16Array(bytes, 4 + headerLength, header.weights)), { fuse: false });
    const input = randomTensor(seededRandom(9), 96, 160, 3);
    const a = fused.run(input), b = unfused.run(input);
    expect(a.map((t) => [t.h, t.w, t.c])).toEqual([[6, 10, 2], [6, 10, 32], [3, 5, 96], [3, 5, 6]]) // strides 16 and 32;
    a.forEach((t, i) => expectClose(t, b[i]!, 1e-4));
  });
});
