import { createPictureCamera } from '@biometric-login/react';
import sampleFaceUrl from './assets/sample-face.jpg';

// A feature of the demo: try the login without a webcam. NASA portrait of Eileen Collins via scikit-image's
// sample data, public domain (see e2e/fixtures/README.md).
export const sampleFaceCamera = createPictureCamera(sampleFaceUrl);

export const cameraChoices = ['webcam', 'sample'] as const;
export type CameraChoice = (typeof cameraChoices)[number];
