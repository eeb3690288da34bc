import { BiometricLoginError, checkRedirectUrl, readLivenessSession } from '@biometric-login/core';

export interface ProjectFlow {
  /** Where the browser goes after a successful login, with `token=<login token>` added. */
  redirectUrl: string;
}

/**
 * What can be refused before the camera opens or anything is sent: a redirect the allowlist refuses
 * (a configuration error) and a malformed, claimless or expired session token.
 */
export function precheck(
  token: unknown,
  projectFlow: Partial<ProjectFlow> | undefined,
  allowedOrigins: readonly string[] | undefined,
  now: () => number,
): BiometricLoginError | undefined {
  try {
    checkRedirectUrl(projectFlow?.redirectUrl, { allowedOrigins });
    readLivenessSession(token, { now });
    return undefined;
  } catch (error) {
    if (error instanceof BiometricLoginError) return error;
    throw error;
  }
}
