import type { LoginCamera } from '@biometric-login/core';
import type { ComponentType } from 'react';

/** A live camera whose preview shows a real frame: what the driver hands the login (core's LoginCamera). */
export type CameraHandle = LoginCamera;

export interface CameraPreviewProps {
  constraints: MediaTrackConstraints;
  /** Accessible name of the preview. */
  label: string;
  className?: string;
  /** Called once a real (not black) frame is showing. */
  onReady: (camera: CameraHandle) => void;
  /** Called with whatever getUserMedia (or the driver) failed with; classified by the hook. */
  onError: (error: unknown) => void;
}

/**
 * Where frames come from. The default is the webcam through react-webcam (`webcamCamera`);
 * `createPictureCamera` films a picture (demos), and tests, stories and kiosks can pass their own.
 * A driver's Preview must stop every track it started when it unmounts.
 */
export interface CameraDriver {
  Preview: ComponentType<CameraPreviewProps>;
  /**
   * Calls `onCameras` with the cameras to choose from now and whenever that changes; returns the function that
   * stops. The webcam lists the browser's (after permission); a fake camera may list its own, or none.
   */
  watchCameras?: (onCameras: (cameras: CameraOption[]) => void) => () => void;
}

export interface CameraOption {
  deviceId: string;
  /** The browser's name for it (empty until the person allowed the camera). */
  label: string;
}

/**
 * The front camera, ideally 1280x720 (Verifik's own login page wants at least 600 px), and its whole frame in
 * whichever orientation it has: `resizeMode: 'none'` stops Chrome from cropping an upright phone's 720x1280
 * to a 720x720 square to meet the landscape ideal (measured in Chromium 156). Browsers without resizeMode
 * ignore it. Portrait sizes are never asked for: phones answer them in landscape.
 */
export const defaultVideoConstraints: MediaTrackConstraints = {
  facingMode: 'user',
  width: { ideal: 1280 },
  height: { ideal: 720 },
  // Not in TypeScript's DOM types yet (Media Capture and Streams, "resizeMode").
  ...{ resizeMode: 'none' },
};
