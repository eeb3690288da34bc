'use client';

// @biometric-login/react/guidance-text: guided capture's built-in words, for a headless UI of your own.
export { guidanceEn, guidanceEs, resolveGuidanceText } from './guidance/guidanceText.js';
export type { GuidanceText, GuidanceTextOverrides } from './guidance/guidanceText.js';
