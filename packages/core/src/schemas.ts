import * as z from 'zod/mini';

// Only data.token is stable across API versions: the schema checks it alone and lets the rest through;
// the optional fields are read with plain type checks (z.catch would cost ~4 KB gzip in every bundle).
export const validateSuccessBodySchema = z.object({
  // Only `false` is refused: older answers may leave `success` out.
  success: z.optional(z.literal(true)),
  data: z.looseObject({ token: z.string().check(z.trim(), z.minLength(1)) }),
});

export const errorBodySchema = z.looseObject({ message: z.optional(z.string()) });

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

export type ErrorBody = z.infer<typeof errorBodySchema>;

type Field = 'string' | 'number' | 'score' | 'object';

function pick(source: Record<string, unknown>, fields: Record<string, Field>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(fields)) {
    const value = source[key];
    const type = typeof value;
    const fits =
      kind === 'score' ? type === 'number' || type === 'boolean' || type === 'string' : kind === 'object' ? type === 'object' && value !== null : type === kind;
    // A field whose type changed between API versions is left out rather than failing the login.
    if (fits) picked[key] = value;
  }
  return picked;
}

/** The typed view of a validated success's data: the token, and whichever optional fields have their documented types. */
export function readSuccessData(data: { token: string } & Record<string, unknown>): ValidateSuccessData {
  const top = pick(data, { _id: 'string', status: 'string', riskScore: 'number', completedAt: 'string', verificationResults: 'object', biometricData: 'object' });
  const result: ValidateSuccessData = { ...top, token: data.token };
  if (top.verificationResults) {
    result.verificationResults = pick(top.verificationResults as Record<string, unknown>, {
      livenessDetection: 'score',
      identityMatch: 'score',
      qualityScore: 'score',
      antiSpoofing: 'score',
    });
  }
  if (top.biometricData) {
    result.biometricData = pick(top.biometricData as Record<string, unknown>, { faceImage: 'string', template: 'string', quality: 'number', livenessScore: 'number' });
  }
  return result;
}
