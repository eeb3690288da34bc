import { createSandbox } from '@biometric-login/sandbox';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import faceUrl from '../../../fixtures/face_1280x720.jpg?url';
import farUrl from '../../../fixtures/face_far_1280x720.jpg?url';
import nearUrl from '../../../fixtures/face_near_1280x720.jpg?url';
import offCentreUrl from '../../../fixtures/face_offcenter_1280x720.jpg?url';
import twoFacesUrl from '../../../fixtures/two_faces_1280x720.jpg?url';
import darkUrl from '../../../fixtures/face_dark_1280x720.jpg?url';
import blurUrl from '../../../fixtures/face_blur_1280x720.jpg?url';
import coffeeUrl from '../../../fixtures/noface_coffee_1280x720.jpg?url';
import portraitUrl from '../../../fixtures/face_portrait_720x1280.jpg?url';
import { BiometricLogin, type BiometricLoginProps } from './BiometricLogin.js';
import { guidanceEn } from './guidance/guidanceText.js';
import { en } from './messages.js';
import { createPictureCamera } from './camera/pictureCamera.js';
import './styles.css';

// Real Chromium: the picture camera films each fixture through a real MediaStream, and guided capture's lazily
// loaded worker runs the face detector on it, as in a host app.
const sandbox = createSandbox();
const sent: { image: string }[] = [];
const sandboxFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.url.endsWith('/validate')) sent.push((await request.clone().json()) as { image: string });
  return sandbox.handle(request);
};

afterEach(() => {
  cleanup();
  sent.length = 0;
  sandbox.reset();
});

async function renderLogin(picture: string, props: Partial<BiometricLoginProps> = {}, session: Parameters<typeof sandbox.createSession>[0] = {}) {
  const navigate = vi.fn();
  const { token } = await sandbox.createSession(session);
  const view = render(
    <BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} fetch={sandboxFetch} navigate={navigate} camera={createPictureCamera(picture)} {...props} />,
  );
  const root = view.container.querySelector('.bl-root') as HTMLElement;
  return { navigate, root };
}

/** Long enough for the detector to load and for a good face to be held (1 s) and sent, had it been good. */
const longerThanAHold = () => new Promise((resolve) => setTimeout(resolve, 3000));

