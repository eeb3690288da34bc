import { type ErrorCode, errorCodeInfo } from './errorCodes.js';

export interface BiometricLoginErrorOptions {
  /** HTTP status of the answer that caused it, when there was one. */
  status?: number;
  /** The server's own `message` code, when it sent one. */
  serverMessage?: string;
  /** How long the server asked us to wait (429 Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** Developer-facing detail. Never contains the session token or the picture. */
  detail?: string;
  cause?: unknown;
}

/** The single error type of the library: branch on `code`, never on `message`. */
export class BiometricLoginError extends Error {
  override readonly name = 'BiometricLoginError';
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, options: BiometricLoginErrorOptions = {}) {
    const parts = [options.status === undefined ? undefined : `HTTP ${options.status}`, options.serverMessage, options.detail];
    const suffix = parts.filter((part) => part !== undefined && part !== '').join(', ');
    super(suffix === '' ? code : `${code}: ${suffix}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.serverMessage = options.serverMessage;
    this.retryAfterMs = options.retryAfterMs;
    this.detail = options.detail;
  }

  /** The same request may succeed if simply sent again. */
  get isTransient(): boolean {
    return errorCodeInfo[this.code].transient;
  }

  /** The person can act (more light, allow the camera, try again) and retry. */
  get userCanRetry(): boolean {
    return errorCodeInfo[this.code].userCanRetry;
  }
}

export function isBiometricLoginError(value: unknown): value is BiometricLoginError {
  return value instanceof BiometricLoginError;
}
