import type { BiometricOs } from './validateRequestSchema.js';

export interface DeviceFacts {
  userAgent: string;
  /** iPadOS 13+ reports a desktop Mac user agent; touch points tell them apart. */
  maxTouchPoints?: number;
}

/** The `os` field the API wants, from the browser's own facts (navigator is passed in, never read here). */
export function detectOs(device: DeviceFacts): BiometricOs {
  const { userAgent } = device;
  if (/android/i.test(userAgent)) return 'ANDROID';
  if (/iphone|ipad|ipod/i.test(userAgent)) return 'IOS';
  if (/macintosh/i.test(userAgent) && (device.maxTouchPoints ?? 0) > 1) return 'IOS';
  return 'DESKTOP';
}
