import 'server-only';
import type { Settings } from './settings';

export interface LivenessSession {
  /** The liveness-session JWT the page hands to <BiometricLogin>. */
  token: string;
  livenessSession: string;
}

/** Asks the API for a new liveness session, from the server, so the API key stays here. */
export async function createLivenessSession(settings: Pick<Settings, 'apiBaseUrl' | 'apiKey'>): Promise<LivenessSession> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (settings.apiKey !== undefined) headers.Authorization = `Bearer ${settings.apiKey}`;
  const response = await fetch(`${settings.apiBaseUrl}/v2/biometric-validations`, { method: 'POST', headers, body: '{}', cache: 'no-store' });
  if (response.status !== 201) throw new Error(`The API did not create a liveness session: HTTP ${response.status}`);
  // A body that is not JSON is an answer without a token too.
  const answer = (await response.json().catch(() => undefined)) as { data?: { token?: unknown; livenessSession?: unknown } } | undefined;
  const data = answer?.data;
  if (typeof data?.token !== 'string' || typeof data.livenessSession !== 'string') throw new Error('The API answered a liveness session without a token');
  return { token: data.token, livenessSession: data.livenessSession };
}
