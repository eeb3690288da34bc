import { readFileSync } from 'node:fs';

export interface VirtualCamera {
  deviceId: string;
  label: string;
  /** A JPEG file: what the camera films. */
  picture: string;
}

/**
 * A script for every document (ObservePageOptions.initScripts) that plugs in one more camera beside Chromium's fake
 * one, which can show a file on one camera only. The camera films a picture (a canvas's captureStream, fed as a data:
 * URL, which the demo's img-src allows), is listed by enumerateDevices once the browser names its cameras (after
 * permission), answers getUserMedia for its deviceId only, and names itself as a webcam does (track label,
 * getSettings().deviceId). It ignores size constraints: it gives the picture's size. Measured in
 * /work/scratch/cameras (FINDINGS.md, "Different pictures or resolutions per camera").
 */
export function virtualCameraScript(camera: VirtualCamera): string {
  const picture = `data:image/jpeg;base64,${readFileSync(camera.picture).toString('base64')}`;
  return `(() => {
  const camera = ${JSON.stringify({ deviceId: camera.deviceId, label: camera.label, picture })};
  const media = navigator.mediaDevices;
  if (!media) return;
  const enumerate = media.enumerateDevices.bind(media);
  const open = media.getUserMedia.bind(media);
  media.enumerateDevices = async () => {
    const devices = await enumerate();
    const named = devices.some((device) => device.kind === 'videoinput' && device.label !== '');
    const id = named ? camera.deviceId : '';
    const info = { kind: 'videoinput', label: named ? camera.label : '', deviceId: id, groupId: id };
    return [...devices, { ...info, toJSON: () => info }];
  };
  media.getUserMedia = async (constraints) => {
    const wanted = constraints && typeof constraints.video === 'object' ? constraints.video.deviceId : undefined;
    const id = typeof wanted === 'string' ? wanted : wanted && (wanted.exact ?? wanted.ideal);
    if (id !== camera.deviceId) return open(constraints);
    const image = new Image();
    image.src = camera.picture;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    const paint = () => context.drawImage(image, 0, 0);
    paint();
    // A canvas stream delivers a frame only when the canvas is painted.
    const timer = setInterval(paint, 40);
    const stream = canvas.captureStream(25);
    const track = stream.getVideoTracks()[0];
    Object.defineProperty(track, 'label', { value: camera.label });
    const settings = track.getSettings.bind(track);
    track.getSettings = () => ({ ...settings(), deviceId: camera.deviceId, groupId: camera.deviceId });
    const stop = track.stop.bind(track);
    track.stop = () => {
      clearInterval(timer);
      stop();
    };
    return stream;
  };
})();`;
}
