import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { component, expectAlert, expectLoggedIn, loginRegion, openLogin, retryAndLand, tryAgainButton } from './demoLogin';
import { useDemoSuite } from './demoSuite';
import { fixturePicture, fixtureVideo, guidanceEn, jpegSize, sentPicture, verifyButtonState, waitForGuidance } from './guidedCapture';
import { expectCleanConsole } from './observedPage';
import { virtualCameraScript } from './virtualCamera';

/** The component's camera picker (shown with more than one camera). */
const cameraPicker = (page: Page): Locator => loginRegion(page).getByRole('combobox', { name: guidanceEn.cameraLabel });

function cameraOptions(picker: Locator): Promise<{ value: string; label: string }[]> {
  return picker.evaluate((select: HTMLSelectElement) => [...select.options].map(({ value, label }) => ({ value, label })));
}

describe("two of Chromium's fake cameras (test patterns, no face)", () => {
  const suite = useDemoSuite('twoCameras');

  it('the picker appears once the camera runs; switching ends the first camera\'s track and shows the second, which an unplugged camera and "Try again" reopen', async () => {
    const { page } = suite.observed;
    await openLogin(suite.observed, suite.server);
    expect(await cameraPicker(page).count()).toBe(0);
    await page.getByRole('button', { name: component.startCamera }).click();

    await cameraPicker(page).waitFor();
    const options = await cameraOptions(cameraPicker(page));
    expect(options.map((option) => option.label)).toEqual(['fake_device_0', 'fake_device_1']);
    const [first, second] = options.map((option) => option.value);
    if (first === undefined || second === undefined || first === second) throw new Error(`two cameras expected, got ${JSON.stringify(options)}`);
    expect(await cameraPicker(page).inputValue()).toBe(first);
    expect(await suite.observed.trackDetails()).toEqual([{ label: 'fake_device_0', deviceId: first, readyState: 'live' }]);
    // Chromium's patterns show no face (the first, green) or too little light (the second, a dark grey): nothing can be sent.
    await waitForGuidance(page, 'face');

    await cameraPicker(page).selectOption(second);

    await expect
      .poll(() => suite.observed.trackDetails())
      .toEqual([
        { label: 'fake_device_0', deviceId: first, readyState: 'ended' },
        { label: 'fake_device_1', deviceId: second, readyState: 'live' },
      ]);
    expect(await cameraPicker(page).inputValue()).toBe(second);
    // Guided capture looks at the new camera.
    await waitForGuidance(page, 'light');
    expect(await verifyButtonState(page)).toEqual({ disabled: true, description: guidanceEn.hints.light });

    // The chosen camera goes away (unplugged) and the person tries again: the same camera comes back, not the default.
    await suite.observed.unplugCamera();
    await expectAlert(page, 'CAMERA_NOT_FOUND');
    await tryAgainButton(page).click();
    await expect
      .poll(() => suite.observed.trackDetails())
      .toEqual([
        { label: 'fake_device_0', deviceId: first, readyState: 'ended' },
        { label: 'fake_device_1', deviceId: second, readyState: 'ended' },
        { label: 'fake_device_1', deviceId: second, readyState: 'live' },
      ]);
    await cameraPicker(page).waitFor();
    expect(await cameraPicker(page).inputValue()).toBe(second);
    expect(await suite.observed.getUserMediaCalls()).toBe(3);
    expect(suite.observed.validateRequests).toHaveLength(0);
    expectCleanConsole(suite.observed);
  });
});

describe('a webcam that shows no face, and a second camera that shows an upright phone\'s face (720x1280)', () => {
  const portraitCamera = { deviceId: 'e2e-portrait-camera', label: 'Virtual portrait camera', picture: fixturePicture('face_portrait_720x1280') };
  const suite = useDemoSuite('face', 'sandbox', fixtureVideo('noface_coffee_1280x720'), { initScripts: [virtualCameraScript(portraitCamera)] });

  it('the chosen camera is kept across a failed attempt and "Try again": both requests leave by themselves with its 720x960 frame', async () => {
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server, 'INVALID_BIOMETRIC_DATA');
    await page.getByRole('button', { name: component.startCamera }).click();
    await cameraPicker(page).waitFor();
    const options = await cameraOptions(cameraPicker(page));
    expect(options).toEqual([
      { value: expect.any(String), label: expect.stringMatching(/\/noface_coffee_1280x720_1frame\.y4m$/) },
      { value: portraitCamera.deviceId, label: portraitCamera.label },
    ]);
    // The default camera shows a coffee cup: nothing leaves from it.
    await waitForGuidance(page, 'face');

    await cameraPicker(page).selectOption(portraitCamera.deviceId);

    // The sandbox refuses the first attempt once.
    await expectAlert(page, 'INVALID_BIOMETRIC_DATA');
    expect(await suite.observed.trackDetails()).toEqual([
      { label: expect.stringMatching(/noface_coffee_1280x720_1frame\.y4m$/), deviceId: options[0]?.value, readyState: 'ended' },
      { label: portraitCamera.label, deviceId: portraitCamera.deviceId, readyState: 'live' },
    ]);
    expect(await cameraPicker(page).inputValue()).toBe(portraitCamera.deviceId);

    const token = await retryAndLand(page);

    await expectLoggedIn(suite.observed, suite.server, session, token, { webcamTracks: 2 });
    expect(suite.observed.validateRequests.map((request) => jpegSize(sentPicture(request)))).toEqual([
      [720, 960],
      [720, 960],
    ]);
    expectCleanConsole(suite.observed, { httpStatuses: [400] });
  });
});
