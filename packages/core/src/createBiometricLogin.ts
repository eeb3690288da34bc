import { BiometricLoginError } from './BiometricLoginError.js';
import type { ValidateBiometricResult } from './classifyResponse.js';
import { classifyCameraError } from './classifyCameraError.js';
import type { EncodedFrame, EncodeFrameOptions } from './encodeFrame.js';
import type { GuidanceHint } from './guidance.js';
import { checkLoginConfig } from './loginConfig.js';
import { createLoginState, isBusy, type LoginEvent, loginReducer, type LoginState, needsCamera } from './loginReducer.js';
import type { FrameCheck, LoginAttemptPorts, LoginSuccess } from './runLoginAttempt.js';
import type { BiometricOs } from './validateRequestSchema.js';

// The whole login as one framework-free controller (the shape of zustand's vanilla store or TanStack Query's
// observers): state from core's reducer, commands, and a snapshot to subscribe to. Every side effect goes through
// a port: the camera reports to it, the request, the attempt, navigation, guided capture's analyser and the clock
// are passed in. A binding (the React hook) renders the snapshot and wires the camera element; nothing else.

/** A live camera whose preview shows a real frame. */
export interface LoginCamera {
  /** One frame at the camera's resolution (within the limits), as a JPEG. */
  capture(options: EncodeFrameOptions): EncodedFrame | Promise<EncodedFrame>;
  /** The playing video, for guided capture to look at; a camera without one is captured unguided. */
  video?: HTMLVideoElement;
  /** Which camera this is (`MediaTrackSettings.deviceId`), when the browser says. */
  deviceId?: string;
}

/**
 * - 'off': no guidance (turned off, or a camera that shows no video): capture is unguided;
 * - 'loading': the face detector is loading; nothing may be captured yet;
 * - 'active': every frame is checked for one well-placed, well-lit, sharp face;
 * - 'limited': the detector could not load or run: light and sharpness are still checked.
 */
export type GuidanceStatus = 'off' | 'loading' | 'active' | 'limited';

export interface GuidanceView {
  status: GuidanceStatus;
  /** The one thing the person should fix now, or `undefined` when all is well (or nothing is judged yet). */
  hint: GuidanceHint | undefined;
  /** The latest frame is fit to send: "Verify identity" may capture. */
  fit: boolean;
  /** 0..1: how much of the hold is done (in tenths, so holding still re-renders ten times, not per frame). */
  holdProgress: number;
  /** The hold is done: auto-capture may fire. */
  ready: boolean;
  /** No frame has been fit to send for `sendAnywayAfterMs` while capture was allowed: offer to send one as it is. */
  offerSendAnyway: boolean;
}

/** What guided capture's analyser reports as it judges the camera's frames over time. */
export interface GuidanceVerdict {
  /** 'loading' until the detector answers; 'limited' when it cannot (light and sharpness are still judged). */
  detector: 'loading' | 'ready' | 'limited';
  hint: GuidanceHint | undefined;
  /** The latest frame is fit to send. */
  fit: boolean;
  /** 0..1: how much of the hold a fit face has done. */
  holdProgress: number;
  /** The hold is done. */
  ready: boolean;
}

/** One run of the analyser on one camera. */
export interface GuidanceRun {
  /** Stops analysing while nothing may be captured, and empties the hold; resumes with a new hold. */
  setPaused(paused: boolean): void;
  stop(): void;
}

export interface GuidanceRunOptions {
  paused: boolean;
  holdMs: number | undefined;
  /** The width/height ratio of the frame that is sent (EncodeFrameOptions.aspectRatio): faces are judged against it. */
  aspectRatio: EncodeFrameOptions['aspectRatio'];
  /** Where the analyser's files are served, when the bundler does not emit them. */
  assetsUrl: string | undefined;
  onVerdict: (verdict: GuidanceVerdict) => void;
}

/** Guided capture's analyser: starts judging a camera's video (it may load first; a rejection means unguided). */
export type GuidancePort = (video: HTMLVideoElement, options: GuidanceRunOptions) => GuidanceRun | Promise<GuidanceRun>;

