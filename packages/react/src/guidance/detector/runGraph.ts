// A minimal executor for the small convolutional graphs of BlazeFace-family models, in plain TypeScript:
// no TensorFlow.js, no WebAssembly, so it runs under `script-src 'self'` with no 'wasm-unsafe-eval'. The model
// file is made by scripts/convert-face-model.mjs: [u32 header length][header JSON][float16 weights].
// The kernels are in kernels.ts; this file plans the buffers and the fused steps and runs them.
import { add, conv2d, depthwiseConv2d, type Epilogue, halfToFloat, maxPool2d, padChannels, prelu, relu, sigmoid, type Tensor, window1d } from './kernels.js';

export type { Tensor } from './kernels.js';

/** One operation; `in`/`in2` are tensor ids: 0 is the graph's input, k the output of ops[k - 1]; `w`, `bias` and `alpha` are offsets into the weights. */
export type Op =
  | { op: 'conv'; in: number; kh: number; kw: number; cin: number; cout: number; stride: number; same: number; w: number; bias?: number; act?: 'relu' | 'prelu'; alpha?: number }
  | { op: 'dw'; in: number; kh: number; kw: number; c: number; stride: number; same: number; w: number }
  | { op: 'add'; in: number; in2: number }
  | { op: 'relu'; in: number }
  | { op: 'prelu'; in: number; alpha: number }
  | { op: 'sigmoid'; in: number }
  | { op: 'maxpool'; in: number; k: number; stride: number; same: number }
  | { op: 'padc'; in: number; after: number };

export interface GraphHeader {
  format: 'graph-f16-v1';
  input: [number, number, number];
  ops: Op[];
  outputs: { name: string; id: number }[];
  /** Number of float16 weights after the header. */
  weights: number;
}

export interface Graph {
  /** The input size the model was trained at, [height, width, channels]. */
  readonly input: readonly [number, number, number];
  readonly outputNames: readonly string[];
  /** Runs the graph on an HWC float input of any height and width (the graphs are fully convolutional). */
  run(input: Tensor): Tensor[];
}

export interface GraphOptions {
  /** Fuse convolution + add + ReLU into single steps where the graph allows it (default); off only to compare. */
  fuse?: boolean;
}

export function parseGraph(bytes: ArrayBuffer): Graph {
  const view = new DataView(bytes);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, headerLength))) as GraphHeader;
  if (header.format !== 'graph-f16-v1') throw new Error(`unknown model format ${String(header.format)}`);
  return graphFromHeader(header, halfToFloat(new Uint16Array(bytes, 4 + headerLength, header.weights)));
}

/** A graph from its header and its weights already as floats (parseGraph's second half; tests build graphs with it). */
export function graphFromHeader(header: GraphHeader, weights: Float32Array, options: GraphOptions = {}): Graph {
  const steps = planSteps(header.ops, header.outputs, options.fuse ?? true);
  // Buffers are planned once per input size and reused: allocating ~130 arrays a frame costs more than the maths.
  // One plan per size, since the worker runs the graph at two (the frame, and the recheck's square).
  const plans = new Map<string, (input: Tensor) => Tensor[]>();
  return {
    input: header.input,
    outputNames: header.outputs.map((o) => o.name),
    run(input) {
      const size = `${input.h}x${input.w}x${input.c}`;
      let plan = plans.get(size);
      if (plan === undefined) {
        plan = compile(header, steps, weights, input);
        plans.set(size, plan);
      }
      return plan(input);
    },
  };
}

/** One step of a plan: ops[op], with the convolution that feeds it (an add's) and the ReLU that follows it done in the same pass. */
export interface Step {
  op: number;
  conv?: number;
  relu?: number;
}

/**
 * The order of steps, fusing only what the data flow proves safe: a convolution into the add that is its only reader
 * (the add's other input becomes the convolution's residual), and a ReLU into the add or convolution whose output
 * only it reads. A tensor a graph output or a second op also reads is never fused away.
 */
