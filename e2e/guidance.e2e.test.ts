import type { GuidanceHint } from '@biometric-login/core';
import type { BrowserContext } from 'playwright';
import { describe, expect, it } from 'vitest';
import { component, demo, expectAlert, expectLoggedIn, loginRegion, openLogin, startCamera, tryAgainButton, verifyAndLand, verifyButton } from './demoLogin';
import { type DemoSuite, useDemoSuite } from './demoSuite';
import {
  autoCaptureWithinMs,
  expectGuidanceFilesLoaded,
  fixtureVideo,
  guidanceEn,
  jpegSize,
  quietWindowMs,
  sentPicture,
  startAndLandByItself,
  verifyButtonState,
  waitForGuidance,
  watchGuidanceFiles,
} from './guidedCapture';
import { expectCleanConsole, isValidateRequest } from './observedPage';

// Guided capture on the built demo, under its strict Content-Security-Policy, with Chromium's fake webcam showing
// one fixture each (a camera's picture is fixed at launch, so each fixture has its own Chromium).

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each fixture of fixtures/README.md and the hint it must get. */
const hintCameras: readonly (readonly [string, string, GuidanceHint])[] = [
  ['a face too far away', 'face_far_1280x720', 'closer'],
  ['a face too near', 'face_near_1280x720', 'back'],
  ['a face off-centre', 'face_offcenter_1280x720', 'center'],
  ['two faces', 'two_faces_1280x720', 'oneFace'],
  ['a dark face', 'face_dark_1280x720', 'light'],
  ['a blurred face', 'face_blur_1280x720', 'still'],
  ['a coffee cup and no face', 'noface_coffee_1280x720', 'face'],
];

describe.each(hintCameras)('the webcam shows %s', (_name, fixture, hint) => {
  const suite = useDemoSuite('face', 'sandbox', fixtureVideo(fixture));

  it(`says "${hint}" in the status line, the button is disabled with it as its description, and nothing leaves`, async () => {
    const { page } = suite.observed;
    const files = watchGuidanceFiles(page);
    await openLogin(suite.observed, suite.server);
    await page.getByRole('button', { name: component.startCamera }).click();

    await waitForGuidance(page, hint);
    expect(await loginRegion(page).getByRole('status').innerText()).toBe(guidanceEn.hints[hint]);
    expect(await verifyButtonState(page)).toEqual({ disabled: true, description: guidanceEn.hints[hint] });
    // A click on the disabled button (forced past Playwright's checks) sends nothing either.
    await verifyButton(page).click({ force: true, timeout: 1_000 });
    await pause(quietWindowMs);

    expect(suite.observed.validateRequests).toHaveLength(0);
    expect(suite.server.validations).toHaveLength(0);
    expect(await loginRegion(page).getAttribute('data-state')).toBe('ready');
    expect(await loginRegion(page).getAttribute('data-guidance')).toBe(hint);
    expect(await suite.observed.trackStates()).toEqual(['live']);
    expectGuidanceFilesLoaded(files);
    expectCleanConsole(suite.observed);
  });
});

/** Answers the face model's URL with a 404, as a host that does not serve `.bin` files would; returns the URLs it refused. */
async function blockModel(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/blazeface*.bin', (route) => {
    blocked.push(route.request().url());
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
  });
  return blocked;
}

/**
 * A well-placed face: the hold shows, then exactly one request leaves by itself (nothing clicks "Verify identity"),
 * lands on the callback page, and carries the camera's 3:4 face region at full resolution.
 */
async function expectLoginByItself(
  suite: DemoSuite,
  { orientation, pictureSize, camera = 'webcam' }: { orientation: 'landscape' | 'portrait'; pictureSize: [number, number]; camera?: 'webcam' | 'sample' },
): Promise<void> {
  const { page } = suite.observed;
  const files = watchGuidanceFiles(page);
  const session = await openLogin(suite.observed, suite.server);
  if (camera === 'sample') await page.getByRole('radio', { name: demo.login.cameraSample }).check();

  const token = await startAndLandByItself(page, async () => {
    expect(await page.locator('.bl-stage').getAttribute('data-orientation')).toBe(orientation);
  });

  // The sample face is a canvas stream, not a webcam: no getUserMedia, so no track to end.
  await expectLoggedIn(suite.observed, suite.server, session, token, { webcamTracks: camera === 'webcam' ? 1 : 0 });
  expect(suite.observed.validateRequests).toHaveLength(1);
  expect(suite.server.validations).toHaveLength(1);
  expect(jpegSize(sentPicture(suite.observed.validateRequests[0]))).toEqual(pictureSize);
  expectGuidanceFilesLoaded(files);
  expectCleanConsole(suite.observed);
}

