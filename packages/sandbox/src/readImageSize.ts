export type ImageFormat = 'jpeg' | 'png';

export interface ImageSize {
  format: ImageFormat;
  width: number;
  height: number;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Format and pixel size from the header alone; undefined for anything that is not a well-formed JPEG or PNG. */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegSize(bytes);
  if (pngSignature.every((value, index) => bytes[index] === value)) return readPngSize(bytes);
  return undefined;
}

function readUint16(bytes: Uint8Array, offset: number): number | undefined {
  const high = bytes[offset];
  const low = bytes[offset + 1];
  return high === undefined || low === undefined ? undefined : (high << 8) | low;
}

function readUint32(bytes: Uint8Array, offset: number): number | undefined {
  const high = readUint16(bytes, offset);
  const low = readUint16(bytes, offset + 2);
  return high === undefined || low === undefined ? undefined : high * 0x10000 + low;
}

// C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but are not frame headers.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

function readJpegSize(bytes: Uint8Array): ImageSize | undefined {
  // Walk the segment chain instead of searching for FF C0: bytes inside an EXIF thumbnail or ICC
  // profile can look like a frame header.
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    while (bytes[offset] === 0xff) offset += 1;
    const marker = bytes[offset];
    offset += 1;
    if (marker === undefined) return undefined;
    if (isStandalone(marker)) continue;
    // Image data (SOS) or the end (EOI) before any frame header: not a usable picture.
    if (marker === 0xda || marker === 0xd9 || marker === 0xd8) return undefined;
    const length = readUint16(bytes, offset);
    if (length === undefined || length < 2 || offset + length > bytes.length) return undefined;
    if (isStartOfFrame(marker)) {
      if (length < 8) return undefined;
      const height = readUint16(bytes, offset + 3);
      const width = readUint16(bytes, offset + 5);
      if (height === undefined || width === undefined || height === 0 || width === 0) return undefined;
      return { format: 'jpeg', width, height };
    }
    offset += length;
  }
  return undefined;
}

function readPngSize(bytes: Uint8Array): ImageSize | undefined {
  const chunkLength = readUint32(bytes, 8);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkLength !== 13 || chunkType !== 'IHDR' || bytes.length < 8 + 8 + 13 + 4) return undefined;
  const width = readUint32(bytes, 16);
  const height = readUint32(bytes, 20);
  // The PNG spec caps both at 2^31 - 1 and forbids zero.
  if (width === undefined || height === undefined) return undefined;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return undefined;
  return { format: 'png', width, height };
}

/** The API's minimum, either way round so portrait phone captures pass. */
export function isLargeEnough(size: ImageSize): boolean {
  return Math.max(size.width, size.height) >= 320 && Math.min(size.width, size.height) >= 240;
}
