import { type BiometricLoginPorts, createBiometricLogin, detectOs } from '@biometric-login/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { UseBiometricLoginOptions, UseBiometricLoginResult } from './biometricLoginOptions.js';
import { guidancePort } from '../guidance/guidancePort.js';
import { useCameraSlot } from '../camera/useCameraSlot.js';
import { useLatest } from '../useLatest.js';
import { loginRuntime, usePreloadLoginRuntime } from './useLoginRuntime.js';
import { useValidateMutation } from './useValidateMutation.js';
import { webcamCamera } from '../camera/webcamCamera.js';

/** The login's ports in a browser; each reads the latest props, so the controller is created once. */
function browserPorts(latest: { readonly current: { options: UseBiometricLoginOptions; send: BiometricLoginPorts['send'] } }): BiometricLoginPorts {
  return {
    send: (image, os, signal) => latest.current.send(image, os, signal),
    // Loaded while the camera started: called in the click's task, so the request leaves before React renders.
    runAttempt: (ports) => {
      const runtime = loginRuntime();
      return runtime instanceof Promise ? runtime.then((loaded) => loaded.runLoginAttempt(ports)) : runtime.runLoginAttempt(ports);
    },
    navigate: (url) => (latest.current.options.navigate ?? ((to: string) => window.location.assign(to)))(url),
    os: () => detectOs({ userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints }),
    guidance: guidancePort,
  };
}

/** The headless login: core's controller (createBiometricLogin) as React state, with react-query sending and the camera element wired. */
export function useBiometricLogin(options: UseBiometricLoginOptions): UseBiometricLoginResult {
  const send = useValidateMutation({ token: options.token, apiBaseUrl: options.apiBaseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const latest = useLatest({ options, send });
  const [login] = useState(() => createBiometricLogin(options, browserPorts(latest)));
  const snapshot = useSyncExternalStore(login.subscribe, login.getSnapshot, login.getSnapshot);
  useEffect(() => login.mount(), [login]);
  useEffect(() => login.setOptions(options));
  usePreloadLoginRuntime(snapshot.cameraActive);
  const driver = options.camera ?? webcamCamera;
  const camera = useCameraSlot(driver, login, snapshot);
  const { state, error, isBusy, canCapture, canSendAnyway, canRetry, guidance, cameraActive } = snapshot;
  return {
    state,
    error,
    isBusy,
    canCapture,
    canSendAnyway,
    canRetry,
    start: login.start,
    capture: login.capture,
    sendAnyway: login.sendAnyway,
    retry: login.retry,
    guidance,
    camera: { active: cameraActive, Preview: driver.Preview, props: camera.props, ...camera.choice },
  };
}
