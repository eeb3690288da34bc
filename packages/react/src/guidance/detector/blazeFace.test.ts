import { describe, expect, it } from 'vitest';
import { type BlazeFaceOptions, createBlazeFace, iou } from './blazeFace.js';
import type { Graph, Tensor } from './runGraph.js';

// The decoder and the suppression on hand-made network outputs, with the expected boxes worked out by hand below.
// A 64x32 input: the fine head is 2x4 cells (stride 16, 2 anchors each), the coarse one 1x2 cells (stride 32, 6 anchors).
const WIDTH = 64, HEIGHT = 32;
const logit = (score: number) => Math.log(score / (1 - score));
// the suppression averages even a lone box (x * score / score), so values are equal to within rounding
const near = (values: number[]) => values.map((v) => expect.closeTo(v, 9));

interface Planted {
  head: 0 | 1;
  gy: number;
  gx: number;
  anchor: number;
  logit: number;
  /** dx, dy, width, height, then six keypoints' dx, dy; missing ones are 0. */
  values: number[];
}

const tensor = (h: number, w: number, c: number, fill = 0): Tensor => ({ data: new Float32Array(h * w * c).fill(fill), h, w, c });

/** A graph that ignores its input and answers the planted detections (every other anchor scores sigmoid(-10)). */
function fakeGraph(planted: Planted[], seen: Tensor[] = []): Graph {
  const cls = [tensor(2, 4, 2, -10), tensor(1, 2, 6, -10)];
  const reg = [tensor(2, 4, 32), tensor(1, 2, 96)];
  for (const p of planted) {
    const c = cls[p.head]!, r = reg[p.head]!;
    const index = (p.gy * c.w + p.gx) * c.c + p.anchor;
    c.data[index] = p.logit;
    r.data.set(p.values, index * 16);
  }
  // outputs in an order the decoder must not rely on: it pairs them by name and sorts by size
  return {
    input: [256, 256, 3],
    outputNames: ['regressors_2', 'classificators_1', 'classificators_2', 'regressors_1'],
    run(input) {
      seen.push({ ...input, data: input.data.slice() });
      return [reg[1]!, cls[0]!, cls[1]!, reg[0]!];
    },
  };
}

/** The test's own settings for the fake graph (the analyzer's come from protocol.ts). */
const testOptions = { minScore: 0.75, inputSide: 224 };
const detect = (planted: Planted[], options: Partial<BlazeFaceOptions> = {}) => createBlazeFace(fakeGraph(planted), { ...testOptions, ...options }).detect(new Uint8ClampedArray(WIDTH * HEIGHT * 4), WIDTH, HEIGHT);

describe('createBlazeFace: decoding', () => {
  it('turns an anchor and its regressors into a box, a score and keypoints', () => {
    // fine head, cell (gy 1, gx 2): anchor centre (16 * 2.5, 16 * 1.5) = (40, 24); centre +(3, -2), size 10 x 12
    const keypoints = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const faces = detect([{ head: 0, gy: 1, gx: 2, anchor: 1, logit: logit(0.9), values: [3, -2, 10, 12, ...keypoints] }]);
    expect(faces).toHaveLength(1);
    const [face] = faces;
    expect(face!.x).toBeCloseTo(38, 9); // 40 + 3 - 10 / 2
    expect(face!.y).toBeCloseTo(16, 9); // 24 - 2 - 12 / 2
    expect(face!.width).toBeCloseTo(10, 9);
    expect(face!.height).toBeCloseTo(12, 9);
    expect(face!.score).toBeCloseTo(0.9, 6);
    expect(face!.keypoints.map((k) => [k.x, k.y])).toEqual([[41, 26], [43, 28], [45, 30], [47, 32], [49, 34], [51, 36]].map(near));
  });

  it('decodes the coarse head on its own stride, and returns faces best first', () => {
    // coarse head, cell (0, 1), anchor 5: centre (32 * 1.5, 32 * 0.5) = (48, 16); a 20 x 20 box there
    const faces = detect([
      { head: 1, gy: 0, gx: 1, anchor: 5, logit: logit(0.8), values: [0, 0, 20, 20] },
      { head: 0, gy: 1, gx: 2, anchor: 0, logit: logit(0.95), values: [3, -2, 10, 12] },
    ]);
    // IoU of (38,16,10,12) and (38,6,20,20): 100 / (120 + 400 - 100) = 0.24, under 0.3, so both stay
    expect(faces.map((f) => [f.x, f.y, f.width, f.height])).toEqual([near([38, 16, 10, 12]), near([38, 6, 20, 20])]);
    expect(faces.map((f) => f.score)).toEqual([expect.closeTo(0.95, 6), expect.closeTo(0.8, 6)]);
    expect(faces[1]!.keypoints.map((k) => [k.x, k.y])).toEqual(Array.from({ length: 6 }, () => near([48, 16])));
  });

  it('keeps a score just over minScore and drops one just under', () => {
    const threshold = logit(0.75); // ln 3
    const faces = detect([
      { head: 0, gy: 0, gx: 0, anchor: 0, logit: threshold + 0.01, values: [0, 0, 4, 4] },
      { head: 0, gy: 1, gx: 3, anchor: 0, logit: threshold - 0.01, values: [0, 0, 4, 4] },
    ]);
    expect(faces.map((f) => [f.x, f.y])).toEqual([near([6, 6])]);
    expect(detect([{ head: 0, gy: 1, gx: 3, anchor: 0, logit: threshold - 0.01, values: [0, 0, 4, 4] }], { minScore: 0.7 })).toHaveLength(1);
  });

  it('skips boxes without a positive width and height', () => {
    const faces = detect([
      { head: 0, gy: 0, gx: 0, anchor: 0, logit: 5, values: [0, 0, 0, 4] },
      { head: 0, gy: 0, gx: 1, anchor: 0, logit: 5, values: [0, 0, 4, -1] },
      { head: 0, gy: 0, gx: 2, anchor: 0, logit: 5, values: [0, 0, Number.NaN, 4] },
    ]);
    expect(faces).toEqual([]);
  });

  it('feeds the network the RGB channels scaled to [-1, 1], alpha dropped', () => {
    const seen: Tensor[] = [];
    const model = createBlazeFace(fakeGraph([], seen), testOptions);
    model.detect(Uint8ClampedArray.from([0, 255, 51, 7, 255, 0, 127.5, 255]), 2, 1);
    expect(seen).toHaveLength(1);
    expect([seen[0]!.h, seen[0]!.w, seen[0]!.c]).toEqual([1, 2, 3]);
    expect(Array.from(seen[0]!.data)).toEqual([-1, 1, expect.closeTo(-0.6, 6), 1, -1, expect.closeTo(0.00392, 4)]); // 127.5 is stored as 128
  });

  it('sizes the input: the longer side inputSide, the shorter a multiple of 32 that keeps the aspect', () => {
    expect(createBlazeFace(fakeGraph([]), testOptions).inputSize(1280, 720)).toEqual([224, 128]);
    const model = createBlazeFace(fakeGraph([]), { ...testOptions, inputSide: 160 });
    expect(model.inputSize(1280, 720)).toEqual([160, 96]); // 160 * 720 / 1280 = 90, nearest multiple of 32
    expect(model.inputSize(720, 1280)).toEqual([96, 160]);
    expect(model.inputSize(640, 480)).toEqual([160, 128]); // 120 -> 128
    expect(model.inputSize(500, 500)).toEqual([160, 160]);
    expect(model.inputSize(1000, 10)).toEqual([160, 32]); // never under 32
  });
});

