import { isBlankFrame } from '@biometric-login/core';

const sampleWidth = 32;
const sampleHeight = 18;

/**
 * Resolves once the video shows a frame that is not one flat colour (cameras, Chromium's fake one
 * included, start with black frames), or after `timeoutMs` so a dark room does not hang the flow.
 */
export function waitForRealFrame(video: HTMLVideoElement, signal: AbortSignal, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const canvas = video.ownerDocument.createElement('canvas');
    canvas.width = sampleWidth;
    canvas.height = sampleHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const view: Pick<Window, 'setTimeout' | 'clearTimeout'> = video.ownerDocument.defaultView ?? window;
    let pending: number | undefined;
    const deadline = view.setTimeout(finish, timeoutMs);

    function finish() {
      view.clearTimeout(deadline);
      if (pending !== undefined) view.clearTimeout(pending);
      signal.removeEventListener('abort', finish);
      resolve();
    }

    function check() {
      pending = undefined;
      if (signal.aborted) return;
      if (video.videoWidth > 0 && video.readyState >= 2) {
        if (context === null) return finish();
        context.drawImage(video, 0, 0, sampleWidth, sampleHeight);
        if (!isBlankFrame(context.getImageData(0, 0, sampleWidth, sampleHeight).data)) return finish();
      }
      pending = view.setTimeout(check, 50);
    }

    signal.addEventListener('abort', finish, { once: true });
    check();
  });
}
