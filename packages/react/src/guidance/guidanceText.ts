// Guided capture's words, in both languages: loaded with guided capture itself, not before the first paint.
import type { GuidanceHint } from '@biometric-login/core';

export interface GuidanceText {
  /** A good frame: the hold is under way. */
  holdStill: string;
  /** Accessible name of the hold's progress bar. */
  holdLabel: string;
  /** One short hint per problem; in English each contains the word the README promises (face, closer, back…). */
  hints: Record<GuidanceHint, string>;
  /** The face check could not load: light and sharpness are still checked. */
  limited: string;
  /** The camera gives under 600 px on its short side. */
  lowResolution: string;
  /** Label of the camera picker (shown with more than one camera). */
  cameraLabel: string;
  /** No frame has been fit for a while (`sendAnywayAfterMs`): the way on, with the hint still shown above. */
  sendAnywayOffer: string;
  /** The secondary button that sends the current frame as it is. */
  sendAnyway: string;
}

/** Any of them may be overridden (`messages.guidance`); what is left out falls back to the locale, then English. */
export type GuidanceTextOverrides = Partial<Omit<GuidanceText, 'hints'>> & { hints?: Partial<Record<GuidanceHint, string>> };

export const guidanceEn: GuidanceText = {
  holdStill: 'Good. Hold still…',
  holdLabel: 'Holding still',
  hints: {
    face: 'Show your face in the oval.',
    oneFace: 'Only one face in the picture, please.',
    closer: 'Move closer.',
    back: 'Move back a little.',
    center: 'Center your face in the oval.',
    light: 'Adjust the light: face a soft light, not one behind you.',
    still: 'Hold still: the picture is blurred.',
  },
  limited: 'The face check is not available here: make sure your face fills the oval, then select Verify identity.',
  lowResolution: 'This camera gives a low-resolution picture, which may not be enough to verify you. Use another camera if you have one.',
  cameraLabel: 'Camera',
  sendAnywayOffer: 'Still not working? You can send the picture as it is.',
  sendAnyway: 'Send anyway',
};

export const guidanceEs: GuidanceText = {
  holdStill: 'Bien. Quédate quieto…',
  holdLabel: 'Quieto',
  hints: {
    face: 'Muestra tu cara en el óvalo.',
    oneFace: 'Solo una cara en la imagen, por favor.',
    closer: 'Acércate un poco más.',
    back: 'Aléjate un poco.',
    center: 'Centra tu cara en el óvalo.',
    light: 'Ajusta la luz: ponte frente a una luz suave, no de espaldas a ella.',
    still: 'Quédate quieto: la imagen está borrosa.',
  },
  limited: 'La comprobación de la cara no está disponible aquí: asegúrate de que tu cara llene el óvalo y selecciona Verificar identidad.',
  lowResolution: 'Esta cámara da una imagen de baja resolución, que puede no bastar para verificarte. Usa otra cámara si tienes.',
  cameraLabel: 'Cámara',
  sendAnywayOffer: '¿Sigue sin funcionar? Puedes enviar la imagen tal como está.',
  sendAnyway: 'Enviar de todos modos',
};

function onlyStrings<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => typeof entry === 'string')) as Partial<T>;
}

/** The locale's guidance words (English for any other locale), with the host's overrides on top. */
export function resolveGuidanceText(locale: string | undefined, overrides: GuidanceTextOverrides | undefined): GuidanceText {
  const base = locale === 'es' ? guidanceEs : guidanceEn;
  if (overrides === undefined) return base;
  const { hints, ...rest } = overrides;
  return { ...base, ...onlyStrings(rest), hints: { ...base.hints, ...onlyStrings(hints ?? {}) } };
}
