import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import type { ValidateBiometricResult } from './classifyResponse.js';
import {
  type BiometricLoginController,
  type BiometricLoginOptions,
  type BiometricLoginPorts,
  createBiometricLogin,
  type GuidanceRunOptions,
  type GuidanceVerdict,
  type LoginCamera,
} from './createBiometricLogin.js';
import { runLoginAttempt } from './runLoginAttempt.js';
import { makeToken } from './testing/makeToken.js';

// The whole login in node: fake ports (a camera, the request, the analyser, navigation) and fake time drive the
// controller through every journey a person can take, with no DOM, no React and no network.

const frame = { base64: 'SU1BR0U=', bytes: 5, width: 540, height: 720 };
const answer = (token = 'login.token.value'): ValidateBiometricResult => ({ token, data: { token } }) as ValidateBiometricResult;
const redirectUrl = 'https://app.example.com/callback';
/** A session token valid for ten minutes from now (the fake clock starts at the real time). */
const sessionToken = (livenessSession = 'ls_123') => makeToken({ livenessSession, exp: Math.floor(Date.now() / 1000) + 600 });
const fitVerdict: GuidanceVerdict = { detector: 'ready', hint: undefined, fit: true, holdProgress: 1, ready: true };
const holdingVerdict: GuidanceVerdict = { ...fitVerdict, holdProgress: 0.4, ready: false };
const darkVerdict: GuidanceVerdict = { detector: 'ready', hint: 'light', fit: false, holdProgress: 0, ready: false };

interface FakeRun {
  video: unknown;
  options: GuidanceRunOptions;
  paused: boolean[];
  stopped: boolean;
  verdict(verdict: GuidanceVerdict): void;
}

