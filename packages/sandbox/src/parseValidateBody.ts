import { decodeBase64 } from './decodeBase64.js';
import { isAcceptableImage, readImage } from './readImage.js';

export const operatingSystems = ['DESKTOP', 'IOS', 'ANDROID'] as const;
export type OperatingSystem = (typeof operatingSystems)[number];

export type ParsedValidateBody =
  | { ok: true; image: Uint8Array<ArrayBuffer>; os: OperatingSystem }
  | { ok: false; message: 'invalid_json' | 'INVALID_BIOMETRIC_DATA' };

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isOperatingSystem(value: unknown): value is OperatingSystem {
  return typeof value === 'string' && (operatingSystems as readonly string[]).includes(value);
}

/** The body checks of the validate endpoint, in the API's order; everything about the picture is INVALID_BIOMETRIC_DATA. */
export function parseValidateBody(bytes: Uint8Array): ParsedValidateBody {
  const body = parseJsonObject(bytes);
  if (body === undefined) return { ok: false, message: 'invalid_json' };
  const { image, os } = body;
  if (typeof image !== 'string' || !isOperatingSystem(os)) return { ok: false, message: 'INVALID_BIOMETRIC_DATA' };
  const decoded = decodeBase64(image);
  if (decoded === undefined) return { ok: false, message: 'INVALID_BIOMETRIC_DATA' };
  const picture = readImage(decoded);
  if (picture === undefined || !isAcceptableImage(picture)) return { ok: false, message: 'INVALID_BIOMETRIC_DATA' };
  return { ok: true, image: decoded, os };
}
