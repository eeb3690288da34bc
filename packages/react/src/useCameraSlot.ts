import { classifyCameraError, type LoginEvent } from '@biometric-login/core';
import { type Dispatch, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type CameraDriver, type CameraHandle, type CameraPreviewProps, defaultVideoConstraints } from './cameraDriver.js';
import { type CameraChoice, useCameraChoice, useCameraConstraints } from './useCameraChoice.js';

export interface CameraSlot {
  /** The live camera (for rendering and guidance), and the same in a ref (for a capture in the click's task). */
  handle: CameraHandle | null;
  handleRef: { readonly current: CameraHandle | null };
  props: Pick<CameraPreviewProps, 'constraints' | 'onReady' | 'onError'>;
  choice: CameraChoice;
}

interface ReadyCamera {
  handle: CameraHandle;
  /** The constraints it was opened with: a camera switched since is no longer the live one. */
  constraints: MediaTrackConstraints;
}

/** The camera's seat in the flow: what the driver reports becomes events; a camera switched or stopped is forgotten. */
export function useCameraSlot(driver: CameraDriver, active: boolean, dispatch: Dispatch<LoginEvent>): CameraSlot {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const constraints = useCameraConstraints(defaultVideoConstraints, chosen);
  const [ready, setReady] = useState<ReadyCamera | null>(null);
  // Nothing is captured from a stopped camera, or from a newly chosen one before it shows a frame.
  const handle = active && ready !== null && ready.constraints === constraints ? ready.handle : null;
  const handleRef = useRef<CameraHandle | null>(null);
  useEffect(() => {
    handleRef.current = handle;
  }, [handle]);

  const onReady = useCallback(
    (camera: CameraHandle) => {
      handleRef.current = camera;
      setReady({ handle: camera, constraints });
      dispatch({ type: 'CAMERA_READY' });
    },
    [constraints, dispatch],
  );
  const onError = useCallback((error: unknown) => dispatch({ type: 'CAMERA_FAILED', error: classifyCameraError(error) }), [dispatch]);
  const props = useMemo(() => ({ constraints, onReady, onError }), [constraints, onReady, onError]);
  const choice = useCameraChoice(driver, ready !== null, handle, chosen, setChosen);
  return { handle, handleRef, props, choice };
}
