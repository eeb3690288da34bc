import { BiometricLoginError, detectOs, type LoginAttemptPorts, type LoginEvent, type LoginState } from '@biometric-login/core';
import { type Dispatch, useCallback, useRef } from 'react';
import type { UseBiometricLoginOptions } from './biometricLoginOptions.js';
import type { CameraHandle } from './cameraDriver.js';
import { type LoginRuntime, loginRuntime } from './useLoginRuntime.js';
import type { SendFrame } from './useValidateMutation.js';

export interface CaptureWiring {
  state: LoginState;
  dispatch: Dispatch<LoginEvent>;
  cameraRef: { readonly current: CameraHandle | null };
  /** Whether a frame may be taken now (the guidance's verdict); read at the moment of the call. */
  allowedRef: { readonly current: boolean };
  optionsRef: { readonly current: UseBiometricLoginOptions };
  send: SendFrame;
  unmountedRef: { readonly current: AbortSignal | null };
}

/** One login attempt per call, never two at once, and none while the frame is not fit to send. */
export function useCapture({ state, dispatch, cameraRef, allowedRef, optionsRef, send, unmountedRef }: CaptureWiring): () => Promise<void> {
  const running = useRef(false);
  return useCallback(async () => {
    const handle = cameraRef.current;
    const signal = unmountedRef.current;
    if (state.status !== 'ready' || handle === null || signal === null || !allowedRef.current || running.current) return;
    running.current = true;
    const { frame, checkFrame, projectFlow, allowedRedirectOrigins, onSuccess } = optionsRef.current;
    const os = detectOs({ userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints });
    const ports: LoginAttemptPorts = {
      capture: () => handle.capture(frame ?? {}),
      checkFrame,
      send: (captured) => send(captured.base64, os, signal),
      redirectUrl: projectFlow.redirectUrl,
      allowedRedirectOrigins,
      onSuccess,
      dispatch,
      signal,
    };
    try {
      // Loaded while the camera started: called in this task, so the request leaves before React renders.
      const runtime = loginRuntime();
      await (runtime instanceof Promise ? runtime.then((loaded: LoginRuntime) => loaded.runLoginAttempt(ports)) : runtime.runLoginAttempt(ports));
    } catch (error) {
      // The runtime itself could not load: nothing was sent, and "Try again" asks for it again.
      dispatch({ type: 'CAPTURE' });
      dispatch({ type: 'CAPTURE_FAILED', error: new BiometricLoginError('NETWORK_ERROR', { detail: 'the login code could not be loaded', cause: error }) });
    } finally {
      running.current = false;
    }
  }, [state.status, dispatch, cameraRef, allowedRef, optionsRef, send, unmountedRef]);
}
