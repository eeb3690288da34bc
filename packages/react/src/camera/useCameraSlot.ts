import type { BiometricLoginController, BiometricLoginSnapshot } from '@biometric-login/core';
import { useCallback, useMemo, useState } from 'react';
import { type CameraDriver, type CameraHandle, type CameraPreviewProps, defaultVideoConstraints } from './cameraDriver.js';
import { type CameraChoice, useCameraChoice, useCameraConstraints } from './useCameraChoice.js';
import { useLatest } from '../useLatest.js';

export interface CameraSlot {
  props: Pick<CameraPreviewProps, 'constraints' | 'onReady' | 'onError'>;
  choice: CameraChoice;
}

/** The camera element's seat in the login: what the driver reports goes to the controller; a camera switched is forgotten. */
export function useCameraSlot(driver: CameraDriver, login: BiometricLoginController, snapshot: BiometricLoginSnapshot): CameraSlot {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [granted, setGranted] = useState(false);
  const constraints = useCameraConstraints(defaultVideoConstraints, chosen);
  const current = useLatest(constraints);
  const onReady = useCallback(
    (camera: CameraHandle) => {
      // A camera opened with other constraints (switched since) is no longer the live one.
      if (current.current !== constraints) return;
      setGranted(true);
      login.cameraReady(camera);
    },
    [constraints, current, login],
  );
  const onError = useCallback((error: unknown) => login.cameraFailed(error), [login]);
  const select = useCallback(
    (deviceId: string) => {
      login.cameraChanging();
      setChosen(deviceId);
    },
    [login],
  );
  const props = useMemo(() => ({ constraints, onReady, onError }), [constraints, onReady, onError]);
  const choice = useCameraChoice(driver, granted, snapshot.camera, chosen, select);
  return { props, choice };
}