export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export interface BiometricLoginPorts {
  /** Sends the picture (base64 JPEG) and resolves with the API's answer; retries are the port's (react-query in React). */
  send: (image: string, os: BiometricOs, signal: AbortSignal) => Promise<ValidateBiometricResult>;
  /** Runs one attempt: core's runLoginAttempt, loaded however the binding likes; a rejection means it could not load. */
  runAttempt: (ports: LoginAttemptPorts) => Promise<void>;
  /** Leaves the page for the redirect URL. */
  navigate: (url: string) => void;
  /** Which OS the request names. */
  os: () => BiometricOs;
  /** Guided capture's analyser; without it every capture is unguided. */
  guidance?: GuidancePort;
  /** Default: the global timers. */
  clock?: Clock;
}

export interface ProjectFlow {
  /** Where the browser goes after a successful login, with `token=<login token>` added. */
  redirectUrl: string;
}

/** What a login is configured with; the data (token, redirect, API, times) is checked with loginConfigSchema. */
export interface BiometricLoginOptions {
  /** The liveness-session JWT (with its `livenessSession` claim). */
  token: string;
  projectFlow: ProjectFlow;
  /** Default `https://api.verifik.co`; https only (http for localhost). */
  apiBaseUrl?: string;
  /** When given, the redirect URL's origin must be one of these. */
  allowedRedirectOrigins?: readonly string[];
  /** Request timeout in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Called once, before the redirect, with the API's answer and the URL about to be opened. */
  onSuccess?: (success: LoginSuccess) => void;
  onError?: (error: BiometricLoginError) => void;
  /** Open the camera as soon as the login is mounted. Default true. */
  autoStart?: boolean;
  /**
   * Guided capture: every frame is checked for one well-placed, well-lit, sharp face before anything is sent,
   * with one hint at a time. Default true; false captures whatever the camera shows, when asked.
   */
  guidance?: boolean;
  /** With guidance, capture and send by itself once a good face has been held for `holdMs`. Default true. */
  autoCapture?: boolean;
  /** How long a good face is held before auto-capture sends it. Default 1000 ms (Verifik's own page: about 1.5 s). */
  holdMs?: number;
  /**
   * With guidance, offer "Send anyway" once no frame has been fit to send for this long (restarted by a fit frame
   * and by "Try again"), so a person the check keeps refusing is never stuck. Default 10 000 ms; false never offers.
   */
  sendAnywayAfterMs?: number | false;
  /**
   * Where the face detector's files (faceAnalyzer.worker.js, blazeface.bin, from the react package's dist/guidance/)
   * are served, for setups whose bundler does not emit `new URL('./x', import.meta.url)` assets (given to the analyser port).
   */
  assetsUrl?: string;
  /** Size and JPEG quality of the frame sent. */
  frame?: EncodeFrameOptions;
  /** A last look at the frame before it is sent (a quality gate); return an error to refuse it. */
  checkFrame?: FrameCheck;
}

export interface BiometricLoginSnapshot {
  state: LoginState;
  error: BiometricLoginError | undefined;
  isBusy: boolean;
  /** The camera should be on (its preview rendered). */
  cameraActive: boolean;
  /** The live camera, once it shows a real frame. */
  camera: LoginCamera | null;
  /** A frame may be captured now: the camera runs and guided capture (if any) finds it fit. */
  canCapture: boolean;
  /** Guided capture has refused every frame for `sendAnywayAfterMs`: `sendAnyway()` may send the current one. */
  canSendAnyway: boolean;
  canRetry: boolean;
  guidance: GuidanceView;
}

export interface BiometricLoginController {
  subscribe(listener: () => void): () => void;
  getSnapshot(): BiometricLoginSnapshot;
  /** Opens the camera (the "Start camera" button). */
  start(): void;
  /** One attempt with the current frame, only while it is fit to send; one at a time. */
  capture(): Promise<void>;
  /** One attempt with the current frame as it is, only while the offer stands; one at a time. */
  sendAnyway(): Promise<void>;
  retry(): void;
  /** The camera shows a real frame. */
  cameraReady(camera: LoginCamera): void;
  /** The camera failed (getUserMedia's error, a track that ended); classified here. */
  cameraFailed(error: unknown): void;
  /** Another camera was chosen: nothing is captured until it shows a frame. */
  cameraChanging(): void;
  /** New options: callbacks are taken as they are; new data (a token, a redirect, an API) starts the login over. */
  setOptions(options: BiometricLoginOptions): void;
  /** Starts the login (autoStart); the returned function ends it: the attempt under way, guidance and timers stop. */
  mount(): () => void;
}

