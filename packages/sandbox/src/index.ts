// Browser-safe entry: only jose and WebCrypto, no node: modules, so MSW and Storybook can run it in a page.
export { createSandbox, maxValidateBodyBytes } from './createSandbox.js';
export type { LoginTokenClaims, Sandbox, SandboxOptions, SandboxSession } from './createSandbox.js';
export { createSessionOptionErrors } from './createSessionOptions.js';
export type { CreateSessionOptionError, CreateSessionOptions } from './createSessionOptions.js';
export type { AllowedOrigins } from './cors.js';
export { isSandboxScenario, sandboxScenarios } from './scenarios.js';
export type { SandboxScenario } from './scenarios.js';
export type { Sleep } from './sleep.js';
export { SandboxTokenError, sandboxTokenErrorCodes } from './tokens.js';
export type { SandboxTokenErrorCode } from './tokens.js';
