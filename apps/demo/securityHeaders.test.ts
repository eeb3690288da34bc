import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, securityHeaders, withConnectSources } from './securityHeaders';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The fenced block right after `marker` in the README. */
function blockAfter(marker: string): string {
  const start = readme.indexOf(marker);
  if (start === -1) throw new Error(`README.md has no ${JSON.stringify(marker)}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(start));
  if (block?.[1] === undefined) throw new Error(`README.md has no fenced block after ${JSON.stringify(marker)}`);
  return block[1];
}

describe('the headers the README tells a static host to send', () => {
  const realApiHeaders = securityHeaders(withConnectSources(contentSecurityPolicy, ['https://api.verifik.co']));

  it('are the demo\'s own, as the `_headers` file its build writes (Netlify, Cloudflare Pages)', () => {
    expect(blockAfter('<!-- _headers: checked by apps/demo/securityHeaders.test.ts -->')).toBe(headersFile(realApiHeaders));
  });

  it('hold what the README promises: the camera for the page only, no referrer, no framing, the API origin only', () => {
    expect(realApiHeaders).toMatchObject({ 'Permissions-Policy': 'camera=(self)', 'Referrer-Policy': 'no-referrer' });
    const directives = new Map(realApiHeaders['Content-Security-Policy']?.split('; ').map((directive) => [directive.split(' ')[0], directive] as const));
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directives.get('connect-src')).toBe("connect-src 'self' https://api.verifik.co");
    expect(directives.get('script-src')).toBe("script-src 'self'");
  });
});

describe('headersFile', () => {
  it('writes one path rule with every header indented under it', () => {
    expect(headersFile({ 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' })).toBe(
      '/*\n  Referrer-Policy: no-referrer\n  X-Content-Type-Options: nosniff\n',
    );
  });
});
