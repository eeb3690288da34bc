export { BiometricLoginError, isBiometricLoginError } from './BiometricLoginError.js';
export type { BiometricLoginErrorOptions } from './BiometricLoginError.js';
export { errorCodes, errorCodeInfo, isErrorCode } from './errorCodes.js';
export type { ErrorCode, ErrorCodeInfo, ErrorKind } from './errorCodes.js';
export { classifyValidateResponse, errorCodeForStatus, parseRetryAfter } from './classifyResponse.js';
export type { HttpAnswer, ValidateBiometricResult } from './classifyResponse.js';
export { readErrorMessage, readSuccessBody } from './readValidateAnswer.js';
export type { BiometricData, ValidateSuccessData, VerificationResults } from './readValidateAnswer.js';
export { biometricOsValues, defaultApiBaseUrl, validateBiometric, validatePath, validateUrl } from './validateBiometric.js';
export type { BiometricOs, Timers, ValidateBiometricOptions } from './validateBiometric.js';
export { toRawBase64 } from './imageBase64.js';
export { readLivenessSession } from './readLivenessSession.js';
export type { LivenessSession, ReadLivenessSessionOptions } from './readLivenessSession.js';
export { buildRedirectUrl, checkRedirectUrl } from './buildRedirectUrl.js';
export type { BuildRedirectUrlOptions } from './buildRedirectUrl.js';
export { createLoginState, initialLoginState, isBusy, loginReducer, loginStatuses, needsCamera } from './loginReducer.js';
export type { LoginEvent, LoginState, LoginStatus } from './loginReducer.js';
export {
  base64ByteLength,
  centredRegion,
  defaultAspectRatio,
  defaultFrameLimits,
  defaultJpegQuality,
  drawFrame,
  encodeFrame,
  fitFrameSize,
  isBlankFrame,
  videoFrameSize,
} from './encodeFrame.js';
export type { EncodedFrame, EncodeFrameOptions, FrameLimits, FrameOptions, FrameRegion, FrameSize } from './encodeFrame.js';
export { checkCameraSupport, classifyCameraError } from './classifyCameraError.js';
export type { CameraEnvironment } from './classifyCameraError.js';
export { detectOs } from './detectOs.js';
export type { DeviceFacts } from './detectOs.js';
