// The API contract
export { createSessionPath, defaultApiBaseUrl, validatePath } from './apiPaths.js';
export { biometricOsSchema, biometricOsValues, validateRequestSchema } from './validateRequestSchema.js';
export type { BiometricOs, ValidateRequest } from './validateRequestSchema.js';
export {
  appLoginSchema,
  biometricDataSchema,
  livenessSessionRecordSchema,
  loginTokenSchema,
  validateErrorSchema,
  validateSuccessDataSchema,
  validateSuccessSchema,
  validationSignatureSchema,
  verificationResultsSchema,
} from './validateAnswerSchema.js';
export type {
  AppLogin,
  BiometricData,
  LivenessSessionRecord,
  ValidateError,
  ValidateSuccess,
  ValidateSuccessData,
  ValidationSignature,
  VerificationResults,
} from './validateAnswerSchema.js';
export { classifyValidateResponse } from './classifyResponse.js';
export type { HttpAnswer, ValidateBiometricResult } from './classifyResponse.js';
export { validateBiometric, validateUrl } from './validateBiometric.js';
export type { Timers, ValidateBiometricOptions } from './validateBiometric.js';

// Errors
export { BiometricLoginError, isBiometricLoginError } from './BiometricLoginError.js';
export type { BiometricLoginErrorOptions } from './BiometricLoginError.js';
export { errorCodeInfo, errorCodes } from './errorCodes.js';
export type { ErrorCode, ErrorCodeInfo, ErrorKind } from './errorCodes.js';

// Session token, configuration and redirect
export { jwtSchema, readJwtClaims } from './jwtClaims.js';
export { livenessSessionClaimsSchema, readLivenessSession } from './readLivenessSession.js';
export type { LivenessSession, LivenessSessionClaims, ReadLivenessSessionOptions } from './readLivenessSession.js';
export { apiBaseUrlSchema, checkLoginConfig, loginConfigSchema, maxTimeoutMs } from './loginConfig.js';
export type { LoginConfig } from './loginConfig.js';
export { buildRedirectUrl } from './buildRedirectUrl.js';
export type { BuildRedirectUrlOptions } from './buildRedirectUrl.js';

// The login flow
export { createLoginState, isBusy, loginReducer, needsCamera } from './loginReducer.js';
export type { LoginEvent, LoginState, LoginStatus } from './loginReducer.js';
export { runLoginAttempt } from './runLoginAttempt.js';
export type { FrameCheck, LoginAttemptPorts, LoginSuccess } from './runLoginAttempt.js';
export { maxAutomaticRetries, maxRetryAfterMs, retryDelay, shouldRetry } from './retryPolicy.js';
export { createBiometricLogin } from './createBiometricLogin.js';
export type {
  BiometricLoginController,
  BiometricLoginOptions,
  BiometricLoginPorts,
  BiometricLoginSnapshot,
  Clock,
  GuidancePort,
  GuidanceRun,
  GuidanceRunOptions,
  GuidanceStatus,
  GuidanceVerdict,
  GuidanceView,
  LoginCamera,
  ProjectFlow,
} from './createBiometricLogin.js';

// Guided capture's logic is its own entry, @biometric-login/core/guidance: only the lazily loaded part of the
// component needs it, and a bundler then cannot put it in the first paint's chunks. Its types are here too.
export type { FrameSignals } from './frameSignals.js';
export type { FaceBox, FacePoint, FrameAnalysis, GuidanceHint, GuidanceState } from './guidance.js';

// The camera and the frame
export { centredRegion, encodeFrame, isBlankFrame } from './encodeFrame.js';
export type { EncodedFrame, EncodeFrameOptions, FrameLimits, FrameOptions, FrameRegion, FrameSize } from './encodeFrame.js';
export { checkCameraSupport, classifyCameraError } from './classifyCameraError.js';
export type { CameraEnvironment } from './classifyCameraError.js';
export { detectOs } from './detectOs.js';
export type { DeviceFacts } from './detectOs.js';