describe('the webcam shows a well-placed face, 1280x720', () => {
  const suite = useDemoSuite('face');

  it('holds, then sends exactly one 540x720 JPEG by itself within a few seconds, and lands on the callback page; the worker and the model load under the CSP', async () => {
    await expectLoginByItself(suite, { orientation: 'landscape', pictureSize: [540, 720] });
  });

  it('the demo\'s sample face (fixtures/face_1280x720.jpg, no webcam) passes the check too and logs in by itself', async () => {
    await expectLoginByItself(suite, { orientation: 'landscape', pictureSize: [540, 720], camera: 'sample' });
  });

  /** Without the detector: the quiet note, no hint and no auto-capture, but "Verify identity" logs in. */
  async function expectLimitedLogin(): Promise<void> {
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await startCamera(page);
    await page.getByText(guidanceEn.limited).waitFor();
    expect(await loginRegion(page).getByRole('status').innerText()).toBe(component.status.ready);
    expect(await loginRegion(page).getAttribute('data-guidance')).toBeNull();
    expect(await page.getByRole('alert').count()).toBe(0);
    await pause(quietWindowMs);
    expect(suite.observed.validateRequests).toHaveLength(0);

    const token = await verifyAndLand(page);

    await expectLoggedIn(suite.observed, suite.server, session, token);
    expect(suite.observed.validateRequests).toHaveLength(1);
  }

  it('the model cannot load (404): a quiet note, no hint, nothing sent by itself, and the login completes by the button', async () => {
    const blocked = await blockModel(suite.observed.context);
    await expectLimitedLogin();
    expect(blocked).toHaveLength(1);
    expectCleanConsole(suite.observed);
  });

  it('a host policy without workers (worker-src \'none\'): the same quiet note, and the login completes by the button', async () => {
    const { context } = suite.observed;
    await context.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        const headers = response.headers();
        headers['content-security-policy'] = `${headers['content-security-policy'] ?? ''}; worker-src 'none'`;
        await route.fulfill({ response, headers });
      },
    );
    await expectLimitedLogin();
    // The one thing the policy refused: the worker.
    expect(suite.observed.violations.map((violation) => [violation.directive, new URL(violation.blockedURI).pathname])).toEqual([
      ['worker-src', expect.stringMatching(/^\/assets\/faceAnalyzer\.worker-[\w-]+\.js$/)],
    ]);
    expect(suite.observed.consoleErrors).toEqual([expect.stringContaining("Content Security Policy directive: \"worker-src 'none'\"")]);
    expect(suite.observed.pageErrors).toEqual([]);
  });

  // The hold before the failure never counts: capture stopping empties it (it once fired ~50 ms after the click).
  it('after a failure, "Try again" starts the hold over before the next frame leaves by itself', async () => {
    const { page } = suite.observed;
    await openLogin(suite.observed, suite.server, 'INVALID_BIOMETRIC_DATA');
    await page.getByRole('button', { name: component.startCamera }).click();
    await expectAlert(page, 'INVALID_BIOMETRIC_DATA');
    expect(suite.observed.validateRequests).toHaveLength(1);

    // Both times by the page's clock: when the click reached the page, and when the request started.
    const clickedAt = page.evaluate(() => new Promise<number>((resolve) => document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true })));
    const [request] = await Promise.all([page.waitForRequest(isValidateRequest, { timeout: autoCaptureWithinMs }), tryAgainButton(page).click()]);
    await page.waitForURL((url) => url.pathname === '/callback.html');
    expect(suite.observed.validateRequests).toHaveLength(2);
    // A new hold is a second of good frames; most of one is the least that is not "at once".
    expect(request.timing().startTime - (await clickedAt)).toBeGreaterThan(800);
  });
});

describe('the model cannot load and the webcam shows a dark face', () => {
  const suite = useDemoSuite('face', 'sandbox', fixtureVideo('face_dark_1280x720'));

  /** Starts the camera without the model and waits for the quiet note. */
  async function startLimited(): Promise<void> {
    const { page } = suite.observed;
    await blockModel(suite.observed.context);
    await openLogin(suite.observed, suite.server);
    await page.getByRole('button', { name: component.startCamera }).click();
    await page.getByText(guidanceEn.limited).waitFor();
  }

  it('light is still checked: the button stays disabled and nothing leaves', async () => {
    await startLimited();
    const { page } = suite.observed;
    await verifyButton(page).click({ force: true, timeout: 1_000 });
    await pause(quietWindowMs);
    expect((await verifyButtonState(page)).disabled).toBe(true);
    expect(suite.observed.validateRequests).toHaveLength(0);
    expectCleanConsole(suite.observed);
  });

  // Limited guidance still says why the button waits (it once said "… then select Verify identity" instead).
  it('says why: the status line, and the disabled button\'s description, ask for light', async () => {
    await startLimited();
    const { page } = suite.observed;
    await expect.poll(() => loginRegion(page).getByRole('status').innerText(), { timeout: 2_000 }).toBe(guidanceEn.hints.light);
    expect(await verifyButtonState(page)).toEqual({ disabled: true, description: guidanceEn.hints.light });
  });
});

describe('the webcam is an upright phone\'s, 720x1280', () => {
  const suite = useDemoSuite('face', 'sandbox', fixtureVideo('face_portrait_720x1280'));

  it('keeps the whole frame, holds, then sends exactly one 720x960 JPEG by itself and lands on the callback page', async () => {
    await expectLoginByItself(suite, { orientation: 'portrait', pictureSize: [720, 960] });
  });
});

describe('the webcam is a 640x480 one', () => {
  const suite = useDemoSuite('face', 'sandbox', fixtureVideo('face_640x480'));

  it('gets the low-resolution notice, and its face (154 px, under 234) is asked to come closer; nothing leaves', async () => {
    const { page } = suite.observed;
    await openLogin(suite.observed, suite.server);
    await page.getByRole('button', { name: component.startCamera }).click();
    await waitForGuidance(page, 'closer');
    await loginRegion(page).getByText(guidanceEn.lowResolution).waitFor();
    expect(await verifyButtonState(page)).toEqual({ disabled: true, description: guidanceEn.hints.closer });
    await pause(quietWindowMs);
    expect(suite.observed.validateRequests).toHaveLength(0);
    expectCleanConsole(suite.observed);
  });
});
