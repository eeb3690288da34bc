import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EncodedFrame } from '@biometric-login/core';

const jpeg = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/face_640x480.jpg'));

/** The fixture face as the frame a camera would have produced: a real 640x480 JPEG. */
export const faceFrame: EncodedFrame = { base64: jpeg.toString('base64'), bytes: jpeg.length, width: 640, height: 480 };
