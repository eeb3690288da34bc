/** Every failure the library can report. A new code does not compile until each table keyed by ErrorCode has it. */
export const errorCodes = [
  'INVALID_BIOMETRIC_DATA',
  'LIVENESS_DETECTION_FAILED',
  'IDENTITY_VERIFICATION_FAILED',
  'SESSION_INVALID',
  'SESSION_EXPIRED',
  'SESSION_NOT_FOUND',
  'RATE_LIMITED',
  'REQUEST_REJECTED',
  'SERVER_ERROR',
  'NETWORK_ERROR',
  'TIMEOUT',
  'INVALID_RESPONSE',
  'CAMERA_PERMISSION_DENIED',
  'CAMERA_NOT_FOUND',
  'CAMERA_IN_USE',
  'CAMERA_UNSUPPORTED',
  'CAPTURE_FAILED',
  'REDIRECT_NOT_ALLOWED',
  'INVALID_CONFIGURATION',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Where a failure comes from; the UI groups its advice by this. */
export type ErrorKind = 'verification' | 'session' | 'network' | 'camera' | 'configuration';

export interface ErrorCodeInfo {
  kind: ErrorKind;
  /** The same request may succeed if simply sent again (the client retries these by itself). */
  transient: boolean;
  /** The person in front of the camera can do something and try again. */
  userCanRetry: boolean;
}

/** The one place that decides how each code is handled. */
export const errorCodeInfo: Readonly<Record<ErrorCode, ErrorCodeInfo>> = {
  INVALID_BIOMETRIC_DATA: { kind: 'verification', transient: false, userCanRetry: true },
  LIVENESS_DETECTION_FAILED: { kind: 'verification', transient: false, userCanRetry: true },
  IDENTITY_VERIFICATION_FAILED: { kind: 'verification', transient: false, userCanRetry: true },
  SESSION_INVALID: { kind: 'session', transient: false, userCanRetry: false },
  SESSION_EXPIRED: { kind: 'session', transient: false, userCanRetry: false },
  SESSION_NOT_FOUND: { kind: 'session', transient: false, userCanRetry: false },
  RATE_LIMITED: { kind: 'network', transient: true, userCanRetry: true },
  REQUEST_REJECTED: { kind: 'network', transient: false, userCanRetry: true },
  SERVER_ERROR: { kind: 'network', transient: true, userCanRetry: true },
  NETWORK_ERROR: { kind: 'network', transient: true, userCanRetry: true },
  // Not retried by itself: the server may still be working on it, and three 30 s waits are worse than a button.
  TIMEOUT: { kind: 'network', transient: false, userCanRetry: true },
  INVALID_RESPONSE: { kind: 'network', transient: false, userCanRetry: true },
  CAMERA_PERMISSION_DENIED: { kind: 'camera', transient: false, userCanRetry: true },
  CAMERA_NOT_FOUND: { kind: 'camera', transient: false, userCanRetry: true },
  CAMERA_IN_USE: { kind: 'camera', transient: false, userCanRetry: true },
  CAMERA_UNSUPPORTED: { kind: 'camera', transient: false, userCanRetry: false },
  CAPTURE_FAILED: { kind: 'camera', transient: false, userCanRetry: true },
  REDIRECT_NOT_ALLOWED: { kind: 'configuration', transient: false, userCanRetry: false },
  INVALID_CONFIGURATION: { kind: 'configuration', transient: false, userCanRetry: false },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
