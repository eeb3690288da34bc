// In-page harness for bench/run.mjs: the component and react-webcam on the same fake camera, in one page.
import { encodeFrame } from '@biometric-login/core';
import { BiometricLogin, type BiometricLoginProps } from '@biometric-login/react';
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

/**
 * Guided capture's worker, watched from outside: every Worker the page starts is this subclass, which times each
 * 'analyze' message to its answer and keeps the worker's own time per frame (`workerMs` in its answers).
 */
const analyses: { sentAt: number; answeredAt: number; workerMs: number }[] = [];
class WatchedWorker extends Worker {
  #sent = new Map<number, number>();
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    if (options?.name !== 'face-analyzer') return;
    this.addEventListener('message', (event: MessageEvent<{ type: string; id?: number; result?: { workerMs: number } }>) => {
      const { type, id, result } = event.data;
      const sentAt = id === undefined ? undefined : this.#sent.get(id);
      if (type !== 'result' || result === undefined || sentAt === undefined) return;
      analyses.push({ sentAt, answeredAt: performance.now(), workerMs: result.workerMs });
    });
  }
  override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
    const { type, id } = message as { type?: string; id?: number };
    if (type === 'analyze' && id !== undefined) this.#sent.set(id, performance.now());
    super.postMessage(message, options as Transferable[]);
  }
}
window.Worker = WatchedWorker;

/** Main-thread tasks over 50 ms, as the browser reports them. */
const longTasks: { startTime: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const verifyButton = () => container.querySelector<HTMLButtonElement>('.bl-button');
// Not just an enabled button: before the camera starts, the enabled button is "Start camera".
const isReady = () => container.querySelector<HTMLElement>('.bl-root')?.dataset.state === 'ready' && verifyButton()?.disabled === false;

interface Flow {
  sent: Promise<{ at: number; base64Bytes: number; width: number; height: number }>;
  done: Promise<void>;
  commits: { count: number };
}

type Settings = Pick<BiometricLoginProps, 'guidance' | 'autoCapture'>;

/** Mounts the component on a fresh sandbox session, instrumented at the request and the redirect; waits for "Verify" unless told not to. */
async function mountLogin(key: number, settings: Settings, wait = true): Promise<Flow> {
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
      <BiometricLogin key={key} token={token} projectFlow={{ redirectUrl }} fetch={fetchThroughSandbox} navigate={() => markDone()} {...settings} />
    </Profiler>,
  );
  if (wait) await until(isReady);
  return { sent, done, commits };
}

/**
 * When each state (and each guidance value, as `guidance:<value>`) was first committed to the DOM: `guidance` is when
 * data-guidance first appeared (the detector loaded); `firstVerdict` is the first value that is not 'checking' (a
 * hint, or 'fit': "hold still").
 */
function watchStates() {
  const seen: Record<string, number> = {};
  let firstVerdict: string | undefined;
  const observer = new MutationObserver(() => {
    const root = container?.querySelector<HTMLElement>('.bl-root');
    const { state, guidance } = root?.dataset ?? {};
    if (state !== undefined) seen[state] ??= performance.now();
    if (guidance !== undefined) {
      seen.guidance ??= performance.now();
      seen[`guidance:${guidance}`] ??= performance.now();
    }
    if (guidance !== undefined && guidance !== 'checking') firstVerdict ??= guidance;
  });
  observer.observe(container as HTMLElement, { attributes: true, childList: true, subtree: true, attributeFilter: ['data-state', 'data-guidance'] });
  return { seen, firstVerdict: () => firstVerdict, stop: () => observer.disconnect() };
}

async function measureComponent(runs: number, settings: Settings) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const flow = await mountLogin(run, settings);
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

