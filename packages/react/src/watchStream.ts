import { encodeFrame, type EncodeFrameOptions } from '@biometric-login/core';
import type { CameraHandle } from './cameraDriver.js';
import { waitForRealFrame } from './waitForRealFrame.js';

export interface StreamCallbacks {
  onReady: (camera: CameraHandle) => void;
  onError: (error: unknown) => void;
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * Watches a stream playing in `video`: ready once a real frame shows, failed if a track ends (camera
 * unplugged or taken). Returns the one function that detaches every listener and stops every track.
 */
export function watchStream(video: HTMLVideoElement, stream: MediaStream, callbacks: { readonly current: StreamCallbacks }): () => void {
  const controller = new AbortController();
  let canvas: HTMLCanvasElement | undefined;
  for (const track of stream.getVideoTracks()) {
    track.addEventListener('ended', () => callbacks.current.onError(new DOMException('The camera track ended', 'NotFoundError')), {
      signal: controller.signal,
    });
  }
  void waitForRealFrame(video, controller.signal).then(() => {
    if (controller.signal.aborted) return;
    callbacks.current.onReady({
      capture: (options: EncodeFrameOptions) => {
        // One canvas for every capture of this stream.
        canvas ??= video.ownerDocument.createElement('canvas');
        return encodeFrame(video, { ...options, canvas });
      },
    });
  });
  return () => {
    controller.abort();
    stopStream(stream);
  };
}
