#!/usr/bin/env node
// Makes the detector's golden inputs from fixtures/face_1280x720.jpg, once (node has no JPEG decoder here):
// Chromium decodes the JPEG and, in a worker, scales it through an OffscreenCanvas exactly as the analyzer worker's
// readPixels does, first to the detector's input size, then the recheck's 128x128 square around the face found in it.
// The RGBA pixels are written gzipped beside the JPEG, read by src/guidance/detector/goldenDetection.test.ts.
//   node packages/react/test/makeDetectorInput.mjs
/* global Worker -- inside page.evaluate, which runs in Chromium */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumPath, quietFlags } from '../../../scripts/chromium.mjs';
import { loadDetector, readModel } from './loadDetector.mjs';

const fixtures = (file) => fileURLToPath(new URL(`../../../fixtures/${file}`, import.meta.url));
const frame = { file: 'face_1280x720.jpg', width: 1280, height: 720 };
const RECHECK_SIDE = 128; // faceAnalyzer.worker.ts

// readPixels of faceAnalyzer.worker.ts, on an ImageBitmap of the JPEG, as the accuracy test feeds the worker
const workerSource = `
self.onmessage = async ({ data: { jpeg, width, height, from } }) => {
  const source = await createImageBitmap(new Blob([jpeg], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (from === undefined) context.drawImage(source, 0, 0, width, height);
  else {
    context.clearRect(0, 0, width, height);
    context.drawImage(source, from.x, from.y, from.width, from.height, 0, 0, width, height);
  }
  self.postMessage({ size: [source.width, source.height], pixels: Array.from(context.getImageData(0, 0, width, height).data) });
};`;

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...quietFlags] });
try {
  const page = await browser.newPage();
  const jpegBase64 = readFileSync(fixtures(frame.file)).toString('base64');
  /** The frame drawn at width x height (or its part `from`), as RGBA bytes. */
  const render = async (width, height, from) => {
    const { size, pixels } = await page.evaluate(
      ({ source, jpegBase64, width, height, from }) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
          worker.onmessage = (event) => { resolve(event.data); worker.terminate(); };
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ jpeg: Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0)), width, height, from });
        }),
      { source: workerSource, jpegBase64, width, height, from },
    );
    if (size[0] !== frame.width || size[1] !== frame.height) throw new Error(`${frame.file} decoded as ${size.join('x')}`);
    return Uint8ClampedArray.from(pixels);
  };

  const { parseGraph, createBlazeFace } = await loadDetector();
  // the analyzer's defaults (faceAnalyzer.ts): a 160 px first pass at minScore 0.7
  const find = createBlazeFace(parseGraph(readModel()), { minScore: 0.7, inputSide: 160 });
  const [dw, dh] = find.inputSize(frame.width, frame.height);
  const input = await render(dw, dh);
  const write = (name, pixels) => {
    writeFileSync(fixtures(name), gzipSync(pixels, { level: 9 }));
    console.log(`${name}: ${pixels.length} bytes of RGBA`);
  };
  write(`face_1280x720.detector-${dw}x${dh}.rgba.gz`, input);

  // the recheck's square, centred on the largest face and twice its size, in frame pixels (recheck() in the worker)
  const [face] = find.detect(input, dw, dh).sort((a, b) => b.width * b.height - a.width * a.height);
  if (face === undefined) throw new Error('no face in the detector input');
  const sx = frame.width / dw, sy = frame.height / dh;
  const box = { x: face.x * sx, y: face.y * sy, width: face.width * sx, height: face.height * sy };
  const size = 2 * Math.max(box.width, box.height);
  const around = { x: box.x + box.width / 2 - size / 2, y: box.y + box.height / 2 - size / 2, width: size, height: size };
  console.log('face in the frame', box, 'recheck square', around);
  write(`face_1280x720.recheck-${RECHECK_SIDE}x${RECHECK_SIDE}.rgba.gz`, await render(RECHECK_SIDE, RECHECK_SIDE, around));
} finally {
  await browser.close();
}
