import type { EncodedFrame, EncodeFrameOptions } from '@biometric-login/core';
import type { ComponentType } from 'react';

/** A live camera whose preview shows a real frame. */
export interface CameraHandle {
  /** One frame at the camera's resolution (within the limits), as a JPEG. */
  capture(options: EncodeFrameOptions): EncodedFrame | Promise<EncodedFrame>;
}

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
}

/** Front camera, ideally 1280x720: Verifik's own login page wants at least 600 px of height. */
export const defaultVideoConstraints: MediaTrackConstraints = {
  facingMode: 'user',
  width: { ideal: 1280 },
  height: { ideal: 720 },
};
