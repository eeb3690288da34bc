import { maxAutomaticRetries } from '@biometric-login/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { component, demo, expectAlert, expectLoggedIn, loginRegion, openLogin, retryAndLand, startCamera, tryAgainButton, verifyAndLand, verifyButton } from './demoLogin';
import { useDemoSuite } from './demoSuite';
import { expectCleanConsole } from './observedPage';

const faceJpegBase64 = readFileSync(new URL('../fixtures/face_1280x720.jpg', import.meta.url)).toString('base64');

describe('login journeys in Chromium, the fixture face as the webcam', () => {
  const suite = useDemoSuite('face');

  it('success: lands on the callback page with the token the sandbox issued, which verifies with its key', async () => {
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    expect(await page.getByRole('button', { name: component.verify }).count()).toBe(0);
    await startCamera(page);
    expect(await suite.observed.trackStates()).toEqual(['live']);

    const token = await verifyAndLand(page);

    await expectLoggedIn(suite.observed, suite.server, session, token);
    expect(suite.observed.validateRequests).toHaveLength(1);
    expectCleanConsole(suite.observed);
  });

  it.each(['INVALID_BIOMETRIC_DATA', 'LIVENESS_DETECTION_FAILED', 'IDENTITY_VERIFICATION_FAILED'] as const)(
    '%s (400): its own message and "Try again", then success',
    async (code) => {
      const { page } = suite.observed;
      const session = await openLogin(suite.observed, suite.server, code);
      await startCamera(page);
      await verifyButton(page).click();

      await expectAlert(page, code);
      expect(suite.server.validations.map((validation) => [validation.status, (validation.body as { message?: string }).message])).toEqual([[400, code]]);
      // The person can try again at once: the camera stays on, the only action is "Try again".
      expect(await suite.observed.trackStates()).toEqual(['live']);
      expect(await verifyButton(page).count()).toBe(0);

      // Guided capture re-arms: the face is still in the oval, so the next frame leaves by itself, without a click.
      const token = await retryAndLand(page);

      await expectLoggedIn(suite.observed, suite.server, session, token);
      expect(suite.observed.validateRequests).toHaveLength(2);
      expectCleanConsole(suite.observed, { httpStatuses: [400] });
    },
  );

  it('an expired session: says so before the camera opens, and sends nothing', async () => {
    const { page } = suite.observed;
    await openLogin(suite.observed, suite.server, 'expiredSession');

    await expectAlert(page, 'SESSION_EXPIRED');
    expect(await tryAgainButton(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: component.startCamera }).count()).toBe(0);
    expect(await suite.observed.getUserMediaCalls()).toBe(0);
    expect(suite.observed.validateRequests).toHaveLength(0);
    expect(page.url()).toBe(`${suite.server.url}/`);
    expectCleanConsole(suite.observed);
  });

  it('a session replayed after it succeeded: refused (SESSION_INVALID), the camera goes off, nothing to retry', async () => {
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await startCamera(page);
    // The same session completed first elsewhere (another tab or device), over the same HTTP API.
    const first = await fetch(`${suite.server.url}/v2/biometric-validations/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ image: faceJpegBase64, os: 'DESKTOP' }),
    });
    expect(first.status).toBe(200);

    await verifyButton(page).click();

    await expectAlert(page, 'SESSION_INVALID');
    expect(suite.server.validations.map((validation) => [validation.status, (validation.body as { message?: string }).message])).toEqual([
      [200, undefined],
      [403, 'liveness_session_already_used'],
    ]);
    expect(await tryAgainButton(page).count()).toBe(0);
    expect(await suite.observed.trackStates()).toEqual(['ended']);
    expect(page.url()).toBe(`${suite.server.url}/`);
    expectCleanConsole(suite.observed, { httpStatuses: [403] });
  });

  it('the API down: a network error after the automatic retries, then "Try again" succeeds once it is back', async () => {
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await startCamera(page);
    suite.server.setApiDown(true);
    await verifyButton(page).click();

    await expectAlert(page, 'NETWORK_ERROR');
    expect(suite.observed.failedValidateRequests).toHaveLength(maxAutomaticRetries + 1);
    expect(suite.server.droppedValidations).toBeGreaterThanOrEqual(maxAutomaticRetries + 1);
    expect(suite.server.validations).toHaveLength(0);
    expect(await suite.observed.trackStates()).toEqual(['live']);

    suite.server.setApiDown(false);
    const token = await retryAndLand(page);

    await expectLoggedIn(suite.observed, suite.server, session, token);
    expectCleanConsole(suite.observed, { networkErrors: true });
  });

  it('a slow API: the component gives up (TIMEOUT), then "Try again" succeeds', async () => {
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server, 'SLOW');
    await startCamera(page);
    await verifyButton(page).click();

    await expectAlert(page, 'TIMEOUT');
    expect(suite.observed.failedValidateRequests).toEqual(['net::ERR_ABORTED']);
    const token = await retryAndLand(page);

    await expectLoggedIn(suite.observed, suite.server, session, token);
    expectCleanConsole(suite.observed);
  });

  it('a redirect URL outside the allowlist: refused before the camera opens, nothing sent', async () => {
    const { page } = suite.observed;
    await openLogin(suite.observed, suite.server, 'foreignRedirect');

    await expectAlert(page, 'REDIRECT_NOT_ALLOWED');
    expect(await tryAgainButton(page).count()).toBe(0);
    expect(await suite.observed.getUserMediaCalls()).toBe(0);
    expect(suite.observed.validateRequests).toHaveLength(0);
    expect(page.url()).toBe(`${suite.server.url}/`);
    expectCleanConsole(suite.observed);
  });

  it('a login token that needs URL encoding (+ / =) reaches the callback page unchanged', async () => {
    const { page } = suite.observed;
    suite.server.setLoginTokens('opaque');
    const session = await openLogin(suite.observed, suite.server);
    await startCamera(page);

    const token = await verifyAndLand(page);

    const issued = (suite.server.validations[0]?.body as { data: { token: string } }).data.token;
    expect(issued).toMatch(/\+.*\/|\/.*\+/);
    expect(issued).toMatch(/=$/);
    expect(token).toBe(issued);
    const jwt = suite.server.resolveLoginToken(token ?? '');
    await expect(suite.server.sandbox.verifyLoginToken(jwt ?? '')).resolves.toMatchObject({ sub: session._id });
    // The demo's callback page only decodes JWTs, so it says it cannot read this one; it shows no other token.
    expect(page.url()).toBe(`${suite.server.url}/callback.html`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(demo.callback.malformed.title);
    expect(await loginRegion(page).count()).toBe(0);
    expectCleanConsole(suite.observed);
  });
});
