import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { type CameraSetup, launchChromium } from './chromium';
import { type DemoServer, startDemoServer } from './demoServer';
import { liveApiBaseUrl, routeLiveApiTo } from './liveApi';
import { type ObservedPage, type ObservePageOptions, observePage } from './observedPage';

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

export interface BrowserSuiteOptions<Server extends SuiteServer> {
  /** Starts the server, once per describe block. */
  start: () => Promise<Server>;
  /** Readies each test's fresh page (before it opens anything). */
  preparePage?: (observed: ObservedPage, server: Server) => Promise<void>;
  /** The fake webcam's video, when not the fixture face. */
  cameraVideo?: string;
  /** How each test's page is observed (its locale, scripts it runs first). */
  page?: ObservePageOptions;
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is not started: use it inside a test`);
  return value;
}

/** One server and one Chromium with the given camera per describe block, a fresh observed page per test. */
export function useBrowserSuite<Server extends SuiteServer>(camera: CameraSetup, options: BrowserSuiteOptions<Server>): BrowserSuite<Server> {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let observed: ObservedPage | undefined;
  beforeAll(async () => {
    server = await options.start();
    browser = await launchChromium(camera, options.cameraVideo);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    server?.reset();
    observed = await observePage(ready(browser, 'Chromium'), options.page);
    await options.preparePage?.(observed, ready(server, 'The server'));
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

/**
 * The built demo and its sandbox, served from the test process. The 'live' build calls the real API's
 * address, which each page's context answers from the server's sandbox.
 */
export function useDemoSuite(camera: CameraSetup, build: 'sandbox' | 'live' = 'sandbox', cameraVideo?: string, page?: ObservePageOptions): DemoSuite {
  const live = build === 'live';
  return useBrowserSuite(camera, {
    start: () => (live ? startDemoServer(inject('liveDemoDir'), { apiOrigins: [liveApiBaseUrl] }) : startDemoServer(inject('demoDir'))),
    ...(live ? { preparePage: (observed: ObservedPage, server: DemoServer) => routeLiveApiTo(observed.context, server) } : {}),
    cameraVideo,
    page,
  });
}
