// In-page harness for bench/run.mjs: the component and react-webcam on the same fake camera, in one page.
import { encodeFrame } from '@biometric-login/core';
import { BiometricLogin } from '@biometric-login/react';
import '@biometric-login/react/styles.css';
import { createSandbox } from '@biometric-login/sandbox';
import { Profiler, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import Webcam from 'react-webcam';

const container = document.getElementById('root');
if (!container) throw new Error('no #root');
const root = createRoot(container);
const sandbox = createSandbox();
const redirectUrl = 'https://app.example.com/callback';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out waiting');
    await sleep(10);
  }
}

const verifyButton = () => container.querySelector<HTMLButtonElement>('.bl-button');
// Not just an enabled button: before the camera starts, the enabled button is "Start camera".
const isReady = () => container.querySelector<HTMLElement>('.bl-root')?.dataset.state === 'ready' && verifyButton()?.disabled === false;

interface Flow {
  sent: Promise<{ at: number; base64Bytes: number; width: number; height: number }>;
  done: Promise<void>;
  commits: { count: number };
}

/** Mounts the component on a fresh sandbox session, instrumented at the request and the redirect. */
async function mountLogin(key: number): Promise<Flow> {
  const { token } = await sandbox.createSession();
  const commits = { count: 0 };
  let markSent: (value: { at: number; base64Bytes: number; width: number; height: number }) => void = () => undefined;
  let markDone: () => void = () => undefined;
  const sent = new Promise<{ at: number; base64Bytes: number; width: number; height: number }>((resolve) => (markSent = resolve));
  const done = new Promise<void>((resolve) => (markDone = resolve));
  const fetchThroughSandbox: typeof fetch = async (input, init) => {
    const at = performance.now();
    const { image } = JSON.parse(String(init?.body)) as { image: string };
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(image), (character) => character.charCodeAt(0))]));
    markSent({ at, base64Bytes: image.length, width: bitmap.width, height: bitmap.height });
    return sandbox.handle(new Request(input, init));
  };
  root.render(
    <Profiler id="login" onRender={() => (commits.count += 1)}>
      <BiometricLogin key={key} token={token} projectFlow={{ redirectUrl }} fetch={fetchThroughSandbox} navigate={() => markDone()} />
    </Profiler>,
  );
  await until(isReady);
  return { sent, done, commits };
}

/** When each state was first committed to the DOM, to split the click-to-request time. */
function watchStates() {
  const seen: Record<string, number> = {};
  const observer = new MutationObserver(() => {
    const state = container?.querySelector<HTMLElement>('.bl-root')?.dataset.state;
    if (state !== undefined) seen[state] ??= performance.now();
  });
  observer.observe(container as HTMLElement, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
  return { seen, stop: () => observer.disconnect() };
}

async function measureComponent(runs: number) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const flow = await mountLogin(run);
    const states = watchStates();
    const clickedAt = performance.now();
    verifyButton()?.click();
    const sent = await flow.sent;
    await flow.done;
    states.stop();
    samples.push({
      ms: sent.at - clickedAt,
      submittingShownMs: (states.seen.submitting ?? Number.NaN) - clickedAt,
      base64Bytes: sent.base64Bytes,
      width: sent.width,
      height: sent.height,
    });
  }
  root.render(null);
  return samples;
}

/** The frame grab + JPEG encode + base64 alone, on the component's own video, one reused canvas. */
async function measureEncode(runs: number) {
  await mountLogin(-2);
  const video = container.querySelector('video');
  if (!video) throw new Error('no video');
  const canvas = document.createElement('canvas');
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const frame = encodeFrame(video, { canvas });
    samples.push({ ms: performance.now() - started, base64Bytes: frame.base64.length, width: frame.width, height: frame.height });
    await sleep(50);
  }
  root.render(null);
  return samples;
}

async function measureRenders(idleMs: number) {
  const flow = await mountLogin(-1);
  const mountToReady = flow.commits.count;
  flow.commits.count = 0;
  await sleep(idleMs);
  const idle = flow.commits.count;
  flow.commits.count = 0;
  verifyButton()?.click();
  await flow.done;
  await sleep(100);
  const captureToSuccess = flow.commits.count;
  root.render(null);
  return { mountToReady, idle, idleMs, captureToSuccess };
}

/** react-webcam set up the way an integrator must to send the full camera resolution. */
async function measureReactWebcam(runs: number) {
  const webcam: { current: Webcam | null } = { current: null };
  let streaming = false;
  function Harness() {
    const ref = useRef<Webcam>(null);
    useEffect(() => {
      webcam.current = ref.current;
    });
    return (
      <Webcam
        ref={ref}
        audio={false}
        screenshotFormat="image/jpeg"
        forceScreenshotSourceSize
        videoConstraints={{ facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 720 } }}
        onUserMedia={() => (streaming = true)}
      />
    );
  }
  root.render(<Harness />);
  await until(() => streaming && (webcam.current?.video?.videoWidth ?? 0) > 0);
  // Past the first black frames, as the component waits for too.
  await sleep(1000);
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const shot = webcam.current?.getScreenshot() ?? '';
    const ms = performance.now() - started;
    const base64 = shot.slice(shot.indexOf(',') + 1);
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))]));
    samples.push({ ms, base64Bytes: base64.length, width: bitmap.width, height: bitmap.height });
    await sleep(50);
  }
  root.render(null);
  return samples;
}

Object.assign(window, { bench: { measureComponent, measureEncode, measureRenders, measureReactWebcam } });
document.body.dataset.ready = 'true';
