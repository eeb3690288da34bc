/** What a session answers to its validate attempts; every one is reachable from a story or a test. */
export const sandboxScenarios = [
  'success',
  'INVALID_BIOMETRIC_DATA',
  'LIVENESS_DETECTION_FAILED',
  'IDENTITY_VERIFICATION_FAILED',
  'SERVER_ERROR',
  'RATE_LIMITED',
  'SLOW',
  'INVALID_RESPONSE',
] as const;

export type SandboxScenario = (typeof sandboxScenarios)[number];

export function isSandboxScenario(value: unknown): value is SandboxScenario {
  return typeof value === 'string' && (sandboxScenarios as readonly string[]).includes(value);
}

/** Longer than a typical client timeout, so SLOW shows the timeout path unless a story asks for less. */
export const defaultSlowDelayMs = 35_000;

/** Far enough to cover any demo: `repeat` at this value means "always fail". */
export const maxRepeat = Number.MAX_SAFE_INTEGER;

/** A sleep past ten minutes is a typo, not a scenario. */
export const maxDelayMs = 600_000;
