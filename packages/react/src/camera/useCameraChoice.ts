import { useEffect, useMemo, useState } from 'react';
import type { CameraDriver, CameraHandle, CameraOption } from './cameraDriver.js';

export interface CameraChoice {
  /** The cameras to choose from, once the person allowed one (browsers name them only then). */
  cameras: readonly CameraOption[];
  /** The camera in use, when the browser says which. */
  selected: string | undefined;
  /** Switches to another camera; the old one's tracks end, and the choice holds until the login unmounts. */
  select: (deviceId: string) => void;
  /** The camera gives fewer than 600 px on its short side (Verifik's own page refuses those): say so, let them go on. */
  lowResolution: boolean;
  /** From the frame's real size (an upright phone's camera is portrait); undefined until it shows one. */
  orientation: 'landscape' | 'portrait' | undefined;
}

/** Cameras smaller than this on their short side get the low-resolution notice. */
const minShortSide = 600;

/** The constraints to open the camera with: a chosen camera replaces facingMode (the person's choice wins). */
export function useCameraConstraints(base: MediaTrackConstraints, chosen: string | undefined): MediaTrackConstraints {
  return useMemo(() => {
    if (chosen === undefined) return base;
    const { facingMode: _front, ...rest } = base;
    return { ...rest, deviceId: { exact: chosen } };
  }, [base, chosen]);
}

/** Which cameras there are: listed once the person allowed one, and again when one is plugged in or out. */
export function useCameraChoice(
  driver: CameraDriver,
  granted: boolean,
  camera: CameraHandle | null,
  chosen: string | undefined,
  select: (deviceId: string) => void,
): CameraChoice {
  const [cameras, setCameras] = useState<readonly CameraOption[]>([]);
  const { watchCameras } = driver;
  useEffect(() => {
    if (!granted || watchCameras === undefined) return;
    return watchCameras(setCameras);
  }, [granted, watchCameras]);

  const video = camera?.video;
  const shows = video !== undefined && video.videoWidth > 0;
  const lowResolution = shows && Math.min(video.videoWidth, video.videoHeight) < minShortSide;
  const orientation = shows ? (video.videoHeight > video.videoWidth ? 'portrait' : 'landscape') : undefined;
  return { cameras, selected: camera?.deviceId ?? chosen, select, lowResolution, orientation };
}
