import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { readLivenessSession } from './readLivenessSession.js';
import { makeToken, nowMs } from './testing/makeToken.js';

const now = () => nowMs;
function codeOf(token: unknown): string {
  try {
    readLivenessSession(token, { now });
  } catch (error) {
    expect(error).toBeInstanceOf(BiometricLoginError);
    return (error as BiometricLoginError).code;
  }
  return 'accepted';
}

describe('readLivenessSession', () => {
  it('reads the claim and the expiry without verifying', () => {
    const session = readLivenessSession(makeToken({ livenessSession: 'ls_1', exp: nowMs / 1000 + 60, name: 'José' }), { now });
    expect(session).toEqual({ livenessSession: 'ls_1', expiresAt: nowMs + 60_000, claims: { livenessSession: 'ls_1', exp: nowMs / 1000 + 60, name: 'José' } });
  });

  it('accepts a token without exp', () => {
    expect(readLivenessSession(makeToken({ livenessSession: 'ls_1' }), { now }).expiresAt).toBeUndefined();
  });

  it.each([
    ['expired', makeToken({ livenessSession: 'ls', exp: nowMs / 1000 }), 'SESSION_EXPIRED'],
    ['no claim', makeToken({ exp: nowMs / 1000 + 60 }), 'SESSION_INVALID'],
    ['empty claim', makeToken({ livenessSession: ' ' }), 'SESSION_INVALID'],
    ['claim not a string', makeToken({ livenessSession: 42 }), 'SESSION_INVALID'],
    ['exp not a number', makeToken({ livenessSession: 'ls', exp: 'tomorrow' }), 'SESSION_INVALID'],
    ['payload an array', `e30.${Buffer.from('[1]').toString('base64url')}.sig`, 'SESSION_INVALID'],
    ['payload not JSON', `e30.${Buffer.from('{nope').toString('base64url')}.sig`, 'SESSION_INVALID'],
    ['payload not base64url', 'e30.***.sig', 'SESSION_INVALID'],
    ['two segments', 'e30.e30', 'SESSION_INVALID'],
    ['empty', '', 'SESSION_INVALID'],
    ['not a string', 42, 'SESSION_INVALID'],
  ])('%s -> %s', (_name, token, code) => {
    expect(codeOf(token)).toBe(code);
  });
});
