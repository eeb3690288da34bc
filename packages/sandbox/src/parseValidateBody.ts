import { type BiometricOs, validateRequestSchema } from '@biometric-login/core';
import { decodeBase64 } from './decodeBase64.js';
import { isAcceptableImage, readImage } from './readImage.js';

export type ParsedValidateBody =
  | { ok: true; image: Uint8Array<ArrayBuffer>; os: BiometricOs | undefined }
  | { ok: false; message: 'invalid_json' | 'INVALID_BIOMETRIC_DATA' };

// One documented example sends the picture as a data URL; the API takes that as well as raw base64.
const imageDataUrlPrefix = /^data:image\/(?:jpeg|jpg|png);base64,/i;

/** A JSON object, or undefined for anything else (not JSON, not UTF-8, an array, null, a bare value). */
function parseJsonObject(bytes: Uint8Array): object | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body checks of the validate endpoint, in the API's order, with the very schema core sends by:
 * `image` required, `os` optional (any letter case). Everything about the picture is INVALID_BIOMETRIC_DATA.
 */
export function parseValidateBody(bytes: Uint8Array): ParsedValidateBody {
  const json = parseJsonObject(bytes);
  if (json === undefined) return { ok: false, message: 'invalid_json' };
  const body = validateRequestSchema.safeParse(json);
  if (!body.success) return { ok: false, message: 'INVALID_BIOMETRIC_DATA' };
  const decoded = decodeBase64(body.data.image.replace(imageDataUrlPrefix, ''));
  if (decoded === undefined) return { ok: false, message: 'INVALID_BIOMETRIC_DATA' };
  const picture = readImage(decoded);
  if (picture === undefined || !isAcceptableImage(picture)) return { ok: false, message: 'INVALID_BIOMETRIC_DATA' };
  return { ok: true, image: decoded, os: body.data.os };
}
