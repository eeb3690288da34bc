import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { type CameraSetup, launchChromium } from './chromium';
import { type DemoServer, startDemoServer } from './demoServer';
import { type ObservedPage, observePage } from './observedPage';

/** What a suite serves: started once per describe block, reset before each test. */
export interface SuiteServer {
  reset(): void;
  close(): Promise<void>;
}

export interface BrowserSuite<Server extends SuiteServer> {
  readonly server: Server;
  readonly browser: Browser;
  /** A fresh context and page for each test. */
  readonly observed: ObservedPage;
}

export type DemoSuite = BrowserSuite<DemoServer>;

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is not started: use it inside a test`);
  return value;
}

/** One server (from `start`) and one Chromium with the given camera per describe block, a fresh observed page per test. */
export function useBrowserSuite<Server extends SuiteServer>(camera: CameraSetup, start: () => Promise<Server>): BrowserSuite<Server> {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let observed: ObservedPage | undefined;
  beforeAll(async () => {
    server = await start();
    browser = await launchChromium(camera);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    server?.reset();
    observed = await observePage(ready(browser, 'Chromium'));
  });
  afterEach(async () => {
    await observed?.close();
  });
  return {
    get server() {
      return ready(server, 'The server');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
    get observed() {
      return ready(observed, 'The page');
    },
  };
}

/** The built demo and its sandbox, served from the test process. */
export function useDemoSuite(camera: CameraSetup): DemoSuite {
  return useBrowserSuite(camera, () => startDemoServer(inject('demoDir')));
}
