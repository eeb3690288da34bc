// Guided capture's one lazily loaded chunk: the frame loop (which starts the worker and the model), its words,
// the extras around the status line, and the camera list. Loaded together through loadGuidance(), so it is there
// or not: never hints without the words, nor a picker without the list.
export { default as GuidanceExtras } from './GuidanceExtras.js';
export { startGuidance } from './guidanceLoop.js';
export { resolveGuidanceText } from './guidanceText.js';
export { watchCameras } from '../camera/watchCameras.js';