function world(overrides: Partial<BiometricLoginOptions> = {}, portOverrides: Partial<BiometricLoginPorts> = {}) {
  const runs: FakeRun[] = [];
  const send = vi.fn<BiometricLoginPorts['send']>(async () => answer());
  const navigate = vi.fn<BiometricLoginPorts['navigate']>();
  const onError = vi.fn<(error: BiometricLoginError) => void>();
  const onSuccess = vi.fn();
  const ports: BiometricLoginPorts = {
    send,
    runAttempt: runLoginAttempt,
    navigate,
    os: () => 'DESKTOP',
    guidance: (video, options) => {
      const run: FakeRun = { video, options, paused: [options.paused], stopped: false, verdict: (verdict) => options.onVerdict(verdict) };
      runs.push(run);
      return {
        setPaused: (paused) => run.paused.push(paused),
        stop: () => (run.stopped = true),
      };
    },
    ...portOverrides,
  };
  const options: BiometricLoginOptions = { token: sessionToken(), projectFlow: { redirectUrl }, onError, onSuccess, ...overrides };
  const login = createBiometricLogin(options, ports);
  const seen: string[] = [];
  login.subscribe(() => seen.push(login.getSnapshot().state.status));
  const unmount = login.mount();
  const video = { videoWidth: 1280, videoHeight: 720 } as unknown as HTMLVideoElement;
  const camera: LoginCamera & { captures: number } = {
    captures: 0,
    capture() {
      camera.captures += 1;
      return frame;
    },
    video,
  };
  return { login, options, ports, send, navigate, onError, onSuccess, runs, seen, unmount, camera, snapshot: () => login.getSnapshot() };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the login controller', () => {
  it('opens the camera at mount, captures once the camera is ready, sends, and leaves once for the redirect', async () => {
    const { login, send, navigate, onSuccess, camera, snapshot, seen } = world({ guidance: false });
    expect(snapshot()).toMatchObject({ state: { status: 'startingCamera' }, cameraActive: true, canCapture: false });
    login.cameraReady(camera);
    expect(snapshot()).toMatchObject({ state: { status: 'ready' }, canCapture: true, guidance: { status: 'off' } });
    await login.capture();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.slice(0, 2)).toEqual([frame.base64, 'DESKTOP']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(navigate.mock.calls).toEqual([[`${redirectUrl}?token=login.token.value`]]);
    expect(snapshot()).toMatchObject({ state: { status: 'redirecting' }, cameraActive: false, camera: null, isBusy: true });
    expect(seen).toEqual(['startingCamera', 'ready', 'capturing', 'submitting', 'redirecting']);
  });

  it('with autoStart off waits for start()', () => {
    const { login, snapshot } = world({ autoStart: false });
    expect(snapshot().state.status).toBe('idle');
    login.start();
    expect(snapshot().state.status).toBe('startingCamera');
  });

  it('refuses a bad configuration before anything starts, and reports it once', () => {
    const { snapshot, onError, login } = world({ token: 'not-a-jwt' });
    expect(snapshot()).toMatchObject({ state: { status: 'failed' }, error: { code: 'SESSION_INVALID' }, cameraActive: false });
    login.mount()();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('a failed attempt: its error once, "Try again" with the camera kept, then success', async () => {
    const failure = new BiometricLoginError('LIVENESS_DETECTION_FAILED', { status: 400 });
    const { login, send, onError, camera, snapshot, navigate } = world({ guidance: false });
    send.mockRejectedValueOnce(failure);
    login.cameraReady(camera);
    await login.capture();
    expect(snapshot()).toMatchObject({ state: { status: 'failed' }, error: failure, canRetry: true, cameraActive: true, canCapture: false });
    expect(onError.mock.calls).toEqual([[failure]]);
    login.retry();
    expect(snapshot()).toMatchObject({ state: { status: 'ready' }, canCapture: true });
    await login.capture();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('a camera that says no: its code, and "Try again" asks for the camera again', () => {
    const { login, snapshot } = world();
    login.cameraFailed(new DOMException('denied', 'NotAllowedError'));
    expect(snapshot()).toMatchObject({ state: { status: 'failed' }, error: { code: 'CAMERA_PERMISSION_DENIED' }, cameraActive: false });
    login.retry();
    expect(snapshot().state.status).toBe('startingCamera');
  });

  it('one attempt at a time: a burst of captures sends one picture', async () => {
    const { login, send, camera } = world({ guidance: false });
    login.cameraReady(camera);
    await Promise.all([login.capture(), login.capture(), login.sendAnyway(), login.capture()]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(camera.captures).toBe(1);
  });

  it("the attempt's code cannot load: NETWORK_ERROR, nothing sent, and \"Try again\" loads it again", async () => {
    const runAttempt = vi.fn<BiometricLoginPorts['runAttempt']>().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    runAttempt.mockImplementation(runLoginAttempt);
    const { login, send, camera, snapshot, navigate } = world({ guidance: false }, { runAttempt });
    login.cameraReady(camera);
    await login.capture();
    expect(snapshot()).toMatchObject({ state: { status: 'failed' }, error: { code: 'NETWORK_ERROR' }, canRetry: true });
    expect(send).not.toHaveBeenCalled();
    login.retry();
    await login.capture();
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('onSuccess may keep the person on the page: succeeded, no navigation', async () => {
    const { login, camera, snapshot, navigate } = world({ guidance: false, onSuccess: (success) => success.preventRedirect() });
    login.cameraReady(camera);
    await login.capture();
    expect(snapshot().state.status).toBe('succeeded');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('unmounted mid-request, it reports nothing more and its analyser stops', async () => {
    let answerNow: (result: ValidateBiometricResult) => void = () => undefined;
    const { login, send, camera, snapshot, navigate, unmount, runs, onSuccess } = world();
    send.mockImplementation(() => new Promise((resolve) => (answerNow = resolve)));
    login.cameraReady(camera);
    runs[0]?.verdict({ ...fitVerdict, ready: false });
    const attempt = login.capture();
    expect(snapshot().state.status).toBe('submitting');
    unmount();
    expect(runs[0]?.stopped).toBe(true);
    expect(send.mock.calls[0]?.[2].aborted).toBe(true);
    answerNow(answer());
    await attempt;
    expect(navigate).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(snapshot().state.status).toBe('submitting');
  });

  it('new data (a new token) starts the login over; new callbacks alone do not', () => {
    const { login, options, camera, snapshot, onError } = world({ guidance: false });
    login.cameraReady(camera);
    login.setOptions({ ...options, projectFlow: { redirectUrl }, onError: vi.fn() });
    expect(snapshot().state.status).toBe('ready');
    login.setOptions({ ...options, token: sessionToken('another-session') });
    expect(snapshot()).toMatchObject({ state: { status: 'startingCamera' }, camera: null });
    login.setOptions({ ...options, token: 'broken' });
    expect(snapshot()).toMatchObject({ state: { status: 'failed' }, error: { code: 'SESSION_INVALID' } });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('another camera chosen: nothing is captured until it shows a frame', async () => {
    const { login, camera, snapshot, send } = world({ guidance: false });
    login.cameraReady(camera);
    login.cameraChanging();
    expect(snapshot()).toMatchObject({ canCapture: false, camera: null, state: { status: 'ready' } });
    await login.capture();
    expect(send).not.toHaveBeenCalled();
    login.cameraReady(camera);
    expect(snapshot().canCapture).toBe(true);
  });
});

describe('guided capture in the controller', () => {
  it('runs the analyser on the camera video; nothing is captured while it loads or refuses; a held face leaves by itself, once', async () => {
    const { login, camera, runs, snapshot, send, navigate } = world({ holdMs: 800, frame: { aspectRatio: 0.75 }, assetsUrl: '/assets/' });
    login.cameraReady(camera);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ video: camera.video, options: { paused: false, holdMs: 800, aspectRatio: 0.75, assetsUrl: '/assets/' } });
    expect(snapshot()).toMatchObject({ guidance: { status: 'loading' }, canCapture: false });
    await login.capture();
    expect(send).not.toHaveBeenCalled();
    runs[0]?.verdict(darkVerdict);
    expect(snapshot()).toMatchObject({ guidance: { status: 'active', hint: 'light', fit: false }, canCapture: false });
    runs[0]?.verdict(holdingVerdict);
    expect(snapshot()).toMatchObject({ guidance: { status: 'active', fit: true, holdProgress: 0.4, ready: false }, canCapture: true });
    expect(send).not.toHaveBeenCalled();
    runs[0]?.verdict(fitVerdict);
    runs[0]?.verdict(fitVerdict);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(runs[0]?.stopped).toBe(true);
  });

  it('autoCapture off: a fit face waits for the button', async () => {
    const { login, camera, runs, send } = world({ autoCapture: false });
    login.cameraReady(camera);
    runs[0]?.verdict(fitVerdict);
    await settle();
    expect(send).not.toHaveBeenCalled();
    await login.capture();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('pauses the analyser (its hold emptied) while nothing may be captured, and resumes after "Try again"', async () => {
    const { login, camera, runs, send } = world();
    send.mockRejectedValueOnce(new BiometricLoginError('INVALID_BIOMETRIC_DATA', { status: 400 }));
    login.cameraReady(camera);
    runs[0]?.verdict(fitVerdict);
    await settle();
    expect(runs[0]?.paused).toEqual([false, true]);
    login.retry();
    expect(runs[0]?.paused).toEqual([false, true, false]);
    expect(runs).toHaveLength(1);
  });

  it('an analyser that cannot load leaves the login unguided: the button sends', async () => {
    const { login, camera, snapshot, send } = world({}, { guidance: () => Promise.reject(new Error('chunk failed')) });
    login.cameraReady(camera);
    await settle();
    expect(snapshot()).toMatchObject({ guidance: { status: 'off' }, canCapture: true });
    await login.capture();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a camera without a video is captured unguided; guidance={false} starts no analyser', () => {
    const first = world();
    first.login.cameraReady({ capture: () => frame });
    expect(first.runs).toHaveLength(0);
    expect(first.snapshot()).toMatchObject({ guidance: { status: 'off' }, canCapture: true });
    const second = world({ guidance: false });
    second.login.cameraReady(second.camera);
    expect(second.runs).toHaveLength(0);
  });

  it('a new hold time is a new run on the same camera; the old one stops', () => {
    const { login, camera, runs, options } = world();
    login.cameraReady(camera);
    login.setOptions({ ...options, holdMs: 2000 });
    expect(runs).toHaveLength(2);
    expect(runs[0]?.stopped).toBe(true);
    expect(runs[1]?.options.holdMs).toBe(2000);
  });
});

describe('never a dead end: the offer to send anyway', () => {
  async function refusedFor(ms: number, login: BiometricLoginController) {
    await vi.advanceTimersByTimeAsync(ms);
    return login.getSnapshot().canSendAnyway;
  }

  it('not before 10 s without a fit frame, then one press sends one picture', async () => {
    const { login, camera, runs, send, snapshot } = world();
    login.cameraReady(camera);
    runs[0]?.verdict(darkVerdict);
    expect(await refusedFor(9_999, login)).toBe(false);
    expect(await refusedFor(1, login)).toBe(true);
    expect(snapshot()).toMatchObject({ canCapture: false, guidance: { hint: 'light', offerSendAnyway: true } });
    await login.capture();
    expect(send).not.toHaveBeenCalled();
    await Promise.all([login.sendAnyway(), login.sendAnyway()]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('the wait counts while the detector loads, and a fit frame starts it over', async () => {
    const { login, camera, runs } = world({ sendAnywayAfterMs: 3000 });
    login.cameraReady(camera);
    expect(await refusedFor(2000, login)).toBe(false);
    runs[0]?.verdict(holdingVerdict);
    runs[0]?.verdict(darkVerdict);
    expect(await refusedFor(2999, login)).toBe(false);
    expect(await refusedFor(1, login)).toBe(true);
    runs[0]?.verdict(holdingVerdict);
    expect(login.getSnapshot().canSendAnyway).toBe(false);
  });

  it('false never offers; without guidance there is nothing to offer', async () => {
    const never = world({ sendAnywayAfterMs: false });
    never.login.cameraReady(never.camera);
    never.runs[0]?.verdict(darkVerdict);
    expect(await refusedFor(60_000, never.login)).toBe(false);
    const unguided = world({ guidance: false });
    unguided.login.cameraReady(unguided.camera);
    expect(await refusedFor(60_000, unguided.login)).toBe(false);
  });

  it('after a failed attempt and "Try again", the wait starts over', async () => {
    const { login, camera, runs, send } = world({ sendAnywayAfterMs: 1000 });
    send.mockRejectedValueOnce(new BiometricLoginError('IDENTITY_VERIFICATION_FAILED', { status: 400 }));
    login.cameraReady(camera);
    runs[0]?.verdict(darkVerdict);
    expect(await refusedFor(1000, login)).toBe(true);
    await login.sendAnyway();
    expect(login.getSnapshot()).toMatchObject({ state: { status: 'failed' }, canSendAnyway: false });
    login.retry();
    expect(await refusedFor(999, login)).toBe(false);
    expect(await refusedFor(1, login)).toBe(true);
  });

  it('unmounting clears the wait', async () => {
    const { login, camera, runs, unmount } = world({ sendAnywayAfterMs: 1000 });
    login.cameraReady(camera);
    runs[0]?.verdict(darkVerdict);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    expect(await refusedFor(5000, login)).toBe(false);
  });
});

describe('a camera whose code or stream is lost', () => {
  it('stays off while its failure shows, and "Try again" opens it anew even for a network error', () => {
    const { login, camera, snapshot } = world({ guidance: false });
    login.cameraReady(camera);
    login.cameraFailed(new BiometricLoginError('NETWORK_ERROR', { detail: 'the camera code could not be loaded' }));
    expect(snapshot()).toMatchObject({ state: { status: 'failed' }, error: { code: 'NETWORK_ERROR' }, cameraActive: false, camera: null, canRetry: true });
    login.retry();
    expect(snapshot()).toMatchObject({ state: { status: 'ready' }, cameraActive: true, canCapture: false });
    login.cameraReady(camera);
    expect(snapshot().canCapture).toBe(true);
  });
});

describe('options given again', () => {
  it('the same data given again is not checked again: a token that expires mid-login is left to the API', async () => {
    const token = makeToken({ livenessSession: 'ls_123', exp: Math.floor(Date.now() / 1000) + 5 });
    const { login, options, camera, snapshot } = world({ guidance: false, token });
    login.cameraReady(camera);
    await vi.advanceTimersByTimeAsync(10_000);
    login.setOptions({ ...options, onError: vi.fn() });
    expect(snapshot().state.status).toBe('ready');
  });
});
