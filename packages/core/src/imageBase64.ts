import { BiometricLoginError } from './BiometricLoginError.js';

const dataUrlPrefix = /^data:[a-z0-9.+/-]*(;[a-z0-9=.+-]+)*;base64,/i;
// Linear and stack-safe: a grouped repetition overflows V8's regex stack on multi-megabyte frames.
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/** The API wants raw base64: a `data:` prefix is stripped, anything that is not base64 is refused before sending. */
export function toRawBase64(image: unknown): string {
  if (typeof image !== 'string') {
    throw new BiometricLoginError('CAPTURE_FAILED', { detail: 'the image is not a string' });
  }
  const raw = image.replace(dataUrlPrefix, '').replace(/\s+/g, '');
  if (raw === '' || raw.length % 4 !== 0 || !base64Pattern.test(raw) || /=[^=]/.test(raw)) {
    throw new BiometricLoginError('CAPTURE_FAILED', { detail: 'the image is not base64' });
  }
  return raw;
}
