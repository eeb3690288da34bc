import type { ErrorCode, LoginStatus } from '@biometric-login/core';
import type { GuidanceTextOverrides } from './guidance/guidanceText.js';

export interface ErrorText {
  title: string;
  /** What happened and what the person can do about it. */
  description: string;
}

export interface BiometricLoginMessages {
  /** The primary button. */
  verify: string;
  tryAgain: string;
  startCamera: string;
  /** Accessible name of the camera preview. */
  videoLabel: string;
  /** Accessible name of the whole widget. */
  regionLabel: string;
  /** Announced in the polite live region as the flow moves on. */
  status: Record<LoginStatus, string>;
  errors: Record<ErrorCode, ErrorText>;
  /** While guided capture starts (its other words load with it). */
  checkingCamera: string;
}


export type BiometricLoginLocale = 'en' | 'es';

/** Any string may be overridden; what is left out falls back to the locale, then to English. */
export interface BiometricLoginMessageOverrides {
  verify?: string;
  tryAgain?: string;
  startCamera?: string;
  videoLabel?: string;
  regionLabel?: string;
  status?: Partial<Record<LoginStatus, string>>;
  errors?: Partial<Record<ErrorCode, Partial<ErrorText>>>;
  checkingCamera?: string;
  /** Guided capture's words: the hints, the hold, the notes, the camera picker. */
  guidance?: GuidanceTextOverrides;
}

export const en: BiometricLoginMessages = {
  verify: 'Verify identity',
  tryAgain: 'Try again',
  startCamera: 'Start camera',
  videoLabel: 'Camera preview of your face',
  regionLabel: 'Face login',
  checkingCamera: 'Checking your camera…',
  status: {
    idle: 'Start the camera to log in with your face.',
    startingCamera: 'Starting the camera…',
    ready: 'Camera ready. Center your face in the oval, then select Verify identity.',
    capturing: 'Taking your picture…',
    submitting: 'Checking your face…',
    redirecting: 'Verified. Taking you back…',
    succeeded: 'Verified.',
    failed: 'Verification stopped.',
  },
  errors: {
    INVALID_BIOMETRIC_DATA: {
      title: "We couldn't read your face",
      description: 'Find more light, face the camera straight on with nothing covering your face, and try again.',
    },
    LIVENESS_DETECTION_FAILED: {
      title: "We couldn't confirm it's you, live",
      description: 'Use your own face, not a photo or screen. Hold still in good light, and try again.',
    },
    IDENTITY_VERIFICATION_FAILED: {
      title: "Your face didn't match this account",
      description: 'Make sure you are logging in to your own account. Remove glasses or a hat, and try again.',
    },
    SESSION_INVALID: {
      title: 'This login link is not valid',
      description: 'Go back to the app and start the login again.',
    },
    SESSION_EXPIRED: {
      title: 'This login session has expired',
      description: 'For your safety, sessions last a few minutes. Go back to the app and start the login again.',
    },
    SESSION_NOT_FOUND: {
      title: 'This login session was not found',
      description: 'It may have been used or cancelled. Go back to the app and start the login again.',
    },
    RATE_LIMITED: {
      title: 'Too many attempts',
      description: 'Wait a moment, then try again.',
    },
    REQUEST_REJECTED: {
      title: 'The verification service refused the request',
      description: 'Try again. If it keeps happening, go back to the app and start the login again.',
    },
    SERVER_ERROR: {
      title: 'The verification service is having trouble',
      description: 'This is not your fault. Wait a moment, then try again.',
    },
    NETWORK_ERROR: {
      title: "We couldn't reach the verification service",
      description: 'Check your internet connection, then try again.',
    },
    TIMEOUT: {
      title: 'The verification took too long',
      description: 'Your connection may be slow. Try again.',
    },
    INVALID_RESPONSE: {
      title: 'The verification service sent an answer we could not use',
      description: 'Try again. If it keeps happening, contact the app’s support.',
    },
    CAMERA_PERMISSION_DENIED: {
      title: 'Camera access is blocked',
      description: "Allow the camera for this site in your browser's settings (the camera icon in the address bar), then try again.",
    },
    CAMERA_NOT_FOUND: {
      title: 'No camera found',
      description: 'Connect a camera, or use a phone or laptop that has one, then try again.',
    },
    CAMERA_IN_USE: {
      title: 'The camera is busy',
      description: 'Close other apps or tabs that use the camera, then try again.',
    },
    CAMERA_UNSUPPORTED: {
      title: 'This browser cannot use the camera here',
      description: 'Open this page over a secure connection (https) in an up-to-date browser such as Chrome, Safari, Firefox or Edge.',
    },
    CAPTURE_FAILED: {
      title: "We couldn't take a picture",
      description: 'Keep the camera uncovered and try again.',
    },
    REDIRECT_NOT_ALLOWED: {
      title: 'This login is not set up correctly',
      description: 'The page to return to is not allowed, so nothing was sent. Contact the app’s support.',
    },
    INVALID_CONFIGURATION: {
      title: 'This login can’t start',
      description: 'The page’s login settings are not valid, so the camera stayed off and nothing was sent. Contact the app’s support.',
    },
  },
};

