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
  /** Whether "Send anyway" is offered now (guided capture found no fit frame for a while); read at the moment of the call. */
  anywayRef: { readonly current: boolean };
  optionsRef: { readonly current: UseBiometricLoginOptions };
  send: SendFrame;
  unmountedRef: { readonly current: AbortSignal | null };
}

export interface CaptureActions {
  /** Only while the frame is fit to send. */
  capture: () => Promise<void>;
  /** Only while the offer stands: the frame goes as it is, past the guidance's verdict. */
  sendAnyway: () => Promise<void>;
}

/** One login attempt per call, never two at once (whichever action asked), and none while the action is not allowed. */
export function useCapture({ state, dispatch, cameraRef, allowedRef, anywayRef, optionsRef, send, unmountedRef }: CaptureWiring): CaptureActions {
  const running = useRef(false);
  const attempt = useCallback(async (allowed: { readonly current: boolean }) => {
    const handle = cameraRef.current;
    const signal = unmountedRef.current;
    if (state.status !== 'ready' || handle === null || signal === null || !allowed.current || running.current) return;
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
  }, [state.status, dispatch, cameraRef, optionsRef, send, unmountedRef]);
  const capture = useCallback(() => attempt(allowedRef), [attempt, allowedRef]);
  const sendAnyway = useCallback(() => attempt(anywayRef), [attempt, anywayRef]);
  return { capture, sendAnyway };
}
