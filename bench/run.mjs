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
import { formatSizes, measureSizes } from './size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const lighthouseRuns = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const faceCamera = cameraFlags('face');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

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
    // Warm up both paths once (JIT, camera start), then measure.
    await page.evaluate(() => window.bench.measureComponent(2));
    const component = await page.evaluate((count) => window.bench.measureComponent(count), runs);
    const encode = await page.evaluate((count) => window.bench.measureEncode(count), runs);
    const reactWebcam = await page.evaluate((count) => window.bench.measureReactWebcam(count), runs);
    const renders = await page.evaluate(() => window.bench.measureRenders(3000));
    return { capture: { component: summarise(component), encode: summarise(encode), reactWebcam: summarise(reactWebcam) }, renders };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
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
progress('capture cost and renders in Chromium');
const chromiumFigures = await measureInChromium();
progress('the demo page: build, Lighthouse');
const demo = await measureDemo();
const results = { measuredAt: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, sizes, ...chromiumFigures, demo };
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const { component, encode, reactWebcam } = chromiumFigures.capture;
const { renders } = chromiumFigures;
console.log('\n1. Bundle cost (esbuild --minify, gzip -9; react, react-dom, @tanstack/react-query left out as peers)');
console.log(formatSizes(sizes));
console.log(`\n2. Capture cost in Chromium, 1280x720 fake webcam, median of ${runs} (target: <= 25 ms, payload <= 0.35 of react-webcam's)`);
console.log(`  <BiometricLogin> click -> request leaving: ${component.medianMs} ms (min ${component.minMs}, max ${component.maxMs}); sends ${component.frame} JPEG, ${kb(component.medianBase64Bytes)} of base64`);
console.log(`    of which frame grab + JPEG encode + base64 (core's encodeFrame): ${encode.medianMs} ms; "Checking your face" on screen after ${component.medianSubmittingShownMs} ms`);
console.log(`  react-webcam getScreenshot() (image/jpeg, forceScreenshotSourceSize, quality 0.92): ${reactWebcam.medianMs} ms; ${reactWebcam.frame}, ${kb(reactWebcam.medianBase64Bytes)} of base64`);
console.log(`  payload ratio: ${(component.medianBase64Bytes / reactWebcam.medianBase64Bytes).toFixed(2)} of react-webcam's`);
console.log('\n3. React commits (target: none per video frame)');
console.log(`  mount to camera ready: ${renders.mountToReady}; camera streaming idle for ${renders.idleMs / 1000} s: ${renders.idle}; click to success: ${renders.captureToSuccess}`);
console.log(`\n4. The demo page (built), Lighthouse 12, median of ${lighthouseRuns} runs (target 100 / 100)`);
for (const [formFactor, score] of Object.entries(demo.lighthouse)) {
  const [lowest, highest] = score.performanceRange;
  console.log(
    `  ${formFactor}: performance ${score.performance} (runs ${lowest}-${highest}), accessibility ${score.accessibility} (FCP ${score.firstContentfulPaintMs} ms, LCP ${score.largestContentfulPaintMs} ms, TBT ${score.totalBlockingTimeMs} ms)`,
  );
}
console.log(`  JavaScript shipped: ${kb(demo.javaScriptGzipBytes)} gzip`);
console.log('\nWritten to bench/results.json');
