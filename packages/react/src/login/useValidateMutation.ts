import { type BiometricOs, retryDelay, shouldRetry, type ValidateBiometricResult } from '@biometric-login/core';
import { QueryClient, QueryClientContext, useMutation } from '@tanstack/react-query';
import { useCallback, useContext, useId, useRef, useState } from 'react';
import { loginRuntime } from './useLoginRuntime.js';

export interface ValidateMutationOptions {
  token: string;
  apiBaseUrl: string | undefined;
  timeoutMs: number | undefined;
  fetch: typeof globalThis.fetch | undefined;
}

/** What the cache sees of a request: never the picture, which stays in this hook until the request ends. */
interface ValidateVariables {
  attempt: number;
  os: BiometricOs;
  signal: AbortSignal;
}

const mutationScope = '@biometric-login/validate';

export type SendFrame = (image: string, os: BiometricOs, signal: AbortSignal) => Promise<ValidateBiometricResult>;

/**
 * The validate POST through react-query (the host's QueryClient when there is one, else a private one),
 * retried by core's policy. The picture never enters the cache, and once a request has ended its
 * mutation (which holds the login token) is removed: no QueryClient keeps either.
 */
export function useValidateMutation(options: ValidateMutationOptions): SendFrame {
  const hostClient = useContext(QueryClientContext);
  const [ownClient] = useState(() => (hostClient === undefined ? new QueryClient() : undefined));
  const client = hostClient ?? (ownClient as QueryClient);
  const id = useId();
  const mutationKey = [mutationScope, id];
  const pictures = useRef(new Map<number, string>());
  const attempts = useRef(0);
  const { mutateAsync, reset } = useMutation<ValidateBiometricResult, unknown, ValidateVariables>(
    {
      mutationKey,
      mutationFn: async ({ attempt, os, signal }) =>
        (await loginRuntime()).validateBiometric({
          token: options.token,
          image: pictures.current.get(attempt) ?? '',
          os,
          signal,
          apiBaseUrl: options.apiBaseUrl,
          timeoutMs: options.timeoutMs,
          fetch: options.fetch,
        }),
      retry: shouldRetry,
      retryDelay,
      // 'online' would pause silently while the browser reports offline; we want NETWORK_ERROR instead.
      networkMode: 'always',
      gcTime: 0,
    },
    client,
  );
  return useCallback(
    (image, os, signal) => {
      const attempt = (attempts.current += 1);
      pictures.current.set(attempt, image);
      return mutateAsync({ attempt, os, signal }).finally(() => {
        pictures.current.delete(attempt);
        reset();
        const cache = client.getMutationCache();
        const ended = cache.findAll({ mutationKey: [mutationScope, id], exact: true, predicate: (mutation) => mutation.state.status !== 'pending' });
        for (const mutation of ended) cache.remove(mutation);
      });
    },
    [mutateAsync, reset, client, id],
  );
}
