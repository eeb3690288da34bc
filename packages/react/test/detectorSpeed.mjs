#!/usr/bin/env node
// Microbenchmark of the face detector on its golden inputs (see makeDetectorInput.mjs): detect() at the analyzer's
// first-pass size and at the recheck's, timed after a warm-up. In node by default, a proxy for the worker (same V8);
// with --chromium, inside a dedicated worker of Debian's Chromium, as the analyzer runs it. Nothing is asserted.
//   node packages/react/test/detectorSpeed.mjs [--runs 200] [--warmup 50] [--chromium] [--source <folder with runGraph.ts and blazeFace.ts>]
// Measured on the 2-core machine (2026-12-08), first pass 160x96, median (p95): node 20 41.5 (43) ms before the kernels
// were rewritten, 24.3 (24.7) ms after; Chromium 156's worker 35.8 (36.3) ms before, 22.4 (23.0) ms after.
// --source runs an older copy of the folder (e.g. from `git show HEAD:<file>`), to compare on the same machine state.
/* global Worker -- inside page.evaluate, which runs in Chromium */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { chromiumPath, quietFlags } from '../../../scripts/chromium.mjs';
import { bundleDetector, loadDetector, readModel } from './loadDetector.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '200' }, warmup: { type: 'string', default: '50' }, source: { type: 'string' }, chromium: { type: 'boolean', default: false } },
});
const runs = Number(values.runs), warmup = Number(values.warmup);
const fixture = (file) => new Uint8Array(gunzipSync(readFileSync(new URL(`../../../fixtures/${file}`, import.meta.url))));
// the analyzer's defaults (faceAnalyzer.ts, faceAnalyzer.worker.ts)
const cases = [
  { name: 'first pass 160x96', options: { minScore: 0.7, inputSide: 160 }, pixels: fixture('face_1280x720.detector-160x96.rgba.gz'), width: 160, height: 96 },
  { name: 'recheck 128x128', options: { minScore: 0.1, inputSide: 128 }, pixels: fixture('face_1280x720.recheck-128x128.rgba.gz'), width: 128, height: 128 },
];

// Self-contained (it is also sent to Chromium as source): per case, median and p95 ms and the largest face.
function measure({ parseGraph, createBlazeFace }, model, cases, runs, warmup) {
  const graph = parseGraph(model);
  return cases.map(({ name, options, pixels, width, height }) => {
    const detector = createBlazeFace(graph, options);
    const rgba = new Uint8ClampedArray(pixels);
    for (let i = 0; i < warmup; i++) detector.detect(rgba, width, height);
    const times = [];
    // the process's CPU time too (node only): on a busy machine it moves less than the wall clock
    const cpuTimes = [];
    const cpu = globalThis.process?.cpuUsage;
    let faces = [];
    for (let i = 0; i < runs; i++) {
      const c0 = cpu?.();
      const t0 = performance.now();
      faces = detector.detect(rgba, width, height);
      times.push(performance.now() - t0);
      if (c0) { const used = cpu(c0); cpuTimes.push((used.user + used.system) / 1000); }
    }
    const at = (values, p) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];
    return { name, median: at(times, 0.5), p95: at(times, 0.95), ...(cpuTimes.length > 0 && { cpuMedian: at(cpuTimes, 0.5) }), face: faces[0] && { x: faces[0].x, y: faces[0].y, width: faces[0].width, height: faces[0].height, score: faces[0].score } };
  });
}

async function inChromium() {
  const { chromium } = await import('playwright');
  const detector = await bundleDetector(values.source, { format: 'iife', globalName: 'detector' });
  const workerSource = `${detector}\nconst measure = ${measure.toString()};\nself.onmessage = ({ data }) => self.postMessage(measure(detector, data.model, data.cases, data.runs, data.warmup));`;
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...quietFlags] });
  try {
    const page = await browser.newPage();
    const version = browser.version();
    const results = await page.evaluate(
      ({ workerSource, model, cases, runs, warmup }) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
          worker.onmessage = (event) => { resolve(event.data); worker.terminate(); };
          worker.onerror = (event) => reject(new Error(event.message));
          const bytes = Uint8Array.from(model);
          worker.postMessage({ model: bytes.buffer, cases: cases.map((c) => ({ ...c, pixels: Uint8Array.from(c.pixels) })), runs, warmup }, [bytes.buffer]);
        }),
      { workerSource, model: Array.from(new Uint8Array(readModel())), cases: cases.map((c) => ({ ...c, pixels: Array.from(c.pixels) })), runs, warmup },
    );
    return { where: `Chromium ${version} dedicated worker`, results };
  } finally {
    await browser.close();
  }
}

const { where, results } = values.chromium ? await inChromium() : { where: `node ${process.version}`, results: measure(await loadDetector(values.source), readModel(), cases, runs, warmup) };
console.log(`${where}, ${runs} runs after ${warmup} warm-up runs${values.source ? `, source ${values.source}` : ''}`);
for (const { name, median, p95, cpuMedian, face } of results) {
  const found = face ? `face ${[face.x, face.y, face.width, face.height].map((v) => v.toFixed(2)).join(' ')} score ${face.score.toFixed(4)}` : 'no face';
  const cpu = cpuMedian === undefined ? '' : `  CPU median ${cpuMedian.toFixed(2)} ms`;
  console.log(`${name.padEnd(18)} median ${median.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms${cpu}  (${found})`);
}
