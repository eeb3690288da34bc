import {
  BiometricLoginError,
  buildRedirectUrl,
  classifyCameraError,
  createLoginState,
  detectOs,
  type EncodedFrame,
  type EncodeFrameOptions,
  isBusy,
  type LoginState,
  loginReducer,
  needsCamera,
  type ValidateBiometricResult,
} from '@biometric-login/core';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { type CameraDriver, type CameraHandle, type CameraPreviewProps, defaultVideoConstraints } from './cameraDriver.js';
import { precheck, type ProjectFlow } from './precheck.js';
import { useLatest } from './useLatest.js';
import { useValidateMutation } from './useValidateMutation.js';
import { mediaDevicesCamera } from './mediaDevicesCamera.js';

export interface BiometricLoginSuccess extends ValidateBiometricResult {
  /** The URL the browser is about to be sent to (the redirect URL with `token` added). */
  redirectUrl: string;
  /** Stops the redirect; the flow ends in the `succeeded` state and the host takes over. */
  preventRedirect: () => void;
}

/** A last look at the frame before it is sent; return an error to refuse it. */
export type FrameCheck = (frame: EncodedFrame) => BiometricLoginError | undefined | Promise<BiometricLoginError | undefined>;

export interface UseBiometricLoginOptions {
  /** The liveness-session JWT (with its `livenessSession` claim). */
  token: string;
  projectFlow: ProjectFlow;
  /** Default `https://api.verifik.co`. */
  apiBaseUrl?: string;
  /** When given, the redirect URL's origin must be one of these. */
  allowedRedirectOrigins?: readonly string[];
  onSuccess?: (success: BiometricLoginSuccess) => void;
  onError?: (error: BiometricLoginError) => void;
  /** Open the camera as soon as the component mounts. Default true. */
  autoStart?: boolean;
  /** Where frames come from. Default: the webcam through the browser's getUserMedia. */
  camera?: CameraDriver;
  /** Size and JPEG quality of the frame sent. */
  frame?: EncodeFrameOptions;
  checkFrame?: FrameCheck;
  /** Request timeout in milliseconds. Default 30 000. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** How to leave the page on success. Default `window.location.assign`. */
  navigate?: (url: string) => void;
}

export interface UseBiometricLoginResult {
  state: LoginState;
  error: BiometricLoginError | undefined;
  isBusy: boolean;
  canCapture: boolean;
  canRetry: boolean;
  start: () => void;
  capture: () => Promise<void>;
  retry: () => void;
  /** Render `<camera.Preview {...camera.props} label=… />` while `camera.active`. */
  camera: {
    active: boolean;
    Preview: CameraDriver['Preview'];
    props: Pick<CameraPreviewProps, 'constraints' | 'onReady' | 'onError'>;
  };
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function';
}

function asLoginError(error: unknown, fallback: 'CAPTURE_FAILED' | 'NETWORK_ERROR'): BiometricLoginError {
  return error instanceof BiometricLoginError ? error : new BiometricLoginError(fallback, { cause: error });
}

