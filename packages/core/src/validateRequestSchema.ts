import * as z from 'zod/mini';

export const biometricOsValues = ['DESKTOP', 'IOS', 'ANDROID'] as const;

/** The device's platform. Documented in upper case; one published version of Verifik's page writes "ios", so any case is read. */
export const biometricOsSchema = z.pipe(
  z.string().check(z.trim(), z.toUpperCase()),
  z.custom<(typeof biometricOsValues)[number]>((os) => (biometricOsValues as readonly unknown[]).includes(os), 'not DESKTOP, IOS or ANDROID'),
);
export type BiometricOs = z.output<typeof biometricOsSchema>;

/**
 * The validate request body. Every documented example sends `{ "image": "<base64>" }` alone, some with a
 * `data:image/jpeg;base64,` prefix; `os` is optional. This client always sends `os`, as Verifik's own web
 * client does, and raw base64 (see `toRawBase64`).
 */
export const validateRequestSchema = z.looseObject({
  image: z.string().check(z.trim(), z.refine((image) => image.length > 0, 'empty')),
  os: z.optional(biometricOsSchema),
});
export type ValidateRequest = z.output<typeof validateRequestSchema>;