export function planSteps(ops: readonly Op[], outputs: GraphHeader['outputs'], fuse: boolean): Step[] {
  const readers = new Array<number>(ops.length + 1).fill(0);
  ops.forEach((op, index) => {
    const inputs = op.op === 'add' ? [op.in, op.in2] : [op.in];
    // ops read only what earlier ops made, so running the steps in order (fused ones later) is sound
    for (const id of inputs) if (!Number.isInteger(id) || id < 0 || id > index) throw new Error(`op ${index + 1} (${op.op}) reads tensor ${id}, not made before it`);
    for (const id of inputs) readers[id] = readers[id]! + 1;
  });
  for (const o of outputs) {
    if (!Number.isInteger(o.id) || o.id < 0 || o.id > ops.length) throw new Error(`output ${o.name} is tensor ${o.id}, which no op makes`);
    readers[o.id] = readers[o.id]! + 1;
  }
  const producer = (id: number) => (id > 0 ? ops[id - 1] : undefined);
  const convInto = new Map<number, number>(); // conv op index -> add op index
  const convOf = new Map<number, number>(); // add op index -> conv op index
  const reluOf = new Map<number, number>(); // add or conv op index -> relu op index
  const fusedRelus = new Set<number>();
  if (fuse) {
    ops.forEach((op, index) => {
      if (op.op !== 'add') return;
      for (const id of [op.in2, op.in]) {
        const other = id === op.in2 ? op.in : op.in2;
        if (producer(id)?.op === 'conv' && readers[id] === 1 && other !== id) {
          convInto.set(id - 1, index);
          convOf.set(index, id - 1);
          return;
        }
      }
    });
    ops.forEach((op, index) => {
      if (op.op !== 'relu') return;
      const from = producer(op.in);
      const at = op.in - 1;
      if ((from?.op === 'add' || (from?.op === 'conv' && !convInto.has(at))) && readers[op.in] === 1) {
        reluOf.set(at, index);
        fusedRelus.add(index);
      }
    });
  }
  const steps: Step[] = [];
  ops.forEach((_, index) => {
    if (convInto.has(index) || fusedRelus.has(index)) return;
    const conv = convOf.get(index), relu = reluOf.get(index);
    steps.push({ op: index, ...(conv !== undefined && { conv }), ...(relu !== undefined && { relu }) });
  });
  return steps;
}

/** The plan's steps by name, e.g. 'conv+add+relu' (for tests). */
export function describeSteps(ops: readonly Op[], steps: readonly Step[]): string[] {
  return steps.map((s) => [s.conv === undefined ? undefined : 'conv', ops[s.op]!.op, s.relu === undefined ? undefined : 'relu'].filter((name) => name !== undefined).join('+'));
}

type Shape = [h: number, w: number, c: number];

function shapeOf(op: Op, x: Shape, y: Shape | undefined, index: number): Shape {
  const fail = (why: string) => new Error(`op ${index + 1} (${op.op}): ${why}`);
  switch (op.op) {
    case 'conv':
    case 'dw': {
      const channels = op.op === 'conv' ? op.cin : op.c;
      if (x[2] !== channels) throw fail(`input has ${x[2]} channels, not ${channels}`);
      return [window1d(x[0], op.kh, op.stride, op.same)[0], window1d(x[1], op.kw, op.stride, op.same)[0], op.op === 'conv' ? op.cout : op.c];
    }
    case 'maxpool':
      return [window1d(x[0], op.k, op.stride, op.same)[0], window1d(x[1], op.k, op.stride, op.same)[0], x[2]];
    case 'padc':
      return [x[0], x[1], x[2] + op.after];
    case 'add':
      if (y === undefined || y.join() !== x.join()) throw fail(`adds ${x.join('x')} to ${y?.join('x')}`);
      return x;
    case 'relu':
    case 'prelu':
    case 'sigmoid':
      return x;
  }
  op satisfies never;
  throw fail('unknown op');
}

