import { BiometricLoginError } from './BiometricLoginError.js';
import { buildRedirectUrl } from './buildRedirectUrl.js';
import type { ValidateBiometricResult } from './classifyResponse.js';
import type { EncodedFrame } from './encodeFrame.js';
import type { LoginEvent } from './loginReducer.js';

type MaybePromise<T> = T | PromiseLike<T>;

export interface LoginSuccess extends ValidateBiometricResult {
  /** The URL the browser is about to be sent to (the redirect URL with `token` added). */
  redirectUrl: string;
  /** Stops the redirect; the flow ends in the `succeeded` state and the host takes over. */
  preventRedirect: () => void;
}

/** A last look at the frame before it is sent; return an error to refuse it. */
export type FrameCheck = (frame: EncodedFrame) => MaybePromise<BiometricLoginError | undefined>;

/** Everything one attempt touches, passed in: core itself never sees a camera, a network or React. */
export interface LoginAttemptPorts {
  /** One frame from the camera, encoded. */
  capture: () => MaybePromise<EncodedFrame>;
  checkFrame?: FrameCheck | undefined;
  /** Sends the frame to the API (retries are the sender's business) and resolves with its answer. */
  send: (frame: EncodedFrame) => Promise<ValidateBiometricResult>;
  redirectUrl: string;
  allowedRedirectOrigins?: readonly string[] | undefined;
  onSuccess?: ((success: LoginSuccess) => void) | undefined;
  /** Where the flow's events go (the reducer's dispatch). */
  dispatch: (event: LoginEvent) => void;
  /** Aborted when the login is torn down: from then on nothing more is dispatched. */
  signal: AbortSignal;
  /** Where a host callback's exception goes; by default it is re-thrown in a microtask. */
  reportHostError?: (error: unknown) => void;
}

function isThenable<T>(value: MaybePromise<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function';
}

function asLoginError(error: unknown, fallback: 'CAPTURE_FAILED' | 'NETWORK_ERROR'): BiometricLoginError {
  return error instanceof BiometricLoginError ? error : new BiometricLoginError(fallback, { cause: error });
}

/** Capture and check, awaiting only what is asynchronous, so a synchronous camera's request leaves in the caller's task. */
function captureChecked(ports: LoginAttemptPorts): MaybePromise<EncodedFrame | BiometricLoginError> {
  const checked = (frame: EncodedFrame) => {
    const verdict = ports.checkFrame?.(frame);
    const decide = (rejection: BiometricLoginError | undefined) => rejection ?? frame;
    return isThenable(verdict) ? Promise.resolve(verdict).then(decide) : decide(verdict);
  };
  try {
    const captured = ports.capture();
    const result = isThenable(captured) ? Promise.resolve(captured).then(checked) : checked(captured);
    return isThenable(result) ? Promise.resolve(result).catch((error: unknown) => asLoginError(error, 'CAPTURE_FAILED')) : result;
  } catch (error) {
    return asLoginError(error, 'CAPTURE_FAILED');
  }
}

/**
 * One login attempt, from the press of the button to the redirect: capture → check → send → redirect,
 * each step reported to the reducer. The request is started before `FRAME_CAPTURED` is dispatched, so it
 * leaves ahead of any re-render. Never rejects: every failure becomes an event.
 */
export async function runLoginAttempt(ports: LoginAttemptPorts): Promise<void> {
  ports.dispatch({ type: 'CAPTURE' });
  const capturedNow = captureChecked(ports);
  const captured = isThenable(capturedNow) ? await capturedNow : capturedNow;
  if (ports.signal.aborted) return;
  if (captured instanceof BiometricLoginError) return ports.dispatch({ type: 'CAPTURE_FAILED', error: captured });
  const request = ports.send(captured);
  ports.dispatch({ type: 'FRAME_CAPTURED' });
  let success: LoginSuccess;
  let prevented = false;
  try {
    const result = await request;
    const redirectUrl = buildRedirectUrl(ports.redirectUrl, result.token, { allowedOrigins: ports.allowedRedirectOrigins });
    success = { ...result, redirectUrl, preventRedirect: () => (prevented = true) };
  } catch (error) {
    if (!ports.signal.aborted) ports.dispatch({ type: 'SUBMIT_FAILED', error: asLoginError(error, 'NETWORK_ERROR') });
    return;
  }
  if (ports.signal.aborted) return;
  callHost(ports, success);
  const { redirectUrl, preventRedirect: _prevent, ...result } = success;
  ports.dispatch({ type: 'SUBMIT_SUCCEEDED', result, redirectUrl: prevented ? undefined : redirectUrl });
}

/** The host's bug must not strand the person on a verified login: report it, then go on. */
function callHost(ports: LoginAttemptPorts, success: LoginSuccess): void {
  try {
    ports.onSuccess?.(success);
  } catch (error) {
    const report =
      ports.reportHostError ??
      ((thrown: unknown) =>
        queueMicrotask(() => {
          throw thrown;
        }));
    report(error);
  }
}
