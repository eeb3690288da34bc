import * as z from 'zod/mini';

// Fields other than data.token change between API versions: a wrong type becomes undefined instead of a failure.
const optionalString = z.catch(z.optional(z.string()), undefined);
const optionalNumber = z.catch(z.optional(z.number()), undefined);
const optionalScore = z.catch(z.optional(z.union([z.number(), z.boolean(), z.string()])), undefined);

export const verificationResultsSchema = z.object({
  livenessDetection: optionalScore,
  identityMatch: optionalScore,
  qualityScore: optionalScore,
  antiSpoofing: optionalScore,
});

export const biometricDataSchema = z.object({
  faceImage: optionalString,
  template: optionalString,
  quality: optionalNumber,
  livenessScore: optionalNumber,
});

export const validateSuccessDataSchema = z.object({
  token: z.string().check(z.trim(), z.minLength(1)),
  _id: optionalString,
  status: optionalString,
  verificationResults: z.catch(z.optional(verificationResultsSchema), undefined),
  biometricData: z.catch(z.optional(biometricDataSchema), undefined),
  riskScore: optionalNumber,
  completedAt: optionalString,
});

export const validateSuccessBodySchema = z.object({
  // Only `false` is refused: older answers may leave `success` out.
  success: z.optional(z.literal(true)),
  data: validateSuccessDataSchema,
});

export const errorBodySchema = z.object({
  error: optionalString,
  message: optionalString,
});

export type VerificationResults = z.infer<typeof verificationResultsSchema>;
export type BiometricData = z.infer<typeof biometricDataSchema>;
export type ValidateSuccessData = z.infer<typeof validateSuccessDataSchema>;
export type ValidateSuccessBody = z.infer<typeof validateSuccessBodySchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;
