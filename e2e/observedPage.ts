import type { Browser, BrowserContext, Page, Request } from 'playwright';
import { expect } from 'vitest';

/** A Content-Security-Policy violation the page reported. */
export interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
}

const trackStatesKey = 'e2e:trackStatesAtPagehide';

// Runs in every document before its own scripts. It observes and changes nothing the page sees (until a test
// unplugs the camera): every track getUserMedia hands out is remembered (the tracks themselves: react-webcam
// removes them from their stream when it stops them), and on pagehide (the component stops the camera before it
// navigates) whether each had ended is kept in sessionStorage for the next page of the same origin to read.
const probeScript = `(() => {
  const tracks = [];
  let calls = 0;
  const trackStates = () => tracks.map((track) => track.readyState);
  const trackDetails = () => tracks.map((track) => ({ label: track.label, deviceId: track.getSettings().deviceId ?? '', readyState: track.readyState }));
  // What the browser does when a camera is unplugged: the track ends and says so.
  const unplug = () => {
    for (const track of tracks.filter((track) => track.readyState === 'live')) {
      track.stop();
      track.dispatchEvent(new Event('ended'));
    }
  };
  Object.defineProperty(window, '__e2eCamera', { value: { calls: () => calls, trackStates, trackDetails, unplug } });
  const media = navigator.mediaDevices;
  if (media && typeof media.getUserMedia === 'function') {
    const original = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      calls += 1;
      const stream = await original(constraints);
      tracks.push(...stream.getTracks());
      return stream;
    };
  }
  window.addEventListener('pagehide', () => {
    if (calls > 0) sessionStorage.setItem(${JSON.stringify(trackStatesKey)}, JSON.stringify(trackStates()));
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__e2eReportViolation({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile });
  }, true);
})();`;

/** One track getUserMedia gave the page: which camera, and whether it still runs. */
export interface TrackDetails {
  label: string;
  deviceId: string;
  readyState: string;
}

interface ProbeWindow {
  __e2eCamera: { calls(): number; trackStates(): string[]; trackDetails(): TrackDetails[]; unplug(): void };
}

export interface ObservedPage {
  context: BrowserContext;
  page: Page;
  /** Every validate POST that left the browser, in order. */
  validateRequests: Request[];
  /** Validate requests that got no answer, with Chromium's reason (net::ERR_…). */
  failedValidateRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  violations: Violation[];
  /** How often the page called getUserMedia. */
  getUserMediaCalls(): Promise<number>;
  /** readyState of every track getUserMedia gave the current document. */
  trackStates(): Promise<string[]>;
  /** The same tracks with their camera's label and deviceId. */
  trackDetails(): Promise<TrackDetails[]>;
  /** Ends every live track with an 'ended' event, as unplugging the camera does. */
  unplugCamera(): Promise<void>;
  /** The same, as the login page left it (read on the page it navigated to); undefined when it never used the camera. */
  trackStatesAtPagehide(): Promise<string[] | undefined>;
  close(): Promise<void>;
}

export function isValidateRequest(request: Request): boolean {
  return request.method() === 'POST' && new URL(request.url()).pathname === '/v2/biometric-validations/validate';
}

export interface ObservePageOptions {
  /** Default 'en-US'. */
  locale?: string;
  /** Scripts every document runs before the probe (so the probe sees what they change, e.g. another camera). */
  initScripts?: readonly string[];
}

/** A fresh context (no shared storage or permissions; an en-US browser unless told) with one page whose camera, requests and console are watched. */
export async function observePage(browser: Browser, options: ObservePageOptions = {}): Promise<ObservedPage> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-US' });
  const violations: Violation[] = [];
  await context.exposeBinding('__e2eReportViolation', (_source, violation: Violation) => {
    violations.push(violation);
  });
  for (const script of options.initScripts ?? []) await context.addInitScript(script);
  await context.addInitScript(probeScript);
  const page = await context.newPage();
  const observed: ObservedPage = {
    context,
    page,
    validateRequests: [],
    failedValidateRequests: [],
    consoleErrors: [],
    pageErrors: [],
    violations,
    getUserMediaCalls: () => page.evaluate(() => (window as unknown as ProbeWindow).__e2eCamera.calls()),
    trackStates: () => page.evaluate(() => (window as unknown as ProbeWindow).__e2eCamera.trackStates()),
    trackDetails: () => page.evaluate(() => (window as unknown as ProbeWindow).__e2eCamera.trackDetails()),
    unplugCamera: () => page.evaluate(() => (window as unknown as ProbeWindow).__e2eCamera.unplug()),
    async trackStatesAtPagehide() {
      const stored = await page.evaluate((key) => sessionStorage.getItem(key), trackStatesKey);
      return stored === null ? undefined : (JSON.parse(stored) as string[]);
    },
    close: () => context.close(),
  };
  page.on('request', (request) => {
    if (isValidateRequest(request)) observed.validateRequests.push(request);
  });
  page.on('requestfailed', (request) => {
    if (isValidateRequest(request)) observed.failedValidateRequests.push(request.failure()?.errorText ?? 'unknown');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') observed.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => observed.pageErrors.push(String(error)));
  return observed;
}

export interface ExpectedConsoleErrors {
  /** HTTP statuses the API answered on purpose; Chromium logs each as "Failed to load resource: … status of N". */
  httpStatuses?: readonly number[];
  /** Chromium logs a dropped connection as "Failed to load resource: net::ERR_…". */
  networkErrors?: boolean;
}

/** No CSP violation, no uncaught error, and no console error except the HTTP failures the journey asked for. */
export function expectCleanConsole(observed: ObservedPage, expected: ExpectedConsoleErrors = {}): void {
  const allowed = (text: string) => {
    const status = /^Failed to load resource: the server responded with a status of (\d{3})\b/.exec(text)?.[1];
    if (status !== undefined) return (expected.httpStatuses ?? []).includes(Number(status));
    return expected.networkErrors === true && /^Failed to load resource: net::ERR_/.test(text);
  };
  expect(observed.violations).toEqual([]);
  expect(observed.pageErrors).toEqual([]);
  expect(observed.consoleErrors.filter((text) => !allowed(text))).toEqual([]);
}