describe('createBlazeFace: weighted non-maximum suppression', () => {
  // two anchors of the fine head's first cell, centre (8, 8): boxes (3,3,10,10) and, shifted right, (x,3,10,10)
  const pair = (shift: number, keypointShift = 0): Planted[] => [
    { head: 0, gy: 0, gx: 0, anchor: 0, logit: logit(0.9), values: [0, 0, 10, 10] },
    { head: 0, gy: 0, gx: 0, anchor: 1, logit: logit(0.8), values: [shift, 0, 10, 10, ...Array.from({ length: 12 }, () => keypointShift)] },
  ];

  it('merges overlapping boxes into their score-weighted mean, keeping the best score', () => {
    // shift 2: IoU 80 / 120 = 0.67; x = (3 * 0.9 + 5 * 0.8) / 1.7; keypoints (8, 8) and (9, 9) likewise
    const faces = detect(pair(2, 1));
    expect(faces).toHaveLength(1);
    const [face] = faces;
    expect(face!.x).toBeCloseTo((3 * 0.9 + 5 * 0.8) / 1.7, 6);
    expect([face!.y, face!.width, face!.height]).toEqual(near([3, 10, 10]));
    expect(face!.score).toBeCloseTo(0.9, 6);
    for (const k of face!.keypoints) {
      expect(k.x).toBeCloseTo((8 * 0.9 + 9 * 0.8) / 1.7, 6);
      expect(k.y).toBeCloseTo((8 * 0.9 + 9 * 0.8) / 1.7, 6);
    }
  });

  it('merges at an IoU over the threshold and keeps both under it', () => {
    expect(detect(pair(5))).toHaveLength(1); // IoU 50 / 150 = 0.33 > 0.3
    expect(detect(pair(6)).map((f) => f.x)).toEqual(near([3, 9])); // IoU 40 / 160 = 0.25
    expect(detect(pair(5), { iouThreshold: 0.4 })).toHaveLength(2);
  });

  it('suppresses around each best box in turn, not around boxes already merged', () => {
    // 0.9 at x 3, 0.8 at x 7 (IoU 0.43 with the first), 0.7 at x 11 (IoU 0.11 with the first, 0.43 with the second)
    const faces = detect([...pair(4), { head: 0, gy: 0, gx: 1, anchor: 0, logit: logit(0.7), values: [-8, 0, 10, 10] }], { minScore: 0.6 });
    expect(faces.map((f) => f.score)).toEqual([expect.closeTo(0.9, 6), expect.closeTo(0.7, 6)]);
    expect(faces[1]!.x).toBeCloseTo(11, 9); // 24 - 8 - 5
  });
});

describe('iou', () => {
  const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
  it('is the area of the intersection over the area of the union', () => {
    expect(iou(box(0, 0, 10, 10), box(0, 0, 10, 10))).toBe(1);
    expect(iou(box(0, 0, 10, 10), box(5, 0, 10, 10))).toBeCloseTo(1 / 3, 12);
    expect(iou(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBeCloseTo(25 / 175, 12);
    expect(iou(box(0, 0, 10, 10), box(2, 2, 4, 4))).toBeCloseTo(16 / 100, 12);
  });
  it('is 0 for boxes apart, touching, or without area', () => {
    expect(iou(box(0, 0, 10, 10), box(20, 0, 10, 10))).toBe(0);
    expect(iou(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(0);
    expect(iou(box(0, 0, 0, 0), box(0, 0, 0, 0))).toBe(0);
  });
});
