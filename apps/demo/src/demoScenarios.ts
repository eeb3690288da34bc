import { maxAutomaticRetries } from '@biometric-login/react';
import { type CreateSessionOptions, type SandboxScenario, sandboxScenarios } from '@biometric-login/sandbox';
import { slowTimeoutMs } from './scenarioSettings';

/** Every answer the sandbox can give, plus two failures the component finds before sending anything. */
export const demoScenarioIds = [...sandboxScenarios, 'expiredSession', 'foreignRedirect'] as const;
export type DemoScenarioId = SandboxScenario | 'expiredSession' | 'foreignRedirect';

export interface DemoScenario {
  session: CreateSessionOptions;
  /** 'foreign' sends the login to a host outside the allowlist, which the component refuses. */
  redirect: 'callback' | 'foreign';
  /** The component's request timeout, when the scenario needs a shorter one. */
  timeoutMs?: number;
}

export function isDemoScenarioId(value: string): value is DemoScenarioId {
  return (demoScenarioIds as readonly string[]).includes(value);
}

/** How to set up each scenario so that it shows its failure once and "Try again" then succeeds. */
export function demoScenario(id: DemoScenarioId): DemoScenario {
  switch (id) {
    case 'success':
    case 'INVALID_BIOMETRIC_DATA':
    case 'LIVENESS_DETECTION_FAILED':
    case 'IDENTITY_VERIFICATION_FAILED':
    case 'INVALID_RESPONSE':
      return { session: { scenario: id }, redirect: 'callback' };
    case 'SERVER_ERROR':
    case 'RATE_LIMITED':
      // The component retries these by itself; failing every automatic attempt lets the person see the error.
      return { session: { scenario: id, repeat: maxAutomaticRetries + 1 }, redirect: 'callback' };
    case 'SLOW':
      return { session: { scenario: id, delayMs: slowTimeoutMs + 2_000 }, redirect: 'callback', timeoutMs: slowTimeoutMs };
    case 'expiredSession':
      return { session: { expiresInSeconds: -1 }, redirect: 'callback' };
    case 'foreignRedirect':
      return { session: {}, redirect: 'foreign' };
    default:
      return id satisfies never;
  }
}
