import { createImageCamera } from '@biometric-login/react/testing';
import sampleFaceUrl from './assets/sample-face.jpg';

// NASA portrait of Eileen Collins via scikit-image's sample data: public domain (see e2e/fixtures/README.md).
export const sampleFaceCamera = createImageCamera(sampleFaceUrl);

export const cameraChoices = ['webcam', 'sample'] as const;
export type CameraChoice = (typeof cameraChoices)[number];
