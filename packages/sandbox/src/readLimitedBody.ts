export type LimitedBody = { status: 'complete'; bytes: Uint8Array<ArrayBuffer> } | { status: 'tooLarge' };

/**
 * Reads a request body, giving up as soon as it passes `maxBytes`: an honest Content-Length is refused
 * before the first byte, and a lying or missing one is caught while counting, so at most one chunk past
 * the limit is ever held.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declaredLength = request.headers.get('Content-Length');
  if (declaredLength !== null && /^\d+$/.test(declaredLength) && Number(declaredLength) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { status: 'tooLarge' };
  }
  return readLimitedStream(request.body, maxBytes);
}

export async function readLimitedStream(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<LimitedBody> {
  if (stream === null) return { status: 'complete', bytes: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling tells the producer (a socket, an upload) to stop sending instead of being drained.
      await reader.cancel('payload_too_large').catch(() => undefined);
      return { status: 'tooLarge' };
    }
    chunks.push(value);
  }
  reader.releaseLock();
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { status: 'complete', bytes };
}
