import { type Browser, chromium } from 'playwright';
import { cameraFlags, type CameraSetup, chromiumPath, quietFlags } from '../scripts/chromium.mjs';

export type { CameraSetup } from '../scripts/chromium.mjs';

/** Debian's Chromium, quiet, with the given fake camera (by default the fixture face at 1280x720). */
export function launchChromium(camera: CameraSetup, video?: string): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...quietFlags, ...cameraFlags(camera, video)] });
}
