import { defaultSlowDelayMs, isSandboxScenario, maxDelayMs, maxRepeat, type SandboxScenario } from './scenarios.js';

export interface CreateSessionOptions {
  /** What the session's validate attempts answer. Default 'success'. */
  scenario?: SandboxScenario;
  /** How many validate attempts get the scenario's answer before the session succeeds. Default 1; a huge value means always. */
  repeat?: number;
  /** How long SLOW waits before answering, in ms. Default 35000. */
  delayMs?: number;
  /** Lifetime of the session token, at most 3600; zero or negative issues an already-expired token. Default: the sandbox's sessionTtlSeconds. */
  expiresInSeconds?: number;
}

export interface ResolvedSessionOptions {
  scenario: SandboxScenario;
  repeat: number;
  delayMs: number;
  expiresInSeconds: number;
}

export const createSessionOptionErrors = [
  'invalid_options',
  'unknown_option',
  'invalid_scenario',
  'invalid_repeat',
  'invalid_delay',
  'invalid_expires_in',
] as const;
export type CreateSessionOptionError = (typeof createSessionOptionErrors)[number];

export type ParsedSessionOptions = { ok: true; value: ResolvedSessionOptions } | { ok: false; message: CreateSessionOptionError };

const knownKeys: ReadonlySet<string> = new Set(['scenario', 'repeat', 'delayMs', 'expiresInSeconds']);
/** An hour: long enough for any login, short enough that a leaked session token soon stops working. */
export const maxSessionTtlSeconds = 60 * 60;

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Checks options from JSON or from code alike; unknown keys are refused so a typo ("scenaro") is not silently a success. */
export function parseCreateSessionOptions(input: unknown, defaultExpiresInSeconds: number): ParsedSessionOptions {
  const candidate: unknown = input === undefined ? {} : input;
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return { ok: false, message: 'invalid_options' };
  const options = candidate as Record<string, unknown>;
  if (Object.keys(options).some((key) => !knownKeys.has(key))) return { ok: false, message: 'unknown_option' };
  const { scenario = 'success', repeat = 1, delayMs = defaultSlowDelayMs, expiresInSeconds = defaultExpiresInSeconds } = options;
  if (!isSandboxScenario(scenario)) return { ok: false, message: 'invalid_scenario' };
  if (!isIntegerIn(repeat, 1, maxRepeat)) return { ok: false, message: 'invalid_repeat' };
  if (!isIntegerIn(delayMs, 0, maxDelayMs)) return { ok: false, message: 'invalid_delay' };
  if (!isIntegerIn(expiresInSeconds, -maxSessionTtlSeconds, maxSessionTtlSeconds)) return { ok: false, message: 'invalid_expires_in' };
  return { ok: true, value: { scenario, repeat, delayMs, expiresInSeconds } };
}
