/** The `error` text the API pairs with each status it answers. */
const errorTitles = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
} as const;

export type ErrorStatus = keyof typeof errorTitles;

export interface ErrorBody {
  error: (typeof errorTitles)[ErrorStatus];
  message: string;
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers);
  merged.set('Content-Type', 'application/json');
  // Answers carry one-time tokens: no cache may keep them.
  merged.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: merged });
}

export function errorResponse(status: ErrorStatus, message: string, headers: HeadersInit = {}): Response {
  const body: ErrorBody = { error: errorTitles[status], message };
  return jsonResponse(status, body, headers);
}

/** The three 400s exactly as Verifik documents them: the words in `error`, the code in `message`. */
const documentedBadRequestWords = {
  INVALID_BIOMETRIC_DATA: 'Invalid biometric data',
  LIVENESS_DETECTION_FAILED: 'Liveness detection failed',
  IDENTITY_VERIFICATION_FAILED: 'Identity verification failed',
} as const;

export function documentedBadRequest(code: keyof typeof documentedBadRequestWords): Response {
  return jsonResponse(400, { error: documentedBadRequestWords[code], message: code });
}
