import type { BiometricLoginError, EncodeFrameOptions, FrameCheck, LoginState, LoginSuccess } from '@biometric-login/core';
import type { CameraDriver, CameraPreviewProps } from '../camera/cameraDriver.js';
import type { CameraChoice } from '../camera/useCameraChoice.js';
import type { GuidanceView } from '@biometric-login/core';

export type { FrameCheck } from '@biometric-login/core';
/** Called once, before the redirect, with the API's answer and the URL about to be opened. */
export type BiometricLoginSuccess = LoginSuccess;

export interface ProjectFlow {
  /** Where the browser goes after a successful login, with `token=<login token>` added. */
  redirectUrl: string;
}

export interface UseBiometricLoginOptions {
  /** The liveness-session JWT (with its `livenessSession` claim). */
  token: string;
  projectFlow: ProjectFlow;
  /** Default `https://api.verifik.co`; https only (http for localhost). */
  apiBaseUrl?: string;
  /** When given, the redirect URL's origin must be one of these. */
  allowedRedirectOrigins?: readonly string[];
  onSuccess?: (success: BiometricLoginSuccess) => void;
  onError?: (error: BiometricLoginError) => void;
  /** Open the camera as soon as the component mounts. Default true. */
  autoStart?: boolean;
  /** Where frames come from. Default: the webcam through react-webcam. */
  camera?: CameraDriver;
  /**
   * Guided capture: every frame is checked for one well-placed, well-lit, sharp face before anything is sent,
   * with one hint at a time. Default true; false captures whatever the camera shows, when asked.
   */
  guidance?: boolean;
  /** With guidance, capture and send by itself once a good face has been held for `holdMs`. Default true. */
  autoCapture?: boolean;
  /** How long a good face is held before auto-capture sends it. Default 1000 ms (Verifik's own page: about 1.5 s). */
  holdMs?: number;
  /**
   * With guidance, offer "Send anyway" once no frame has been fit to send for this long (restarted by a fit frame
   * and by "Try again"), so a person the check keeps refusing is never stuck. Default 10 000 ms; false never offers.
   */
  sendAnywayAfterMs?: number | false;
  /**
   * Where the face detector's files (faceAnalyzer.worker.js, blazeface.bin, from the package's dist/guidance/)
   * are served, for setups whose bundler does not emit `new URL('../x', import.meta.url)` assets.
   */
  assetsUrl?: string;
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
