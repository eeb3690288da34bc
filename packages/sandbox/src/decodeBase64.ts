// Raw standard base64 only: no `data:` prefix, no whitespace, no URL-safe alphabet, padding exactly right.
// A flat character class plus the length check, not `(?:[...]{4})*`: that group recurses per repetition
// in V8 and overflows the stack on inputs of a few MB, right where the 5 MB limit sits.
const base64Characters = /^[A-Za-z0-9+/]+={0,2}$/;

/** The decoded bytes, or undefined when the text is not strict base64 (the real API refuses what this refuses). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length === 0 || text.length % 4 !== 0 || !base64Characters.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
