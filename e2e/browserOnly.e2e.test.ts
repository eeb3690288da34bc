import { readFileSync } from 'node:fs';
import type { BrowserContext, Response } from 'playwright';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../apps/demo/securityHeaders';
import { component, demo, expectLoggedIn, isSessionCreated, landAfter, openLogin, startCamera, verifyAndLand, verifyButton } from './demoLogin';
import { useDemoSuite } from './demoSuite';
import { expectCleanConsole, type ObservedPage } from './observedPage';

const fixtureJpegBase64 = readFileSync(new URL('../fixtures/face_1280x720.jpg', import.meta.url)).toString('base64');
// The component sends the face-centred 3:4 region of the 1280x720 camera at full resolution: 540x720 from x = 370.
const faceRegion = { x: 370, y: 0, width: 540, height: 720 };

interface Comparison {
  width: number;
  height: number;
  /** Mean absolute difference per channel (0-255) against the fixture's face region, straight and mirrored. */
  straight: number;
  mirrored: number;
}

/** Decodes the sent JPEG in a blank page of the same browser and compares it with the fixture's face region. */
async function compareWithFixture(context: BrowserContext, image: string): Promise<Comparison> {
  const scratch = await context.newPage();
  try {
    return await scratch.evaluate(
      async ({ captured, fixture, region }) => {
        const decode = (base64: string) =>
          createImageBitmap(new Blob([Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))], { type: 'image/jpeg' }));
        const sample = (bitmap: ImageBitmap, from: typeof region, flip: boolean) => {
          const canvas = new OffscreenCanvas(90, 120);
          const context2d = canvas.getContext('2d');
          if (context2d === null) throw new Error('no 2d context');
          if (flip) context2d.setTransform(-1, 0, 0, 1, 90, 0);
          context2d.drawImage(bitmap, from.x, from.y, from.width, from.height, 0, 0, 90, 120);
          return context2d.getImageData(0, 0, 90, 120).data;
        };
        const difference = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
          let total = 0;
          for (let index = 0; index < a.length; index += 1) total += Math.abs((a[index] ?? 0) - (b[index] ?? 0));
          return total / a.length;
        };
        const shot = await decode(captured);
        const face = await decode(fixture);
        const pixels = sample(shot, { x: 0, y: 0, width: shot.width, height: shot.height }, false);
        return {
          width: shot.width,
          height: shot.height,
          straight: difference(pixels, sample(face, region, false)),
          mirrored: difference(pixels, sample(face, region, true)),
        };
      },
      { captured: image, fixture: fixtureJpegBase64, region: faceRegion },
    );
  } finally {
    await scratch.close();
  }
}

