import { useLayoutEffect, useRef } from 'react';

/**
 * The prerendered page shows its controls before React runs. A choice made then is in the DOM only: React
 * 19 does not replay it, and the next render would silently put the control back. On mount (the hydration
 * commit, before any later render) whatever the control shows is taken over, so nothing picked is lost.
 * `readDom` returns the control's current value; `choose` is the control's own change handler, which
 * checks it. After a client-only render the two agree and nothing happens.
 */
export function useChoiceMadeBeforeHydration(readDom: () => string | null | undefined, value: string, choose: (value: string) => void): void {
  const atMount = useRef({ readDom, value, choose });
  useLayoutEffect(() => {
    const { readDom: read, value: rendered, choose: adopt } = atMount.current;
    const shown = read();
    if (shown !== null && shown !== undefined && shown !== rendered) adopt(shown);
  }, []);
}