/** Long enough to follow a hint or two, short enough that a person the check keeps refusing does not give up. */
const defaultSendAnywayAfterMs = 10_000;

const off: GuidanceView = { status: 'off', hint: undefined, fit: false, holdProgress: 0, ready: false, offerSendAnyway: false };

function dataOf(options: BiometricLoginOptions) {
  const { token, projectFlow, apiBaseUrl, allowedRedirectOrigins, timeoutMs, holdMs, sendAnywayAfterMs } = options;
  return { token, projectFlow, apiBaseUrl, allowedRedirectOrigins, timeoutMs, holdMs, sendAnywayAfterMs };
}

/** What a login is for: another token, redirect or API is another login. */
function sessionOf(options: BiometricLoginOptions) {
  const { token, projectFlow, apiBaseUrl, allowedRedirectOrigins } = options;
  return { token, redirectUrl: projectFlow?.redirectUrl, apiBaseUrl, allowedRedirectOrigins };
}

/** A stable key for the data: hosts often pass fresh object and array literals on every render. */
function keyOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function viewOf(verdict: GuidanceVerdict, offerSendAnyway: boolean): GuidanceView {
  // Fit only once the shown hint agrees: the words, the oval and the button never disagree.
  const fit = verdict.fit && verdict.hint === undefined;
  return {
    status: verdict.detector === 'ready' ? 'active' : verdict.detector,
    hint: verdict.hint,
    fit,
    holdProgress: fit ? Math.floor(verdict.holdProgress * 10) / 10 : 0,
    ready: fit && verdict.ready,
    offerSendAnyway,
  };
}

const sameView = (a: GuidanceView, b: GuidanceView) =>
  a.status === b.status && a.hint === b.hint && a.fit === b.fit && a.holdProgress === b.holdProgress && a.ready === b.ready && a.offerSendAnyway === b.offerSendAnyway;

