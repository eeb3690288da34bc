/// <reference lib="webworker" />
// Module worker: loads the BlazeFace weights once, then per frame (ImageBitmap or VideoFrame, transferred)
// finds faces and computes the cheap signals. Plain TypeScript, no WebAssembly, no eval.
import type { FrameRegion } from '@biometric-login/core';
import { computeFrameSignals, type FaceBox, faceInterior } from '@biometric-login/core/guidance';
import { type BlazeFace, createBlazeFace, iou } from './detector/blazeFace.js';
import { parseGraph } from './detector/runGraph.js';
import { sha256Hex } from './modelDigest.js';
import { type DetectorSettings, recheckMinScore, recheckSide, type WorkerRequest, type WorkerResponse, workerProtocolVersion } from './protocol.js';

type Box = FrameRegion;

declare const self: DedicatedWorkerGlobalScope;
const post = (message: WorkerResponse) => self.postMessage(message);

interface Detector {
  find: BlazeFace;
  recheck: BlazeFace;
  settings: DetectorSettings;
}

let detector: Promise<Detector> | undefined;
// the last face that passed the recheck, so a face that stays put is not rechecked every frame
let lastVerified: { box: Box; at: number } | undefined;
const canvases = new Map<string, OffscreenCanvas>();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      detector = load(message.modelUrl, message.modelSha256, message.settings);
      detector.then(
        () => undefined,
        () => undefined,
      );
      return;
    case 'analyze':
      void analyze(message.id, message.source);
      return;
  }
  message satisfies never;
};

class ModelRejected extends Error {}

async function load(modelUrl: string, modelSha256: string, settings: DetectorSettings): Promise<Detector> {
  const t0 = performance.now();
  try {
    const response = await fetch(modelUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    // Only the model the package ships runs on the person's frames: not one a CDN, a cache or a proxy swapped.
    const digest = await sha256Hex(bytes).catch((error: unknown) => `unverifiable (${String(error)})`);
    if (digest !== modelSha256) throw new ModelRejected(`the model's SHA-256 is ${digest}, not ${modelSha256}`);
    const graph = parseGraph(bytes);
    const find = createBlazeFace(graph, { minScore: settings.minScore, inputSide: settings.inputSide });
    // a second look at each candidate, centred and at twice its size: faces score high again, the patterns that
    // fooled the first pass (a cat, a cup, concentric rings) mostly do not
    const recheck = createBlazeFace(graph, { minScore: recheckMinScore, inputSide: recheckSide });
    post({ type: 'ready', version: workerProtocolVersion, loadMs: performance.now() - t0 });
    return { find, recheck, settings };
  } catch (error) {
    post({ type: 'failed', code: error instanceof ModelRejected ? 'modelRejected' : 'modelUnavailable', detail: String(error) });
    throw error;
  }
}

/**
 * The source (or the part `from` of it) scaled to width x height, through a canvas kept per use. A part reaching past
 * the frame's edge leaves some of the canvas undrawn: it is cleared first, so it never shows the last frame.
 */
function readPixels(key: string, source: ImageBitmap | VideoFrame, width: number, height: number, from?: Box): ImageData {
  let canvas = canvases.get(key);
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    canvases.set(key, canvas);
  }
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  if (from === undefined) context.drawImage(source, 0, 0, width, height);
  else {
    context.clearRect(0, 0, width, height);
    context.drawImage(source, from.x, from.y, from.width, from.height, 0, 0, width, height);
  }
  return context.getImageData(0, 0, width, height);
}

function recheck(model: BlazeFace, source: ImageBitmap | VideoFrame, face: Box): number {
  const size = 2 * Math.max(face.width, face.height);
  const around = { x: face.x + face.width / 2 - size / 2, y: face.y + face.height / 2 - size / 2, width: size, height: size };
  const found = model.detect(readPixels('recheck', source, recheckSide, recheckSide, around).data, recheckSide, recheckSide);
  const centre = recheckSide / 2, tolerance = recheckSide * 0.2;
  let best = 0;
  for (const g of found) {
    if (Math.abs(g.x + g.width / 2 - centre) < tolerance && Math.abs(g.y + g.height / 2 - centre) < tolerance) best = Math.max(best, g.score);
  }
  return best;
}

/** The face's interior is read at this size for its light and sharpness, so a large face does not read as blurred. */
const FACE_SIDE = 96;

async function analyze(id: number, source: ImageBitmap | VideoFrame): Promise<void> {
  try {
    const models = await detector;
    if (!models) throw new Error('not initialised');
    const { find: blazeFace, settings } = models;
    const t0 = performance.now();
    const width = 'displayWidth' in source ? source.displayWidth : source.width;
    const height = 'displayHeight' in source ? source.displayHeight : source.height;
    const [dw, dh] = blazeFace.inputSize(width, height);
    const detectorInput = readPixels('detector', source, dw, dh);
    const sx = width / dw, sy = height / dh;
    const candidates: FaceBox[] = blazeFace
      .detect(detectorInput.data, dw, dh)
      .map((f) => ({ x: f.x * sx, y: f.y * sy, width: f.width * sx, height: f.height * sy, score: f.score, keypoints: f.keypoints.map((k) => ({ x: k.x * sx, y: k.y * sy })) }))
      .sort((a, b) => b.width * b.height - a.width * a.height);
    const now = performance.now();
    const faces: FaceBox[] = [];
    for (const face of candidates) {
      const reuse = lastVerified && now - lastVerified.at < settings.recheckReuseMs && iou(face, lastVerified.box) > 0.5;
      const second = reuse ? 1 : recheck(models.recheck, source, face);
      if (second >= settings.recheckScore) faces.push({ ...face, score: Math.min(face.score, second) });
    }
    lastVerified = faces[0] ? { box: faces[0], at: now } : undefined;
    const scale = Math.min(1, settings.signalsSide / Math.max(width, height));
    const sw = Math.round(width * scale), sh = Math.round(height * scale);
    const signalsInput = readPixels('signals', source, sw, sh);
    const face = faces[0];
    const region: Box | undefined = face && { x: face.x * scale, y: face.y * scale, width: face.width * scale, height: face.height * scale };
    // the face's interior from the camera frame itself, sharper than the downscaled frame
    const faceImage = face && readPixels('face', source, FACE_SIDE, FACE_SIDE, faceInterior(face));
    const signals = computeFrameSignals(signalsInput.data, sw, sh, { ...(region && { region }), ...(faceImage && { face: { pixels: faceImage.data, width: FACE_SIDE, height: FACE_SIDE } }) });
    post({ type: 'result', id, result: { faces, signals, frame: { width, height }, workerMs: performance.now() - t0 } });
  } catch (error) {
    post({ type: 'error', id, code: 'analysisFailed', detail: String(error) });
  } finally {
    source.close();
  }
}
