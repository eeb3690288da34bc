'use client';
// First statement of every built entry, so a Next.js server component can render the component without a wrapper.

export { BiometricLogin } from './BiometricLogin.js';
export type { BiometricLoginProps } from './BiometricLogin.js';
export { useBiometricLogin } from './login/useBiometricLogin.js';
export type { BiometricLoginSuccess, FrameCheck, ProjectFlow, UseBiometricLoginOptions, UseBiometricLoginResult } from './login/biometricLoginOptions.js';
export type { CameraDriver, CameraHandle, CameraOption, CameraPreviewProps } from './camera/cameraDriver.js';
export { webcamCamera } from './camera/webcamCamera.js';
export { createPictureCamera } from './camera/pictureCamera.js';
export { en, es, resolveMessages } from './messages.js';
export type { BiometricLoginLocale, BiometricLoginMessageOverrides, BiometricLoginMessages, ErrorText } from './messages.js';
// Guided capture's words are their own entry, @biometric-login/react/guidance-text, so they stay out of the first paint.
export type { GuidanceText, GuidanceTextOverrides } from './guidance/guidanceText.js';
export type { GuidanceStatus, GuidanceView } from '@biometric-login/core';
export type { CameraChoice } from './camera/useCameraChoice.js';
// From core, for hosts that only install this package: errors, the retry count, and a token's claims (unverified, for display).
export { BiometricLoginError, errorCodes, isBiometricLoginError, maxAutomaticRetries, readJwtClaims } from '@biometric-login/core';
export type { ErrorCode, LoginState, LoginStatus, ValidateBiometricResult } from '@biometric-login/core';