/** The headless login flow: state from core's reducer, effects here, UI up to you. */
export function useBiometricLogin(options: UseBiometricLoginOptions): UseBiometricLoginResult {
  const { token, projectFlow, apiBaseUrl, timeoutMs, autoStart = true } = options;
  const latest = useLatest(options);
  // Compared by value: hosts often pass fresh object and array literals on every render.
  const redirectUrl = projectFlow?.redirectUrl;
  const allowedKey = options.allowedRedirectOrigins?.join('\n');
  const refusal = useMemo(() => precheck(token, { redirectUrl }, allowedKey?.split('\n'), Date.now), [token, redirectUrl, allowedKey]);
  const [state, dispatch] = useReducer(loginReducer, refusal, createLoginState);
  const mutation = useValidateMutation({ token, apiBaseUrl, timeoutMs, fetch: options.fetch });
  const cameraHandle = useRef<CameraHandle | null>(null);
  const captureLock = useRef(false);
  const requests = useRef<AbortController | null>(null);
  const active = needsCamera(state);

  // A new token or redirect starts the flow over; the first render already used them.
  const firstRefusal = useRef(refusal);
  useEffect(() => {
    if (firstRefusal.current === refusal) return;
    firstRefusal.current = refusal;
    dispatch({ type: 'RESET', error: refusal });
  }, [refusal]);

  useEffect(() => {
    if (autoStart && state.status === 'idle') dispatch({ type: 'START_CAMERA' });
  }, [autoStart, state.status]);

  useEffect(() => {
    if (!active) cameraHandle.current = null;
  }, [active]);

  const reported = useRef<BiometricLoginError | undefined>(undefined);
  useEffect(() => {
    if (state.status !== 'failed' || reported.current === state.error) return;
    reported.current = state.error;
    latest.current.onError?.(state.error);
  }, [state, latest]);

  const navigated = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (state.status !== 'redirecting' || navigated.current === state.redirectUrl) return;
    navigated.current = state.redirectUrl;
    (latest.current.navigate ?? ((url: string) => window.location.assign(url)))(state.redirectUrl);
  }, [state, latest]);

  // An unmounted login sends nothing more.
  useEffect(() => () => requests.current?.abort(), []);

  const capture = useCallback(async () => {
    const handle = cameraHandle.current;
    if (state.status !== 'ready' || handle === null || captureLock.current) return;
    captureLock.current = true;
    dispatch({ type: 'CAPTURE' });
    try {
      const { frame: frameOptions, checkFrame } = latest.current;
      let frame: EncodedFrame;
      try {
        // Awaited only when the driver or the check is asynchronous: the default camera encodes in this
        // task, and the request then leaves before React renders, not after.
        const captured = handle.capture(frameOptions ?? {});
        frame = isThenable(captured) ? await captured : captured;
        const checked = checkFrame?.(frame);
        const rejection = isThenable(checked) ? await checked : checked;
        if (rejection) return dispatch({ type: 'CAPTURE_FAILED', error: rejection });
      } catch (error) {
        return dispatch({ type: 'CAPTURE_FAILED', error: asLoginError(error, 'CAPTURE_FAILED') });
      }
      requests.current ??= new AbortController();
      const os = detectOs({ userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints });
      // The request is started before the state changes, so it leaves ahead of the "submitting" render.
      const request = mutation.mutateAsync({ image: frame.base64, os, signal: requests.current.signal });
      dispatch({ type: 'FRAME_CAPTURED' });
      let success: BiometricLoginSuccess;
      let prevented = false;
      try {
        const result = await request;
        const { projectFlow: flow, allowedRedirectOrigins } = latest.current;
        const redirectUrl = buildRedirectUrl(flow.redirectUrl, result.token, { allowedOrigins: allowedRedirectOrigins });
        success = { ...result, redirectUrl, preventRedirect: () => (prevented = true) };
      } catch (error) {
        if (requests.current.signal.aborted) return;
        return dispatch({ type: 'SUBMIT_FAILED', error: asLoginError(error, 'NETWORK_ERROR') });
      }
      try {
        latest.current.onSuccess?.(success);
      } catch (error) {
        // The host's bug must not strand the person on a verified login: report it, then go on.
        queueMicrotask(() => {
          throw error;
        });
      }
      const { redirectUrl: url, preventRedirect, ...result } = success;
      dispatch({ type: 'SUBMIT_SUCCEEDED', result, redirectUrl: prevented ? undefined : url });
    } finally {
      captureLock.current = false;
    }
  }, [state.status, latest, mutation]);

  const onReady = useCallback((handle: CameraHandle) => {
    cameraHandle.current = handle;
    dispatch({ type: 'CAMERA_READY' });
  }, []);
  const onError = useCallback((error: unknown) => dispatch({ type: 'CAMERA_FAILED', error: classifyCameraError(error) }), []);
  const start = useCallback(() => dispatch({ type: 'START_CAMERA' }), []);
  const retry = useCallback(() => dispatch({ type: 'RETRY' }), []);
  const cameraProps = useMemo(() => ({ constraints: defaultVideoConstraints, onReady, onError }), [onReady, onError]);

  const error = state.status === 'failed' ? state.error : undefined;
  return {
    state,
    error,
    isBusy: isBusy(state),
    canCapture: state.status === 'ready',
    canRetry: error?.userCanRetry ?? false,
    start,
    capture,
    retry,
    camera: { active, Preview: (options.camera ?? mediaDevicesCamera).Preview, props: cameraProps },
  };
}
