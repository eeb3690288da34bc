import { BiometricLoginError } from './BiometricLoginError.js';
import { classifyValidateResponse, type ValidateBiometricResult } from './classifyResponse.js';
import { toRawBase64 } from './imageBase64.js';
import { readLivenessSession } from './readLivenessSession.js';

export const defaultApiBaseUrl = 'https://api.verifik.co';
export const validatePath = '/v2/biometric-validations/validate';
export const biometricOsValues = ['DESKTOP', 'IOS', 'ANDROID'] as const;
export type BiometricOs = (typeof biometricOsValues)[number];

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
}

export interface ValidateBiometricOptions {
  /** The liveness-session JWT. */
  token: string;
  /** A JPEG as base64, raw or as a data URL. */
  image: string;
  os: BiometricOs;
  /** Default `https://api.verifik.co`. */
  apiBaseUrl?: string;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
  /** Give up after this long, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  now?: () => number;
  timers?: Timers;
}

export function validateUrl(apiBaseUrl: string = defaultApiBaseUrl): string {
  let base: URL;
  try {
    base = new URL(apiBaseUrl);
  } catch (cause) {
    throw new BiometricLoginError('REQUEST_REJECTED', { detail: 'apiBaseUrl is not an absolute URL', cause });
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new BiometricLoginError('REQUEST_REJECTED', { detail: 'apiBaseUrl must be http(s)' });
  }
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${validatePath}`;
}

/**
 * Sends one frame to Verifik's "validate an app login biometric validation" endpoint.
 * Resolves with the login token, or rejects with a BiometricLoginError whose `code` says what went wrong.
 */
export async function validateBiometric(options: ValidateBiometricOptions): Promise<ValidateBiometricResult> {
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  // Wrapped: browsers throw "Illegal invocation" when setTimeout is called with another `this`.
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle),
  };
  const timeoutMs = options.timeoutMs ?? 30_000;

  readLivenessSession(options.token, { now });
  const image = toRawBase64(options.image);
  if (!(biometricOsValues as readonly string[]).includes(options.os)) {
    throw new BiometricLoginError('REQUEST_REJECTED', { detail: 'os must be DESKTOP, IOS or ANDROID' });
  }
  const url = validateUrl(options.apiBaseUrl);
  if (options.signal?.aborted) throw abortError(options.signal);

  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timers.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token.trim()}` },
      body: JSON.stringify({ image, os: options.os }),
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    const bodyText = await response.text();
    return classifyValidateResponse({ status: response.status, bodyText, retryAfter: response.headers.get('Retry-After') }, now());
  } catch (error) {
    if (error instanceof BiometricLoginError) throw error;
    if (timedOut) throw new BiometricLoginError('TIMEOUT', { detail: `no answer within ${timeoutMs} ms`, cause: error });
    if (options.signal?.aborted) throw abortError(options.signal);
    throw new BiometricLoginError('NETWORK_ERROR', { detail: 'the request did not reach the server', cause: error });
  } finally {
    timers.clearTimeout(timer as never);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** A caller's own abort is not a login failure: it is re-thrown as the platform's AbortError. */
function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
