import { checkCameraSupport } from '@biometric-login/core';
import { useEffect, useRef } from 'react';
import type { CameraDriver, CameraPreviewProps } from './cameraDriver.js';
import { useLatest } from './useLatest.js';
import { stopStream, watchStream } from './watchStream.js';

/**
 * The browser's own camera API: getUserMedia into a muted, inline <video>. Nothing runs at import,
 * and every track is stopped on unmount, including one that arrives after it.
 */
function MediaDevicesPreview({ constraints, label, className, onReady, onError }: CameraPreviewProps) {
  const video = useRef<HTMLVideoElement>(null);
  const callbacks = useLatest({ onReady, onError });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    // An insecure page or a browser without a camera API: say so instead of asking.
    const unsupported = checkCameraSupport({ isSecureContext: window.isSecureContext, mediaDevices: navigator.mediaDevices });
    if (unsupported) return callbacks.current.onError(unsupported);
    let cancelled = false;
    let stop: (() => void) | undefined;
    navigator.mediaDevices.getUserMedia({ video: constraints, audio: false }).then(
      (stream) => {
        if (cancelled) return stopStream(stream);
        element.srcObject = stream;
        // Muted inline video may autoplay everywhere (iOS Safari included); a refusal still leaves frames.
        element.play().catch(() => undefined);
        stop = watchStream(element, stream, callbacks);
      },
      (error: unknown) => {
        if (!cancelled) callbacks.current.onError(error);
      },
    );
    return () => {
      cancelled = true;
      stop?.();
      element.srcObject = null;
    };
  }, [constraints, callbacks]);

  return <video ref={video} className={className} aria-label={label} autoPlay muted playsInline disablePictureInPicture />;
}

export const mediaDevicesCamera: CameraDriver = { Preview: MediaDevicesPreview };
