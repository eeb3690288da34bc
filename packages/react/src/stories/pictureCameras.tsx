import type { CameraDriver, CameraHandle, CameraOption, CameraPreviewProps } from '../camera/cameraDriver.js';
import { createPictureCamera } from '../camera/pictureCamera.js';

export interface PictureCameraOption extends CameraOption {
  /** The picture this camera films. */
  src: string;
}

/** The camera that `constraints` ask for (`deviceId: { exact }`, as the picker sets it), if any. */
function requestedDeviceId(constraints: MediaTrackConstraints): string | undefined {
  const { deviceId } = constraints;
  if (typeof deviceId === 'string') return deviceId;
  if (Array.isArray(deviceId)) return deviceId[0];
  const wanted = deviceId?.exact ?? deviceId?.ideal;
  return Array.isArray(wanted) ? wanted[0] : wanted;
}

/**
 * A device with several cameras, each filming its own picture (createPictureCamera, a real MediaStream): the driver
 * lists them (`watchCameras`) and opens the one the constraints ask for, the first by default, as a browser would.
 * Each reports its deviceId, as a webcam's track settings do. No `navigator` is touched.
 */
export function createPictureCameras(cameras: readonly [PictureCameraOption, ...PictureCameraOption[]]): CameraDriver {
  const drivers = new Map(cameras.map((camera) => [camera.deviceId, createPictureCamera(camera.src)]));
  const firstId = cameras[0].deviceId;
  const listed: CameraOption[] = cameras.map(({ deviceId, label }) => ({ deviceId, label }));

  function PicturesPreview(props: CameraPreviewProps) {
    const requested = requestedDeviceId(props.constraints);
    const deviceId = requested !== undefined && drivers.has(requested) ? requested : firstId;
    const Preview = drivers.get(deviceId)?.Preview;
    if (Preview === undefined) return null;
    const onReady = (camera: CameraHandle) => props.onReady({ ...camera, deviceId });
    // A new key per camera: the old picture's stream stops before the other one starts.
    return <Preview key={deviceId} {...props} onReady={onReady} />;
  }

  return {
    Preview: PicturesPreview,
    watchCameras(onCameras) {
      onCameras(listed);
      return () => undefined;
    },
  };
}
