import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { type CameraSetup, launchChromium } from './chromium';
import { type DemoServer, startDemoServer } from './demoServer';
import { liveApiBaseUrl, routeLiveApiTo } from './liveApi';
import { type ObservedPage, observePage } from './observedPage';

export interface DemoSuite {
  readonly server: DemoServer;
  readonly browser: Browser;
  /** A fresh context and page for each test. */
  readonly observed: ObservedPage;
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is not started: use it inside a test`);
  return value;
}

/**
 * One demo server and one Chromium with the given camera per describe block, a fresh observed page per test.
 * The 'live' build calls the real API's address, which each page's context answers from the server's sandbox.
 */
export function useDemoSuite(camera: CameraSetup, build: 'sandbox' | 'live' = 'sandbox'): DemoSuite {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let observed: ObservedPage | undefined;
  beforeAll(async () => {
    server = build === 'sandbox' ? await startDemoServer(inject('demoDir')) : await startDemoServer(inject('liveDemoDir'), { apiOrigins: [liveApiBaseUrl] });
    browser = await launchChromium(camera);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    server?.reset();
    observed = await observePage(ready(browser, 'Chromium'));
    if (build === 'live') await routeLiveApiTo(observed.context, ready(server, 'The demo server'));
  });
  afterEach(async () => {
    await observed?.close();
  });
  return {
    get server() {
      return ready(server, 'The demo server');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
    get observed() {
      return ready(observed, 'The page');
    },
  };
}
