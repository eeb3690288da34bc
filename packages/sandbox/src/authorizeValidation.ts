import { errorResponse } from './responses.js';
import type { SessionRecord, SessionStore } from './sessionStore.js';
import { SandboxTokenError, type TokenKey } from './tokens.js';

export type Authorization = { ok: true; session: SessionRecord } | { ok: false; response: Response };

// The scheme is case-insensitive (RFC 9110); the token itself must be one unbroken word.
const bearerPattern = /^Bearer +(\S+)$/i;

/** The validate endpoint's token checks, in the API's order: header, signature, expiry, claim, session, replay. */
export async function authorizeValidation(request: Request, key: TokenKey, store: SessionStore): Promise<Authorization> {
  const match = bearerPattern.exec(request.headers.get('Authorization')?.trim() ?? '');
  const token = match?.[1];
  if (token === undefined) return { ok: false, response: errorResponse(401, 'liveness_session_token_missing') };

  let claims;
  try {
    claims = await key.verify(token);
  } catch (error) {
    if (!(error instanceof SandboxTokenError)) throw error;
    return { ok: false, response: errorResponse(401, error.code === 'token_expired' ? 'token_expired' : 'invalid_token') };
  }

  const { livenessSession, sub } = claims;
  if (typeof livenessSession !== 'string' || livenessSession === '') {
    return { ok: false, response: errorResponse(403, 'liveness_session_token_missing') };
  }
  const session = store.get(livenessSession);
  // A token that names someone else's validation id is as unknown as a forgotten session.
  if (session === undefined || (sub !== undefined && sub !== session.id)) {
    return { ok: false, response: errorResponse(404, 'biometric_validation_not_found') };
  }
  if (session.status === 'completed') return { ok: false, response: errorResponse(403, 'liveness_session_already_used') };
  return { ok: true, session };
}
