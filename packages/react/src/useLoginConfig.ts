import { type BiometricLoginError, checkLoginConfig, type LoginEvent } from '@biometric-login/core';
import { type Dispatch, useEffect, useMemo, useRef } from 'react';

export interface LoginConfigInput {
  token: unknown;
  projectFlow: unknown;
  apiBaseUrl?: unknown;
  allowedRedirectOrigins?: unknown;
  timeoutMs?: unknown;
  holdMs?: unknown;
  sendAnywayAfterMs?: unknown;
}

/** A stable key for a prop's value: hosts often pass fresh object and array literals on every render. */
function valueKey(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The data props, checked with core's schema whenever their values (not their identities) change. */
export function useConfigRefusal(config: LoginConfigInput): BiometricLoginError | undefined {
  const { token, projectFlow, apiBaseUrl, allowedRedirectOrigins, timeoutMs, holdMs, sendAnywayAfterMs } = config;
  const projectFlowKey = valueKey(projectFlow);
  const allowedKey = valueKey(allowedRedirectOrigins);
  return useMemo(
    () => checkLoginConfig({ token, projectFlow, apiBaseUrl, allowedRedirectOrigins, timeoutMs, holdMs, sendAnywayAfterMs }),
    // The object props are compared by their keys: equal values, equal answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [token, projectFlowKey, apiBaseUrl, allowedKey, timeoutMs, holdMs, sendAnywayAfterMs],
  );
}

/** A new token, redirect or API starts the flow over; the first render already used them. */
export function useRestartOnNewConfig(refusal: BiometricLoginError | undefined, dispatch: Dispatch<LoginEvent>): void {
  const first = useRef(refusal);
  useEffect(() => {
    if (first.current === refusal) return;
    first.current = refusal;
    dispatch({ type: 'RESET', error: refusal });
  }, [refusal, dispatch]);
}
