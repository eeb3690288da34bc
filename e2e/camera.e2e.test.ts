import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { type CameraSetup, launchChromium } from './chromium';
import { component, expectAlert, openLogin, tryAgainButton } from './demoLogin';
import { type DemoServer, startDemoServer } from './demoServer';
import { expectCleanConsole, type ObservedPage, observePage } from './observedPage';

// Each needs its own Chromium: the camera's flags are fixed at launch.
describe.each([
  ['camera permission denied', 'denied', 'CAMERA_PERMISSION_DENIED'],
  ['no camera at all', 'none', 'CAMERA_NOT_FOUND'],
] as const)('%s', (_name, camera: CameraSetup, code) => {
  let server: DemoServer;
  let browser: Browser;
  let observed: ObservedPage;

  beforeAll(async () => {
    server = await startDemoServer(inject('demoDir'));
    browser = await launchChromium(camera);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    observed = await observePage(browser);
  });
  afterEach(async () => {
    await observed?.close();
  });

  it(`shows ${code} with "Try again", which asks again; no camera runs and nothing is sent`, async () => {
    const { page } = observed;
    await openLogin(observed, server);
    await page.getByRole('button', { name: component.startCamera }).click();

    await expectAlert(page, code);
    expect(await observed.getUserMediaCalls()).toBe(1);
    expect(await observed.trackStates()).toEqual([]);
    expect(await page.getByLabel(component.videoLabel).count()).toBe(0);

    await tryAgainButton(page).click();
    await expect.poll(() => observed.getUserMediaCalls()).toBe(2);
    await expectAlert(page, code);
    expect(await observed.trackStates()).toEqual([]);
    expect(observed.validateRequests).toHaveLength(0);
    expect(server.validations).toHaveLength(0);
    expect(page.url()).toBe(`${server.url}/`);
    expectCleanConsole(observed);
  });
});
