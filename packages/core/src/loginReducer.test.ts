import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import type { ErrorCode } from './errorCodes.js';
import { createLoginState, isBusy, type LoginEvent, type LoginState, loginReducer, loginStatuses, needsCamera } from './loginReducer.js';

const result = { token: 'login', data: { token: 'login' } };
const error = (code: ErrorCode) => new BiometricLoginError(code);
const run = (events: LoginEvent[], from: LoginState = createLoginState()) => events.reduce(loginReducer, from);

const allEvents: LoginEvent[] = [
  { type: 'START_CAMERA' },
  { type: 'CAMERA_READY' },
  { type: 'CAMERA_FAILED', error: error('CAMERA_IN_USE') },
  { type: 'CAPTURE' },
  { type: 'FRAME_CAPTURED' },
  { type: 'CAPTURE_FAILED', error: error('CAPTURE_FAILED') },
  { type: 'SUBMIT_SUCCEEDED', result, redirectUrl: 'https://a.com/?token=login' },
  { type: 'SUBMIT_FAILED', error: error('SERVER_ERROR') },
  { type: 'RETRY' },
];

describe('loginReducer', () => {
  it('walks the happy path to redirecting', () => {
    const state = run([
      { type: 'START_CAMERA' },
      { type: 'CAMERA_READY' },
      { type: 'CAPTURE' },
      { type: 'FRAME_CAPTURED' },
      { type: 'SUBMIT_SUCCEEDED', result, redirectUrl: 'https://a.com/?token=login' },
    ]);
    expect(state).toEqual({ status: 'redirecting', result, redirectUrl: 'https://a.com/?token=login' });
  });

  it('stops at succeeded when the host prevented the redirect', () => {
    const state = run([{ type: 'START_CAMERA' }, { type: 'CAMERA_READY' }, { type: 'CAPTURE' }, { type: 'FRAME_CAPTURED' }, { type: 'SUBMIT_SUCCEEDED', result, redirectUrl: undefined }]);
    expect(state).toEqual({ status: 'succeeded', result });
  });

  it('ignores a second capture while one is under way (one click, one request)', () => {
    const capturing = run([{ type: 'START_CAMERA' }, { type: 'CAMERA_READY' }, { type: 'CAPTURE' }]);
    expect(loginReducer(capturing, { type: 'CAPTURE' })).toBe(capturing);
    const submitting = loginReducer(capturing, { type: 'FRAME_CAPTURED' });
    expect(loginReducer(submitting, { type: 'CAPTURE' })).toBe(submitting);
  });

  it('retries a verification failure from ready, keeping the camera', () => {
    const failed = run([{ type: 'START_CAMERA' }, { type: 'CAMERA_READY' }, { type: 'CAPTURE' }, { type: 'FRAME_CAPTURED' }, { type: 'SUBMIT_FAILED', error: error('LIVENESS_DETECTION_FAILED') }]);
    expect(needsCamera(failed)).toBe(true);
    expect(loginReducer(failed, { type: 'RETRY' })).toEqual({ status: 'ready' });
  });

  it('retries a camera failure by starting the camera again, and stops it meanwhile', () => {
    const failed = run([{ type: 'START_CAMERA' }, { type: 'CAMERA_FAILED', error: error('CAMERA_PERMISSION_DENIED') }]);
    expect(needsCamera(failed)).toBe(false);
    expect(loginReducer(failed, { type: 'RETRY' })).toEqual({ status: 'startingCamera' });
  });

  it('does not retry what the person cannot fix, and keeps the camera off', () => {
    for (const code of ['SESSION_EXPIRED', 'SESSION_INVALID', 'SESSION_NOT_FOUND', 'REDIRECT_NOT_ALLOWED', 'CAMERA_UNSUPPORTED'] as const) {
      const failed = createLoginState(error(code));
      expect(loginReducer(failed, { type: 'RETRY' })).toEqual(failed);
      expect(needsCamera(failed)).toBe(false);
    }
  });

  it('a camera that dies while a retryable error is shown replaces that error', () => {
    const failed = createLoginState(error('SERVER_ERROR'));
    const cameraError = error('CAMERA_IN_USE');
    expect(loginReducer(failed, { type: 'CAMERA_FAILED', error: cameraError })).toEqual({ status: 'failed', error: cameraError });
    const sessionFailed = createLoginState(error('SESSION_EXPIRED'));
    expect(loginReducer(sessionFailed, { type: 'CAMERA_FAILED', error: cameraError })).toBe(sessionFailed);
  });

  it('starts failed when the configuration was refused, and RESET goes back', () => {
    const failed = createLoginState(error('REDIRECT_NOT_ALLOWED'));
    expect(failed.status).toBe('failed');
    expect(loginReducer(failed, { type: 'RESET' })).toEqual({ status: 'idle' });
  });

  it('success states are final: no event but RESET leaves them', () => {
    const redirecting: LoginState = { status: 'redirecting', result, redirectUrl: 'https://a.com/' };
    const succeeded: LoginState = { status: 'succeeded', result };
    for (const event of allEvents) {
      expect(loginReducer(redirecting, event)).toBe(redirecting);
      expect(loginReducer(succeeded, event)).toBe(succeeded);
    }
  });

  it('moves exactly along this table; every other event leaves the state untouched (the same object)', () => {
    // The whole machine, written out: a new transition must be added here on purpose.
    const transitions: Record<string, Partial<Record<LoginEvent['type'], string>>> = {
      idle: { START_CAMERA: 'startingCamera' },
      startingCamera: { CAMERA_READY: 'ready', CAMERA_FAILED: 'failed' },
      ready: { CAPTURE: 'capturing', CAMERA_FAILED: 'failed' },
      capturing: { FRAME_CAPTURED: 'submitting', CAPTURE_FAILED: 'failed', CAMERA_FAILED: 'failed' },
      submitting: { SUBMIT_FAILED: 'failed', SUBMIT_SUCCEEDED: 'redirecting' },
      // A retryable verification failure keeps the camera: RETRY goes back to ready, a dying camera replaces the error.
      failed: { RETRY: 'ready', CAMERA_FAILED: 'failed' },
      redirecting: {},
      succeeded: {},
    };
    const states: LoginState[] = [
      { status: 'idle' },
      { status: 'startingCamera' },
      { status: 'ready' },
      { status: 'capturing' },
      { status: 'submitting' },
      { status: 'redirecting', result, redirectUrl: 'https://a.com/' },
      { status: 'succeeded', result },
      createLoginState(error('LIVENESS_DETECTION_FAILED')),
    ];
    for (const state of states) {
      for (const event of allEvents) {
        const next = loginReducer(state, event);
        const expected = transitions[state.status]?.[event.type];
        if (expected === undefined) expect(next, `${state.status} + ${event.type}`).toBe(state);
        else expect(next.status, `${state.status} + ${event.type}`).toBe(expected);
      }
    }
  });

  it('derives isBusy from the status alone', () => {
    expect(loginStatuses.filter((status) => isBusy({ status } as LoginState))).toEqual(['capturing', 'submitting', 'redirecting']);
  });
});
