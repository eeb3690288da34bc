import { sha256Hex } from './randomId.js';
import { documentedBadRequest, errorResponse, jsonResponse } from './responses.js';
import type { SessionRecord, SessionStore } from './sessionStore.js';
import type { Sleep } from './sleep.js';
import type { TokenKey } from './tokens.js';

/** Long enough for a demo redirect to finish; the sandbox does not model refresh. */
export const loginTokenTtlSeconds = 60 * 60;

export interface AnswerContext {
  key: TokenKey;
  now: () => number;
  sleep: Sleep;
  store: Pick<SessionStore, 'complete'>;
  signal: AbortSignal;
}

/** The third stage of validate: the request is authorized and well-formed, so the session's scenario decides. */
export async function answerValidation(session: SessionRecord, image: Uint8Array<ArrayBuffer>, context: AnswerContext): Promise<Response> {
  session.attempts += 1;
  // The first `repeat` attempts play the scenario; after that the person "tries again" and succeeds.
  const scenario = session.attempts <= session.repeat ? session.scenario : 'success';
  switch (scenario) {
    case 'success':
      return succeed(session, image, context);
    case 'INVALID_BIOMETRIC_DATA':
    case 'LIVENESS_DETECTION_FAILED':
    case 'IDENTITY_VERIFICATION_FAILED':
      return documentedBadRequest(scenario);
    case 'SERVER_ERROR':
      return errorResponse(503, 'server_error');
    case 'RATE_LIMITED':
      return errorResponse(429, 'rate_limited', { 'Retry-After': '1' });
    case 'SLOW':
      await context.sleep(session.delayMs, context.signal);
      return succeed(session, image, context);
    case 'INVALID_RESPONSE':
      // Looks like success but lacks data.token, which a client must refuse rather than redirect without.
      return jsonResponse(200, { success: true, data: { _id: session.id, status: 'completed' } });
  }
  // No default: a new scenario fails to compile here ("lacks ending return") until it has an answer.
}

/** The picture as the API hands it back in `biometricData.faceImage`: base64, as it was sent. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

async function succeed(session: SessionRecord, image: Uint8Array<ArrayBuffer>, context: AnswerContext): Promise<Response> {
  const imageHash = await sha256Hex(image);
  // Checked again here, after the awaits, so two concurrent attempts cannot both get a login token.
  if (session.status === 'completed') return errorResponse(403, 'liveness_session_already_used');
  context.store.complete(session);
  const { token } = await context.key.sign(
    { sub: session.id, livenessSession: session.livenessSession, type: 'app-login' },
    loginTokenTtlSeconds,
  );
  return jsonResponse(200, {
    success: true,
    data: {
      _id: session.id,
      status: 'completed',
      // The documented shape and types: the checks in words, the scores as numbers, `quality` as a word.
      verificationResults: { livenessDetection: 'passed', identityMatch: 'passed', qualityScore: 0.95, antiSpoofing: 'passed' },
      biometricData: { faceImage: toBase64(image), template: `sandbox-template-${imageHash.slice(0, 32)}`, quality: 'good', livenessScore: 0.95 },
      riskScore: 0.05,
      completedAt: new Date(context.now()).toISOString(),
      token,
    },
  });
}
