import { describe, expect, it, vi } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import type { ValidateBiometricResult } from './classifyResponse.js';
import type { EncodedFrame } from './encodeFrame.js';
import type { LoginEvent } from './loginReducer.js';
import { type LoginAttemptPorts, runLoginAttempt } from './runLoginAttempt.js';

const frame: EncodedFrame = { base64: '/9j/4AAQ', bytes: 6, width: 540, height: 720 };
const result: ValidateBiometricResult = { token: 'login-token', data: { token: 'login-token', status: 'completed' } };

function ports(overrides: Partial<LoginAttemptPorts> = {}) {
  const events: LoginEvent['type'][] = [];
  const dispatched: LoginEvent[] = [];
  const controller = new AbortController();
  const all: LoginAttemptPorts = {
    capture: vi.fn(() => frame),
    send: vi.fn(async () => result),
    redirectUrl: 'https://app.example.com/cb?next=1',
    dispatch: (event) => {
      events.push(event.type);
      dispatched.push(event);
    },
    signal: controller.signal,
    ...overrides,
  };
  return { ports: all, events, dispatched, controller };
}

describe('runLoginAttempt: capture → check → send → redirect', () => {
  it('succeeds with the redirect URL built from the answer', async () => {
    const { ports: attempt, dispatched } = ports();
    await runLoginAttempt(attempt);
    expect(attempt.send).toHaveBeenCalledWith(frame);
    expect(dispatched.map((event) => event.type)).toEqual(['CAPTURE', 'FRAME_CAPTURED', 'SUBMIT_SUCCEEDED']);
    expect(dispatched[2]).toEqual({ type: 'SUBMIT_SUCCEEDED', result, redirectUrl: 'https://app.example.com/cb?next=1&token=login-token' });
  });

  it('starts the request in the caller\'s own task when the camera and the check are synchronous', () => {
    const { ports: attempt, events } = ports({ checkFrame: () => undefined });
    void runLoginAttempt(attempt);
    // No await yet: the request has already been started, before the "submitting" event.
    expect(attempt.send).toHaveBeenCalledTimes(1);
    expect(events).toEqual(['CAPTURE', 'FRAME_CAPTURED']);
  });

  it('awaits an asynchronous camera and an asynchronous check', async () => {
    const { ports: attempt, events } = ports({ capture: async () => frame, checkFrame: async () => undefined });
    await runLoginAttempt(attempt);
    expect(events).toEqual(['CAPTURE', 'FRAME_CAPTURED', 'SUBMIT_SUCCEEDED']);
  });

  it.each([
    ['a synchronous refusal', () => new BiometricLoginError('CAPTURE_FAILED', { detail: 'too dark' })],
    ['an asynchronous refusal', async () => new BiometricLoginError('CAPTURE_FAILED', { detail: 'too dark' })],
  ])('a check that refuses the frame sends nothing (%s)', async (_name, checkFrame) => {
    const { ports: attempt, dispatched } = ports({ checkFrame });
    await runLoginAttempt(attempt);
    expect(attempt.send).not.toHaveBeenCalled();
    expect(dispatched.at(-1)).toMatchObject({ type: 'CAPTURE_FAILED', error: { code: 'CAPTURE_FAILED', detail: 'too dark' } });
  });

  it.each([
    ['throws', () => { throw new Error('no frame'); }],
    ['rejects', async () => Promise.reject(new Error('no frame'))],
  ])('a camera that %s is CAPTURE_FAILED, and nothing is sent', async (_name, capture) => {
    const { ports: attempt, dispatched } = ports({ capture });
    await runLoginAttempt(attempt);
    expect(attempt.send).not.toHaveBeenCalled();
    expect(dispatched.at(-1)).toMatchObject({ type: 'CAPTURE_FAILED', error: { code: 'CAPTURE_FAILED' } });
  });

  it('a failed request is SUBMIT_FAILED with its code; anything else thrown is NETWORK_ERROR', async () => {
    const typed = ports({ send: async () => Promise.reject(new BiometricLoginError('LIVENESS_DETECTION_FAILED', { status: 400 })) });
    await runLoginAttempt(typed.ports);
    expect(typed.dispatched.at(-1)).toMatchObject({ type: 'SUBMIT_FAILED', error: { code: 'LIVENESS_DETECTION_FAILED' } });
    const untyped = ports({ send: async () => Promise.reject(new TypeError('boom')) });
    await runLoginAttempt(untyped.ports);
    expect(untyped.dispatched.at(-1)).toMatchObject({ type: 'SUBMIT_FAILED', error: { code: 'NETWORK_ERROR' } });
  });

  it('an answer whose token cannot travel in a URL is INVALID_RESPONSE, and onSuccess is not called', async () => {
    const onSuccess = vi.fn();
    const { ports: attempt, dispatched } = ports({ send: async () => ({ token: 'bad\uD800', data: { token: 'bad\uD800' } }), onSuccess });
    await runLoginAttempt(attempt);
    expect(dispatched.at(-1)).toMatchObject({ type: 'SUBMIT_FAILED', error: { code: 'INVALID_RESPONSE' } });
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('a redirect outside the allowlist is refused even after a successful answer', async () => {
    const { ports: attempt, dispatched } = ports({ allowedRedirectOrigins: ['https://other.example.com'] });
    await runLoginAttempt(attempt);
    expect(dispatched.at(-1)).toMatchObject({ type: 'SUBMIT_FAILED', error: { code: 'REDIRECT_NOT_ALLOWED' } });
  });

  it('onSuccess sees the answer and the URL, and may stop the redirect', async () => {
    const onSuccess = vi.fn((success: { preventRedirect: () => void }) => success.preventRedirect());
    const { ports: attempt, dispatched } = ports({ onSuccess });
    await runLoginAttempt(attempt);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: 'login-token', data: result.data, redirectUrl: 'https://app.example.com/cb?next=1&token=login-token' }));
    expect(dispatched.at(-1)).toEqual({ type: 'SUBMIT_SUCCEEDED', result, redirectUrl: undefined });
  });

  it("a host onSuccess that throws is reported, and the person still goes on", async () => {
    const failure = new Error('host bug');
    const reportHostError = vi.fn();
    const { ports: attempt, dispatched } = ports({ onSuccess: () => { throw failure; }, reportHostError });
    await runLoginAttempt(attempt);
    expect(reportHostError).toHaveBeenCalledWith(failure);
    expect(dispatched.at(-1)).toMatchObject({ type: 'SUBMIT_SUCCEEDED', redirectUrl: expect.stringContaining('token=login-token') });
  });

  it('a torn-down login dispatches nothing more and calls no host callback', async () => {
    let resolve: (value: ValidateBiometricResult) => void = () => undefined;
    const onSuccess = vi.fn();
    const { ports: attempt, events, controller } = ports({ send: () => new Promise((done) => (resolve = done)), onSuccess });
    const running = runLoginAttempt(attempt);
    controller.abort();
    resolve(result);
    await running;
    expect(events).toEqual(['CAPTURE', 'FRAME_CAPTURED']);
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
