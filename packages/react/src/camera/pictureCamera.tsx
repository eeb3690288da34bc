import { useEffect, useRef } from 'react';
import type { CameraDriver, CameraPreviewProps } from './cameraDriver.js';
import { useLatest } from '../useLatest.js';
import { watchStreamWhenLoaded } from './watchStreamWhenLoaded.js';

/**
 * A camera that films a picture, for demos without a webcam: the picture is painted into a canvas whose
 * captureStream() is a real MediaStream, so the preview, the frame grab and the JPEG encoding are the real
 * ones. `src` must be same-origin (or CORS-enabled), or the canvas could not be read.
 */
export function createPictureCamera(src: string): CameraDriver {
  function PicturePreview({ label, className, onReady, onError }: CameraPreviewProps) {
    const video = useRef<HTMLVideoElement>(null);
    const callbacks = useLatest({ onReady, onError });
    useEffect(() => {
      const element = video.current;
      if (!element) return;
      let stop: (() => void) | undefined;
      let repaint: ReturnType<typeof setInterval> | undefined;
      let cancelled = false;
      const image = new Image();
      image.src = src;
      image
        .decode()
        .then(() => {
          if (cancelled) return;
          const canvas = element.ownerDocument.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext('2d');
          const paint = () => context?.drawImage(image, 0, 0);
          paint();
          // A canvas stream only delivers frames when the canvas is painted.
          repaint = setInterval(paint, 100);
          const stream = canvas.captureStream(10);
          element.srcObject = stream;
          void element.play().catch(() => undefined);
          stop = watchStreamWhenLoaded(element, stream, callbacks);
        })
        .catch((error: unknown) => {
          if (!cancelled) callbacks.current.onError(new DOMException(`The picture ${src} could not be loaded: ${String(error)}`, 'NotReadableError'));
        });
      return () => {
        cancelled = true;
        clearInterval(repaint);
        stop?.();
      };
    }, [callbacks]);
    return <video ref={video} className={className} aria-label={label} muted playsInline autoPlay />;
  }
  return { Preview: PicturePreview };
}