/** Creates a login; nothing starts until `mount()`. */
export function createBiometricLogin(initialOptions: BiometricLoginOptions, ports: BiometricLoginPorts): BiometricLoginController {
  const clock: Clock = ports.clock ?? { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>) };
  let options = initialOptions;
  let dataKey = keyOf(dataOf(options));
  let sessionKey = keyOf(sessionOf(options));
  let refusal = checkLoginConfig(dataOf(options));
  let state = createLoginState(refusal);
  let camera: LoginCamera | null = null;
  /** The camera failed: while the failure shows it stays off, and "Try again" opens it anew, whatever the error's kind. */
  let cameraLost = false;
  /** Set while mounted: aborted when the login is torn down, so an unmounted login sends and reports nothing more. */
  let mounted: AbortController | undefined;
  let attempting = false;
  let reported: BiometricLoginError | undefined;
  let navigated: string | undefined;
  // Guided capture: the run on the current camera's video, its latest verdict, and the offer's wait.
  let run: GuidanceRun | undefined;
  let runVideo: HTMLVideoElement | undefined;
  let verdict: GuidanceVerdict | undefined;
  let runFailed = false;
  let runPaused: boolean | undefined;
  let offer = false;
  let offerTimer: unknown;
  let waiting = false;
  const listeners = new Set<() => void>();

  const guided = () => (options.guidance ?? true) && ports.guidance !== undefined && camera?.video !== undefined && !runFailed;
  function guidanceView(): GuidanceView {
    if (!guided()) return off;
    if (verdict === undefined) return { ...off, status: 'loading' };
    return viewOf(verdict, offer);
  }

  function compute(): BiometricLoginSnapshot {
    const live = state.status === 'ready' && camera !== null;
    const guidance = guidanceView();
    const error = state.status === 'failed' ? state.error : undefined;
    return {
      state,
      error,
      isBusy: isBusy(state),
      cameraActive: needsCamera(state) && !(state.status === 'failed' && cameraLost),
      camera,
      canCapture: live && (guidance.status === 'off' || guidance.fit),
      canSendAnyway: live && guidance.offerSendAnyway,
      canRetry: error?.userCanRetry ?? false,
      guidance,
    };
  }
  let snapshot = compute();

  /** Recomputes the snapshot; tells the listeners only when something they can see changed. */
  function publish() {
    const next = compute();
    const same =
      next.state === snapshot.state &&
      next.camera === snapshot.camera &&
      next.cameraActive === snapshot.cameraActive &&
      next.canCapture === snapshot.canCapture &&
      next.canSendAnyway === snapshot.canSendAnyway &&
      sameView(next.guidance, snapshot.guidance);
    if (same) return;
    snapshot = next;
    for (const listener of listeners) listener();
  }

  /** Never a dead end: the wait for a fit frame, while capture is allowed, ends in the offer to send anyway. */
  function syncOffer() {
    const afterMs = options.sendAnywayAfterMs ?? defaultSendAnywayAfterMs;
    const view = guidanceView();
    const nowWaiting = afterMs !== false && mounted !== undefined && state.status === 'ready' && camera !== null && view.status !== 'off' && !view.fit;
    if (nowWaiting === waiting) return;
    waiting = nowWaiting;
    clock.clearTimeout(offerTimer);
    offer = false;
    if (nowWaiting) {
      offerTimer = clock.setTimeout(() => {
        offer = true;
        publish();
      }, afterMs);
    }
  }

  /** Nothing may be captured outside 'ready': the run pauses (and its hold empties) on the way out, and resumes anew. */
  function pauseRun() {
    const paused = state.status !== 'ready';
    if (run === undefined || paused === runPaused) return;
    runPaused = paused;
    run.setPaused(paused);
  }

  function stopGuidance() {
    run?.stop();
    run = undefined;
    runVideo = undefined;
    runPaused = undefined;
    verdict = undefined;
    runFailed = false;
  }

  /** Starts the analyser on the current camera's video when guidance wants one, stops it when not. */
  function syncGuidance() {
    const video = camera?.video;
    const wanted = mounted !== undefined && needsCamera(state) && (options.guidance ?? true) && ports.guidance !== undefined ? video : undefined;
    if (runVideo === wanted) {
      pauseRun();
      return;
    }
    stopGuidance();
    if (wanted === undefined || ports.guidance === undefined) return;
    runVideo = wanted;
    runPaused = state.status !== 'ready';
    const started = ports.guidance(wanted, {
      paused: runPaused,
      holdMs: options.holdMs,
      aspectRatio: options.frame?.aspectRatio,
      assetsUrl: options.assetsUrl,
      onVerdict: (next) => {
        if (runVideo !== wanted) return;
        verdict = next;
        afterChange();
        autoCapture();
      },
    });
    const adopt = (loaded: GuidanceRun) => {
      if (runVideo !== wanted) return loaded.stop();
      run = loaded;
      pauseRun();
    };
    if (started instanceof Promise) {
      started.then(adopt, () => {
        // The analyser could not load (offline, a CSP): the person still logs in, unguided.
        if (runVideo !== wanted) return;
        runFailed = true;
        afterChange();
      });
    } else adopt(started);
  }

  function afterChange() {
    syncOffer();
    publish();
  }

  function effects() {
    if (state.status === 'failed' && reported !== state.error) {
      reported = state.error;
      options.onError?.(state.error);
    }
    if (state.status === 'redirecting' && navigated !== state.redirectUrl) {
      navigated = state.redirectUrl;
      ports.navigate(state.redirectUrl);
    }
  }

  function dispatch(event: LoginEvent) {
    const next = loginReducer(state, event);
    if (next === state) return;
    state = next;
    // A stopped camera is forgotten: nothing is captured from it, and a new one must show a frame first.
    if (!needsCamera(state)) camera = null;
    syncGuidance();
    afterChange();
    effects();
  }

  /** The camera opens by itself whenever the login is at rest and autoStart is on (at mount, after new data). */
  function autoStart() {
    if (mounted !== undefined && (options.autoStart ?? true) && state.status === 'idle') dispatch({ type: 'START_CAMERA' });
  }

  function autoCapture() {
    const { guidance } = snapshot;
    if ((options.autoCapture ?? true) && guidance.status === 'active' && guidance.ready && snapshot.canCapture) void attempt('capture');
  }

  async function attempt(kind: 'capture' | 'sendAnyway'): Promise<void> {
    const allowed = kind === 'capture' ? snapshot.canCapture : snapshot.canSendAnyway;
    const current = camera;
    const aborted = mounted?.signal;
    if (!allowed || attempting || current === null || aborted === undefined || state.status !== 'ready') return;
    attempting = true;
    const { frame, checkFrame, projectFlow, allowedRedirectOrigins } = options;
    const os = ports.os();
    try {
      await ports.runAttempt({
        capture: () => current.capture(frame ?? {}),
        checkFrame,
        send: (captured) => ports.send(captured.base64, os, aborted),
        redirectUrl: projectFlow.redirectUrl,
        allowedRedirectOrigins,
        onSuccess: (success) => options.onSuccess?.(success),
        dispatch: (event) => {
          if (!aborted.aborted) dispatch(event);
        },
        signal: aborted,
      });
    } catch (error) {
      // The attempt's code itself could not load: nothing was sent, and "Try again" asks for it again.
      if (!aborted.aborted) {
        dispatch({ type: 'CAPTURE' });
        dispatch({ type: 'CAPTURE_FAILED', error: new BiometricLoginError('NETWORK_ERROR', { detail: 'the login code could not be loaded', cause: error }) });
      }
    } finally {
      attempting = false;
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start: () => dispatch({ type: 'START_CAMERA' }),
    capture: () => attempt('capture'),
    sendAnyway: () => attempt('sendAnyway'),
    retry: () => dispatch({ type: 'RETRY' }),
    cameraReady(next) {
      if (!needsCamera(state)) return;
      camera = next;
      cameraLost = false;
      const before = state;
      dispatch({ type: 'CAMERA_READY' });
      // Already ready (a camera switched) or failed with the camera kept: the new camera counts all the same.
      if (state === before) {
        syncGuidance();
        afterChange();
      }
    },
    cameraFailed(error) {
      // A camera whose code could not load, or whose stream stopped, is gone: nothing is captured from it.
      camera = null;
      cameraLost = true;
      dispatch({ type: 'CAMERA_FAILED', error: classifyCameraError(error) });
      afterChange();
    },
    cameraChanging() {
      camera = null;
      syncGuidance();
      afterChange();
    },
    setOptions(next) {
      const previous = options;
      options = next;
      // The data is checked again only when it changed (hosts re-render often; a token checked at the start is not
      // refused halfway for expiring). Another session, or data now refused (or no longer), starts the login over.
      const nextDataKey = keyOf(dataOf(next));
      if (nextDataKey !== dataKey) {
        dataKey = nextDataKey;
        const key = keyOf(sessionOf(next));
        const nextRefusal = checkLoginConfig(dataOf(next));
        if (key !== sessionKey || keyOf([nextRefusal?.code, nextRefusal?.message]) !== keyOf([refusal?.code, refusal?.message])) {
          sessionKey = key;
          refusal = nextRefusal;
          dispatch({ type: 'RESET', error: nextRefusal });
        }
      }
      autoStart();
      // A new hold, region or analyser, or guidance turned on or off, is a new run on the same camera.
      const runKey = (o: BiometricLoginOptions) => [o.holdMs, o.guidance, o.frame?.aspectRatio, o.assetsUrl].join('\u0000');
      if (runKey(previous) !== runKey(next)) stopGuidance();
      syncGuidance();
      afterChange();
    },
    mount() {
      const controller = new AbortController();
      mounted = controller;
      // A configuration refused at creation is reported now, once.
      effects();
      autoStart();
      syncGuidance();
      afterChange();
      return () => {
        controller.abort();
        if (mounted === controller) mounted = undefined;
        stopGuidance();
        afterChange();
      };
    },
  };
}
