import type { SandboxScenario } from './scenarios.js';

export interface SessionRecord {
  id: string;
  livenessSession: string;
  scenario: SandboxScenario;
  repeat: number;
  delayMs: number;
  /** Validate attempts that passed the auth and body checks. */
  attempts: number;
  status: 'pending' | 'completed';
  expiresAtMs: number;
}

export interface SessionStore {
  add(record: SessionRecord): void;
  get(livenessSession: string): SessionRecord | undefined;
  clear(): void;
}

/** Sessions by livenessSession id. Expired ones are dropped on each add: their tokens fail the expiry check first anyway. */
export function createSessionStore(now: () => number): SessionStore {
  const sessions = new Map<string, SessionRecord>();
  return {
    add(record) {
      const nowMs = now();
      for (const [key, existing] of sessions) {
        if (existing.expiresAtMs <= nowMs) sessions.delete(key);
      }
      sessions.set(record.livenessSession, record);
    },
    get(livenessSession) {
      return sessions.get(livenessSession);
    },
    clear() {
      sessions.clear();
    },
  };
}
