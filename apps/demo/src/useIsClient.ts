import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False when the page is prerendered and while React hydrates it, true from then on. Whatever depends on
 * the address or the browser renders only once this is true, so hydration always matches the HTML.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
