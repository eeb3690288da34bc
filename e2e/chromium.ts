import { type Browser, chromium } from 'playwright';
import { cameraFlags, type CameraSetup as FileCameraSetup, chromiumPath, quietFlags } from '../scripts/chromium.mjs';

/**
 * The setups of scripts/chromium.mjs, plus 'twoCameras': two of Chromium's own fake cameras (fake_device_0 and
 * fake_device_1, test patterns without a face). Chromium shows a file on one camera only, so two cannot show one.
 */
export type CameraSetup = FileCameraSetup | 'twoCameras';

const twoCameraFlags = ['--use-fake-device-for-media-stream=device-count=2', '--use-fake-ui-for-media-stream'];

/** Debian's Chromium, quiet, with the given fake camera (by default the fixture face at 1280x720). */
export function launchChromium(camera: CameraSetup, video?: string): Promise<Browser> {
  const flags = camera === 'twoCameras' ? twoCameraFlags : cameraFlags(camera, video);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...quietFlags, ...flags] });
}
