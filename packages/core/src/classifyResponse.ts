import { BiometricLoginError } from './BiometricLoginError.js';
import type { ErrorCode } from './errorCodes.js';
import { validateErrorSchema, type ValidateSuccessData, validateSuccessSchema, type ValidationSignature } from './validateAnswerSchema.js';

/** The three documented 400 `message` codes, which name themselves. */
const documentedBadRequestCodes = ['INVALID_BIOMETRIC_DATA', 'LIVENESS_DETECTION_FAILED', 'IDENTITY_VERIFICATION_FAILED'] as const;

export interface HttpAnswer {
  status: number;
  /** The body as received; parsed here so that "not JSON" is classified in one place. */
  bodyText: string;
  /** The Retry-After header, when present. */
  retryAfter?: string | null;
}

export interface ValidateBiometricResult {
  /** The login token to hand to the project flow's redirect URL. */
  token: string;
  /** Every documented field of the answer's `data`, with its documented type; fields of another type are left out. */
  data: ValidateSuccessData;
  /** The older API's certificate of the validation, when it sent one. */
  signature?: ValidationSignature;
  /** The older API's id of the answer, when it sent one. */
  id?: string;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only IMF-fixdate: Date.parse would also take "-5" as a year.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Maps an HTTP status (and, for 400, the documented body code) to an error code. Never reads message prose. */
export function errorCodeForStatus(status: number, serverMessage: string | undefined): ErrorCode {
  if (status === 400) return documentedBadRequestCodes.find((code) => code === serverMessage) ?? 'REQUEST_REJECTED';
  if (status === 401 || status === 403) return 'SESSION_INVALID';
  if (status === 404) return 'SESSION_NOT_FOUND';
  if (status === 408) return 'TIMEOUT';
  // Older API versions answer 409 liveness_failed.
  if (status === 409) return 'LIVENESS_DETECTION_FAILED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'REQUEST_REJECTED';
  if (status >= 500 && status < 600) return 'SERVER_ERROR';
  // 1xx, 3xx (redirects are never followed) and anything outside HTTP's range.
  return 'INVALID_RESPONSE';
}

/** Turns the validate endpoint's answer into a result, or throws the one error that describes it. */
export function classifyValidateResponse(answer: HttpAnswer, now: number): ValidateBiometricResult {
  const { status, bodyText } = answer;
  const json = parseJson(bodyText);

  if (status >= 200 && status < 300) {
    if (!json.ok) throw new BiometricLoginError('INVALID_RESPONSE', { status, detail: 'the body is not JSON' });
    const parsed = validateSuccessSchema.safeParse(json.value);
    if (!parsed.success) {
      throw new BiometricLoginError('INVALID_RESPONSE', { status, detail: 'the body has no data.token or says success: false' });
    }
    const { data, signature, id } = parsed.data;
    return { token: data.token, data, ...(signature === undefined ? {} : { signature }), ...(id === undefined ? {} : { id }) };
  }

  const errorBody = json.ok ? validateErrorSchema.safeParse(json.value) : undefined;
  const serverMessage = errorBody?.success ? errorBody.data.message : undefined;
  const code = errorCodeForStatus(status, serverMessage);
  const retryAfterMs = code === 'RATE_LIMITED' ? parseRetryAfter(answer.retryAfter, now) : undefined;
  throw new BiometricLoginError(code, { status, serverMessage, retryAfterMs });
}
