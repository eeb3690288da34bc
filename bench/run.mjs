#!/usr/bin/env node
// `pnpm bench`: every figure of the performance budget in one run, side by side, written to
// bench/results.json. Needs the packages built (the `bench` script does it) and Debian's Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { build, preview } from 'vite';
import { cameraFlags, chromiumPath, quietFlags } from '../scripts/chromium.mjs';
import { measurePeople, printPeople } from './people.mjs';
import { formatSizes, measureSizes } from './size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const lighthouseRuns = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const autoCaptureRuns = Number(process.env.BENCH_AUTOCAPTURE_RUNS ?? 6);
const streamMs = Number(process.env.BENCH_STREAM_MS ?? 6000);
const accuracyTest = 'packages/react/src/guidance/accuracy.browser.test.ts';
const faceCamera = cameraFlags('face');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const round = (value, digits = 1) => Number(value.toFixed(digits));
const percentile = (values, fraction) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(fraction * values.length))];

function summarise(samples) {
  const first = samples[0];
  return {
    runs: samples.length,
    medianMs: Number(median(samples.map((sample) => sample.ms)).toFixed(2)),
    minMs: Number(Math.min(...samples.map((sample) => sample.ms)).toFixed(2)),
    maxMs: Number(Math.max(...samples.map((sample) => sample.ms)).toFixed(2)),
    medianBase64Bytes: median(samples.map((sample) => sample.base64Bytes)),
    ...(first.submittingShownMs === undefined ? {} : { medianSubmittingShownMs: Number(median(samples.map((sample) => sample.submittingShownMs)).toFixed(2)) }),
    frame: `${first.width}x${first.height}`,
  };
}

