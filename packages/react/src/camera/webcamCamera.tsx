import { BiometricLoginError, checkCameraSupport } from '@biometric-login/core';
import { useEffect, useRef, useState } from 'react';
import type WebcamModule from 'react-webcam';
import type { CameraDriver, CameraOption, CameraPreviewProps } from './cameraDriver.js';
import { loadGuidance } from '../guidance/loadGuidance.js';
import { useLatest } from '../useLatest.js';
import { stopStream } from './stopStream.js';
import { watchStreamWhenLoaded } from './watchStreamWhenLoaded.js';

// react-webcam is CommonJS whose module.exports is the class, while its types say `export default`: depending on
// the host's bundler and TypeScript settings the import is the class or a namespace holding it. Take either shape.
type WebcamComponent = typeof WebcamModule extends { default: infer Component } ? Component : typeof WebcamModule;

let webcamModule: Promise<WebcamComponent> | undefined;
/**
 * react-webcam, loaded when a camera is first asked for, not before the first paint (it is 2.8 KB of it). A load that
 * failed (a deploy replaced the files, a flaky network) is asked for again next time.
 */
function loadWebcam(): Promise<WebcamComponent> {
  webcamModule ??= import('react-webcam').then(
    (module) => {
      const exported = (module as { default?: unknown }).default ?? module;
      return ((exported as { default?: WebcamComponent }).default ?? exported) as WebcamComponent;
    },
    (error: unknown) => {
      webcamModule = undefined;
      throw error;
    },
  );
  return webcamModule;
}

/**
 * react-webcam's own failures, translated here so that core only ever sees the browser's DOMExceptions:
 * it reports a missing camera API as the string "getUserMedia not supported", and its import-time
 * getUserMedia shim rejects with a plain Error in a browser that has none.
 */
function translateWebcamError(error: unknown): unknown {
  const plainError = error instanceof Error && Object.getPrototypeOf(error) === Error.prototype;
  if (typeof error === 'string' || plainError) {
    return new BiometricLoginError('CAMERA_UNSUPPORTED', { detail: 'this browser has no camera API (react-webcam)', cause: error });
  }
  return error;
}

/** An insecure page cannot have a camera: react-webcam's shim would hide that behind a generic error. */
function supportProblem(): BiometricLoginError | undefined {
  if (typeof window === 'undefined') return undefined;
  return checkCameraSupport({ isSecureContext: window.isSecureContext, mediaDevices: navigator.mediaDevices });
}

/** The webcam through react-webcam: the preview is mirrored by CSS only, so the frame sent is not. */
function WebcamPreview({ constraints, label, className, onReady, onError }: CameraPreviewProps) {
  const webcam = useRef<InstanceType<WebcamComponent>>(null);
  const stopWatching = useRef<(() => void) | undefined>(undefined);
  const callbacks = useLatest({ onReady, onError });
  const [unsupported] = useState(supportProblem);
  const [Webcam, setWebcam] = useState<WebcamComponent | undefined>(undefined);
  useEffect(() => {
    if (unsupported) return callbacks.current.onError(unsupported);
    let mounted = true;
    loadWebcam().then(
      (component) => {
        if (mounted) setWebcam(() => component);
      },
      (cause: unknown) => {
        if (mounted) callbacks.current.onError(new BiometricLoginError('NETWORK_ERROR', { detail: 'the camera code could not be loaded', cause }));
      },
    );
    return () => {
      mounted = false;
    };
  }, [unsupported, callbacks]);

  // react-webcam stops its own stream on unmount; this also covers a stream it has forgotten.
  useEffect(() => () => stopWatching.current?.(), []);

  const handleStream = (stream: MediaStream) => {
    stopWatching.current?.();
    const video = webcam.current?.video;
    if (!video) return stopStream(stream);
    stopWatching.current = watchStreamWhenLoaded(video, stream, callbacks);
  };

  if (unsupported || Webcam === undefined) return null;
  return (
    <Webcam
      ref={webcam}
      audio={false}
      mirrored={false}
      videoConstraints={constraints}
      onUserMedia={handleStream}
      onUserMediaError={(error: unknown) => callbacks.current.onError(translateWebcamError(error))}
      className={className}
      aria-label={label}
      disablePictureInPicture
    />
  );
}

/** The browser's cameras, listed by guided capture's chunk, loaded only once the person allowed one (browsers name them only then). */
function watchBrowserCameras(onCameras: (cameras: CameraOption[]) => void): () => void {
  let stop: (() => void) | undefined;
  let watching = true;
  loadGuidance().then(
    ({ watchCameras }) => {
      if (watching) stop = watchCameras(onCameras);
    },
    () => undefined,
  );
  return () => {
    watching = false;
    stop?.();
  };
}

/** The default camera: the webcam through react-webcam, and the browser's cameras to choose from. */
export const webcamCamera: CameraDriver = { Preview: WebcamPreview, watchCameras: watchBrowserCameras };
