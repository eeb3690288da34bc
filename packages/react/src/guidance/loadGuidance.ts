import { useEffect, useState } from 'react';
import type * as GuidanceChunkModule from './guidanceChunk.js';

export type GuidanceChunk = typeof GuidanceChunkModule;

let loading: Promise<GuidanceChunk> | undefined;

/**
 * The one way guided capture's chunk is loaded. A load that failed (a deploy replaced the files, a flaky network) is
 * asked for again next time; meanwhile every part of guided capture is off together: the login goes on unguided.
 */
export function loadGuidance(): Promise<GuidanceChunk> {
  loading ??= import('./guidanceChunk.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The chunk once `wanted` (the camera runs), for rendering its words and extras; undefined until it has loaded, or if it cannot. */
export function useGuidanceChunk(wanted: boolean): GuidanceChunk | undefined {
  const [chunk, setChunk] = useState<GuidanceChunk | undefined>(undefined);
  useEffect(() => {
    if (!wanted || chunk !== undefined) return;
    let current = true;
    loadGuidance().then(
      (loaded) => {
        if (current) setChunk(loaded);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, chunk]);
  return chunk;
}