async function measureInChromium() {
  await build({ configFile: join(root, 'bench/capture/vite.config.ts') });
  const server = await preview({ configFile: join(root, 'bench/capture/vite.config.ts'), preview: { host: '127.0.0.1', port: 0, open: false } });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...quietFlags, ...faceCamera] });
  try {
    const page = await browser.newPage();
    const address = server.httpServer.address();
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const unguided = { guidance: false };
    // Guidance on, but nothing leaves by itself: the click is what is timed, with the detector running beside it.
    const guidedClick = { autoCapture: false };
    // Warm up the capture path once (JIT, camera start), then measure. Guided capture is measured first, so that
    // its first run loads the lazy chunk, the worker and the model cold, as a first visit does.
    await page.evaluate(() => window.bench.measureComponent(2, { guidance: false }));
    const autoCapture = await page.evaluate((count) => window.bench.measureAutoCapture(count), autoCaptureRuns + 1);
    const faceArrives = await page.evaluate((count) => window.bench.measureFaceArrives(count), autoCaptureRuns);
    const streaming = await measureStreaming(browser, page);
    const component = await page.evaluate(([count, settings]) => window.bench.measureComponent(count, settings), [runs, unguided]);
    const componentGuided = await page.evaluate(([count, settings]) => window.bench.measureComponent(count, settings), [runs, guidedClick]);
    const encode = await page.evaluate((count) => window.bench.measureEncode(count), runs);
    const reactWebcam = await page.evaluate((count) => window.bench.measureReactWebcam(count), runs);
    const renders = await page.evaluate((settings) => window.bench.measureRenders(3000, settings), unguided);
    const rendersGuided = await page.evaluate((settings) => window.bench.measureRenders(3000, settings), guidedClick);
    return {
      capture: { component: summarise(component), componentGuided: summarise(componentGuided), encode: summarise(encode), reactWebcam: summarise(reactWebcam) },
      renders: { unguided: renders, guided: rendersGuided },
      guidance: { streaming, autoCapture: summariseAutoCapture(autoCapture), faceArrives: summariseFaceArrives(faceArrives) },
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}

/** Busy time of the page's main thread (top-level tasks) and of the detector's worker thread, from a Chromium trace. */
function threadBusyMs(trace) {
  const names = new Map();
  for (const event of trace.traceEvents) if (event.ph === 'M' && event.name === 'thread_name') names.set(`${event.pid}:${event.tid}`, event.args.name);
  const busy = new Map();
  for (const event of trace.traceEvents) {
    if (event.ph !== 'X' || event.name !== 'ThreadControllerImpl::RunTask') continue;
    const thread = `${event.pid}:${event.tid}`;
    busy.set(thread, (busy.get(thread) ?? 0) + event.dur / 1000);
  }
  const largest = (name) => Math.max(0, ...[...busy].filter(([thread]) => names.get(thread) === name).map(([, ms]) => ms));
  return { main: largest('CrRendererMain'), worker: largest('DedicatedWorker thread') };
}

/** One traced window of streaming: what the page reports, and the main thread's and the worker's busy time. */
async function tracedWindow(browser, page, ms, longTasksSince) {
  await browser.startTracing(page, { categories: ['toplevel'] });
  const streamed = await page.evaluate(([duration, since]) => window.bench.streamFor(duration, since), [ms, longTasksSince]);
  const busy = threadBusyMs(JSON.parse((await browser.stopTracing()).toString()));
  return { ...streamed, mainBusyMsPerSecond: busy.main / (streamed.ms / 1000), workerBusyMs: busy.worker };
}

/**
 * The camera streaming without guidance (the baseline), then with it (autoCapture off, so it keeps streaming): the
 * first 2 s after the detector loads (first verdicts, the hold bar filling), then streamMs once all is settled.
 */
async function measureStreaming(browser, page) {
  await page.evaluate(() => window.bench.startStreaming({ guidance: false }));
  const unguided = await tracedWindow(browser, page, streamMs, 0);
  await page.evaluate(() => window.bench.stopStreaming());
  const { readyAt } = await page.evaluate(() => window.bench.startStreaming({ autoCapture: false }));
  const settling = await tracedWindow(browser, page, 2000, readyAt);
  const steady = await tracedWindow(browser, page, streamMs, readyAt);
  await page.evaluate(() => window.bench.stopStreaming());
  // What guidance adds to the main thread (frame grab, messages, the checks, React and the page's rendering), per analysed frame.
  const perFrame = (window_) => round((window_.mainBusyMsPerSecond - unguided.mainBusyMsPerSecond) / (window_.analyses / (window_.ms / 1000)), 2);
  return {
    settings: 'guidance on, autoCapture off, 1280x720 fake camera (face); baseline: the same with guidance off',
    windowMs: round(steady.ms, 0),
    analysedPerSecond: round(steady.analyses / (steady.ms / 1000)),
    workerMedianMs: round(median(steady.workerMs)),
    workerP95Ms: round(percentile(steady.workerMs, 0.95)),
    workerBusyMsPerAnalysedFrame: round(steady.workerBusyMs / steady.analyses),
    roundTripMedianMs: round(median(steady.roundTripMs)),
    mainBusyMsPerSecond: { steady: round(steady.mainBusyMsPerSecond), settling: round(settling.mainBusyMsPerSecond), unguided: round(unguided.mainBusyMsPerSecond) },
    mainMsPerAnalysedFrame: { steady: perFrame(steady), settling: perFrame(settling) },
    commits: { settling: settling.commits, steady: steady.commits, unguided: unguided.commits },
    longTasksSinceCameraReady: steady.longTasks.length,
    longestTaskMs: round(Math.max(0, ...steady.longTasks), 0),
    guidanceAtEnd: steady.guidance,
  };
}

function summariseAutoCapture([cold, ...samples]) {
  const medianOf = (key) => round(median(samples.map((sample) => sample[key])), 0);
  const keys = ['cameraReadyToDetectorMs', 'cameraReadyToFirstVerdictMs', 'detectorToRequestMs', 'fitToRequestMs', 'cameraReadyToRequestMs'];
  return {
    settings: 'defaults: guidance on, autoCapture on, hold 1000 ms; 1280x720 fake camera (face)',
    runs: samples.length,
    firstVerdicts: [...new Set(samples.map((sample) => sample.firstVerdict))],
    ...Object.fromEntries(keys.map((key) => [key, medianOf(key)])),
    maxDetectorToRequestMs: round(Math.max(...samples.map((sample) => sample.detectorToRequestMs)), 0),
    cold: Object.fromEntries(keys.map((key) => [key, round(cold[key], 0)])),
  };
}

function summariseFaceArrives(samples) {
  const faceToRequest = samples.map((sample) => sample.faceToRequestMs);
  return {
    settings: 'defaults: guidance on, autoCapture on, hold 1000 ms; the fake camera blacked out (track disabled), then shown',
    runs: samples.length,
    faceToRequestMs: round(median(faceToRequest), 0),
    minFaceToRequestMs: round(Math.min(...faceToRequest), 0),
    maxFaceToRequestMs: round(Math.max(...faceToRequest), 0),
    faceToFitMs: round(median(samples.map((sample) => sample.faceToFitMs)), 0),
  };
}

/** The accuracy test itself (packages/react/src/guidance/accuracy.browser.test.ts), run by Vitest; its table comes back in the test's meta. */
async function measureAccuracy() {
  const { startVitest } = await import('vitest/node');
  let outcome = { state: 'not run' };
  const reporter = { onTestCaseResult: (testCase) => (outcome = { state: testCase.result().state, ...testCase.meta().guidanceAccuracy }) };
  const vitest = await startVitest('test', [accuracyTest], { root, watch: false, project: ['browser'], reporters: [reporter] });
  await vitest.close();
  return outcome;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function demoJavaScriptGzipBytes(distFolder) {
  const assets = join(distFolder, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .reduce((total, name) => total + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
}

async function measureDemo() {
  const demo = join(root, 'apps/demo');
  await build({ root: demo, configFile: join(demo, 'vite.config.ts'), logLevel: 'warn' });
  const server = await preview({ root: demo, configFile: join(demo, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const chrome = spawn(chromiumPath, ['--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, ...quietFlags, ...faceCamera, 'about:blank'], {
    stdio: 'ignore',
    // Its own process group, so the renderer and helper processes go with it.
    detached: true,
  });
  try {
    await waitForDevtools(port);
    const { default: lighthouse } = await import('lighthouse');
    const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
    const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
    const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
    const scores = {};
    for (const [formFactor, config] of [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ]) {
      // Lighthouse's own advice for a noisy machine: several runs, report the median one (by FCP and TTI).
      const lhrs = [];
      for (let run = 0; run < lighthouseRuns; run += 1) {
        const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, config);
        lhrs.push(result.lhr);
      }
      const { categories, audits } = computeMedianRun(lhrs);
      const performanceScores = lhrs.map((lhr) => Math.round(lhr.categories.performance.score * 100));
      scores[formFactor] = {
        runs: lhrs.length,
        performance: Math.round(categories.performance.score * 100),
        performanceRange: [Math.min(...performanceScores), Math.max(...performanceScores)],
        accessibility: Math.round(categories.accessibility.score * 100),
        firstContentfulPaintMs: Math.round(audits['first-contentful-paint'].numericValue),
        largestContentfulPaintMs: Math.round(audits['largest-contentful-paint'].numericValue),
        totalBlockingTimeMs: Math.round(audits['total-blocking-time'].numericValue),
      };
    }
    return { lighthouse: scores, javaScriptGzipBytes: demoJavaScriptGzipBytes(join(demo, 'dist')) };
  } finally {
    await new Promise((resolve) => {
      chrome.once('exit', resolve);
      process.kill(-chrome.pid, 'SIGKILL');
    });
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}

async function waitForDevtools(port) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium did not open its DevTools port');
}

const progress = (step) => process.stderr.write(`bench: ${step}…\n`);
progress('bundle sizes');
const sizes = await measureSizes();
progress('capture cost, guided capture and renders in Chromium');
const chromiumFigures = await measureInChromium();
progress('guided capture accuracy (the accuracy test, in Vitest)');
const accuracy = await measureAccuracy();
progress('everyone can log in (the people evaluation, in Vitest)');
const people = await measurePeople();
progress('the demo page: build, Lighthouse');
const demo = await measureDemo();
const results = { measuredAt: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, sizes, ...chromiumFigures, accuracy, people, demo };
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const { component, componentGuided, encode, reactWebcam } = chromiumFigures.capture;
const { renders, guidance } = chromiumFigures;
const { streaming, autoCapture, faceArrives } = guidance;
console.log('\n1. Bundle cost (as Vite bundles it, minified, gzip -9; react, react-dom, @tanstack/react-query left out as peers)');
console.log(formatSizes(sizes));
console.log(`\n2. Capture cost in Chromium, 1280x720 fake webcam, median of ${runs} (target: <= 25 ms, payload <= 0.35 of react-webcam's)`);
console.log(`  guidance={false}: click -> request leaving: ${component.medianMs} ms (min ${component.minMs}, max ${component.maxMs}); sends ${component.frame} JPEG, ${kb(component.medianBase64Bytes)} of base64`);
console.log(`    of which frame grab + JPEG encode + base64 (core's encodeFrame, guidance off): ${encode.medianMs} ms; "Checking your face" on screen after ${component.medianSubmittingShownMs} ms`);
console.log(`  guidance on, autoCapture={false} (the detector running beside the click): click -> request leaving: ${componentGuided.medianMs} ms (min ${componentGuided.minMs}, max ${componentGuided.maxMs}); "Checking your face" after ${componentGuided.medianSubmittingShownMs} ms`);
console.log(`  react-webcam getScreenshot() (image/jpeg, forceScreenshotSourceSize, quality 0.92): ${reactWebcam.medianMs} ms; ${reactWebcam.frame}, ${kb(reactWebcam.medianBase64Bytes)} of base64`);
console.log(`  payload ratio: ${(component.medianBase64Bytes / reactWebcam.medianBase64Bytes).toFixed(2)} of react-webcam's`);
console.log('\n3. React commits (target: none per video frame)');
console.log(`  guidance={false}: mount to camera ready ${renders.unguided.mountToReady}; camera streaming for ${renders.unguided.idleMs / 1000} s after ready: ${renders.unguided.idle} (the camera list arriving); click to success: ${renders.unguided.captureToSuccess}`);
console.log(`  guidance on, autoCapture={false}: mount to a fit face ${renders.guided.mountToReady}; streaming for ${renders.guided.idleMs / 1000} s (the hold bar fills in tenths, then nothing changes): ${renders.guided.idle}; click to success: ${renders.guided.captureToSuccess}`);
console.log(`\n4. Guided capture in Chromium, 1280x720 fake webcam (the face)`);
console.log(`  streaming with guidance on, autoCapture={false} (traced; baseline: the same camera with guidance={false}), ${streaming.windowMs / 1000} s once settled:`);
console.log(`    analysed frames per second: ${streaming.analysedPerSecond} (one in flight, at most one per 150 ms)`);
console.log(`    detector (worker) time per frame: median ${streaming.workerMedianMs} ms, p95 ${streaming.workerP95Ms} ms (the worker's own clock); worker thread busy ${streaming.workerBusyMsPerAnalysedFrame} ms per frame (trace); frame sent -> answer ${streaming.roundTripMedianMs} ms`);
console.log(`    main-thread time per analysed frame: ${streaming.mainMsPerAnalysedFrame.steady} ms once settled, ${streaming.mainMsPerAnalysedFrame.settling} ms in the first 2 s after the detector loads (the hold bar fills); main thread busy ${streaming.mainBusyMsPerSecond.steady} / ${streaming.mainBusyMsPerSecond.settling} ms/s, ${streaming.mainBusyMsPerSecond.unguided} ms/s with guidance off`);
console.log(`    React commits: ${streaming.commits.settling} in those first 2 s, ${streaming.commits.steady} once settled (guidance off: ${streaming.commits.unguided})`);
console.log(`    long tasks (> 50 ms) on the main thread from camera ready to the end (target 0): ${streaming.longTasksSinceCameraReady}${streaming.longTasksSinceCameraReady > 0 ? ` (longest ${streaming.longestTaskMs} ms)` : ''}`);
console.log(`  defaults (guidance on, autoCapture on, 1 s hold), median of ${autoCapture.runs} runs after a cold first one:`);
console.log(`    camera ready -> detector loaded: ${autoCapture.cameraReadyToDetectorMs} ms; -> first verdict on screen (${autoCapture.firstVerdicts.join(', ')}): ${autoCapture.cameraReadyToFirstVerdictMs} ms`);
console.log(`    the face there from the start: detector loaded -> request leaving by itself: ${autoCapture.detectorToRequestMs} ms (max ${autoCapture.maxDetectorToRequestMs}); "fit" shown -> request ${autoCapture.fitToRequestMs} ms`);
console.log(`    camera ready -> request leaving by itself: ${autoCapture.cameraReadyToRequestMs} ms`);
console.log(`    cold first run (lazy chunk, worker and model fetched): camera ready -> detector ${autoCapture.cold.cameraReadyToDetectorMs} ms, -> first verdict ${autoCapture.cold.cameraReadyToFirstVerdictMs} ms, -> request ${autoCapture.cold.cameraReadyToRequestMs} ms`);
console.log(`  a good face arriving before a running detector (defaults; the camera blacked out, then shown), median of ${faceArrives.runs}:`);
console.log(`    face shown -> request leaving by itself (target <= 1500 ms, with the hold): ${faceArrives.faceToRequestMs} ms (min ${faceArrives.minFaceToRequestMs}, max ${faceArrives.maxFaceToRequestMs}); face shown -> "fit" on screen ${faceArrives.faceToFitMs} ms`);
console.log(`\n5. Guided capture accuracy (${accuracyTest}: ${accuracy.state})`);
console.log(accuracy.table ?? '  no table: the test did not run');
console.log('\n6. Everyone can log in: the people evaluation (also alone: pnpm bench:people)');
printPeople(people);
console.log(`\n7. The demo page (built), Lighthouse 12, median of ${lighthouseRuns} runs (target 100 / 100)`);
for (const [formFactor, score] of Object.entries(demo.lighthouse)) {
  const [lowest, highest] = score.performanceRange;
  console.log(
    `  ${formFactor}: performance ${score.performance} (runs ${lowest}-${highest}), accessibility ${score.accessibility} (FCP ${score.firstContentfulPaintMs} ms, LCP ${score.largestContentfulPaintMs} ms, TBT ${score.totalBlockingTimeMs} ms)`,
  );
}
console.log(`  JavaScript shipped: ${kb(demo.javaScriptGzipBytes)} gzip`);
console.log('\nWritten to bench/results.json');
if (accuracy.state !== 'passed' || !people.passed) process.exitCode = 1;
