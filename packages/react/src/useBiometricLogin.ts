import { createLoginState, isBusy, loginReducer, needsCamera } from '@biometric-login/core';
import { useCallback, useEffect, useReducer } from 'react';
import type { UseBiometricLoginOptions, UseBiometricLoginResult } from './biometricLoginOptions.js';
import { useCameraSlot } from './useCameraSlot.js';
import { useCapture } from './useCapture.js';
import { useGuidance } from './useGuidance.js';
import { useConfigRefusal, useRestartOnNewConfig } from './useLoginConfig.js';
import { useLatest } from './useLatest.js';
import { useLoginEffects, useUnmountSignal } from './useLoginEffects.js';
import { usePreloadLoginRuntime } from './useLoginRuntime.js';
import { useValidateMutation } from './useValidateMutation.js';
import { webcamCamera } from './webcamCamera.js';

/** The headless login flow: state from core's reducer and one attempt from core's runLoginAttempt; React wires them. */
export function useBiometricLogin(options: UseBiometricLoginOptions): UseBiometricLoginResult {
  const optionsRef = useLatest(options);
  const refusal = useConfigRefusal(options);
  const [state, dispatch] = useReducer(loginReducer, refusal, createLoginState);
  useRestartOnNewConfig(refusal, dispatch);
  useLoginEffects(state, dispatch, options.autoStart ?? true, optionsRef);
  const send = useValidateMutation({ token: options.token, apiBaseUrl: options.apiBaseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const unmountedRef = useUnmountSignal();
  const active = needsCamera(state);
  usePreloadLoginRuntime(active);
  const driver = options.camera ?? webcamCamera;
  const camera = useCameraSlot(driver, active, dispatch);
  const guidance = useGuidance({
    enabled: options.guidance ?? true,
    camera: camera.handle,
    aspectRatio: options.frame?.aspectRatio,
    assetsUrl: options.assetsUrl,
    holdMs: options.holdMs,
    sendAnywayAfterMs: options.sendAnywayAfterMs,
    paused: state.status !== 'ready',
  });
  const live = state.status === 'ready' && camera.handle !== null;
  // No frame leaves while the check fails: neither by the button nor by itself.
  const canCapture = live && (guidance.status === 'off' || guidance.fit);
  const allowedRef = useLatest(canCapture);
  // Never a dead end: a person the check keeps refusing may, after a while, send the frame as it is.
  const canSendAnyway = live && guidance.offerSendAnyway;
  const anywayRef = useLatest(canSendAnyway);
  const { capture, sendAnyway } = useCapture({ state, dispatch, cameraRef: camera.handleRef, allowedRef, anywayRef, optionsRef, send, unmountedRef });

  const autoCapture = (options.autoCapture ?? true) && guidance.status === 'active' && guidance.ready && canCapture;
  useEffect(() => {
    if (autoCapture) void capture();
  }, [autoCapture, capture]);

  const start = useCallback(() => dispatch({ type: 'START_CAMERA' }), []);
  const retry = useCallback(() => dispatch({ type: 'RETRY' }), []);
  const error = state.status === 'failed' ? state.error : undefined;
  return {
    state,
    error,
    isBusy: isBusy(state),
    canCapture,
    canSendAnyway,
    canRetry: error?.userCanRetry ?? false,
    start,
    capture,
    sendAnyway,
    retry,
    guidance,
    camera: { active, Preview: driver.Preview, props: camera.props, ...camera.choice },
  };
}
