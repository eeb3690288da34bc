import { useEffect, useState } from 'react';
import type { GuidanceText, GuidanceTextOverrides, resolveGuidanceText } from './guidanceText.js';

type Resolve = typeof resolveGuidanceText;

/** Guided capture's words, loaded (once) when guidance starts, like the rest of it; undefined until they arrive. */
export function useGuidanceText(wanted: boolean, locale: string, overrides: GuidanceTextOverrides | undefined): GuidanceText | undefined {
  const [resolve, setResolve] = useState<{ resolve: Resolve } | undefined>(undefined);
  useEffect(() => {
    if (!wanted || resolve !== undefined) return;
    let current = true;
    import('./guidanceText.js').then(
      (module) => {
        if (current) setResolve({ resolve: module.resolveGuidanceText });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, resolve]);
  return resolve?.resolve(locale, overrides);
}
