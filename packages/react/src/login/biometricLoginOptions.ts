import type { BiometricLoginError, BiometricLoginOptions, GuidanceView, LoginState, LoginSuccess } from '@biometric-login/core';
import type { CameraDriver, CameraPreviewProps } from '../camera/cameraDriver.js';
import type { CameraChoice } from '../camera/useCameraChoice.js';

export type { FrameCheck, ProjectFlow } from '@biometric-login/core';
/** Called once, before the redirect, with the API's answer and the URL about to be opened. */
export type BiometricLoginSuccess = LoginSuccess;

/** Core's login options (createBiometricLogin), plus what a browser binding injects. */
export interface UseBiometricLoginOptions extends BiometricLoginOptions {
  /** Where frames come from. Default: the webcam through react-webcam. */
  camera?: CameraDriver;
  fetch?: typeof globalThis.fetch;
  /** How to leave the page on success. Default `window.location.assign`. */
  navigate?: (url: string) => void;
}

export interface UseBiometricLoginResult {
  state: LoginState;
  error: BiometricLoginError | undefined;
  isBusy: boolean;
  canCapture: boolean;
  /** Guided capture has refused every frame for `sendAnywayAfterMs`: `sendAnyway()` may send the current one as it is. */
  canSendAnyway: boolean;
  canRetry: boolean;
  start: () => void;
  capture: () => Promise<void>;
  /** One attempt with the current frame, fit or not; a no-op unless `canSendAnyway`. */
  sendAnyway: () => Promise<void>;
  retry: () => void;
  /** Guided capture's state, to draw your own guide: status, the current hint, whether the frame is fit, the hold. */
  guidance: GuidanceView;
  /**
   * Render `<camera.Preview {...camera.props} label=… />` while `camera.active`. `cameras` (listed once the
   * person allowed one), `selected` and `select(deviceId)` choose the camera; `lowResolution` asks for a notice.
   */
  camera: CameraChoice & {
    active: boolean;
    Preview: CameraDriver['Preview'];
    props: Pick<CameraPreviewProps, 'constraints' | 'onReady' | 'onError'>;
  };
}
