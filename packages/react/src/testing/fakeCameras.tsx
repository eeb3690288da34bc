import type { EncodedFrame } from '@biometric-login/core';
import { useEffect, useRef } from 'react';
import type { CameraDriver, CameraPreviewProps } from '../cameraDriver.js';
import { useLatest } from '../useLatest.js';
import { watchStream } from '../watchStream.js';

/**
 * A camera that films a picture: the picture is drawn into a canvas whose captureStream() is a real
 * MediaStream, so the preview, the frame grab and the JPEG encoding are the real ones. For stories,
 * demos and browser tests without a webcam.
 */
export function createImageCamera(src: string): CameraDriver {
  function ImagePreview({ label, className, onReady, onError }: CameraPreviewProps) {
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
          stop = watchStream(element, stream, callbacks);
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
  return { Preview: ImagePreview };
}

/** A camera that fails as getUserMedia would, e.g. `new DOMException('', 'NotAllowedError')`. */
export function createFailingCamera(error: unknown): CameraDriver {
  function FailingPreview({ label, className, onError }: CameraPreviewProps) {
    const callbacks = useLatest({ onError });
    useEffect(() => {
      const timer = setTimeout(() => callbacks.current.onError(error), 0);
      return () => clearTimeout(timer);
    }, [callbacks]);
    return <video className={className} aria-label={label} muted playsInline />;
  }
  return { Preview: FailingPreview };
}

/** A camera that is still starting (the permission prompt is open, say). */
export function createPendingCamera(): CameraDriver {
  return { Preview: ({ label, className }: CameraPreviewProps) => <video className={className} aria-label={label} muted playsInline /> };
}

export interface StaticCameraControls extends CameraDriver {
  /** How many times the preview was mounted (each mount would ask for the camera). */
  readonly mounts: number;
  /** How many previews are mounted now (a mounted preview is a camera left on). */
  readonly mounted: number;
  readonly captures: number;
}

/** A camera without a browser: ready at once, each capture returns `frame`. For DOM tests in jsdom. */
export function createStaticCamera(frame: EncodedFrame | (() => EncodedFrame | Promise<EncodedFrame>)): StaticCameraControls {
  const counts = { mounts: 0, mounted: 0, captures: 0 };
  function StaticPreview({ label, className, onReady }: CameraPreviewProps) {
    const callbacks = useLatest({ onReady });
    useEffect(() => {
      counts.mounts += 1;
      counts.mounted += 1;
      const timer = setTimeout(() =>
        callbacks.current.onReady({
          capture: () => {
            counts.captures += 1;
            return typeof frame === 'function' ? frame() : frame;
          },
        }),
      );
      return () => {
        counts.mounted -= 1;
        clearTimeout(timer);
      };
    }, [callbacks]);
    return <video className={className} aria-label={label} muted playsInline />;
  }
  return {
    Preview: StaticPreview,
    get mounts() {
      return counts.mounts;
    },
    get mounted() {
      return counts.mounted;
    },
    get captures() {
      return counts.captures;
    },
  };
}