export const es: BiometricLoginMessages = {
  verify: 'Verificar identidad',
  tryAgain: 'Intentar de nuevo',
  startCamera: 'Encender la cámara',
  videoLabel: 'Vista previa de la cámara con tu rostro',
  regionLabel: 'Inicio de sesión facial',
  checkingCamera: 'Revisando tu cámara…',
  status: {
    idle: 'Enciende la cámara para iniciar sesión con tu rostro.',
    startingCamera: 'Encendiendo la cámara…',
    ready: 'Cámara lista. Centra tu rostro en el óvalo y selecciona Verificar identidad.',
    capturing: 'Tomando tu foto…',
    submitting: 'Verificando tu rostro…',
    redirecting: 'Verificado. Te estamos llevando de vuelta…',
    succeeded: 'Verificado.',
    failed: 'La verificación se detuvo.',
  },
  errors: {
    INVALID_BIOMETRIC_DATA: {
      title: 'No pudimos leer tu rostro',
      description: 'Busca más luz, mira de frente a la cámara sin nada que cubra tu rostro e inténtalo de nuevo.',
    },
    LIVENESS_DETECTION_FAILED: {
      title: 'No pudimos confirmar que eres tú, en vivo',
      description: 'Usa tu propio rostro, no una foto ni una pantalla. Quédate quieto con buena luz e inténtalo de nuevo.',
    },
    IDENTITY_VERIFICATION_FAILED: {
      title: 'Tu rostro no coincide con esta cuenta',
      description: 'Asegúrate de entrar a tu propia cuenta. Quítate las gafas o el sombrero e inténtalo de nuevo.',
    },
    SESSION_INVALID: {
      title: 'Este enlace de inicio de sesión no es válido',
      description: 'Vuelve a la aplicación e inicia sesión de nuevo.',
    },
    SESSION_EXPIRED: {
      title: 'Esta sesión de inicio expiró',
      description: 'Por tu seguridad, las sesiones duran pocos minutos. Vuelve a la aplicación e inicia sesión de nuevo.',
    },
    SESSION_NOT_FOUND: {
      title: 'No encontramos esta sesión de inicio',
      description: 'Puede que ya se haya usado o cancelado. Vuelve a la aplicación e inicia sesión de nuevo.',
    },
    RATE_LIMITED: {
      title: 'Demasiados intentos',
      description: 'Espera un momento e inténtalo de nuevo.',
    },
    REQUEST_REJECTED: {
      title: 'El servicio de verificación rechazó la solicitud',
      description: 'Inténtalo de nuevo. Si sigue pasando, vuelve a la aplicación e inicia sesión de nuevo.',
    },
    SERVER_ERROR: {
      title: 'El servicio de verificación tiene problemas',
      description: 'No es tu culpa. Espera un momento e inténtalo de nuevo.',
    },
    NETWORK_ERROR: {
      title: 'No pudimos conectar con el servicio de verificación',
      description: 'Revisa tu conexión a internet e inténtalo de nuevo.',
    },
    TIMEOUT: {
      title: 'La verificación tardó demasiado',
      description: 'Tu conexión puede estar lenta. Inténtalo de nuevo.',
    },
    INVALID_RESPONSE: {
      title: 'El servicio de verificación envió una respuesta que no pudimos usar',
      description: 'Inténtalo de nuevo. Si sigue pasando, contacta al soporte de la aplicación.',
    },
    CAMERA_PERMISSION_DENIED: {
      title: 'El acceso a la cámara está bloqueado',
      description: 'Permite la cámara para este sitio en la configuración del navegador (el ícono de cámara en la barra de direcciones) e inténtalo de nuevo.',
    },
    CAMERA_NOT_FOUND: {
      title: 'No encontramos una cámara',
      description: 'Conecta una cámara, o usa un teléfono o portátil que tenga una, e inténtalo de nuevo.',
    },
    CAMERA_IN_USE: {
      title: 'La cámara está ocupada',
      description: 'Cierra otras aplicaciones o pestañas que usen la cámara e inténtalo de nuevo.',
    },
    CAMERA_UNSUPPORTED: {
      title: 'Este navegador no puede usar la cámara aquí',
      description: 'Abre esta página con conexión segura (https) en un navegador actualizado como Chrome, Safari, Firefox o Edge.',
    },
    CAPTURE_FAILED: {
      title: 'No pudimos tomar la foto',
      description: 'Mantén la cámara descubierta e inténtalo de nuevo.',
    },
    REDIRECT_NOT_ALLOWED: {
      title: 'Este inicio de sesión no está bien configurado',
      description: 'La página de regreso no está permitida, así que no se envió nada. Contacta al soporte de la aplicación.',
    },
    INVALID_CONFIGURATION: {
      title: 'Este inicio de sesión no puede empezar',
      description: 'La configuración de inicio de sesión de la página no es válida, así que la cámara no se encendió y no se envió nada. Contacta al soporte de la aplicación.',
    },
  },
};

