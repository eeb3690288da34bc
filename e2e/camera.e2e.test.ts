import { describe, expect, it } from 'vitest';
import type { CameraSetup } from './chromium';
import { component, expectAlert, openLogin, tryAgainButton } from './demoLogin';
import { useDemoSuite } from './demoSuite';
import { expectCleanConsole } from './observedPage';

// Each needs its own Chromium: the camera's flags are fixed at launch.
describe.each([
  ['camera permission denied', 'denied', 'CAMERA_PERMISSION_DENIED'],
  ['no camera at all', 'none', 'CAMERA_NOT_FOUND'],
] as const)('%s', (_name, camera: CameraSetup, code) => {
  const suite = useDemoSuite(camera);

  it(`shows ${code} with "Try again", which asks again; no camera runs and nothing is sent`, async () => {
    const { page } = suite.observed;
    await openLogin(suite.observed, suite.server);
    await page.getByRole('button', { name: component.startCamera }).click();

    await expectAlert(page, code);
    expect(await suite.observed.getUserMediaCalls()).toBe(1);
    expect(await suite.observed.trackStates()).toEqual([]);
    expect(await page.getByLabel(component.videoLabel).count()).toBe(0);

    await tryAgainButton(page).click();
    await expect.poll(() => suite.observed.getUserMediaCalls()).toBe(2);
    await expectAlert(page, code);
    expect(await suite.observed.trackStates()).toEqual([]);
    expect(suite.observed.validateRequests).toHaveLength(0);
    expect(suite.server.validations).toHaveLength(0);
    expect(page.url()).toBe(`${suite.server.url}/`);
    expectCleanConsole(suite.observed);
  });
});
