import * as z from 'zod/mini';
import { lenientField, withoutUndefined } from './lenientField.js';

// The validate endpoint's answers, as Verifik documents them (fixtures/verifik-validate-examples.json holds them verbatim).
// Only data.token is required; every other documented field is optional, keeps its documented type, and
// is dropped when it has another; fields nobody documented are passed through untouched.

const text = z.string();
const score = z.number().check(z.refine(Number.isFinite));
const clean = <T extends object>(schema: z.ZodMiniType<T>) => z.pipe(schema, z.transform(withoutUndefined<T>));

// With the u flag a surrogate pair is one code point, so this matches only a lone (unpaired) surrogate.
const loneSurrogate = /[\uD800-\uDFFF]/u;

/** True unless the string holds a lone UTF-16 surrogate, which no URL (and no JSON sent on) can carry. */
export function isWellFormedText(value: string): boolean {
  return !loneSurrogate.test(value);
}

/** The login token: a non-empty, well-formed string. */
export const loginTokenSchema = z.string().check(
  z.trim(),
  z.refine((token) => token.length > 0 && isWellFormedText(token), 'the token is empty or not well-formed Unicode'),
);

/** `verificationResults` of the current API: "passed" / "failed" for the checks, a number for quality. */
export const verificationResultsSchema = clean(
  z.looseObject({
    livenessDetection: lenientField(text),
    identityMatch: lenientField(text),
    qualityScore: lenientField(score),
    antiSpoofing: lenientField(text),
  }),
);
export type VerificationResults = z.output<typeof verificationResultsSchema>;

/** `biometricData` of the current API: `quality` is a word ("good"), `livenessScore` a number. */
export const biometricDataSchema = clean(
  z.looseObject({
    faceImage: lenientField(text),
    template: lenientField(text),
    quality: lenientField(text),
    livenessScore: lenientField(score),
  }),
);
export type BiometricData = z.output<typeof biometricDataSchema>;

/** `data.appLogin` of the older API: the login session the validation opened. */
export const appLoginSchema = clean(
  z.looseObject({
    _id: lenientField(text),
    client: lenientField(text),
    name: lenientField(text),
    status: lenientField(text),
    project: lenientField(text),
    projectFlow: lenientField(text),
    type: lenientField(text),
    biometricValidation: lenientField(text),
    face: lenientField(text),
    createdAt: lenientField(text),
    updatedAt: lenientField(text),
  }),
);
export type AppLogin = z.output<typeof appLoginSchema>;

/** `data.livenessSession` of the older API. */
export const livenessSessionRecordSchema = clean(
  z.looseObject({
    _id: lenientField(text),
    client: lenientField(text),
    project: lenientField(text),
    projectFlow: lenientField(text),
    identifier: lenientField(text),
    status: lenientField(text),
    livenessResult: lenientField(z.custom<unknown[]>(Array.isArray)),
    expiresAt: lenientField(text),
    createdAt: lenientField(text),
    updatedAt: lenientField(text),
  }),
);
export type LivenessSessionRecord = z.output<typeof livenessSessionRecordSchema>;

/**
 * `data` of a successful answer, in either documented shape: the current one (`_id`, `status`,
 * `verificationResults`, `biometricData`, `riskScore`, `completedAt`, `token`) or the older one
 * (`appLogin`, `livenessSession`, `person`, `token`).
 */
export const validateSuccessDataSchema = clean(
  z.looseObject({
    token: loginTokenSchema,
    _id: lenientField(text),
    status: lenientField(text),
    verificationResults: lenientField(verificationResultsSchema),
    biometricData: lenientField(biometricDataSchema),
    riskScore: lenientField(score),
    completedAt: lenientField(text),
    appLogin: lenientField(appLoginSchema),
    livenessSession: lenientField(livenessSessionRecordSchema),
    person: lenientField(text),
  }),
);
export type ValidateSuccessData = z.output<typeof validateSuccessDataSchema>;

/**
 * The older API's certificate beside `data`: documented as a string in one version, and described as
 * `{ dateTime, message }` in another; either is passed on as it came.
 */
export const validationSignatureSchema = z.custom<string | { dateTime?: string; message?: string; [key: string]: unknown }>(
  (value) => typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value)),
);
export type ValidationSignature = z.output<typeof validationSignatureSchema>;

/** A 2xx answer is a success only with `data.token`; `success`, when present, must be `true`. */
export const validateSuccessSchema = clean(
  z.looseObject({
    success: z.optional(z.custom<true>((success) => success === true, 'success is not true')),
    data: validateSuccessDataSchema,
    signature: lenientField(validationSignatureSchema),
    /** The older API's id of the answer. */
    id: lenientField(text),
  }),
);
export type ValidateSuccess = z.output<typeof validateSuccessSchema>;

/**
 * An error answer: `{ error, message }` today, `{ code, message }` in older versions. `message` carries the
 * code (`INVALID_BIOMETRIC_DATA`; older: `409:liveness_failed@0.45`); classification reads the status first.
 */
export const validateErrorSchema = z.looseObject({
  message: z.string(),
  /** The current API's words for the error ("Invalid biometric data"). */
  error: lenientField(text),
  /** The older API's code (`liveness_failed`). */
  code: lenientField(text),
});
export type ValidateError = z.output<typeof validateErrorSchema>;