describe('what only a real browser shows', () => {
  const suite = useDemoSuite('face');

  it('the validate request that left the browser: JSON, the session JWT, DESKTOP, and the face as a raw base64 540x720 JPEG', async () => {
    const { page, context } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await startCamera(page);
    const token = await verifyAndLand(page);
    await expectLoggedIn(suite.observed, suite.server, session, token);

    expect(suite.observed.validateRequests).toHaveLength(1);
    const request = suite.observed.validateRequests[0];
    if (request === undefined) throw new Error('no validate request');
    expect(request.url()).toBe(`${suite.server.url}/v2/biometric-validations/validate`);
    const headers = await request.allHeaders();
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBe(`Bearer ${session.token}`);
    // The component asks for no referrer and no credentials: neither the page address nor cookies go along.
    expect(headers.referer).toBeUndefined();
    expect(headers.cookie).toBeUndefined();

    const body = request.postDataJSON() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['image', 'os']);
    expect(body.os).toBe('DESKTOP');
    const image = body.image;
    if (typeof image !== 'string') throw new Error('image is not a string');
    // Raw, canonical base64 (no data: prefix, no whitespace) of a JPEG.
    expect(image).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const jpeg = Buffer.from(image, 'base64');
    expect(jpeg.toString('base64')).toBe(image);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    const comparison = await compareWithFixture(context, image);
    // The full 720 px height of the camera, cut to the face-centred 3:4 region: not the preview's size, not downscaled.
    expect([comparison.width, comparison.height]).toEqual([540, 720]);
    // The face itself, the right way round: close to the fixture, far from its mirror image.
    expect(comparison.straight).toBeLessThan(12);
    expect(comparison.mirrored).toBeGreaterThan(comparison.straight * 2);
    expectCleanConsole(suite.observed);
  });

  it.each([
    [
      'as real mouse input',
      async (observedPage: ObservedPage) => {
        const box = await verifyButton(observedPage.page).boundingBox();
        if (box === null) throw new Error('the button is not on screen');
        const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
        for (let click = 0; click < 5; click += 1) await observedPage.page.mouse.click(x, y);
        await observedPage.page.mouse.dblclick(x, y);
      },
    ],
    [
      'all in one task, before React re-renders',
      async (observedPage: ObservedPage) => {
        await verifyButton(observedPage.page).evaluate((button) => {
          const fire = (type: string, detail: number) => button.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, detail }));
          for (let click = 0; click < 5; click += 1) fire('click', 1);
          fire('click', 1);
          fire('click', 2);
          fire('dblclick', 2);
        });
      },
    ],
  ])('5 rapid clicks and a double-click on "Verify identity" (%s) send exactly one validate request', async (_name, burst) => {
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await startCamera(page);

    const token = await landAfter(page, () => burst(suite.observed));

    await expectLoggedIn(suite.observed, suite.server, session, token);
    expect(suite.observed.validateRequests).toHaveLength(1);
    expect(suite.server.validations).toHaveLength(1);
    expectCleanConsole(suite.observed);
  });

  it('every track ends when the login unmounts: on "New session", and on switching to the sample camera', async () => {
    const { page } = suite.observed;
    await openLogin(suite.observed, suite.server);
    await startCamera(page);
    expect(await suite.observed.trackStates()).toEqual(['live']);

    const nextSession = page.waitForResponse(isSessionCreated);
    await page.getByRole('button', { name: demo.login.newSession }).click();
    await nextSession;
    await page.getByRole('button', { name: component.startCamera }).waitFor();
    expect(await page.getByRole('button', { name: component.verify }).count()).toBe(0);
    expect(await suite.observed.trackStates()).toEqual(['ended']);

    await startCamera(page);
    expect(await suite.observed.trackStates()).toEqual(['ended', 'live']);
    await page.getByRole('radio', { name: demo.login.cameraSample }).check();
    await page.getByRole('button', { name: component.startCamera }).waitFor();
    expect(await page.getByLabel(component.videoLabel).count()).toBe(0);
    expect(await suite.observed.trackStates()).toEqual(['ended', 'ended']);
    expect(await suite.observed.getUserMediaCalls()).toBe(2);
    expectCleanConsole(suite.observed);
  });

  it('works under its strict Content-Security-Policy and Permissions-Policy: no violation, no console error', async () => {
    const { page } = suite.observed;
    const documents: Response[] = [];
    page.on('response', (response) => {
      if (response.request().isNavigationRequest()) documents.push(response);
    });
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(contentSecurityPolicy.split('; ')).toContain("connect-src 'self'");

    const session = await openLogin(suite.observed, suite.server);
    await startCamera(page);
    const token = await verifyAndLand(page);
    await expectLoggedIn(suite.observed, suite.server, session, token);

    expect(documents.map((response) => new URL(response.url()).pathname)).toEqual(['/', '/callback.html']);
    for (const response of documents) {
      const headers = await response.allHeaders();
      expect(headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(headers['permissions-policy']).toBe('camera=(self)');
    }
    expectCleanConsole(suite.observed);

    // The watch works: what the policy forbids (another origin, an inline script) is reported and would fail the test.
    await page.evaluate(async () => {
      await fetch('http://127.0.0.2:9/').catch(() => undefined);
      const script = document.createElement('script');
      script.textContent = 'void 0';
      document.head.append(script);
    });
    await expect.poll(() => suite.observed.violations.map((violation) => violation.directive).sort()).toEqual(['connect-src', 'script-src-elem']);
  });
});
