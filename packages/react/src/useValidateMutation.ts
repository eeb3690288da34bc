import { BiometricLoginError, type BiometricOs, validateBiometric, type ValidateBiometricResult } from '@biometric-login/core';
import { QueryClient, QueryClientContext, useMutation } from '@tanstack/react-query';
import { useContext, useState } from 'react';

export interface ValidateRequest {
  image: string;
  os: BiometricOs;
  signal: AbortSignal;
}

export interface ValidateMutationOptions {
  token: string;
  apiBaseUrl: string | undefined;
  timeoutMs: number | undefined;
  fetch: typeof globalThis.fetch | undefined;
}

/** Automatic retries of a transient failure (network, 5xx, short 429): at most this many. */
export const maxAutomaticRetries = 2;
/** A 429 asking for a longer wait than this is shown to the person instead of waited out. */
export const maxRetryAfterMs = 5000;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof BiometricLoginError) || !error.isTransient || failureCount >= maxAutomaticRetries) return false;
  return error.retryAfterMs === undefined || error.retryAfterMs <= maxRetryAfterMs;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof BiometricLoginError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return 500 * 2 ** failureCount;
}

/** The validate POST through react-query: the host's QueryClient when there is one, else a private one. */
export function useValidateMutation(options: ValidateMutationOptions) {
  const hostClient = useContext(QueryClientContext);
  const [ownClient] = useState(() => (hostClient === undefined ? new QueryClient() : undefined));
  return useMutation<ValidateBiometricResult, unknown, ValidateRequest>(
    {
      mutationFn: ({ image, os, signal }) =>
        validateBiometric({ token: options.token, image, os, signal, apiBaseUrl: options.apiBaseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch }),
      retry: shouldRetry,
      retryDelay,
      // 'online' would pause silently while the browser reports offline; we want NETWORK_ERROR instead.
      networkMode: 'always',
    },
    hostClient ?? ownClient,
  );
}
