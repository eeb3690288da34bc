import { BiometricLoginError } from './BiometricLoginError.js';
import type { ErrorCode } from './errorCodes.js';

/** getUserMedia failures by DOMException name (current and legacy Chrome/Firefox names). */
const cameraErrorCodes: Readonly<Record<string, ErrorCode>> = {
  NotAllowedError: 'CAMERA_PERMISSION_DENIED',
  PermissionDeniedError: 'CAMERA_PERMISSION_DENIED',
  SecurityError: 'CAMERA_PERMISSION_DENIED',
  NotFoundError: 'CAMERA_NOT_FOUND',
  DevicesNotFoundError: 'CAMERA_NOT_FOUND',
  OverconstrainedError: 'CAMERA_NOT_FOUND',
  ConstraintNotSatisfiedError: 'CAMERA_NOT_FOUND',
  NotReadableError: 'CAMERA_IN_USE',
  TrackStartError: 'CAMERA_IN_USE',
  AbortError: 'CAMERA_IN_USE',
  NotSupportedError: 'CAMERA_UNSUPPORTED',
  // getUserMedia rejects with TypeError for constraints it cannot take at all, or on an insecure page.
  TypeError: 'CAMERA_UNSUPPORTED',
};

/**
 * Classifies what getUserMedia rejected with, by the browser's DOMException name. Anything else (a
 * driver's plain Error, a string) is CAPTURE_FAILED: drivers translate their own quirks before this.
 */
export function classifyCameraError(error: unknown): BiometricLoginError {
  if (error instanceof BiometricLoginError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
  if (name !== undefined && Object.hasOwn(cameraErrorCodes, name)) {
    return new BiometricLoginError(cameraErrorCodes[name] ?? 'CAPTURE_FAILED', { detail: `getUserMedia: ${name}`, cause: error });
  }
  return new BiometricLoginError('CAPTURE_FAILED', { detail: 'the camera failed for an unknown reason', cause: error });
}

export interface CameraEnvironment {
  isSecureContext?: boolean;
  mediaDevices?: { getUserMedia?: unknown } | undefined;
}

/** Before asking for the camera: an insecure page or a browser without mediaDevices cannot have one. */
export function checkCameraSupport(environment: CameraEnvironment): BiometricLoginError | undefined {
  if (environment.isSecureContext === false) {
    return new BiometricLoginError('CAMERA_UNSUPPORTED', { detail: 'the page is not a secure context (https or localhost)' });
  }
  if (typeof environment.mediaDevices?.getUserMedia !== 'function') {
    return new BiometricLoginError('CAMERA_UNSUPPORTED', { detail: 'navigator.mediaDevices.getUserMedia is not available' });
  }
  return undefined;
}
