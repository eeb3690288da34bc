// Debian's Chromium as every test project, the end-to-end journeys and the bench launch it (see
// /work/shared/TOOLCHAIN.md): quiet and working as root, with Chromium's fake webcam where asked.
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses. */
export const quietFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The one-frame 1280x720 video of the fixture face that the fake webcam shows by default. */
export const faceCameraVideo = fileURLToPath(new URL('../fixtures/face_1280x720_1frame.y4m', import.meta.url));

/**
 * - 'face': a webcam showing `video`, allowed without a prompt;
 * - 'denied': the same webcam, but no prompt is answered and no permission granted, so access is refused;
 * - 'none': prompts allowed, but no camera at all.
 */
export function cameraFlags(setup, video = faceCameraVideo) {
  switch (setup) {
    case 'face':
      return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
    case 'denied':
      return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
    case 'none':
      return ['--use-fake-ui-for-media-stream'];
    default:
      throw new TypeError(`unknown camera setup ${setup}`);
  }
}
