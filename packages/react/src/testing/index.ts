'use client';

export { createFailingCamera, createImageCamera, createPendingCamera, createStaticCamera } from './fakeCameras.js';
export type { StaticCameraControls } from './fakeCameras.js';
