import { describe, expect, it } from 'vitest';
import { readLimitedBody, readLimitedStream } from './readLimitedBody.js';

/** A stream of `chunks` chunks of `chunkSize` bytes that records how many were pulled and whether it was cancelled. */
function countingStream(chunks: number, chunkSize: number) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled === chunks) {
          controller.close();
          return;
        }
        stats.pulled += 1;
        controller.enqueue(new Uint8Array(chunkSize).fill(0x41));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

describe('readLimitedStream', () => {
  it('returns every byte when the stream stays within the limit, exactly at it included', async () => {
    const { stream, stats } = countingStream(4, 256);
    const result = await readLimitedStream(stream, 1024);
    expect(result).toEqual({ status: 'complete', bytes: new Uint8Array(1024).fill(0x41) });
    expect(stats.cancelled).toBe(false);
  });

  it('stops pulling and cancels the source one chunk past the limit', async () => {
    const { stream, stats } = countingStream(1000, 64 * 1024);
    const result = await readLimitedStream(stream, 5 * 1024 * 1024);
    expect(result).toEqual({ status: 'tooLarge' });
    // 80 chunks of 64 KiB is exactly 5 MiB; the 81st crosses it and nothing after it is read.
    expect(stats.pulled).toBe(81);
    expect(stats.cancelled).toBe(true);
  });

  it('treats no body as empty', async () => {
    expect(await readLimitedStream(null, 10)).toEqual({ status: 'complete', bytes: new Uint8Array(0) });
  });
});

describe('readLimitedBody', () => {
  it('refuses on an honest Content-Length without pulling a single chunk', async () => {
    const { stream, stats } = countingStream(10, 1024);
    const request = new Request('http://sandbox.test/', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Length': String(10 * 1024) },
      duplex: 'half',
    } as RequestInit);
    expect(await readLimitedBody(request, 4096)).toEqual({ status: 'tooLarge' });
    expect(stats.pulled).toBe(0);
    expect(stats.cancelled).toBe(true);
  });

  it('counts bytes when Content-Length lies low', async () => {
    const { stream, stats } = countingStream(10, 1024);
    const request = new Request('http://sandbox.test/', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Length': '10' },
      duplex: 'half',
    } as RequestInit);
    expect(await readLimitedBody(request, 4096)).toEqual({ status: 'tooLarge' });
    expect(stats.pulled).toBe(5);
  });

  it('reads a body within the limit', async () => {
    const request = new Request('http://sandbox.test/', { method: 'POST', body: '{"a":1}' });
    const result = await readLimitedBody(request, 4096);
    expect(result.status === 'complete' && new TextDecoder().decode(result.bytes)).toBe('{"a":1}');
  });
});
