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

/** What is kept of a session once it gave out its login token: enough to answer a replay with 403 until it expires. */
export type CompletedSession = Pick<SessionRecord, 'id' | 'livenessSession' | 'expiresAtMs'> & { status: 'completed' };

export type StoredSession = SessionRecord | CompletedSession;

export interface SessionStoreOptions {
  /** The sandbox's clock, in ms since the epoch. */
  now: () => number;
  /** At most this many sessions, pending and completed together; a new one evicts the oldest. */
  maxSessions: number;
}

export interface SessionStore {
  add(session: SessionRecord): void;
  get(livenessSession: string): StoredSession | undefined;
  /** Marks the session completed and keeps only what a replay needs. */
  complete(session: SessionRecord): void;
  readonly size: number;
  clear(): void;
}

// Expired sessions are swept at most once a second of the sandbox's clock, not on every add: a full sweep per
// add would cost O(n) each time the store is full.
const sweepIntervalMs = 1000;

/**
 * Sessions by livenessSession id, bounded. An expired session is dropped (its token fails the expiry check before
 * the store is asked), a completed one shrinks to its ids, and when the store is full the oldest goes first: its token is
 * then answered as an unknown session (404), like one this sandbox never created.
 */
export function createSessionStore({ now, maxSessions }: SessionStoreOptions): SessionStore {
  // A Map iterates in insertion order: the first key is always the oldest session.
  const sessions = new Map<string, StoredSession>();
  let lastSweepMs = Number.NEGATIVE_INFINITY;

  const isExpired = (session: StoredSession, nowMs: number) => session.expiresAtMs <= nowMs;

  function sweep(nowMs: number): void {
    if (nowMs - lastSweepMs < sweepIntervalMs) return;
    lastSweepMs = nowMs;
    for (const [key, session] of sessions) if (isExpired(session, nowMs)) sessions.delete(key);
  }

  return {
    add(session) {
      const nowMs = now();
      sweep(nowMs);
      // An already-expired session (expiresInSeconds <= 0) can only ever be refused as expired: nothing to keep.
      if (isExpired(session, nowMs)) return;
      sessions.delete(session.livenessSession);
      while (sessions.size >= maxSessions) {
        const oldest = sessions.keys().next();
        if (oldest.done === true) break;
        sessions.delete(oldest.value);
      }
      sessions.set(session.livenessSession, session);
    },
    get(livenessSession) {
      const session = sessions.get(livenessSession);
      if (session === undefined || !isExpired(session, now())) return session;
      sessions.delete(livenessSession);
      return undefined;
    },
    complete(session) {
      session.status = 'completed';
      // Only if it is still stored: an evicted session must not come back.
      if (sessions.get(session.livenessSession) !== session) return;
      const { id, livenessSession, expiresAtMs } = session;
      sessions.set(livenessSession, { id, livenessSession, status: 'completed', expiresAtMs });
    },
    get size() {
      return sessions.size;
    },
    clear() {
      sessions.clear();
    },
  };
}
