// The validate endpoint's answers, read with plain type checks. Only data.token is stable across API
// versions: it alone is required; an optional field whose type changed is left out rather than failing
// the login. (zod/mini did this first; its 4.4 KB gzip floor was a third of the component's budget.)

type Score = number | boolean | string;

export interface VerificationResults {
  livenessDetection?: Score;
  identityMatch?: Score;
  qualityScore?: Score;
  antiSpoofing?: Score;
}

export interface BiometricData {
  faceImage?: string;
  template?: string;
  quality?: number;
  livenessScore?: number;
}

export interface ValidateSuccessData {
  token: string;
  _id?: string;
  status?: string;
  verificationResults?: VerificationResults;
  biometricData?: BiometricData;
  riskScore?: number;
  completedAt?: string;
}

type Field = 'string' | 'number' | 'score' | 'object';
type Shape = Record<string, Field>;

const successShape: Shape = { _id: 'string', status: 'string', riskScore: 'number', completedAt: 'string', verificationResults: 'object', biometricData: 'object' };
const verificationShape: Shape = { livenessDetection: 'score', identityMatch: 'score', qualityScore: 'score', antiSpoofing: 'score' };
const biometricShape: Shape = { faceImage: 'string', template: 'string', quality: 'number', livenessScore: 'number' };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fits(value: unknown, kind: Field): boolean {
  if (kind === 'object') return isRecord(value);
  if (kind === 'score') return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string';
  return typeof value === kind && (kind !== 'number' || Number.isFinite(value));
}

function pick(source: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(shape)) if (fits(source[key], kind)) picked[key] = source[key];
  return picked;
}

/**
 * The data of a successful answer, or undefined when the body is not one: not an object, `success`
 * present and not `true`, or no non-empty `data.token`.
 */
export function readSuccessBody(body: unknown): ValidateSuccessData | undefined {
  if (!isRecord(body) || (body.success !== undefined && body.success !== true) || !isRecord(body.data)) return undefined;
  const token = typeof body.data.token === 'string' ? body.data.token.trim() : '';
  if (token === '') return undefined;
  const data: ValidateSuccessData = { ...pick(body.data, successShape), token };
  if (data.verificationResults) data.verificationResults = pick(data.verificationResults as Record<string, unknown>, verificationShape);
  if (data.biometricData) data.biometricData = pick(data.biometricData as Record<string, unknown>, biometricShape);
  return data;
}

/** The `message` code of an error answer (`{ error, message }`), when it has one. */
export function readErrorMessage(body: unknown): string | undefined {
  return isRecord(body) && typeof body.message === 'string' ? body.message : undefined;
}
