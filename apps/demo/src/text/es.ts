import { foreignRedirectUrl, slowTimeoutMs } from '../scenarioSettings';
import type { DemoText } from './DemoText';

const seconds = slowTimeoutMs / 1000;
const foreignHost = new URL(foreignRedirectUrl).host;

export const es: DemoText = {
  languageLabel: 'Idioma',
  login: {
    documentTitle: 'Demo de inicio de sesión facial · biometric-login',
    heading: 'Inicia sesión con tu rostro',
    intro:
      'Esta página usa <BiometricLogin> de @biometric-login/react. Enciende tu cámara y comprueba, en tu navegador, que haya una sola cara en el óvalo, bien iluminada y nítida; luego envía automáticamente una foto a la API de verificación y, cuando verifica tu rostro, te devuelve a la aplicación con un token de inicio de sesión.',
    sandboxNote: {
      title: 'Modo sandbox',
      body: 'Aquí la API de verificación es un sustituto sin conexión, servido por el mismo servidor local que esta página. Tu foto solo llega a él y no se guarda: nada sale de este equipo.',
    },
    liveNote: (apiHost) => ({
      title: 'Modo real',
      body: `Tu foto se envía solo a ${apiHost}, el servicio de verificación de la aplicación que inició este acceso.`,
    }),
    noSession: {
      title: 'No hay sesión de inicio',
      body: 'Abre esta página desde el enlace de inicio de sesión de tu aplicación: lleva la sesión en la dirección (#token=…).',
    },
    settingsHeading: 'Prueba un escenario',
    scenarioLabel: 'Qué responde la API',
    scenarios: {
      success: { label: 'Éxito', hint: 'Tu rostro se verifica y llegas a la página de retorno con un token de inicio de sesión.' },
      INVALID_BIOMETRIC_DATA: { label: 'Rostro ilegible', hint: 'El primer intento recibe INVALID_BIOMETRIC_DATA; después, «Intentar de nuevo» funciona.' },
      LIVENESS_DETECTION_FAILED: { label: 'Falla la prueba de vida', hint: 'El primer intento recibe LIVENESS_DETECTION_FAILED; después, «Intentar de nuevo» funciona.' },
      IDENTITY_VERIFICATION_FAILED: { label: 'El rostro no coincide', hint: 'El primer intento recibe IDENTITY_VERIFICATION_FAILED; después, «Intentar de nuevo» funciona.' },
      SERVER_ERROR: { label: 'Error del servidor', hint: 'El primer intento y los dos reintentos automáticos reciben HTTP 503; después, «Intentar de nuevo» funciona.' },
      RATE_LIMITED: { label: 'Demasiados intentos', hint: 'El primer intento y los dos reintentos automáticos reciben HTTP 429; después, «Intentar de nuevo» funciona.' },
      SLOW: { label: 'Servidor lento', hint: `La API tarda más de ${seconds} s, así que el componente desiste (TIMEOUT); después, «Intentar de nuevo» funciona.` },
      INVALID_RESPONSE: { label: 'Respuesta inservible', hint: 'La API dice que todo salió bien pero no envía token, y el componente la rechaza; después, «Intentar de nuevo» funciona.' },
      expiredSession: { label: 'Sesión expirada', hint: 'El token de la sesión ya expiró: el componente lo dice antes de encender la cámara.' },
      foreignRedirect: {
        label: 'Retorno fuera de la lista permitida',
        hint: `La dirección de retorno está en ${foreignHost}, un dominio no permitido: el componente la rechaza (REDIRECT_NOT_ALLOWED) y no envía nada.`,
      },
    },
    cameraLegend: 'Cámara',
    cameraWebcam: 'Mi cámara web',
    cameraSample: 'Un rostro de ejemplo (sin cámara web)',
    newSession: 'Nueva sesión',
    sessionLoading: 'Creando una sesión sandbox…',
    sessionFailed: (reason) => `No se pudo crear una sesión sandbox (${reason}).`,
  },
  callback: {
    documentTitle: 'Token de inicio de sesión recibido · biometric-login',
    heading: 'Token de inicio de sesión recibido',
    intro: 'La página de inicio de sesión te trajo aquí con un token en la dirección (?token=…). El servidor de una aplicación ahora lo verificaría y abriría una sesión.',
    notVerified: {
      title: 'Decodificado, no verificado',
      body: 'Los datos de abajo se decodificaron en tu navegador sin comprobar la firma. No confíes en ellos tal cual: un servidor debe verificar el token primero.',
    },
    claimsHeading: 'Datos (claims)',
    claimNames: { sub: 'Id de la validación', livenessSession: 'Sesión de prueba de vida', type: 'Tipo de token', iat: 'Emitido', exp: 'Expira' },
    expired: 'expirado',
    truncated: (length) => `… (${length.toLocaleString('es')} caracteres en total)`,
    moreClaims: (count) => (count === 1 ? 'Falta 1 dato más por mostrar.' : `Faltan ${count.toLocaleString('es')} datos más por mostrar.`),
    tokenHeading: 'El token',
    noToken: {
      title: 'No hay token',
      body: 'Esta página espera ?token=… en su dirección. El token se quita de la dirección al leerlo, así que al recargar se ve este mensaje.',
    },
    malformed: { title: 'Token ilegible', body: 'El token de la dirección no es un JWT que esta página pueda decodificar.' },
    failed: {
      title: 'Esta página no pudo mostrar el token',
      body: 'Algo en el token recibido impidió que esta página lo mostrara. No se envió nada a ningún sitio; inicia sesión de nuevo para obtener un token nuevo.',
    },
    loginAgain: 'Iniciar sesión de nuevo',
  },
};