describe('guided capture in Chromium', () => {
  it('a well-placed face: the oval turns, the hold fills, and exactly one request leaves by itself', async () => {
    const { navigate, root } = await renderLogin(faceUrl);
    await waitFor(() => expect(root).toHaveAttribute('data-guidance', 'fit'), { timeout: 10_000 });
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(sent).toHaveLength(1);
    await longerThanAHold();
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['a face too far away', farUrl, 'closer', guidanceEn.hints.closer],
    ['a face too near', nearUrl, 'back', guidanceEn.hints.back],
    ['a face off-centre', offCentreUrl, 'center', guidanceEn.hints.center],
    ['two faces', twoFacesUrl, 'oneFace', guidanceEn.hints.oneFace],
    ['a dark face', darkUrl, 'light', guidanceEn.hints.light],
    ['a blurred face', blurUrl, 'still', guidanceEn.hints.still],
    ['a coffee cup and no face', coffeeUrl, 'face', guidanceEn.hints.face],
  ])('%s: the hint says so, the button does not send, and nothing leaves', async (_name, picture, hint, words) => {
    const { navigate, root } = await renderLogin(picture);
    await waitFor(() => expect(root).toHaveAttribute('data-guidance', hint), { timeout: 10_000 });
    expect(screen.getByRole('status')).toHaveTextContent(words);
    const verify = screen.getByRole('button', { name: en.verify });
    expect(verify).toBeDisabled();
    expect(verify).toHaveAccessibleDescription(words);
    await userEvent.click(verify);
    await longerThanAHold();
    expect(sent).toHaveLength(0);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('an upright phone (720x1280): the whole frame, a portrait stage, and the 3:4 region at full resolution sent by itself', async () => {
    const { navigate, root } = await renderLogin(portraitUrl);
    await waitFor(() => expect(root.querySelector('.bl-stage')).toHaveAttribute('data-orientation', 'portrait'), { timeout: 10_000 });
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(sent[0]?.image ?? ''), (character) => character.charCodeAt(0))]));
    expect([bitmap.width, bitmap.height]).toEqual([720, 960]);
  });

  it('re-arms after an error and "Try again": a new hold, then exactly one more request', async () => {
    const { navigate, root } = await renderLogin(faceUrl, {}, { scenario: 'LIVENESS_DETECTION_FAILED' });
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(en.errors.LIVENESS_DETECTION_FAILED.title);
    expect(sent).toHaveLength(1);
    await longerThanAHold();
    expect(sent).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: en.tryAgain }));
    // The hold from before the failure does not count: a new hold is shown filling before the second request.
    await waitFor(() => expect(root.querySelector('progress.bl-hold')).not.toBeNull(), { timeout: 10_000 });
    expect(sent).toHaveLength(1);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(sent).toHaveLength(2);
  });

  it('autoCapture={false}: nothing leaves until the click, then exactly one request', async () => {
    const { navigate, root } = await renderLogin(faceUrl, { autoCapture: false });
    await waitFor(() => expect(root).toHaveAttribute('data-guidance', 'fit'), { timeout: 10_000 });
    // Nothing will go by itself, so no "hold still" and no hold bar: the ready words ask for the button.
    expect(screen.getByRole('status')).toHaveTextContent(en.status.ready);
    expect(root.querySelector('progress.bl-hold')).toBeNull();
    await longerThanAHold();
    expect(sent).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: en.verify }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(sent).toHaveLength(1);
  });

  it('guidance={false}: no checks, no hints, the button sends what the camera shows (as before guided capture)', async () => {
    const { navigate, root } = await renderLogin(coffeeUrl, { guidance: false });
    const verify = screen.getByRole('button', { name: en.verify });
    await waitFor(() => expect(verify).toBeEnabled(), { timeout: 10_000 });
    expect(root).not.toHaveAttribute('data-guidance');
    await userEvent.click(verify);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(sent).toHaveLength(1);
  });

  it('the detector cannot load and the face is dark: the light hint still shows, and the button waits for better light', async () => {
    await renderLogin(darkUrl, { assetsUrl: '/no-such-folder/' });
    expect(await screen.findByText(guidanceEn.limited, {}, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(guidanceEn.hints.light), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: en.verify })).toHaveAccessibleDescription(guidanceEn.hints.light);
    expect(sent).toHaveLength(0);
  });

  it('the detector cannot load: a quiet note, light and sharpness still checked, and the login completes by the button', async () => {
    const { navigate } = await renderLogin(faceUrl, { assetsUrl: '/no-such-folder/' });
    expect(await screen.findByText(guidanceEn.limited, {}, { timeout: 10_000 })).toBeInTheDocument();
    const verify = screen.getByRole('button', { name: en.verify });
    await waitFor(() => expect(verify).toBeEnabled(), { timeout: 10_000 });
    await longerThanAHold();
    expect(sent).toHaveLength(0);
    await userEvent.click(verify);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Sleeps until `ms` after `since` (a performance.now() reading). */
const until = (since: number, ms: number) => sleep(Math.max(0, since + ms - performance.now()));
const sendAnywayButton = () => screen.queryByRole('button', { name: guidanceEn.sendAnyway });

/** When the camera was seen running (data-state ready): the wait for the offer starts then. */
async function readyAt(root: HTMLElement): Promise<number> {
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: 10_000, interval: 20 });
  return performance.now();
}

/** Every polite live region in the login now: the offer must fill one that was already there. */
const liveRegions = (root: HTMLElement) => [...root.querySelectorAll('[aria-live="polite"]')];

