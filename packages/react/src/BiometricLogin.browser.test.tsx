import { centredRegion, isBlankFrame } from '@biometric-login/core';
import { createSandbox } from '@biometric-login/sandbox';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fixtureUrl from '../../../fixtures/face_1280x720.jpg?url';
import { documentedSuccesses, expectEveryDocumentedField } from '../test/documentedExamples.js';
import { BiometricLogin } from './BiometricLogin.js';
import { en } from './messages.js';
import { createPictureCamera } from './camera/pictureCamera.js';
import './styles.css';

// Real Chromium, the real camera drivers, and Chromium's fake webcam showing the fixture face at 1280x720.
const sandbox = createSandbox();
const sent: { image: string; os: string }[] = [];
const sandboxFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.url.endsWith('/validate')) sent.push((await request.clone().json()) as { image: string; os: string });
  return sandbox.handle(request);
};

// The tracks themselves, not their streams: react-webcam removes each track from its stream as it stops it.
let tracks: MediaStreamTrack[] = [];
beforeEach(() => {
  sent.length = 0;
  tracks = [];
  // Observes (does not fake) the camera: every stream the page opens must be stopped.
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  vi.spyOn(navigator.mediaDevices, 'getUserMedia').mockImplementation(async (constraints) => {
    const stream = await original(constraints);
    tracks.push(...stream.getTracks());
    return stream;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  sandbox.reset();
});

/** Pixels of `source` (or of its centred 3:4 region, as the component sends), scaled to width x height. */
async function pixels(source: Blob | string, width: number, height: number, options: { flip?: boolean; crop?: boolean } = {}): Promise<Uint8ClampedArray> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  if (options.flip) context.setTransform(-1, 0, 0, 1, width, 0);
  const region = options.crop ? centredRegion({ width: bitmap.width, height: bitmap.height }) : { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
  context.drawImage(bitmap, region.x, region.y, region.width, region.height, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

function meanDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let total = 0;
  for (let index = 0; index < a.length; index += 1) total += Math.abs((a[index] ?? 0) - (b[index] ?? 0));
  return total / a.length;
}

const liveTracks = () => tracks.filter((track) => track.readyState === 'live');

// No `camera` prop: the default camera, react-webcam, as a host gets it.
describe('<BiometricLogin> with the real webcam in Chromium through react-webcam', () => {
  it('captures the face-centred region at the camera resolution, unmirrored, sends it, redirects, and ends every track', async () => {
    const navigate = vi.fn();
    const { token } = await sandbox.createSession();
    render(<BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb?x=1' }} fetch={sandboxFetch} navigate={navigate} />);
    const video = await screen.findByLabelText(en.videoLabel);
    expect(video.tagName).toBe('VIDEO');
    expect(getComputedStyle(video).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    const verify = screen.getByRole('button', { name: en.verify });
    await waitFor(() => expect(verify).toBeEnabled(), { timeout: 10_000 });
    expect(liveTracks()).toHaveLength(1);

    await userEvent.click(verify);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const url = new URL(navigate.mock.calls[0]?.[0] as string);
    await expect(sandbox.verifyLoginToken(url.searchParams.get('token') ?? '')).resolves.toMatchObject({ type: 'app-login' });

    expect(sent).toHaveLength(1);
    const { image, os } = sent[0] ?? { image: '', os: '' };
    expect(os).toBe('DESKTOP');
    expect(image).toMatch(/^\/9j\//);
    const jpeg = new Blob([Uint8Array.from(atob(image), (character) => character.charCodeAt(0))], { type: 'image/jpeg' });
    const bitmap = await createImageBitmap(jpeg);
    // The full 720 px of height of the 1280x720 camera, cut to the face-centred 3:4 region.
    expect([bitmap.width, bitmap.height]).toEqual([540, 720]);
    const captured = await pixels(jpeg, 90, 120);
    expect(isBlankFrame(captured)).toBe(false);
    // The face itself, the right way round: close to the fixture, far from its mirror image.
    const straight = meanDifference(captured, await pixels(fixtureUrl, 90, 120, { crop: true }));
    const mirrored = meanDifference(captured, await pixels(fixtureUrl, 90, 120, { crop: true, flip: true }));
    expect(straight).toBeLessThan(12);
    expect(mirrored).toBeGreaterThan(straight * 2);

    await waitFor(() => expect(liveTracks()).toHaveLength(0));
    expect(screen.queryByLabelText(en.videoLabel)).not.toBeInTheDocument();
  });

  it('ends every track when unmounted while the camera is on', async () => {
    const { token } = await sandbox.createSession();
    const view = render(<BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} fetch={sandboxFetch} navigate={vi.fn()} />);
    await waitFor(() => expect(screen.getByRole('button', { name: en.verify })).toBeEnabled(), { timeout: 10_000 });
    expect(liveTracks()).toHaveLength(1);
    view.unmount();
    expect(liveTracks()).toHaveLength(0);
  });

  it('ends the track when unmounted before the camera answered', async () => {
    const { token } = await sandbox.createSession();
    const view = render(<BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} fetch={sandboxFetch} navigate={vi.fn()} />);
    await waitFor(() => expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalled());
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(liveTracks()).toHaveLength(0);
  });
});

describe("Verifik's documented answers, in Chromium", () => {
  it.each(documentedSuccesses.map((answer) => [answer.id, answer] as const))('onSuccess receives every documented field of %s with its documented value', async (_id, answer) => {
    const onSuccess = vi.fn();
    const navigate = vi.fn();
    const { token } = await sandbox.createSession();
    // The API answers exactly the documentation's example (over a real fetch Response in the browser).
    const documentedFetch: typeof fetch = async () => new Response(JSON.stringify(answer.body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    render(
      <BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} fetch={documentedFetch} navigate={navigate} onSuccess={onSuccess} autoCapture={false} />,
    );
    const verify = screen.getByRole('button', { name: en.verify });
    await waitFor(() => expect(verify).toBeEnabled(), { timeout: 10_000 });
    await userEvent.click(verify);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expectEveryDocumentedField(onSuccess, answer);
  });
});

describe('createPictureCamera', () => {
  it('films a picture through the same real capture path, without asking for the webcam', async () => {
    const navigate = vi.fn();
    const { token } = await sandbox.createSession();
    render(
      <BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} fetch={sandboxFetch} navigate={navigate} camera={createPictureCamera(fixtureUrl)} />,
    );
    const verify = screen.getByRole('button', { name: en.verify });
    await waitFor(() => expect(verify).toBeEnabled(), { timeout: 10_000 });
    await userEvent.click(verify);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(sent[0]?.image ?? ''), (character) => character.charCodeAt(0))]));
    expect([bitmap.width, bitmap.height]).toEqual([540, 720]);
    expect(navigator.mediaDevices.getUserMedia).not.toHaveBeenCalled();
  });
});
