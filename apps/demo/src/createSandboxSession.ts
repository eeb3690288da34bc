import type { CreateSessionOptions, SandboxSession } from '@biometric-login/sandbox';

export type DemoSession = Pick<SandboxSession, '_id' | 'token' | 'expiresAt'>;

function isSession(value: unknown): value is DemoSession {
  if (typeof value !== 'object' || value === null) return false;
  const { _id: id, token, expiresAt } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof token === 'string' && typeof expiresAt === 'string';
}

/** Asks the sandbox for a liveness session, as an app's server would ask the real API. */
export async function createSandboxSession(apiBaseUrl: string, options: CreateSessionOptions, signal: AbortSignal): Promise<DemoSession> {
  const response = await fetch(new URL('/v2/biometric-validations', apiBaseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(options),
    signal,
  });
  const body: unknown = await response.json().catch(() => undefined);
  const data = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).data : undefined;
  if (!response.ok || !isSession(data)) throw new Error(`HTTP ${response.status}`);
  return data;
}
