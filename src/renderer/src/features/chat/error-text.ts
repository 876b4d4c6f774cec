import type { AppError, ErrorCode } from '../../../../shared/errors';

const TITLES: Record<ErrorCode, string> = {
  bad_input: 'That request was not valid',
  no_key: 'No API key yet',
  invalid_key: 'Invalid API key',
  insufficient_credits: 'Insufficient credits',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  rate_limited: 'Too many requests at once',
  bad_request: 'ModelsLab rejected the request',
  server_error: 'ModelsLab had a server error',
  network: 'Could not reach ModelsLab',
  connection_lost: 'The connection dropped mid-reply',
  bad_response: 'Unreadable reply from the server',
  api_error: 'ModelsLab reported an error',
  keychain_unavailable: 'The keychain is not available',
  history_unavailable: 'Chat history is not available',
  history_engine_unavailable: 'History could not be loaded on this system',
  bad_file: 'That file could not be read',
  key_origin: 'Your API key is for another server',
  redirect_refused: 'The server redirected the request',
  throttled: 'Too many at once',
  link_refused: 'That link was not opened',
  attachment_limit: 'Image limit reached',
  document_too_large: 'That file is too large',
  document_empty: 'That file is empty',
  document_encrypted: 'That document needs a password',
  document_no_text: 'That document has no text layer',
  document_damaged: 'That document is damaged',
  document_too_complex: 'That document is too complex to read',
  document_binary: 'That file is not text',
  document_encoding: 'That text’s encoding was not recognised',
  document_unsupported: 'That kind of file is not supported',
  documents_over_budget: 'The documents do not fit the model’s context',
  cancelled: 'Cancelled',
  compare_undecided: 'Choose an answer first',
  compare_busy: 'A comparison is still running',
  internal: 'Something went wrong in the app',
};

const HINTS: Partial<Record<ErrorCode, string>> = {
  no_key: 'Set MODELSLAB_API_KEY, or add a key in Settings.',
  invalid_key: 'ModelsLab did not accept the API key. Check or replace it in Settings.',
  insufficient_credits: 'Your ModelsLab account is out of credits. Top up, then try again.',
  forbidden: 'This key may not use that model or endpoint.',
  not_found: 'Check the model id and the base URL.',
  server_error: 'This is on ModelsLab’s side. Try again in a moment.',
  network: 'Check your internet connection, proxy or base URL.',
  connection_lost: 'The text that arrived is kept. Try again to get the whole reply.',
  bad_response: 'The text that arrived is kept.',
  key_origin: 'A key is only ever sent to the address it was saved for. Enter a key for this address in Settings.',
  redirect_refused: 'Requests that carry your key never follow a redirect. Set the base URL to the final address.',
  throttled: 'Wait a moment and try again.',
  compare_undecided: 'Pick the answer to carry on from with “Choose this answer” under one of the columns.',
  compare_busy: 'Wait for its answers, or stop them (Esc), before comparing again in this chat.',
  document_encrypted: 'Remove the password (print to PDF, or save an unprotected copy) and attach it again.',
  document_no_text: 'It looks scanned: its pages are pictures. Run it through OCR first, or paste the text.',
  document_binary: 'Only text files, PDF and Word (.docx) documents can be attached.',
  documents_over_budget: 'Choose which documents to send, or let the app cut them to fit.',
};

/** Where an error is shown: beside the key form (in Settings or on first run), a hint must not send the user to Settings. */
export type ErrorPlace = 'chat' | 'settings';

const SETTINGS_HINTS: Partial<Record<ErrorCode, string>> = {
  no_key: 'Paste a key, or set MODELSLAB_API_KEY.',
  invalid_key: 'ModelsLab did not accept the API key. Check it, or paste another one.',
  key_origin: 'A key is only ever sent to the address it was saved for. Enter a key for this address.',
};

/**
 * What the network layer says (Node's and undici's words) in plain language. Checked in order; the first match
 * wins. Anything unknown is shown as it came, so nothing the user could report is hidden.
 */
const NETWORK_WORDS: [RegExp, string | null][] = [
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/i, 'The server’s name could not be found. Check the address and your connection.'],
  [/ECONNREFUSED/i, 'The server refused the connection: nothing answered at that address.'],
  [/ETIMEDOUT|timed? ?out|UND_ERR_.*TIMEOUT/i, 'The server took too long to answer.'],
  [/ENETUNREACH|EHOSTUNREACH|network is unreachable/i, 'The network cannot reach the server right now.'],
  [/CERT|certificate|self[- ]signed|SSL|TLS/i, 'The server’s security certificate was not accepted.'],
  [
    /ECONNRESET|EPIPE|socket hang up|other side closed|terminated|UND_ERR_SOCKET|premature close/i,
    'The connection was closed before the reply was complete.',
  ],
  // Says only that something failed; the title and hint already say that.
  [/^(TypeError: )?fetch failed$|^Connection error\.?$|^network error$/i, null],
];

/** A low-level network message in human words, or null when it adds nothing to the title and hint. */
export function networkWords(message: string): string | null {
  for (const [pattern, words] of NETWORK_WORDS) if (pattern.test(message)) return words;
  return message;
}

const NETWORK_CODES = new Set<ErrorCode>(['network', 'connection_lost']);

export interface ErrorText {
  title: string;
  hint: string | null;
  /** What the server or the network said, when it adds something to the hint. */
  detail: string | null;
}

export function errorText(error: AppError, place: ErrorPlace = 'chat'): ErrorText {
  let hint = (place === 'settings' ? SETTINGS_HINTS[error.code] : undefined) ?? HINTS[error.code] ?? null;
  if (error.code === 'rate_limited') {
    hint =
      error.retryAfter !== undefined
        ? `ModelsLab limits concurrent requests per account. Try again in ${Math.ceil(error.retryAfter)} s.`
        : 'ModelsLab limits concurrent requests per account. Wait a moment and try again.';
  }
  const status = error.status ? ` (${error.status})` : '';
  // Network errors carry no status; what they say comes from the socket, not from ModelsLab.
  const said =
    error.message && !error.status && NETWORK_CODES.has(error.code) ? networkWords(error.message) : error.message;
  const detail = said && said !== hint ? said : null;
  return { title: TITLES[error.code] + status, hint, detail };
}
