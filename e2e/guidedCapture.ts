import { fileURLToPath } from 'node:url';
import type { GuidanceHint } from '@biometric-login/core';
import { en as component } from '@biometric-login/react';
import { guidanceEn } from '@biometric-login/react/guidance-text';
import type { Page, Request } from 'playwright';
import { expect } from 'vitest';
import { landAfter } from './demoLogin';
import { isValidateRequest } from './observedPage';

export { guidanceEn };

/** The one-frame Y4M video of a fixture (`fixtures/<name>_1frame.y4m`), for Chromium's fake webcam. */
export const fixtureVideo = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}_1frame.y4m`, import.meta.url));
export const fixturePicture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}.jpg`, import.meta.url));

/** Twice a hold (1 s), counted once the detector has answered: had the frame been good, it would have left by then. */
export const quietWindowMs = 2_000;
/** "Within a few seconds": from "Start camera" to the request that leaves by itself (a hold is 1 s of it). */
export const autoCaptureWithinMs = 8_000;

/** The guided-capture files a page loaded: the scripts its workers started from, and every answer's status. */
export interface GuidanceFiles {
  /** Each worker's script, without the fragment (Turbopack passes its bootstrap parameters there). */
  workers: string[];
  /** HTTP status by URL (without the fragment); a worker's own requests (the model) are included. */
  statuses: Map<string, number>;
}

const withoutFragment = (url: string) => url.split('#')[0] ?? url;

/** Starts recording what `page` loads; call before it opens anything. */
export function watchGuidanceFiles(page: Page): GuidanceFiles {
  const files: GuidanceFiles = { workers: [], statuses: new Map() };
  page.on('worker', (worker) => files.workers.push(withoutFragment(worker.url())));
  page.on('response', (response) => files.statuses.set(withoutFragment(response.url()), response.status()));
  return files;
}

/** The face analyzer's worker script and the face model (blazeface*.bin) were requested and answered 200, wherever the bundler put them. */
export function expectGuidanceFilesLoaded(files: GuidanceFiles): void {
  expect(files.workers).not.toEqual([]);
  for (const worker of files.workers) expect([worker, files.statuses.get(worker)]).toEqual([worker, 200]);
  const models = [...files.statuses].filter(([url]) => /\/blazeface[^/]*\.bin$/.test(new URL(url).pathname));
  expect(models.map(([, status]) => status)).toEqual([200]);
}

/** Waits until the login's root says `data-guidance="<value>"` ('fit', 'checking' or a hint). */
export async function waitForGuidance(page: Page, value: GuidanceHint | 'fit' | 'checking', timeout = autoCaptureWithinMs): Promise<void> {
  await page.waitForFunction(
    ({ label, expected }) => document.querySelector(`section[aria-label="${label}"]`)?.getAttribute('data-guidance') === expected,
    { label: component.regionLabel, expected: value },
    { timeout },
  );
}

/**
 * Waits for a good frame being held, as the person sees it, all in one look (the hold lasts only a second): the
 * root says "fit", the status line "hold still", and the hold's progress bar is showing.
 */
export async function waitForHold(page: Page): Promise<void> {
  await page.waitForFunction(
    ({ label, holdStill, holdLabel }) => {
      const root = document.querySelector(`section[aria-label="${label}"]`);
      return (
        root?.getAttribute('data-guidance') === 'fit' &&
        root.querySelector('[role="status"]')?.textContent === holdStill &&
        root.querySelector(`progress[aria-label="${holdLabel}"]`) !== null
      );
    },
    { label: component.regionLabel, holdStill: guidanceEn.holdStill, holdLabel: guidanceEn.holdLabel },
    { timeout: autoCaptureWithinMs },
  );
}

/** Whether "Verify identity" is disabled, and its accessible description (the text its aria-describedby names). */
export function verifyButtonState(page: Page): Promise<{ disabled: boolean; description: string }> {
  return page.getByRole('button', { name: component.verify }).evaluate((button: HTMLButtonElement) => ({
    disabled: button.disabled,
    description: (button.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '')
      .map((id) => button.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  }));
}

/** Width and height of a JPEG, from its start-of-frame marker. */
export function jpegSize(jpeg: Buffer): [width: number, height: number] {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let offset = 2;
  while (offset + 9 < jpeg.length) {
    if (jpeg[offset] !== 0xff) throw new Error(`no JPEG marker at byte ${offset}`);
    const marker = jpeg[offset + 1] ?? 0;
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC): height, then width, after the precision byte.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return [jpeg.readUInt16BE(offset + 7), jpeg.readUInt16BE(offset + 5)];
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  throw new Error('no start-of-frame marker');
}

/** The picture a validate request carried (raw base64 in `image`), as bytes. */
export function sentPicture(request: Request | undefined): Buffer {
  const body = request?.postDataJSON() as { image?: unknown } | undefined;
  if (typeof body?.image !== 'string') throw new Error('no validate request with an image');
  return Buffer.from(body.image, 'base64');
}

/**
 * Starts the camera and lands on the callback page once the picture has left by itself: nothing clicks "Verify
 * identity", the hold shows first (`whileHolding` may look at the page then), and the request leaves within a few
 * seconds. Returns the token the callback page's address carried.
 */
export function startAndLandByItself(page: Page, whileHolding: () => Promise<void> = async () => undefined): Promise<string | null> {
  return landAfter(page, async () => {
    await Promise.all([
      page.waitForRequest(isValidateRequest, { timeout: autoCaptureWithinMs }),
      (async () => {
        await page.getByRole('button', { name: component.startCamera }).click();
        await waitForHold(page);
        await whileHolding();
      })(),
    ]);
  });
}
