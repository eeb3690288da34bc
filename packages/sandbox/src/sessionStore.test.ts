import { describe, expect, it } from 'vitest';
import { createSessionStore, type SessionRecord } from './sessionStore.js';

const startMs = Date.UTC(2030, 0, 1);

function storeWithClock(maxSessions = 10) {
  let nowMs = startMs;
  const store = createSessionStore({ now: () => nowMs, maxSessions });
  return { store, advance: (ms: number) => (nowMs += ms) };
}

function record(name: string, lifetimeMs = 600_000): SessionRecord {
  return { id: `id-${name}`, livenessSession: name, scenario: 'success', repeat: 1, delayMs: 0, attempts: 0, status: 'pending', expiresAtMs: startMs + lifetimeMs };
}

describe('createSessionStore', () => {
  it('never holds more than maxSessions: the oldest goes first', () => {
    const { store } = storeWithClock(3);
    for (const name of ['a', 'b', 'c', 'd', 'e']) store.add(record(name));
    expect(store.size).toBe(3);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeUndefined();
    expect(['c', 'd', 'e'].map((name) => store.get(name)?.id)).toEqual(['id-c', 'id-d', 'id-e']);
  });

  it('drops expired sessions: when asked for one, and in the sweep the next add makes', () => {
    const { store, advance } = storeWithClock();
    store.add(record('short', 1_000));
    store.add(record('shorter', 500));
    store.add(record('long'));
    advance(1_000);
    expect(store.get('shorter')).toBeUndefined();
    expect(store.size).toBe(2);
    store.add(record('next', 600_000 + 1_000));
    expect(store.size).toBe(2);
    expect(store.get('long')?.id).toBe('id-long');
  });

  it('does not keep a session that is already expired', () => {
    const { store } = storeWithClock();
    store.add(record('expired', 0));
    store.add(record('expired-before', -1_000));
    expect(store.size).toBe(0);
  });

  it('keeps only the ids and the expiry of a completed session, for the replay check', () => {
    const { store } = storeWithClock();
    const session = record('a');
    store.add(session);
    store.complete(session);
    expect(session.status).toBe('completed');
    expect(store.get('a')).toEqual({ id: 'id-a', livenessSession: 'a', status: 'completed', expiresAtMs: session.expiresAtMs });
  });

  it('does not bring back a session evicted while its validation was running', () => {
    const { store } = storeWithClock(1);
    const running = record('running');
    store.add(running);
    store.add(record('newer'));
    store.complete(running);
    expect(running.status).toBe('completed');
    expect(store.get('running')).toBeUndefined();
    expect(store.size).toBe(1);
  });
});
