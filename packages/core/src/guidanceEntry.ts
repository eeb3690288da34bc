// @biometric-login/core/guidance: is this camera frame fit to send, and what should the person fix? Pure, no DOM.
export { computeFrameSignals, expectedFaceBox, faceInterior, lumaFromRgba } from './frameSignals.js';
export type { FrameSignals, FrameSignalsOptions, SignalImage } from './frameSignals.js';
export { assessFrame, defaultGuidanceThresholds, guidanceHints, initialGuidanceState, trackGuidance } from './guidance.js';
export type { FaceBox, FacePoint, FrameAnalysis, GuidanceHint, GuidanceState, GuidanceThresholds, TrackGuidanceOptions } from './guidance.js';
