import { BiometricLoginError } from './BiometricLoginError.js';

/** Automatic retries of a transient failure (network, 5xx, short 429): at most this many. */
export const maxAutomaticRetries = 2;
/** A 429 asking for a longer wait than this is shown to the person instead of waited out. */
export const maxRetryAfterMs = 5000;

/**
 * Whether a failed validate request is sent again by itself: only transient failures (network, 5xx,
 * 429), at most `maxAutomaticRetries` times, and a 429 only when its Retry-After is short.
 * `failureCount` counts the failures before this one: 0 for the first (react-query's convention).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof BiometricLoginError) || !error.isTransient || failureCount >= maxAutomaticRetries) return false;
  return error.retryAfterMs === undefined || error.retryAfterMs <= maxRetryAfterMs;
}

/** How long to wait before the next attempt: the server's Retry-After, else 0.5 s, then 1 s. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof BiometricLoginError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return 500 * 2 ** failureCount;
}
