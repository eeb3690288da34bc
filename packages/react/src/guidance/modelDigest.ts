// The face model's SHA-256, shipped with the package: the worker uses the model only if its bytes match, so a
// model replaced on a CDN, in a cache or on the way is never run on the person's frames. A unit test checks it
// against blazeface.bin, so the two cannot drift apart.
export const blazefaceSha256 = '3f09c816c3b6ee069410f6e8bee5b4d9b289743ca3b87af608e57dd6aee33c61';

/** Lower-case hex SHA-256 of the bytes, through Web Crypto (workers and pages in a secure context, and Node). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