const builtInMessages: Readonly<Record<BiometricLoginLocale, BiometricLoginMessages>> = { en, es };

function mergeRecord<K extends string, V extends object>(base: Record<K, V>, overrides: Partial<Record<K, Partial<V>>> | undefined): Record<K, V> {
  if (overrides === undefined) return base;
  const merged = { ...base };
  for (const key of Object.keys(base) as K[]) {
    const override = overrides[key];
    if (override !== undefined) merged[key] = { ...base[key], ...withoutUndefined(override) };
  }
  return merged;
}

// guidance/guidanceText.ts keeps a copy (onlyStrings) on purpose: shared, it becomes a chunk of its own before the
// first paint (+0.1 KB gz, over the 20 KB budget), since guidanceText is loaded lazily.
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => typeof entry === 'string')) as Partial<T>;
}

/** The locale's words (an unknown locale falls back to English), with the host's overrides on top. */
export function resolveMessages(locale: string | undefined, overrides?: BiometricLoginMessageOverrides): BiometricLoginMessages {
  const base = Object.hasOwn(builtInMessages, locale ?? '') ? builtInMessages[locale as BiometricLoginLocale] : en;
  if (overrides === undefined) return base;
  return {
    ...base,
    ...withoutUndefined({
      verify: overrides.verify,
      tryAgain: overrides.tryAgain,
      startCamera: overrides.startCamera,
      videoLabel: overrides.videoLabel,
      regionLabel: overrides.regionLabel,
      checkingCamera: overrides.checkingCamera,
    }),
    status: { ...base.status, ...withoutUndefined(overrides.status ?? {}) },
    errors: mergeRecord(base.errors, overrides.errors),
  };
}
