import * as z from 'zod/mini';
import { BiometricLoginError } from './BiometricLoginError.js';
import { checkRedirectUrl } from './buildRedirectUrl.js';
import type { ErrorCode } from './errorCodes.js';
import { jwtSchema } from './jwtClaims.js';
import { readLivenessSession } from './readLivenessSession.js';
import { isSecureTransport, parseUrl } from './secureTransport.js';

/** The longest request timeout (and guided-capture hold or wait) accepted: beyond it a person has long given up (and timers overflow at 2^31 ms). */
export const maxTimeoutMs = 10 * 60 * 1000;

/** The API's origin and optional path prefix: https, or http on this machine; no credentials, query or fragment. */
export const apiBaseUrlSchema = z.string().check(
  z.refine((value) => {
    const url = parseUrl(value);
    return url !== undefined && isSecureTransport(url) && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  }, 'apiBaseUrl must be an https URL (http only for localhost) without credentials, query or fragment'),
);

const isOrigin = (value: unknown) => typeof value === 'string' && (parseUrl(value)?.origin ?? 'null') !== 'null';

/** The data a login is configured with; callbacks and injected functions are not data and are not checked here. */
export const loginConfigSchema = z.object({
  token: jwtSchema,
  projectFlow: z.object({ redirectUrl: z.string() }),
  apiBaseUrl: z.optional(apiBaseUrlSchema),
  allowedRedirectOrigins: z.optional(z.custom<readonly string[]>((value) => Array.isArray(value) && value.every(isOrigin), 'not an array of origins')),
  timeoutMs: z.optional(z.number().check(z.refine((ms) => ms > 0 && ms <= maxTimeoutMs, `between 0 and ${maxTimeoutMs} ms`))),
  /** How long a good face is held before guided capture sends it by itself. */
  holdMs: z.optional(z.number().check(z.refine((ms) => ms >= 0 && ms <= maxTimeoutMs, `between 0 and ${maxTimeoutMs} ms`))),
  /** How long guided capture refuses every frame before it offers to send one anyway; false never offers. */
  sendAnywayAfterMs: z.optional(
    // As holdMs, or false: z.custom, since z.union and z.literal would add 0.5 KB gz of zod to the first paint.
    z.custom<number | false>((ms) => ms === false || (typeof ms === 'number' && ms >= 0 && ms <= maxTimeoutMs), `false, or between 0 and ${maxTimeoutMs} ms`),
  ),
});
export type LoginConfig = z.output<typeof loginConfigSchema>;

const fieldCodes: Readonly<Record<keyof LoginConfig, ErrorCode>> = {
  token: 'SESSION_INVALID',
  projectFlow: 'REDIRECT_NOT_ALLOWED',
  apiBaseUrl: 'INVALID_CONFIGURATION',
  allowedRedirectOrigins: 'INVALID_CONFIGURATION',
  timeoutMs: 'INVALID_CONFIGURATION',
  holdMs: 'INVALID_CONFIGURATION',
  sendAnywayAfterMs: 'INVALID_CONFIGURATION',
};

function isConfigField(key: PropertyKey | undefined): key is keyof LoginConfig {
  return typeof key === 'string' && Object.hasOwn(fieldCodes, key);
}

/**
 * What can be refused before the camera opens or anything is sent: a value of the wrong shape, a cleartext
 * API, a redirect the rules or the allowlist refuse, a malformed, claimless or expired session token.
 * Returns the first refusal; the token never appears in it.
 */
export function checkLoginConfig(config: unknown, now: () => number = Date.now): BiometricLoginError | undefined {
  const parsed = loginConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const code = isConfigField(field) ? fieldCodes[field] : 'INVALID_CONFIGURATION';
    // The path names the prop; the issue's message never echoes the value (the token least of all).
    return new BiometricLoginError(code, { detail: `${issue?.path.join('.') || 'options'}: ${issue?.message ?? 'invalid'}` });
  }
  try {
    checkRedirectUrl(parsed.data.projectFlow.redirectUrl, { allowedOrigins: parsed.data.allowedRedirectOrigins });
    readLivenessSession(parsed.data.token, { now });
    return undefined;
  } catch (error) {
    if (error instanceof BiometricLoginError) return error;
    throw error;
  }
}
