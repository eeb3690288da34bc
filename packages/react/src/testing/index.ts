'use client';

// Cameras for tests and stories: no browser camera, no permission prompt.
export { createFailingCamera, createPendingCamera, createStaticCamera } from './fakeCameras.js';
export type { StaticCameraControls, StaticCameraOptions } from './fakeCameras.js';
