'use client';

// The react-webcam camera driver, for apps that already use react-webcam: `camera={webcamCamera}`.
export { webcamCamera } from './webcamCamera.js';
