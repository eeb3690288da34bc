import { en as component } from '@biometric-login/react';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, withConnectSources, withScriptNonce } from '../../apps/demo/securityHeaders';
import { useBrowserSuite } from '../demoSuite';
import { expectGuidanceFilesLoaded, type GuidanceFiles, waitForGuidance, watchGuidanceFiles } from '../guidedCapture';
import { expectCleanConsole, type ObservedPage, observePage } from '../observedPage';
import { type NextStack, serverSecrets, startNextStack } from './nextExample';

const isCallback = (url: string) => new URL(url).pathname === '/callback';

/**
 * Opens the login page, waits until guided capture finds the face well placed, clicks "Verify identity" and follows
 * the redirect to /account; resolves with the login token the callback got and what the page loaded for guided capture.
 */
async function logIn(page: Page, stack: NextStack): Promise<{ loginToken: string; html: string; headers: Record<string, string>; files: GuidanceFiles }> {
  const files = watchGuidanceFiles(page);
  const response = await page.goto(`${stack.url}/`);
  expect(response?.status()).toBe(200);
  // Read before the page navigates away, after which Chromium drops the body.
  const html = (await response?.text()) ?? '';
  const callback = page.waitForRequest((request) => request.isNavigationRequest() && isCallback(request.url()));
  // The face detector runs: its worker and model came from Next's build (no configuration) and the policy let them load.
  await waitForGuidance(page, 'fit');
  await page.getByRole('button', { name: component.verify, disabled: false }).click();
  const loginToken = new URL((await callback).url()).searchParams.get('token');
  await page.waitForURL(`${stack.url}/account`);
  expect(loginToken).toEqual(expect.any(String));
  return { loginToken: loginToken ?? '', html, headers: response?.headers() ?? {}, files };
}

/** A visit to the callback with `token`: refused with 401, no session cookie, and /account still sends the browser to sign in. */
async function expectRefused(observed: ObservedPage, stack: NextStack, token: string): Promise<void> {
  const { page, context } = observed;
  const response = await page.goto(`${stack.url}/callback?token=${encodeURIComponent(token)}`);
  expect(response?.status()).toBe(401);
  expect(await context.cookies()).toEqual([]);
  await page.goto(`${stack.url}/account`);
  expect(new URL(page.url()).pathname).toBe('/');
}

const forge = (key: string) =>
  new SignJWT({ livenessSession: 'a'.repeat(32), type: 'app-login' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('6650f0c2a1b2c3d4e5f60718')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(key));

describe('apps/next-example (next build, next start) in Chromium, the fixture face as the webcam', () => {
  const suite = useBrowserSuite('face', { start: startNextStack });

  it('logs in: the server creates the session, the page renders <BiometricLogin> and guided capture (its worker and model from Next\'s build, under the nonce policy), the callback verifies the token and opens an httpOnly session', async () => {
    const { page, context } = suite.observed;
    const stack = suite.server;
    const { loginToken, html, headers, files } = await logIn(page, stack);
    expectGuidanceFilesLoaded(files);

    // The API key went from the server to the API, and nothing secret reached the page.
    expect(stack.createAuthorizations).toEqual([`Bearer ${serverSecrets.apiKey}`]);
    for (const secret of Object.values(serverSecrets)) expect(html).not.toContain(secret);

    // The demo's policy and headers, plus the API's origin and Next.js's per-response script nonce.
    const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1] ?? '';
    expect(nonce).not.toBe('');
    expect(headers).toMatchObject(
      Object.fromEntries(Object.entries(securityHeaders(withScriptNonce(withConnectSources(contentSecurityPolicy, [stack.apiUrl]), nonce))).map(([name, value]) => [name.toLowerCase(), value])),
    );

    const claims = await stack.sandbox.verifyLoginToken(loginToken);
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    expect(await page.getByRole('code').innerText()).toBe(claims.sub);
    const cookies = await context.cookies();
    expect(cookies).toEqual([expect.objectContaining({ name: 'session', httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })]);
    expect(cookies[0]?.value).not.toBe(loginToken);

    expect(await suite.observed.trackStatesAtPagehide()).toEqual(['ended']);
    expectCleanConsole(suite.observed);
  });

  it.each([
    ['signed with another key', () => forge('not-the-key-the-api-signs-with')],
    ['unsigned (alg: none)', async () => new UnsecuredJWT({ livenessSession: 'a'.repeat(32), type: 'app-login' }).setSubject('x').setIssuedAt().setExpirationTime('10m').encode()],
    ['not a JWT', async () => 'forged'],
  ])('refuses a forged login token at the callback: %s', async (_name, token) => {
    const logged = suite.server.appOutput().length;
    await expectRefused(suite.observed, suite.server, await token());
    expect(suite.server.appOutput().slice(logged)).toContain('Login refused at the callback: invalid');
    expectCleanConsole(suite.observed, { httpStatuses: [401] });
  });

  it('refuses a replayed login token, in another browser and in the same one', async () => {
    const { loginToken } = await logIn(suite.observed.page, suite.server);
    const attacker = await observePage(suite.browser);
    try {
      await expectRefused(attacker, suite.server, loginToken);
    } finally {
      await attacker.close();
    }
    await suite.observed.context.clearCookies();
    await expectRefused(suite.observed, suite.server, loginToken);
    expect(suite.server.appOutput().match(/Login refused at the callback: replayed/g)).toHaveLength(2);
  });
});
