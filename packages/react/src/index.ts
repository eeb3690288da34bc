'use client';
// First statement of every built entry, so a Next.js server component can render the component without a wrapper.

export { BiometricLogin } from './BiometricLogin.js';
export type { BiometricLoginProps } from './BiometricLogin.js';
export { useBiometricLogin } from './useBiometricLogin.js';
export type { BiometricLoginSuccess, FrameCheck, UseBiometricLoginOptions, UseBiometricLoginResult } from './useBiometricLogin.js';
export type { ProjectFlow } from './precheck.js';
export { defaultVideoConstraints } from './cameraDriver.js';
export type { CameraDriver, CameraHandle, CameraPreviewProps } from './cameraDriver.js';
export { mediaDevicesCamera } from './mediaDevicesCamera.js';
export { builtInMessages, en, es, resolveMessages } from './messages.js';
export type { BiometricLoginLocale, BiometricLoginMessageOverrides, BiometricLoginMessages, ErrorText } from './messages.js';
export { maxAutomaticRetries, maxRetryAfterMs } from './useValidateMutation.js';
export { BiometricLoginError, errorCodes, isBiometricLoginError } from '@biometric-login/core';
export type { ErrorCode, LoginState, LoginStatus, ValidateBiometricResult } from '@biometric-login/core';
