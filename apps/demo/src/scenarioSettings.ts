// Plain values, shared by the scenarios and their descriptions; importing them pulls in no package.

/** The "redirect outside the allowlist" scenario sends the login here (a reserved .example host). */
export const foreignRedirectUrl = 'https://login-collector.example/callback';

/** Short enough to wait for in a demo; the sandbox answers SLOW only after this plus two seconds. */
export const slowTimeoutMs = 8_000;
