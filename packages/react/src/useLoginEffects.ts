import type { BiometricLoginError, LoginEvent, LoginState } from '@biometric-login/core';
import { type Dispatch, useEffect, useRef } from 'react';

export interface LoginEffectCallbacks {
  onError?: ((error: BiometricLoginError) => void) | undefined;
  navigate?: ((url: string) => void) | undefined;
}

/** What the state asks of the world: open the camera, tell the host about a failure once, leave the page once. */
export function useLoginEffects(state: LoginState, dispatch: Dispatch<LoginEvent>, autoStart: boolean, callbacks: { readonly current: LoginEffectCallbacks }): void {
  useEffect(() => {
    if (autoStart && state.status === 'idle') dispatch({ type: 'START_CAMERA' });
  }, [autoStart, state.status, dispatch]);

  const reported = useRef<BiometricLoginError | undefined>(undefined);
  useEffect(() => {
    if (state.status !== 'failed' || reported.current === state.error) return;
    reported.current = state.error;
    callbacks.current.onError?.(state.error);
  }, [state, callbacks]);

  const navigated = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (state.status !== 'redirecting' || navigated.current === state.redirectUrl) return;
    navigated.current = state.redirectUrl;
    (callbacks.current.navigate ?? ((url: string) => window.location.assign(url)))(state.redirectUrl);
  }, [state, callbacks]);
}

/** Aborted when the component unmounts, so an unmounted login sends and reports nothing more; a remount (StrictMode) gets a fresh one. */
export function useUnmountSignal(): { readonly current: AbortSignal | null } {
  const signal = useRef<AbortSignal | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    signal.current = controller.signal;
    return () => controller.abort();
  }, []);
  return signal;
}
