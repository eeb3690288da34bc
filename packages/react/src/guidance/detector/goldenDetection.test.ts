import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultDetectorSettings, recheckMinScore, recheckSide } from '../protocol.js';
import { createBlazeFace, type DetectedFace } from './blazeFace.js';
import { parseGraph } from './runGraph.js';

// The shipped model on fixtures/face_1280x720.jpg as the worker sees it: the frame drawn at the detector's input size
// by Chromium, and the recheck's square around the face (made by packages/react/test/makeDetectorInput.mjs; node has
// no JPEG decoder). Golden values recorded from the executor before it was optimised; a kernel that changed the
// results by more than float rounding would move them.
const fixture = (file: string) => new Uint8ClampedArray(gunzipSync(readFileSync(new URL(`../../../../../fixtures/${file}`, import.meta.url))));
const model = readFileSync(new URL('../blazeface.bin', import.meta.url));
const graph = parseGraph(model.buffer.slice(model.byteOffset, model.byteOffset + model.byteLength));

function expectFace(face: DetectedFace | undefined, golden: { box: number[]; score: number; keypoints?: number[][] }): void {
  expect(face).toBeDefined();
  // closeTo(v, digits) allows 10^-digits / 2 either side
  const within = (values: number[], pixels: number) => values.map((v) => expect.closeTo(v, -Math.log10(2 * pixels)));
  expect([face!.x, face!.y, face!.width, face!.height]).toEqual(within(golden.box, 1)); // within a pixel
  expect(face!.score).toBeGreaterThanOrEqual(0.9);
  expect(face!.score).toBeCloseTo(golden.score, 3);
  if (golden.keypoints) expect(face!.keypoints.map((k) => [k.x, k.y])).toEqual(golden.keypoints.map((k) => within(k, 1)));
}

describe('the detector on the fixture face (golden values)', () => {
  it('finds the one face in the first pass (160x96, the analyzer defaults)', () => {
    const find = createBlazeFace(graph, { minScore: defaultDetectorSettings.minScore, inputSide: defaultDetectorSettings.inputSide });
    expect(find.inputSize(1280, 720)).toEqual([160, 96]);
    const faces = find.detect(fixture('face_1280x720.detector-160x96.rgba.gz'), 160, 96);
    expect(faces).toHaveLength(1);
    expectFace(faces[0], {
      box: [53.48, 28.59, 33.48, 33.48],
      score: 0.9445,
      // right eye, left eye, nose tip, mouth, right ear, left ear
      keypoints: [[62.08, 37.56], [76.34, 37.71], [68.17, 45.28], [68.45, 52.0], [55.07, 41.13], [85.8, 41.82]],
    });
  });

  it('finds it again, centred, in the recheck square (128x128)', () => {
    const recheck = createBlazeFace(graph, { minScore: recheckMinScore, inputSide: recheckSide });
    const faces = recheck.detect(fixture('face_1280x720.recheck-128x128.rgba.gz'), 128, 128);
    // the worker keeps the best score among boxes centred within 20% of the square's centre
    const centred = faces.filter((f) => Math.abs(f.x + f.width / 2 - 64) < 25.6 && Math.abs(f.y + f.height / 2 - 64) < 25.6);
    expect(centred).toHaveLength(1);
    expectFace(centred[0], { box: [29.69, 30.3, 64.5, 64.5], score: 0.9398 });
    expect(faces.filter((f) => f.score > 0.2)).toHaveLength(1);
  });
});
