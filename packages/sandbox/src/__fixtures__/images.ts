import { readFileSync } from 'node:fs';

function fixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`./${name}`, import.meta.url)));
}

/** The 640x480 face photo, and the same face in the other shapes a camera or a phone sends (see PROVENANCE.md). */
// The repository's one copy of the face photo (fixtures/, see its README); the other shapes are made from it here.
export const faceJpeg = new Uint8Array(readFileSync(new URL('../../../../fixtures/face_640x480.jpg', import.meta.url)));
export const faceProgressiveJpeg = fixture('face_640x480_progressive.jpg');
/** Exactly the API's minimum size. */
export const smallestFaceJpeg = fixture('face_320x240.jpg');
/** Portrait, the minimum size either way round. */
export const portraitFacePng = fixture('face_240x320.png');

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export const faceJpegBase64 = toBase64(faceJpeg);

/** The "face" issue 11 found accepted: start of image and a 640x480 frame header (one component), nothing else. */
export const fifteenByteJpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00]);

/** SOI, a baseline frame header (SOF0) with the given size, EOI: a header without any picture data. */
export function jpegHeader(width: number, height: number, sofMarker = 0xc0): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8,
    0xff, sofMarker, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03,
    0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    0xff, 0xd9,
  ]);
}

const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * Signature, IHDR (8-bit RGB), an IDAT of `dataBytes` zeros when asked, and IEND, with correct CRCs: a PNG whose
 * structure is whole but whose data decodes to nothing. For the reader's edge cases; real pictures are the files.
 */
export function pngHeader(width: number, height: number, dataBytes = 0): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const data = dataBytes === 0 ? [] : [pngChunk('IDAT', new Uint8Array(dataBytes))];
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), ...data, pngChunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

/**
 * SOI, a one-component baseline frame header, a scan header, `dataBytes` bytes of entropy-coded data and EOI: a
 * JPEG whose structure is whole, with as much data as asked. For the reader's edge cases; real pictures are the files.
 */
export function jpegWithScan(width: number, height: number, dataBytes: number, sofMarker = 0xc0): Uint8Array {
  const frame = [0xff, sofMarker, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  const scan = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
  return new Uint8Array([0xff, 0xd8, ...frame, ...scan, ...new Array<number>(dataBytes).fill(0x55), 0xff, 0xd9]);
}
