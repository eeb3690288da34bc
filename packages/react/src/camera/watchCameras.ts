// Loaded once the camera runs (with guided capture's chunk): which cameras there are, and when that changes.
import type { CameraOption } from './cameraDriver.js';

async function listCameras(): Promise<CameraOption[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput' && device.deviceId !== '').map(({ deviceId, label }) => ({ deviceId, label }));
}

/** Calls `onCameras` with the cameras now and whenever one is plugged in or out; returns the function that stops. */
export function watchCameras(onCameras: (cameras: CameraOption[]) => void): () => void {
  const media = navigator.mediaDevices;
  if (typeof media?.enumerateDevices !== 'function') return () => undefined;
  let watching = true;
  const refresh = () => {
    listCameras().then(
      (cameras) => {
        if (watching) onCameras(cameras);
      },
      () => undefined,
    );
  };
  refresh();
  media.addEventListener('devicechange', refresh);
  return () => {
    watching = false;
    media.removeEventListener('devicechange', refresh);
  };
}
