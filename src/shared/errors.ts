/** Every failure that crosses the bridge is one of these codes; the UI picks its words from the code. */
export const ERROR_CODES = [
  'bad_input',
  'no_key',
  'invalid_key',
  'insufficient_credits',
  'forbidden',
  'not_found',
  'rate_limited',
  'bad_request',
  'server_error',
  'network',
  'connection_lost',
  'bad_response',
  'api_error',
  'keychain_unavailable',
  'history_unavailable',
  /** SQLite itself (a native module) failed to load: the history file was never opened, and is not at fault. */
  'history_engine_unavailable',
  'bad_file',
  /** The key is bound to another origin than the one the request would go to. */
  'key_origin',
  /** A server answered a request carrying the key with a redirect, which is never followed. */
  'redirect_refused',
  /** Asked too often in a short time (e.g. clipboard writes). */
  'throttled',
  /** A link main will not open (a user name or password in it, a scheme other than http(s) or mailto). */
  'link_refused',
  'attachment_limit',
  'document_too_large',
  'document_empty',
  'document_encrypted',
  'document_no_text',
  'document_damaged',
  'document_too_complex',
  'document_binary',
  'document_encoding',
  'document_unsupported',
  /** The attached documents do not fit the model's context; the user chooses which to send, or lets the app cut them. */
  'documents_over_budget',
  'cancelled',
  /** A compare turn ends the thread and none of its answers is chosen yet. */
  'compare_undecided',
  /** A compare run is still streaming in that chat. */
  'compare_busy',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** HTTP status when the error came from the API. */
  status?: number;
  /** Seconds to wait before trying again (429). */
  retryAfter?: number;
}

/** What main answers over IPC: a value or an error, never a thrown exception the bridge would mangle. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown on the renderer side by the bridge, so callers can branch on `code`. */
export class ApiError extends Error implements AppError {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly retryAfter?: number;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    if (error.status !== undefined) this.status = error.status;
    if (error.retryAfter !== undefined) this.retryAfter = error.retryAfter;
  }
}

export function appError(code: ErrorCode, message: string, extra: Partial<AppError> = {}): AppError {
  return { ...extra, code, message };
}

/** An ApiError keeps its code; anything else is an unexpected fault whose details stay in main. */
export function toAppError(error: unknown): AppError {
  if (error instanceof ApiError) {
    const out: AppError = { code: error.code, message: error.message };
    if (error.status !== undefined) out.status = error.status;
    if (error.retryAfter !== undefined) out.retryAfter = error.retryAfter;
    return out;
  }
  return appError('internal', 'Something went wrong inside the app. Please try again.');
}
