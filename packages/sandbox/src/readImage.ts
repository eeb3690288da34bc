export type ImageFormat = 'jpeg' | 'png';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
  /** Bytes of compressed picture data: a JPEG's entropy-coded scans, a PNG's IDAT chunks. */
  dataBytes: number;
  /** The fewest data bytes any encoder can write for a picture of this size (see the readers). */
  minimumDataBytes: number;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/**
 * Format, pixel size and picture-data size of a whole JPEG (start of image, frame header, at least one scan with
 * data, end of image) or PNG (signature, IHDR, IDAT, IEND); undefined for anything else, a bare header included.
 */
export function readImage(bytes: Uint8Array): ImageInfo | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return readJpeg(bytes);
  if (pngSignature.every((value, index) => bytes[index] === value)) return readPng(bytes);
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

// Baseline, extended, progressive and lossless Huffman coding: what cameras, browsers and phones write. The
// arithmetic-coded and hierarchical frames are refused; the byte floor below holds only for Huffman coding.
function isHuffmanFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xc3;
}

function isRestart(marker: number): boolean {
  return marker >= 0xd0 && marker <= 0xd7;
}

/** Where the entropy-coded data that starts at `offset` ends: at the first marker other than a stuffed 00 or a restart. */
function endOfEntropyData(bytes: Uint8Array, offset: number): number {
  let index = offset;
  while (index < bytes.length) {
    if (bytes[index] !== 0xff) {
      index += 1;
      continue;
    }
    const next = bytes[index + 1];
    if (next === undefined || (next !== 0x00 && !isRestart(next))) return index;
    index += 2;
  }
  return index;
}

/**
 * Huffman coding spends at least one bit on every 8x8 block (a sequential scan two: the DC code and the
 * end-of-block code; a progressive DC scan one), so no real JPEG has less data than this.
 */
function jpegMinimumDataBytes({ width, height }: { width: number; height: number }): number {
  return Math.ceil((Math.ceil(width / 8) * Math.ceil(height / 8)) / 8);
}

function readJpeg(bytes: Uint8Array): ImageInfo | undefined {
  // Walk the segment chain instead of searching for FF C0: bytes inside an EXIF thumbnail or ICC
  // profile can look like a frame header.
  let frame: { width: number; height: number } | undefined;
  let dataBytes = 0;
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    while (bytes[offset] === 0xff) offset += 1;
    const marker = bytes[offset];
    offset += 1;
    if (marker === undefined) return undefined;
    if (marker === 0xd9) return frame === undefined || dataBytes === 0 ? undefined : { format: 'jpeg', ...frame, dataBytes, minimumDataBytes: jpegMinimumDataBytes(frame) };
    if (marker === 0x01 || isRestart(marker)) continue;
    if (marker === 0xd8) return undefined;
    const length = readUint16(bytes, offset);
    if (length === undefined || length < 2 || offset + length > bytes.length) return undefined;
    if (isStartOfFrame(marker)) {
      if (frame !== undefined || !isHuffmanFrame(marker) || length < 8) return undefined;
      const height = readUint16(bytes, offset + 3);
      const width = readUint16(bytes, offset + 5);
      if (height === undefined || width === undefined || height === 0 || width === 0) return undefined;
      frame = { width, height };
    }
    offset += length;
    if (marker === 0xda) {
      // A scan before any frame header is not a picture.
      if (frame === undefined) return undefined;
      const end = endOfEntropyData(bytes, offset);
      dataBytes += end - offset;
      offset = end;
    }
  }
  // No end-of-image marker: cut short.
  return undefined;
}

const pngChannels: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const pngBitDepths: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Bits per pixel of a valid IHDR colour type and bit depth, else undefined. */
function pngBitsPerPixel(colorType: number | undefined, bitDepth: number | undefined): number | undefined {
  if (colorType === undefined || bitDepth === undefined || !Object.hasOwn(pngChannels, colorType)) return undefined;
  return pngBitDepths[colorType]?.includes(bitDepth) ? (pngChannels[colorType] ?? 0) * bitDepth : undefined;
}

/** Deflate cannot pack more than 1032 bytes into one (a 258-byte match in two bits), and PNG filters add bytes. */
function pngMinimumDataBytes(width: number, height: number, bitsPerPixel: number): number {
  return Math.ceil((width * height * bitsPerPixel) / 8 / 1032);
}

function readPng(bytes: Uint8Array): ImageInfo | undefined {
  const headerLength = readUint32(bytes, 8);
  const headerType = String.fromCharCode(...bytes.subarray(12, 16));
  if (headerLength !== 13 || headerType !== 'IHDR' || bytes.length < 8 + 12 + 13) return undefined;
  const width = readUint32(bytes, 16);
  const height = readUint32(bytes, 20);
  const bitsPerPixel = pngBitsPerPixel(bytes[25], bytes[24]);
  // The PNG spec caps both sizes at 2^31 - 1 and forbids zero.
  if (width === undefined || height === undefined || bitsPerPixel === undefined) return undefined;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return undefined;

  let dataBytes = 0;
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = readUint32(bytes, offset) ?? Number.POSITIVE_INFINITY;
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (length > 0x7fffffff || offset + 12 + length > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return undefined;
    if (type === 'IDAT') dataBytes += length;
    if (type === 'IEND') return dataBytes === 0 ? undefined : { format: 'png', width, height, dataBytes, minimumDataBytes: pngMinimumDataBytes(width, height, bitsPerPixel) };
    offset += 12 + length;
  }
  // No IEND chunk: cut short.
  return undefined;
}

/** The API's minimum, either way round so portrait phone captures pass, and enough data to be that big. */
export function isAcceptableImage(image: ImageInfo): boolean {
  const largeEnough = Math.max(image.width, image.height) >= 320 && Math.min(image.width, image.height) >= 240;
  return largeEnough && image.dataBytes >= image.minimumDataBytes;
}
