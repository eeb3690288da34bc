import { BiometricLoginError } from './BiometricLoginError.js';

const redacted = '[redacted]';
const maxCauseDepth = 4;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  cause?: unknown;
}

function redactText(text: string | undefined, secrets: readonly string[]): string | undefined {
  if (text === undefined) return undefined;
  let result = text;
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join(redacted);
  return result;
}

function textsOf(value: unknown, depth: number): string[] {
  if (depth > maxCauseDepth) return [];
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  const { name, message, stack, cause } = value as ErrorLike;
  return [name, message, stack].filter((text): text is string => typeof text === 'string').concat(textsOf(cause, depth + 1));
}

function mentionsSecret(value: unknown, secrets: readonly string[]): boolean {
  return textsOf(value, 0).some((text) => secrets.some((secret) => secret !== '' && text.includes(secret)));
}

/** A plain copy of a cause (name and message only, its own cause likewise), the secrets cut out. */
function redactedCopy(cause: unknown, secrets: readonly string[], depth: number): unknown {
  if (cause === undefined || depth > maxCauseDepth) return undefined;
  const source: ErrorLike = typeof cause === 'object' && cause !== null ? (cause as ErrorLike) : { message: cause };
  const message = typeof source.message === 'string' ? source.message : '';
  const copy = new Error(redactText(message, secrets), { cause: redactedCopy(source.cause, secrets, depth + 1) });
  // The copy's stack is its own: the original's starts with the original message.
  copy.name = typeof source.name === 'string' ? (redactText(source.name, secrets) ?? 'Error') : 'Error';
  return copy;
}

/**
 * The same error with every secret (the session token, the picture) cut out of its message, detail,
 * server message and cause chain: whatever a platform or a server put in an error, it never carries them.
 * A cause that mentions no secret is kept as it is, stack and all, for debugging.
 */
export function redactError(error: BiometricLoginError, secrets: readonly string[]): BiometricLoginError {
  if (!mentionsSecret(error, secrets)) return error;
  return new BiometricLoginError(error.code, {
    status: error.status,
    serverMessage: redactText(error.serverMessage, secrets),
    retryAfterMs: error.retryAfterMs,
    detail: redactText(error.detail, secrets),
    cause: mentionsSecret(error.cause, secrets) ? redactedCopy(error.cause, secrets, 1) : error.cause,
  });
}
