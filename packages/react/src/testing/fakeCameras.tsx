import type { EncodedFrame } from '@biometric-login/core';
import { useEffect } from 'react';
import type { CameraDriver, CameraOption, CameraPreviewProps } from '../camera/cameraDriver.js';
import { useLatest } from '../useLatest.js';

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
  /** The constraints each mount (or camera switch) was opened with, in order. */
  readonly constraints: readonly MediaTrackConstraints[];
}

export interface StaticCameraOptions {
  /** Cameras to offer for choosing (the picker shows with two or more). */
  cameras?: CameraOption[];
}

/**
 * A camera without a browser: ready at once, each capture returns `frame`. For DOM tests in jsdom. It shows no
 * video, so guided capture does not run on it: captures are unguided, as with `guidance={false}`.
 */
export function createStaticCamera(frame: EncodedFrame | (() => EncodedFrame | Promise<EncodedFrame>), options: StaticCameraOptions = {}): StaticCameraControls {
  const counts = { mounts: 0, mounted: 0, captures: 0 };
  const opened: MediaTrackConstraints[] = [];
  function StaticPreview({ label, className, constraints, onReady }: CameraPreviewProps) {
    const callbacks = useLatest({ onReady });
    useEffect(() => {
      counts.mounts += 1;
      counts.mounted += 1;
      return () => {
        counts.mounted -= 1;
      };
    }, []);
    useEffect(() => {
      opened.push(constraints);
      const deviceId = (constraints.deviceId as ConstrainDOMStringParameters | undefined)?.exact;
      const timer = setTimeout(() =>
        callbacks.current.onReady({
          capture: () => {
            counts.captures += 1;
            return typeof frame === 'function' ? frame() : frame;
          },
          ...(typeof deviceId === 'string' ? { deviceId } : {}),
        }),
      );
      return () => clearTimeout(timer);
    }, [callbacks, constraints]);
    return <video className={className} aria-label={label} muted playsInline />;
  }
  const { cameras } = options;
  return {
    Preview: StaticPreview,
    ...(cameras === undefined
      ? {}
      : {
          watchCameras: (onCameras: (listed: CameraOption[]) => void) => {
            const timer = setTimeout(() => onCameras(cameras));
            return () => clearTimeout(timer);
          },
        }),
    get constraints() {
      return opened;
    },
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
