import { encodeFrame, type EncodeFrameOptions } from '@biometric-login/core';
import type { CameraHandle } from './cameraDriver.js';
import { stopStream } from './stopStream.js';
import { waitForRealFrame } from './waitForRealFrame.js';

export interface StreamCallbacks {
  onReady: (camera: CameraHandle) => void;
  onError: (error: unknown) => void;
}

/**
 * Watches a stream playing in `video`: ready once a real frame shows, failed if a track ends (camera
 * unplugged or taken). Returns the one function that detaches every listener and stops every track.
 */
export function watchStream(video: HTMLVideoElement, stream: MediaStream, callbacks: { readonly current: StreamCallbacks }): () => void {
  const controller = new AbortController();
  for (const track of stream.getVideoTracks()) {
    track.addEventListener('ended', () => callbacks.current.onError(new DOMException('The camera track ended', 'NotFoundError')), {
      signal: controller.signal,
    });
  }
  void waitForRealFrame(video, controller.signal).then(() => {
    if (controller.signal.aborted) return;
    // One canvas for every capture of this stream, warmed now with one draw and one JPEG encode: the first
    // of each costs more than the capture itself (measured in Chromium: 44 ms cold; warming only the draw,
    // a median of 25 ms from click to request; warming the encode too, 21 ms). The frame is thrown away.
    const canvas = video.ownerDocument.createElement('canvas');
    try {
      encodeFrame(video, { canvas });
    } catch {
      // Only a warm-up: the capture reports its own failure.
    }
    const { deviceId } = stream.getVideoTracks()[0]?.getSettings() ?? {};
    callbacks.current.onReady({
      capture: (options: EncodeFrameOptions) => encodeFrame(video, { ...options, canvas }),
      video,
      ...(deviceId === undefined || deviceId === '' ? {} : { deviceId }),
    });
  });
  return () => {
    controller.abort();
    stopStream(stream);
  };
}
