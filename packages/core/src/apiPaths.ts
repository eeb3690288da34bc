/** Where Verifik's API lives; the sandbox answers on the same paths. */
export const defaultApiBaseUrl = 'https://api.verifik.co';
/** `POST` creates a biometric validation and issues the liveness-session JWT (server side, with the project's key). */
export const createSessionPath = '/v2/biometric-validations';
/** `POST` validates an app login biometric validation: the face, sent with the liveness-session JWT. */
export const validatePath = '/v2/biometric-validations/validate';