describe('send anyway, when guided capture keeps refusing (never a dead end)', () => {
  it('sendAnywayAfterMs: 1500: not at 1 s, then offered in a live region beside the hint; a double click sends exactly one picture', async () => {
    const { navigate, root } = await renderLogin(coffeeUrl, { sendAnywayAfterMs: 1500 });
    const ready = await readyAt(root);
    await until(ready, 1000);
    expect(sendAnywayButton()).toBeNull();
    expect(screen.queryByText(guidanceEn.sendAnywayOffer)).toBeNull();
    const regionsBefore = liveRegions(root);

    const button = await screen.findByRole('button', { name: guidanceEn.sendAnyway }, { timeout: 3000, interval: 20 });
    expect(performance.now() - ready).toBeGreaterThanOrEqual(1400);
    const offer = screen.getByText(guidanceEn.sendAnywayOffer);
    expect(offer).toBeVisible();
    // Announced: the words and the button fill a polite region that existed (empty) before, not the status line.
    const region = offer.closest('[aria-live="polite"]');
    expect(region).not.toBeNull();
    expect(regionsBefore).toContain(region);
    expect(region).not.toBe(screen.getByRole('status'));
    expect(region).toContainElement(button);
    // The hint stays, and "Verify identity" still refuses the frame.
    await waitFor(() => expect(root).toHaveAttribute('data-guidance', 'face'), { timeout: 10_000 });
    expect(screen.getByRole('status')).toHaveTextContent(guidanceEn.hints.face);
    expect(screen.getByRole('button', { name: en.verify })).toBeDisabled();
    expect(sent).toHaveLength(0);

    // Clicks faster than React renders: all reach the handler, and the single-attempt guard lets one through.
    await act(async () => {
      button.click();
      button.click();
      button.click();
    });
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(sent).toHaveLength(1);
    await longerThanAHold();
    expect(sent).toHaveLength(1);
    expect(navigate).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('by default: not at 8 s, offered by 11 s', async () => {
    const { root } = await renderLogin(coffeeUrl);
    const ready = await readyAt(root);
    await until(ready, 8000);
    expect(root).toHaveAttribute('data-guidance', 'face');
    expect(sendAnywayButton()).toBeNull();
    await screen.findByRole('button', { name: guidanceEn.sendAnyway }, { timeout: Math.max(0, ready + 11_000 - performance.now()) });
    expect(performance.now() - ready).toBeGreaterThanOrEqual(9900);
    expect(sent).toHaveLength(0);
  }, 30_000);

  it('sendAnywayAfterMs={false}: no offer after 12 s, and nothing sent', async () => {
    const { navigate, root } = await renderLogin(coffeeUrl, { sendAnywayAfterMs: false });
    const ready = await readyAt(root);
    await waitFor(() => expect(root).toHaveAttribute('data-guidance', 'face'), { timeout: 10_000 });
    await until(ready, 12_000);
    expect(sendAnywayButton()).toBeNull();
    expect(screen.queryByText(guidanceEn.sendAnywayOffer)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(guidanceEn.hints.face);
    expect(sent).toHaveLength(0);
    expect(navigate).not.toHaveBeenCalled();
  }, 30_000);

  it('after a failed attempt and "Try again", the wait starts over (the button named through messages.guidance)', async () => {
    const label = 'Send it as it is';
    const byLabel = () => screen.queryByRole('button', { name: label });
    const props = { sendAnywayAfterMs: 1500, messages: { guidance: { sendAnyway: label } } };
    const { navigate, root } = await renderLogin(coffeeUrl, props, { scenario: 'LIVENESS_DETECTION_FAILED' });
    await readyAt(root);
    await userEvent.click(await screen.findByRole('button', { name: label }, { timeout: 10_000 }));
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(en.errors.LIVENESS_DETECTION_FAILED.title);
    expect(sent).toHaveLength(1);
    expect(byLabel()).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: en.tryAgain }));
    const again = await readyAt(root);
    // The wait that ran out before the failure does not count: nothing is offered until a whole new one has passed.
    await until(again, 1000);
    expect(byLabel()).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: label }, { timeout: 3000, interval: 20 }));
    expect(performance.now() - again).toBeGreaterThanOrEqual(1400);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(sent).toHaveLength(2);
  }, 30_000);
});
