import { centredRegion, type GuidancePort } from '@biometric-login/core';
import { loadGuidance } from './loadGuidance.js';

/**
 * Guided capture's analyser for the login controller: the frame loop, the worker and the model load only now, once a
 * camera shows a frame, never before the first paint. A chunk that cannot load rejects: the login goes on unguided.
 */
export const guidancePort: GuidancePort = (video, { paused, holdMs, aspectRatio, assetsUrl, onVerdict }) =>
  loadGuidance().then(({ startGuidance }) => {
    const loop = startGuidance({ video, region: (frame) => centredRegion(frame, aspectRatio), onUpdate: onVerdict, assetsUrl, holdMs, paused });
    return {
      setPaused(next) {
        loop.setPaused(next);
        // Paused, the hold empties at once: a hold from before a failure never counts after "Try again".
        if (next) loop.reset();
      },
      stop: () => loop.stop(),
    };
  });
