import { checkCameraSupport } from '@biometric-login/core';
import { useEffect, useRef, useState } from 'react';
import WebcamModule from 'react-webcam';
import type { CameraDriver, CameraPreviewProps } from './cameraDriver.js';
import { useLatest } from './useLatest.js';
import { stopStream, watchStream } from './watchStream.js';

type WebcamComponent = typeof WebcamModule.default;
// react-webcam is CommonJS whose module.exports is the class, while its types say `export default`: take either shape.
const Webcam = ((WebcamModule as { default?: WebcamComponent }).default ?? WebcamModule) as WebcamComponent;

/** The webcam through react-webcam: the preview is mirrored by CSS only, so the frame sent is not. */
function WebcamPreview({ constraints, label, className, onReady, onError }: CameraPreviewProps) {
  const webcam = useRef<InstanceType<WebcamComponent>>(null);
  const stopWatching = useRef<(() => void) | undefined>(undefined);
  const callbacks = useLatest({ onReady, onError });
  // An insecure page or a browser without a camera API: say so instead of asking.
  const [unsupported] = useState(() => checkCameraSupport({ isSecureContext: window.isSecureContext, mediaDevices: navigator.mediaDevices }));
  useEffect(() => {
    if (unsupported) callbacks.current.onError(unsupported);
  }, [unsupported, callbacks]);

  // react-webcam stops its own stream on unmount; this also covers a stream it has forgotten.
  useEffect(() => () => stopWatching.current?.(), []);

  const handleStream = (stream: MediaStream) => {
    stopWatching.current?.();
    const video = webcam.current?.video;
    if (!video) return stopStream(stream);
    stopWatching.current = watchStream(video, stream, callbacks);
  };

  if (unsupported) return null;
  return (
    <Webcam
      ref={webcam}
      audio={false}
      mirrored={false}
      videoConstraints={constraints}
      onUserMedia={handleStream}
      onUserMediaError={(error: string | DOMException) => callbacks.current.onError(error)}
      className={className}
      aria-label={label}
      disablePictureInPicture
    />
  );
}

export const webcamCamera: CameraDriver = { Preview: WebcamPreview };
