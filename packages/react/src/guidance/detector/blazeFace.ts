// BlazeFace (MediaPipe's 256x256 "back" detector, as shipped in @vladmandic/human; see NOTICE.md) on runGraph: preprocessing,
// anchors, box and keypoint decoding, and weighted non-maximum suppression. Pure computation, no DOM.
import type { FaceBox, FacePoint } from '@biometric-login/core';
import type { Graph, Tensor } from './runGraph.js';

/** A face as the detector returns it: its box, score and six keypoints. */
export type DetectedFace = FaceBox & { keypoints: FacePoint[] };

/** The analyzer's settings decide both (protocol.ts's defaultDetectorSettings): no second set of defaults here. */
export interface BlazeFaceOptions {
  /** Minimum score (sigmoid of the logit) for a face. */
  minScore: number;
  /** Boxes overlapping more than this are merged. Default 0.3, MediaPipe's. */
  iouThreshold?: number;
  /** Longer side of the network input in pixels (a multiple of 32); the shorter side follows the frame. */
  inputSide: number;
}

export interface BlazeFace {
  /** Network input size for a frame of the given size, [width, height], both multiples of 32. */
  inputSize(frameWidth: number, frameHeight: number): [number, number];
  /** Faces in an RGBA image already scaled to inputSize(...); boxes are returned in that image's pixels. */
  detect(rgba: Uint8ClampedArray, width: number, height: number): DetectedFace[];
}

const KEYPOINTS = 6; // right eye, left eye, nose tip, mouth, right ear, left ear (as seen by the camera)

export function createBlazeFace(graph: Graph, options: BlazeFaceOptions): BlazeFace {
  const { minScore, inputSide } = options;
  const iouThreshold = options.iouThreshold ?? 0.3;
  const logitThreshold = Math.log(minScore / (1 - minScore));
  let input: Tensor | undefined;

  return {
    inputSize(frameWidth, frameHeight) {
      const long = Math.max(frameWidth, frameHeight);
      const short = Math.max(32, Math.round((inputSide * Math.min(frameWidth, frameHeight)) / long / 32) * 32);
      return frameWidth >= frameHeight ? [inputSide, short] : [short, inputSide];
    },
    detect(rgba, width, height) {
      // the network's input is reused while the size stays (the graph already reuses everything else)
      if (input === undefined || input.w !== width || input.h !== height) input = { data: new Float32Array(width * height * 3), h: height, w: width, c: 3 };
      for (let p = 0, n = width * height; p < n; p++) {
        input.data[p * 3] = rgba[p * 4]! / 127.5 - 1;
        input.data[p * 3 + 1] = rgba[p * 4 + 1]! / 127.5 - 1;
        input.data[p * 3 + 2] = rgba[p * 4 + 2]! / 127.5 - 1;
      }
      const outputs = graph.run(input);
      // Two heads, each a classifier (1 logit per anchor) and a regressor (16 values per anchor); the finer map first.
      const named = outputs.map((t, i) => ({ t, name: graph.outputNames[i] ?? '' }));
      const cls = named.filter((o) => o.name.startsWith('classificators')).map((o) => o.t);
      const reg = named.filter((o) => o.name.startsWith('regressors')).map((o) => o.t);
      cls.sort((a, b) => b.h * b.w - a.h * a.w);
      reg.sort((a, b) => b.h * b.w - a.h * a.w);
      const candidates: DetectedFace[] = [];
      for (let head = 0; head < cls.length; head++) {
        const c = cls[head]!, r = reg[head]!;
        const perCell = c.c; // anchors per cell: 2 on the stride-16 map, 6 on the stride-32 map
        const strideY = height / c.h, strideX = width / c.w;
        for (let gy = 0; gy < c.h; gy++) {
          for (let gx = 0; gx < c.w; gx++) {
            for (let a = 0; a < perCell; a++) {
              const index = (gy * c.w + gx) * perCell + a;
              const logit = c.data[index]!;
              if (logit < logitThreshold) continue;
              const ax = strideX * (gx + 0.5), ay = strideY * (gy + 0.5);
              const v = r.data.subarray(index * 16, index * 16 + 16);
              const cx = ax + v[0]!, cy = ay + v[1]!, w = v[2]!, h = v[3]!;
              if (!(w > 0 && h > 0)) continue;
              const keypoints: FacePoint[] = [];
              for (let k = 0; k < KEYPOINTS; k++) keypoints.push({ x: ax + v[4 + k * 2]!, y: ay + v[5 + k * 2]! });
              candidates.push({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, score: 1 / (1 + Math.exp(-logit)), keypoints });
            }
          }
        }
      }
      return weightedNms(candidates, iouThreshold);
    },
  };
}

export function iou(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): number {
  const x0 = Math.max(a.x, b.x), y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width), y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

// MediaPipe's blending suppression: overlapping detections are averaged by score, which steadies the box.
function weightedNms(boxes: DetectedFace[], threshold: number): DetectedFace[] {
  const remaining = [...boxes].sort((a, b) => b.score - a.score);
  const kept: DetectedFace[] = [];
  while (remaining.length > 0) {
    const best = remaining[0]!;
    // best always leaves the queue, even when a degenerate box overlaps nothing (not even itself)
    const group = [best, ...remaining.slice(1).filter((b) => iou(best, b) > threshold)];
    const rest = remaining.slice(1).filter((b) => iou(best, b) <= threshold);
    const total = group.reduce((s, b) => s + b.score, 0);
    const avg = (f: (b: DetectedFace) => number) => group.reduce((s, b) => s + f(b) * b.score, 0) / total;
    kept.push({
      x: avg((b) => b.x), y: avg((b) => b.y), width: avg((b) => b.width), height: avg((b) => b.height), score: best.score,
      keypoints: best.keypoints.map((_, k) => ({ x: avg((b) => b.keypoints[k]!.x), y: avg((b) => b.keypoints[k]!.y) })),
    });
    remaining.splice(0, remaining.length, ...rest);
  }
  return kept;
}
