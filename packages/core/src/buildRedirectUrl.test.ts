import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { buildRedirectUrl } from './buildRedirectUrl.js';

function refusal(run: () => unknown): BiometricLoginError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BiometricLoginError);
    return error as BiometricLoginError;
  }
  throw new Error('expected a refusal');
}

describe('buildRedirectUrl', () => {
  it('adds the token, keeping the existing query byte for byte and the hash', () => {
    expect(buildRedirectUrl('https://app.example.com/cb?next=%2Fhome&q=a+b&flag#section', 'a.b+c/=')).toBe(
      'https://app.example.com/cb?next=%2Fhome&q=a+b&flag&token=a.b%2Bc%2F%3D#section',
    );
  });

  it('replaces a token parameter that is already there', () => {
    expect(buildRedirectUrl('https://app.example.com/cb?token=old&x=1&%74oken=older', 'new')).toBe(
      'https://app.example.com/cb?x=1&token=new',
    );
  });

  it('allows http only for loopback hosts', () => {
    expect(buildRedirectUrl('http://localhost:5173/callback', 't')).toBe('http://localhost:5173/callback?token=t');
    expect(buildRedirectUrl('http://127.0.0.1:8080/', 't')).toBe('http://127.0.0.1:8080/?token=t');
    expect(buildRedirectUrl('http://[::1]:8080/', 't')).toBe('http://[::1]:8080/?token=t');
    expect(refusal(() => buildRedirectUrl('http://app.example.com/cb', 't')).code).toBe('REDIRECT_NOT_ALLOWED');
    expect(refusal(() => buildRedirectUrl('http://localhost.evil.com/cb', 't')).code).toBe('REDIRECT_NOT_ALLOWED');
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.com/cb',
    '/relative/path',
    'https://user:pass@app.example.com/cb',
    'https://app.example.com@evil.com/cb',
    '',
    '   ',
  ])('refuses %j', (url) => {
    expect(refusal(() => buildRedirectUrl(url, 't')).code).toBe('REDIRECT_NOT_ALLOWED');
  });

  it('refuses non-string input and a missing token', () => {
    expect(refusal(() => buildRedirectUrl(undefined, 't')).code).toBe('REDIRECT_NOT_ALLOWED');
    expect(refusal(() => buildRedirectUrl({ toString: () => 'https://a.com' }, 't')).code).toBe('REDIRECT_NOT_ALLOWED');
    expect(refusal(() => buildRedirectUrl('https://a.com/', '')).code).toBe('INVALID_RESPONSE');
    expect(refusal(() => buildRedirectUrl('https://a.com/', 42)).code).toBe('INVALID_RESPONSE');
  });

  it('enforces the allowlist by origin, not by prefix', () => {
    const allowedOrigins = ['https://app.example.com', 'http://localhost:5173/ignored-path'];
    expect(buildRedirectUrl('https://app.example.com/cb', 't', { allowedOrigins })).toBe('https://app.example.com/cb?token=t');
    expect(buildRedirectUrl('http://localhost:5173/x', 't', { allowedOrigins })).toBe('http://localhost:5173/x?token=t');
    for (const url of ['https://app.example.com.evil.com/cb', 'https://app.example.com:444/cb', 'http://localhost:5174/x', 'https://evil.com/?https://app.example.com']) {
      expect(refusal(() => buildRedirectUrl(url, 't', { allowedOrigins })).code).toBe('REDIRECT_NOT_ALLOWED');
    }
    expect(refusal(() => buildRedirectUrl('https://app.example.com/cb', 't', { allowedOrigins: [] })).code).toBe('REDIRECT_NOT_ALLOWED');
    expect(refusal(() => buildRedirectUrl('https://app.example.com/cb', 't', { allowedOrigins: ['not a url'] })).code).toBe(
      'REDIRECT_NOT_ALLOWED',
    );
  });
});

describe('buildRedirectUrl properties', () => {
  const anyUrl = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom('javascript:x', 'data:,x', 'http://evil.com/', 'https://a.com/'));
  const anyToken = fc.string({ minLength: 1 });

  it('never yields anything but http(s), and http only on loopback', () => {
    fc.assert(
      fc.property(anyUrl, anyToken, (url, token) => {
        let built: string;
        try {
          built = buildRedirectUrl(url, token);
        } catch (error) {
          return error instanceof BiometricLoginError && error.code === 'REDIRECT_NOT_ALLOWED';
        }
        const parsed = new URL(built);
        return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname));
      }),
      { numRuns: 2000 },
    );
  });

  it('never yields a URL without exactly the token', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), anyToken, (url, token) => {
        let built: string;
        try {
          built = buildRedirectUrl(url, token);
        } catch (error) {
          return error instanceof BiometricLoginError && new URL(url).protocol === 'http:';
        }
        return new URL(built).searchParams.getAll('token').length === 1 && new URL(built).searchParams.get('token') === token;
      }),
      { numRuns: 2000 },
    );
  });

  it('never yields a foreign origin when an allowlist is given', () => {
    const origins = fc.uniqueArray(fc.webUrl().map((url) => new URL(url).origin), { maxLength: 3 });
    fc.assert(
      fc.property(anyUrl, origins, anyToken, (url, allowedOrigins, token) => {
        try {
          return allowedOrigins.includes(new URL(buildRedirectUrl(url, token, { allowedOrigins })).origin);
        } catch (error) {
          return error instanceof BiometricLoginError;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
