import type { BiometricLoginError, EncodeFrameOptions, FrameCheck, LoginState, LoginSuccess } from '@biometric-login/core';
import type { CameraDriver, CameraPreviewProps } from './cameraDriver.js';

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
