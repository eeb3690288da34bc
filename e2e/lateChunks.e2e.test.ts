import type { BrowserContext } from 'playwright';
import { describe, expect, it } from 'vitest';
import { component, expectAlert, expectLoggedIn, loginRegion, openLogin, retryAndLand, verifyAndLand } from './demoLogin';
import { useDemoSuite } from './demoSuite';
import { guidanceEn } from './guidedCapture';
import { expectCleanConsole } from './observedPage';

// Every part of the login that loads after the first paint, failing once in turn (a deploy that replaced the files, a
// flaky network): the person always has a way on and logs in, on the built demo under its CSP. Each part's file is
// refused until the test mends it (as a redeploy or the network coming back would), before "Try again" where one is needed.

interface Broken {
  /** How many requests for the file were refused. */
  readonly refused: number;
  /** From now on the file is served. */
  mend(): void;
}

/** Refuses every request for files matching `pattern` until `mend()`. */
async function breakFile(context: BrowserContext, pattern: RegExp): Promise<Broken> {
  let refused = 0;
  let mended = false;
  await context.route(pattern, (route) => {
    if (mended) return route.continue();
    refused += 1;
    return route.abort('connectionreset');
  });
  return {
    get refused() {
      return refused;
    },
    mend: () => (mended = true),
  };
}

describe('a part of the login that loads late fails once', () => {
  const suite = useDemoSuite('face');

  it("guided capture's chunk: the login goes on unguided, and the button logs in", async () => {
    const seen = await breakFile(suite.observed.context, /\/assets\/guidanceChunk-[\w-]+\.js$/);
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await page.getByRole('button', { name: component.startCamera }).click();
    await page.getByRole('button', { name: component.verify, disabled: false }).waitFor();
    expect(await loginRegion(page).getAttribute('data-guidance')).toBeNull();
    expect(await page.getByText(guidanceEn.holdStill).count()).toBe(0);
    const token = await verifyAndLand(page);
    await expectLoggedIn(suite.observed, suite.server, session, token);
    expect(seen.refused).toBe(1);
    expectCleanConsole(suite.observed, { networkErrors: true });
  });

  // The runtime fails once the camera has opened (its stream is watched by it): that camera ends, and a second opens.
  it.each([
    ['the login runtime (encoder, API client, the attempt)', /\/assets\/loginRuntime-[\w-]+\.js$/, 2],
    ['react-webcam, the camera', /\/assets\/react-webcam-[\w-]+\.js$/, 1],
  ])('%s: a network error with "Try again", which loads it and opens the camera anew; the login then completes by itself', async (_name, pattern, webcamTracks) => {
    const broken = await breakFile(suite.observed.context, pattern);
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await page.getByRole('button', { name: component.startCamera }).click();
    await expectAlert(page, 'NETWORK_ERROR');
    expect(suite.observed.validateRequests).toHaveLength(0);
    expect(await page.locator('video').count()).toBe(0);
    broken.mend();
    const token = await retryAndLand(page);
    await expectLoggedIn(suite.observed, suite.server, session, token, { webcamTracks });
    expect(broken.refused).toBeGreaterThanOrEqual(1);
    expect(suite.observed.validateRequests).toHaveLength(1);
    expectCleanConsole(suite.observed, { networkErrors: true });
  });

  it.each([
    ["the face analyzer's worker", /\/assets\/faceAnalyzer\.worker-[\w-]+\.js$/],
    ['the face model', /\/assets\/blazeface-[\w-]+\.bin$/],
  ])('%s: the limited mode (light and sharpness still checked), and the button logs in', async (_name, pattern) => {
    const seen = await breakFile(suite.observed.context, pattern);
    const { page } = suite.observed;
    const session = await openLogin(suite.observed, suite.server);
    await page.getByRole('button', { name: component.startCamera }).click();
    await page.getByText(guidanceEn.limited).waitFor();
    await page.getByRole('button', { name: component.verify, disabled: false }).waitFor();
    const token = await verifyAndLand(page);
    await expectLoggedIn(suite.observed, suite.server, session, token);
    expect(seen.refused).toBe(1);
    expectCleanConsole(suite.observed, { networkErrors: true });
  });
});
