import { useInsertionEffect, useRef } from 'react';

/**
 * The latest value for callbacks that run later (host callbacks change identity on every render).
 * Updated in an insertion effect, as Radix's useEffectEvent does: before any layout effect or event
 * handler can read it, and silently skipped on a server (where React 18 warns about useLayoutEffect).
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
