import { type ErrorCode, en as component } from '@biometric-login/react';
import type { SandboxSession } from '@biometric-login/sandbox';
import type { Locator, Page, Response } from 'playwright';
import { expect } from 'vitest';
import type { DemoScenarioId } from '../apps/demo/src/demoScenarios';
import { en as demo } from '../apps/demo/src/text/en';
import type { DemoServer } from './demoServer';
import type { ObservedPage } from './observedPage';

export { component, demo };

export function isSessionCreated(response: Response): boolean {
  return response.request().method() === 'POST' && new URL(response.url()).pathname === '/v2/biometric-validations';
}

async function sessionFrom(response: Response): Promise<SandboxSession> {
  expect(response.status()).toBe(201);
  return ((await response.json()) as { data: SandboxSession }).data;
}

/** Opens the demo's login page and picks a scenario; resolves with the session the page got for it. */
export async function openLogin(observed: ObservedPage, server: DemoServer, scenario: DemoScenarioId = 'success'): Promise<SandboxSession> {
  const { page } = observed;
  const firstSession = page.waitForResponse(isSessionCreated);
  const response = await page.goto(`${server.url}/`);
  expect(response?.status()).toBe(200);
  let session = await sessionFrom(await firstSession);
  if (scenario !== 'success') {
    const nextSession = page.waitForResponse(isSessionCreated);
    await page.getByRole('combobox', { name: demo.login.scenarioLabel }).selectOption(scenario);
    session = await sessionFrom(await nextSession);
  }
  return session;
}

export const loginRegion = (page: Page): Locator => page.getByRole('region', { name: component.regionLabel });
export const verifyButton = (page: Page): Locator => page.getByRole('button', { name: component.verify });
export const tryAgainButton = (page: Page): Locator => page.getByRole('button', { name: component.tryAgain });

/** "Start camera", then waits until "Verify identity" is enabled (a real frame is showing). */
export async function startCamera(page: Page): Promise<void> {
  await page.getByRole('button', { name: component.startCamera }).click();
  await page.getByRole('button', { name: component.verify, disabled: false }).waitFor();
}

/** Waits for the alert of `code` and checks that it is the one the person sees (title and description). */
export async function expectAlert(page: Page, code: ErrorCode): Promise<void> {
  const { title, description } = component.errors[code];
  const alert = page.getByRole('alert').filter({ hasText: title });
  await alert.waitFor();
  expect((await alert.innerText()).split(/\n+/)).toEqual([title, description]);
  expect(await page.getByRole('alert').count()).toBe(1);
  expect(await loginRegion(page).getAttribute('data-state')).toBe('failed');
  expect(await loginRegion(page).getAttribute('data-error')).toBe(code);
}

/**
 * Runs `action` (which must end in a successful login) and waits until the callback page is showing;
 * resolves with the `token` of the address the browser was sent to (the page then takes it out of the address).
 */
export async function landAfter(page: Page, action: () => Promise<void>): Promise<string | null> {
  const navigation = page.waitForRequest((request) => request.isNavigationRequest() && new URL(request.url()).pathname === '/callback.html');
  await action();
  const address = new URL((await navigation).url());
  await page.waitForURL((url) => url.pathname === '/callback.html');
  await page.getByRole('heading', { level: 1 }).waitFor();
  return address.searchParams.get('token');
}

/** Clicks "Verify identity" and waits for the callback page; resolves with the token it was sent. */
export function verifyAndLand(page: Page): Promise<string | null> {
  return landAfter(page, () => verifyButton(page).click());
}

/** Clicks "Try again" and waits for the callback page: guided capture sends the next good frame by itself, with no click. */
export function retryAndLand(page: Page): Promise<string | null> {
  return landAfter(page, () => tryAgainButton(page).click());
}

/**
 * What a successful login must leave: the browser on the callback page (the token already taken out of the
 * address), showing the very token the sandbox issued for this session, which the sandbox's key verifies,
 * and no camera track left running on the login page (`webcamTracks`: how many it opened, 1 unless the person
 * switched cameras; 0 for a camera that opens none, such as the demo's sample face).
 */
export async function expectLoggedIn(
  observed: ObservedPage,
  server: DemoServer,
  session: SandboxSession,
  tokenInAddress: string | null,
  { webcamTracks = 1 }: { webcamTracks?: number } = {},
): Promise<void> {
  const { page } = observed;
  const issued = server.validations.filter((validation) => validation.authorization === `Bearer ${session.token}` && validation.status === 200);
  expect(issued).toHaveLength(1);
  const loginToken = (issued[0]?.body as { data: { token: string } }).data.token;
  expect(tokenInAddress).toBe(loginToken);
  await expect(server.sandbox.verifyLoginToken(loginToken)).resolves.toMatchObject({
    type: 'app-login',
    sub: session._id,
    livenessSession: session.livenessSession,
  });

  expect(page.url()).toBe(`${server.url}/callback.html`);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(demo.callback.heading);
  expect(await page.getByRole('region', { name: demo.callback.tokenHeading }).getByRole('code').innerText()).toBe(loginToken);

  const tracks = await observed.trackStatesAtPagehide();
  expect(tracks).toEqual(webcamTracks === 0 ? undefined : Array.from({ length: webcamTracks }, () => 'ended'));
}