function compile(header: GraphHeader, steps: readonly Step[], weights: Float32Array, input: Tensor): (input: Tensor) => Tensor[] {
  const { ops } = header;
  const shapes: Shape[] = [[input.h, input.w, input.c]];
  ops.forEach((op, index) => shapes.push(shapeOf(op, shapes[op.in]!, op.op === 'add' ? shapes[op.in2] : undefined, index)));
  const view = (at: number, length: number) => {
    if (at < 0 || at + length > weights.length) throw new Error(`weights ${at}..${at + length} past the end (${weights.length})`);
    return weights.subarray(at, at + length);
  };
  const tensors: (Tensor | undefined)[] = [input];
  const tensor = (id: number) => tensors[id]!;
  // one scratch row of convolution windows, shared by every step (they run one at a time)
  let scratchLength = 0;
  const run: (() => void)[] = [];
  for (const step of steps) {
    const op = ops[step.op]!;
    const [h, w, c] = shapes[step.op + 1]!;
    const out: Tensor = { data: new Float32Array(h * w * c), h, w, c };
    tensors[step.op + 1] = out;
    if (step.relu !== undefined) tensors[step.relu + 1] = out;
    const reluAfter = step.relu !== undefined;
    /** The convolution's step, with the add's other input as its residual when it feeds an add. */
    const convolution = (conv: Extract<Op, { op: 'conv' }>, residualId: number | undefined) => {
      const patch = conv.kh * conv.kw * conv.cin;
      if (conv.kh !== 1 || conv.kw !== 1 || conv.stride !== 1) scratchLength = Math.max(scratchLength, w * patch);
      const kernel = view(conv.w, conv.cout * patch);
      const bias = conv.bias === undefined ? new Float32Array(conv.cout) : view(conv.bias, conv.cout);
      const alpha = conv.act === 'prelu' ? view(conv.alpha!, conv.cout) : undefined;
      const win = { kh: conv.kh, kw: conv.kw, stride: conv.stride, same: conv.same };
      return () => {
        const epilogue: Epilogue = { ...(conv.act && { act: conv.act }), ...(alpha && { alpha }), ...(residualId !== undefined && { residual: tensor(residualId).data }), relu: reluAfter };
        conv2d(tensor(conv.in), win, kernel, bias, out, epilogue, scratch);
      };
    };
    switch (op.op) {
      case 'add':
        if (step.conv === undefined) {
          run.push(() => add(tensor(op.in).data, tensor(op.in2).data, out.data, reluAfter));
          break;
        }
        run.push(convolution(ops[step.conv] as Extract<Op, { op: 'conv' }>, op.in2 === step.conv + 1 ? op.in : op.in2));
        break;
      case 'conv':
        run.push(convolution(op, undefined));
        break;
      case 'dw': {
        const kernel = view(op.w, op.kh * op.kw * op.c);
        const win = { kh: op.kh, kw: op.kw, stride: op.stride, same: op.same };
        run.push(() => depthwiseConv2d(tensor(op.in), win, kernel, out));
        break;
      }
      case 'relu':
        run.push(() => relu(tensor(op.in).data, out.data));
        break;
      case 'prelu': {
        const alpha = view(op.alpha, c);
        run.push(() => prelu(tensor(op.in).data, alpha, c, out.data));
        break;
      }
      case 'sigmoid':
        run.push(() => sigmoid(tensor(op.in).data, out.data));
        break;
      case 'maxpool': {
        const win = { k: op.k, stride: op.stride, same: op.same };
        run.push(() => maxPool2d(tensor(op.in), win, out));
        break;
      }
      case 'padc':
        run.push(() => padChannels(tensor(op.in), out));
        break;
      default:
        op satisfies never;
    }
  }
  const scratch = new Float32Array(scratchLength);
  return (inp) => {
    tensors[0] = inp;
    for (const step of run) step();
    return header.outputs.map((o) => tensor(o.id));
  };
}
