import { createPictureCamera } from '@biometric-login/react';
import sampleFaceUrl from '../../../fixtures/face_1280x720.jpg';

// A feature of the demo: try the login without a webcam. NASA portrait of Eileen Collins via scikit-image's
// sample data, public domain (see fixtures/README.md): the repository's one copy of the face.
export const sampleFaceCamera = createPictureCamera(sampleFaceUrl);

export const cameraChoices = ['webcam', 'sample'] as const;
export type CameraChoice = (typeof cameraChoices)[number];