/** The frame grab + JPEG encode + base64 alone, on the component's own video, one reused canvas (no guidance running). */
async function measureEncode(runs: number) {
  await mountLogin(-2, { guidance: false });
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

async function measureRenders(idleMs: number, settings: Settings) {
  const flow = await mountLogin(-1, settings);
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

/**
 * Guided capture with its defaults (guidance on, autoCapture on) on the face camera: from camera ready to the
 * detector loaded (data-guidance appears), to the first verdict, and to the request leaving by itself. The face is
 * in front of the camera from the start.
 */
async function measureAutoCapture(runs: number) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const states = watchStates();
    const flow = await mountLogin(1000 + run, {}, false);
    const sent = await flow.sent;
    await flow.done;
    states.stop();
    const { seen } = states;
    const ready = seen.ready ?? Number.NaN;
    const active = seen.guidance ?? Number.NaN;
    const verdict = states.firstVerdict();
    samples.push({
      cameraReadyToDetectorMs: active - ready,
      cameraReadyToFirstVerdictMs: (verdict === undefined ? Number.NaN : (seen[`guidance:${verdict}`] ?? Number.NaN)) - ready,
      firstVerdict: verdict ?? 'none',
      detectorToRequestMs: sent.at - active,
      fitToRequestMs: sent.at - (seen['guidance:fit'] ?? Number.NaN),
      cameraReadyToRequestMs: sent.at - ready,
    });
  }
  root.render(null);
  return samples;
}

/** The camera's video tracks on or off: off, Chromium's fake camera shows black frames, so no face is in front of it. */
function showCamera(on: boolean) {
  const stream = container?.querySelector('video')?.srcObject;
  if (!(stream instanceof MediaStream)) throw new Error('no camera stream');
  for (const track of stream.getVideoTracks()) track.enabled = on;
}

/**
 * A good face arriving in front of a running detector (defaults: guidance on, autoCapture on): the camera is blacked
 * out as soon as it is ready, the detector runs on black frames ("light") for a second, then the face is shown and
 * the time to the request leaving by itself is taken.
 */
async function measureFaceArrives(runs: number) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const states = watchStates();
    const flow = await mountLogin(3000 + run, {}, false);
    await until(() => states.seen.ready !== undefined, 15_000);
    showCamera(false);
    await until(() => container?.querySelector<HTMLElement>('.bl-root')?.dataset.guidance === 'light');
    await sleep(1000);
    const shownAt = performance.now();
    showCamera(true);
    const sent = await flow.sent;
    await flow.done;
    states.stop();
    samples.push({ faceToRequestMs: sent.at - shownAt, faceToFitMs: (states.seen['guidance:fit'] ?? Number.NaN) - shownAt });
  }
  root.render(null);
  return samples;
}

let streaming: Flow | undefined;

/** Mounts the component and waits until it streams: with guidance, until the detector has loaded (data-guidance appears). */
async function startStreaming(settings: Settings) {
  const states = watchStates();
  streaming = await mountLogin(2000, settings, false);
  await until(() => (settings.guidance === false ? isReady() : states.seen.guidance !== undefined));
  states.stop();
  return { readyAt: states.seen.ready };
}

/** Lets the camera stream for `ms` and reports what happened meanwhile: analyses, the worker's time, long tasks since `longTasksSince`, React commits. */
async function streamFor(ms: number, longTasksSince: number) {
  if (streaming === undefined) throw new Error('not streaming');
  analyses.length = 0;
  streaming.commits.count = 0;
  const started = performance.now();
  await sleep(ms);
  const ended = performance.now();
  const answered = analyses.filter((analysis) => analysis.answeredAt >= started && analysis.answeredAt <= ended);
  return {
    ms: ended - started,
    analyses: answered.length,
    workerMs: answered.map((analysis) => analysis.workerMs),
    roundTripMs: answered.map((analysis) => analysis.answeredAt - analysis.sentAt),
    longTasks: longTasks.filter((task) => task.startTime >= longTasksSince && task.startTime <= ended).map((task) => task.duration),
    commits: streaming.commits.count,
    guidance: container?.querySelector<HTMLElement>('.bl-root')?.dataset.guidance ?? 'off',
  };
}

function stopStreaming() {
  root.render(null);
  streaming = undefined;
}

Object.assign(window, { bench: { measureComponent, measureEncode, measureRenders, measureReactWebcam, measureAutoCapture, measureFaceArrives, startStreaming, streamFor, stopStreaming } });
document.body.dataset.ready = 'true';
