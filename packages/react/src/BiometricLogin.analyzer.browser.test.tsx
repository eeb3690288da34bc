import { createSandbox } from '@biometric-login/sandbox';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import faceUrl from '../../../fixtures/face_1280x720.jpg?url';
import { analyzerDoublesPath } from '../test/analyzerDoublesPath.js';
import { BiometricLogin } from './BiometricLogin.js';
import { createFaceAnalyzer, FaceAnalyzerError } from './guidance/faceAnalyzer.js';
import { guidanceEn } from './guidance/guidanceText.js';
import { en } from './messages.js';
import { createPictureCamera } from './camera/pictureCamera.js';
import './styles.css';

// A stuck analyser is not a stuck login (issue 18): a worker that hangs, a model that never loads, or a model that is
// not the one the package ships each end in the limited mode (light and sharpness still checked, the button sends)
// within 5 s, never in a login that waits forever. The broken analyzers are served by test/analyzerDoubles.ts.
const sandbox = createSandbox();
const sent: unknown[] = [];
const sandboxFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.url.endsWith('/validate')) sent.push(await request.clone().json());
  return sandbox.handle(request);
};

afterEach(() => {
  cleanup();
  sent.length = 0;
  sandbox.reset();
});

const doubles = (name: 'hung' | 'silent' | 'tampered' | 'stale') => `${analyzerDoublesPath}${name}/`;
/** The bound: the limited mode within 5 s of the camera showing a frame; a little more for the page's own work. */
const limitedWithinMs = 5500;

/** Mounts the login on the fixture face with the analyzer from `assetsUrl`; resolves once the camera shows a frame. */
async function renderLogin(assetsUrl: string) {
  const navigate = vi.fn();
  const { token } = await sandbox.createSession({});
  const view = render(
    <BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} fetch={sandboxFetch} navigate={navigate} camera={createPictureCamera(faceUrl)} assetsUrl={assetsUrl} />,
  );
  const root = view.container.querySelector('.bl-root') as HTMLElement;
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
  return { navigate, root, cameraReadyAt: performance.now() };
}

describe('a broken face analyzer never strands the person', () => {
  it.each([
    ['a worker that hangs on every frame', doubles('hung')],
    ['a model that never finishes loading', doubles('silent')],
    ['a model that is not the one the package ships', doubles('tampered')],
    ['a worker of another release (another protocol)', doubles('stale')],
  ])('%s: the limited mode within 5 s, then the login completes by the button', async (_name, assetsUrl) => {
    const { navigate, root, cameraReadyAt } = await renderLogin(assetsUrl);
    // Guided capture never judged a face with it: no verdict on the oval (at most "checking"), at any point.
    const verdicts: (string | null)[] = [];
    const observer = new MutationObserver(() => verdicts.push(root.getAttribute('data-guidance')));
    observer.observe(root, { attributes: true, attributeFilter: ['data-guidance'] });
    expect(await screen.findByText(guidanceEn.limited, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(performance.now() - cameraReadyAt).toBeLessThan(limitedWithinMs);
    const verify = screen.getByRole('button', { name: en.verify });
    await waitFor(() => expect(verify).toBeEnabled(), { timeout: 5_000 });
    observer.disconnect();
    expect(verdicts.filter((verdict) => verdict !== null && verdict !== 'checking')).toEqual([]);
    expect(sent).toHaveLength(0);
    await userEvent.click(verify);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(sent).toHaveLength(1);
  });

  it('the analyzer refuses a model whose bytes do not match the digest: ready rejects with modelRejected', async () => {
    const analyzer = createFaceAnalyzer({ assetsUrl: doubles('tampered') });
    const refusal = await analyzer.ready.then(
      () => undefined,
      (error: unknown) => error,
    );
    analyzer.close();
    expect(refusal).toBeInstanceOf(FaceAnalyzerError);
    expect((refusal as FaceAnalyzerError).code).toBe('modelRejected');
  });

  it("a worker of another release is not talked to: ready rejects with workerUnavailable, naming both versions", async () => {
    const analyzer = createFaceAnalyzer({ assetsUrl: doubles('stale') });
    const refusal = await analyzer.ready.then(
      () => undefined,
      (error: unknown) => error,
    );
    analyzer.close();
    expect(refusal).toMatchObject({ code: 'workerUnavailable', cause: expect.stringMatching(/protocol \d+, not \d+/) });
  });

  it('an analysis that does not answer in time rejects with timedOut, and the real worker answers well within it', async () => {
    const hung = createFaceAnalyzer({ assetsUrl: doubles('hung'), analysisTimeoutMs: 400 });
    await hung.ready;
    const picture = async () => createImageBitmap(await (await fetch(faceUrl)).blob());
    const startedAt = performance.now();
    const refusal = await hung.analyze(await picture()).then(
      () => undefined,
      (error: unknown) => error,
    );
    hung.close();
    expect((refusal as FaceAnalyzerError).code).toBe('timedOut');
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(390);
    const real = createFaceAnalyzer({ analysisTimeoutMs: 3000 });
    await real.ready;
    expect((await real.analyze(await picture())).faces).toHaveLength(1);
    real.close();
  });
});
