import { classifyCameraError, createLoginState, detectOs, isBusy, loginReducer, needsCamera, runLoginAttempt } from '@biometric-login/core';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { UseBiometricLoginOptions, UseBiometricLoginResult } from './biometricLoginOptions.js';
import { type CameraHandle, defaultVideoConstraints } from './cameraDriver.js';
import { useConfigRefusal, useRestartOnNewConfig } from './useLoginConfig.js';
import { useLatest } from './useLatest.js';
import { useLoginEffects, useUnmountSignal } from './useLoginEffects.js';
import { useValidateMutation } from './useValidateMutation.js';
import { webcamCamera } from './webcamCamera.js';

/** The headless login flow: state from core's reducer and one attempt from core's runLoginAttempt; React wires them. */
export function useBiometricLogin(options: UseBiometricLoginOptions): UseBiometricLoginResult {
  const latest = useLatest(options);
  const refusal = useConfigRefusal(options);
  const [state, dispatch] = useReducer(loginReducer, refusal, createLoginState);
  useRestartOnNewConfig(refusal, dispatch);
  useLoginEffects(state, dispatch, options.autoStart ?? true, latest);
  const send = useValidateMutation({ token: options.token, apiBaseUrl: options.apiBaseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const cameraHandle = useRef<CameraHandle | null>(null);
  const attemptRunning = useRef(false);
  const unmounted = useUnmountSignal();
  const active = needsCamera(state);
  useEffect(() => {
    if (!active) cameraHandle.current = null;
  }, [active]);

  const capture = useCallback(async () => {
    const handle = cameraHandle.current;
    const signal = unmounted.current;
    if (state.status !== 'ready' || handle === null || signal === null || attemptRunning.current) return;
    attemptRunning.current = true;
    const { frame, checkFrame, projectFlow, allowedRedirectOrigins, onSuccess } = latest.current;
    const os = detectOs({ userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints });
    try {
      await runLoginAttempt({
        capture: () => handle.capture(frame ?? {}),
        checkFrame,
        send: (captured) => send(captured.base64, os, signal),
        redirectUrl: projectFlow.redirectUrl,
        allowedRedirectOrigins,
        onSuccess,
        dispatch,
        signal,
      });
    } finally {
      attemptRunning.current = false;
    }
  }, [state.status, latest, send, unmounted]);

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
    camera: { active, Preview: (options.camera ?? webcamCamera).Preview, props: cameraProps },
  };
}
