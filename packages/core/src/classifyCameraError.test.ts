import { BiometricLoginError } from './BiometricLoginError.js';
import { describe, expect, it } from 'vitest';
import { checkCameraSupport, classifyCameraError } from './classifyCameraError.js';
import { detectOs } from './detectOs.js';

describe('classifyCameraError', () => {
  it.each([
    ['NotAllowedError', 'CAMERA_PERMISSION_DENIED'],
    ['SecurityError', 'CAMERA_PERMISSION_DENIED'],
    ['NotFoundError', 'CAMERA_NOT_FOUND'],
    ['OverconstrainedError', 'CAMERA_NOT_FOUND'],
    ['NotReadableError', 'CAMERA_IN_USE'],
    ['AbortError', 'CAMERA_IN_USE'],
    ['NotSupportedError', 'CAMERA_UNSUPPORTED'],
  ])('DOMException %s -> %s', (name, code) => {
    const cause = new DOMException('whatever the browser says', name);
    const error = classifyCameraError(cause);
    expect(error.code).toBe(code);
    expect(error.cause).toBe(cause);
  });

  it('classifies by name, never by message text', () => {
    expect(classifyCameraError(new DOMException('Permission denied', 'UnknownError')).code).toBe('CAPTURE_FAILED');
    expect(classifyCameraError({ name: 'toString' }).code).toBe('CAPTURE_FAILED');
    expect(classifyCameraError(undefined).code).toBe('CAPTURE_FAILED');
  });

  it('does not call a custom driver\'s plain Error an unsupported browser', () => {
    const error = classifyCameraError(new Error('my kiosk camera is unplugged'));
    expect(error.code).toBe('CAPTURE_FAILED');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('knows only the browser\'s names: a string or an object without a name is CAPTURE_FAILED', () => {
    expect(classifyCameraError('getUserMedia not supported').code).toBe('CAPTURE_FAILED');
    expect(classifyCameraError({ message: 'NotAllowedError' }).code).toBe('CAPTURE_FAILED');
    expect(classifyCameraError(undefined).code).toBe('CAPTURE_FAILED');
  });

  it('passes a driver\'s own BiometricLoginError through untouched', () => {
    const own = new BiometricLoginError('CAMERA_UNSUPPORTED', { detail: 'no camera API' });
    expect(classifyCameraError(own)).toBe(own);
  });
});

describe('checkCameraSupport', () => {
  it('needs a secure context and getUserMedia', () => {
    expect(checkCameraSupport({ isSecureContext: false, mediaDevices: { getUserMedia: () => 0 } })?.code).toBe('CAMERA_UNSUPPORTED');
    expect(checkCameraSupport({ isSecureContext: true, mediaDevices: undefined })?.code).toBe('CAMERA_UNSUPPORTED');
    expect(checkCameraSupport({ isSecureContext: true, mediaDevices: { getUserMedia: () => 0 } })).toBeUndefined();
  });
});

describe('detectOs', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36', 0, 'ANDROID'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148', 5, 'IOS'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15', 5, 'IOS'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15', 0, 'DESKTOP'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156 Safari/537.36', 0, 'DESKTOP'],
  ])('%s (%i touch points) -> %s', (userAgent, maxTouchPoints, os) => {
    expect(detectOs({ userAgent, maxTouchPoints })).toBe(os);
  });
});
