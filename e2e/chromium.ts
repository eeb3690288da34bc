import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const faceCamera = fileURLToPath(new URL('./fixtures/face_1280x720_1frame.y4m', import.meta.url));

/** Quiet and working as root (see /work/shared/TOOLCHAIN.md). */
const quietFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * - 'face': a webcam at 1280x720 showing the fixture face, allowed without a prompt;
 * - 'denied': the same webcam, but no prompt is answered and no permission granted, so access is refused;
 * - 'none': prompts allowed, but no camera at all.
 */
export type CameraSetup = 'face' | 'denied' | 'none';

const cameraFlags: Readonly<Record<CameraSetup, readonly string[]>> = {
  face: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${faceCamera}`],
  denied: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${faceCamera}`],
  none: ['--use-fake-ui-for-media-stream'],
};

export function launchChromium(camera: CameraSetup): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...quietFlags, ...cameraFlags[camera]] });
}
