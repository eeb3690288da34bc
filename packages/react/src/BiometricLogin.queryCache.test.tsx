import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { faceFrame } from '../test/faceFrame.js';
import { clickVerify, requests, session, setup } from '../test/loginHarness.js';
import { en } from './messages.js';

/** Everything a QueryClient holds about mutations, as devtools or a persister would read it. */
function held(cache: MutationCache): string {
  return JSON.stringify(cache.getAll().map((mutation) => ({ options: mutation.options.mutationKey, state: mutation.state })));
}

function hostClient() {
  const seenVariables: unknown[] = [];
  const cache = new MutationCache({ onMutate: (variables) => void seenVariables.push(variables) });
  const client = new QueryClient({ mutationCache: cache });
  const wrapper = (children: React.ReactNode) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, cache, seenVariables, wrapper };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('no QueryClient keeps the picture or the login token', () => {
  it("the host's client runs the request, never sees the picture, and holds nothing once the login succeeded", async () => {
    const host = hostClient();
    const { navigate, user } = setup({ token: await session() }, host.wrapper);
    await clickVerify(user);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const loginToken = new URL(navigate.mock.calls[0]?.[0] as string).searchParams.get('token') ?? '';
    expect(loginToken).not.toBe('');
    // The host's client did run it (its cache saw the mutation start)...
    expect(host.seenVariables).toHaveLength(1);
    expect(JSON.stringify(host.seenVariables)).not.toContain(faceFrame.base64.slice(0, 64));
    // ...and keeps neither the picture nor the token afterwards.
    await waitFor(() => expect(host.cache.getAll()).toHaveLength(0));
    expect(held(host.cache)).not.toContain(loginToken);
  });

  it("the host's client holds nothing after a failure", async () => {
    const host = hostClient();
    const { onError, user } = setup({ token: await session({ scenario: 'LIVENESS_DETECTION_FAILED' }) }, host.wrapper);
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(host.seenVariables).toHaveLength(1);
    await waitFor(() => expect(host.cache.getAll()).toHaveLength(0));
  });

  it("the host's client holds nothing after an unmount in the middle of the request", async () => {
    const host = hostClient();
    const { view, user } = setup({ token: await session({ scenario: 'SLOW', delayMs: 60_000 }) }, host.wrapper);
    await clickVerify(user);
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(host.cache.getAll()).toHaveLength(1);
    view.unmount();
    await waitFor(() => expect(host.cache.getAll()).toHaveLength(0));
  });

  it('the private client made without a provider holds nothing once the login is over', async () => {
    const caches: MutationCache[] = [];
    const build = MutationCache.prototype.build;
    vi.spyOn(MutationCache.prototype, 'build').mockImplementation(function (this: MutationCache, ...args) {
      caches.push(this);
      return build.apply(this, args);
    });
    const { navigate, user } = setup({ token: await session() });
    await clickVerify(user);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(caches).toHaveLength(1);
    await waitFor(() => expect(caches[0]?.getAll()).toHaveLength(0));
    // Emptied while the component is still up (redirecting), not by an unmount.
    expect(screen.getByRole('status')).toHaveTextContent(en.status.redirecting);
  });
});
