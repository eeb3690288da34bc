import { apiBaseUrlSchema } from './loginConfig.js';
import { defaultApiBaseUrl, validatePath } from './apiPaths.js';
import { BiometricLoginError } from './BiometricLoginError.js';
import { classifyValidateResponse, type ValidateBiometricResult } from './classifyResponse.js';
import { toRawBase64 } from './imageBase64.js';
import { readLivenessSession } from './readLivenessSession.js';
import { redactError } from './redactSecrets.js';
import { type BiometricOs, biometricOsSchema, type ValidateRequest } from './validateRequestSchema.js';

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
}

export interface ValidateBiometricOptions {
  /** The liveness-session JWT. */
  token: string;
  /** A JPEG as base64, raw or as a data URL. */
  image: string;
  /** The device's platform; optional for the API, sent whenever given. */
  os?: BiometricOs;
  /** Default `https://api.verifik.co`; https only (http for localhost). */
  apiBaseUrl?: string;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
  /** Give up after this long, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  now?: () => number;
  timers?: Timers;
}

/** The validate endpoint's URL under `apiBaseUrl`; a cleartext or malformed base is INVALID_CONFIGURATION. */
export function validateUrl(apiBaseUrl: string = defaultApiBaseUrl): string {
  if (!apiBaseUrlSchema.safeParse(apiBaseUrl).success) {
    throw new BiometricLoginError('INVALID_CONFIGURATION', { detail: 'apiBaseUrl must be an https URL (http only for localhost)' });
  }
  const base = new URL(apiBaseUrl);
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${validatePath}`;
}

/** The request exactly as sent: everything refused here is refused before any byte leaves. */
function prepareRequest(options: ValidateBiometricOptions, now: () => number): { url: string; body: ValidateRequest } {
  readLivenessSession(options.token, { now });
  const image = toRawBase64(options.image);
  const os = options.os === undefined ? undefined : biometricOsSchema.safeParse(options.os);
  if (os !== undefined && !os.success) throw new BiometricLoginError('REQUEST_REJECTED', { detail: 'os must be DESKTOP, IOS or ANDROID' });
  return { url: validateUrl(options.apiBaseUrl), body: os === undefined ? { image } : { image, os: os.data } };
}

/**
 * Sends one frame to Verifik's "validate an app login biometric validation" endpoint.
 * Resolves with the login token, or rejects with a BiometricLoginError whose `code` says what went wrong;
 * neither the session token nor the picture ever appears in that error, its message or its causes.
 */
export async function validateBiometric(options: ValidateBiometricOptions): Promise<ValidateBiometricResult> {
  // The secrets as given and as sent (a data: URL or line breaks stripped): a server can only echo what was sent.
  const secrets = [options.token, options.token?.trim?.(), options.image].filter((secret): secret is string => typeof secret === 'string');
  try {
    const now = options.now ?? Date.now;
    const request = prepareRequest(options, now);
    secrets.push(request.body.image);
    return await send(options, request, now);
  } catch (error) {
    throw error instanceof BiometricLoginError ? redactError(error, secrets) : error;
  }
}

async function send(options: ValidateBiometricOptions, { url, body }: { url: string; body: ValidateRequest }, now: () => number): Promise<ValidateBiometricResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  // Wrapped: browsers throw "Illegal invocation" when setTimeout is called with another `this`.
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle),
  };
  const timeoutMs = options.timeoutMs ?? 30_000;
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
      body: JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      // A redirect would re-send the face and the token to wherever it points: never followed.
      redirect: 'manual',
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new BiometricLoginError('INVALID_RESPONSE', { status: response.status || undefined, detail: 'the API answered with a redirect, which is never followed' });
    }
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
