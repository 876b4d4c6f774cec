import { LIMITS } from '../../../../shared/domain';
import type { AppError, ErrorCode } from '../../../../shared/errors';
import { i18n } from '../../i18n';

/** Where an error is shown: beside the key form (in Settings or on first run), a hint must not send the user to Settings. */
export type ErrorPlace = 'chat' | 'settings';

/** Codes with a hint of their own (errors.json `hints`); a 404's is chosen apart, by its status. */
const HINTED = [
  'no_key',
  'invalid_key',
  'insufficient_credits',
  'forbidden',
  'server_error',
  'network',
  'connection_lost',
  'bad_response',
  'key_origin',
  'redirect_refused',
  'throttled',
  'compare_undecided',
  'compare_busy',
  'document_encrypted',
  'document_no_text',
  'document_binary',
  'documents_over_budget',
] as const satisfies ErrorCode[];
type Hinted = (typeof HINTED)[number];
const isHinted = (code: ErrorCode): code is Hinted => (HINTED as readonly ErrorCode[]).includes(code);

/** Beside the key form, these say what to do there instead of sending the user to Settings. */
const SETTINGS_HINTED = ['no_key', 'invalid_key', 'key_origin'] as const satisfies ErrorCode[];
type SettingsHinted = (typeof SETTINGS_HINTED)[number];
const isSettingsHinted = (code: ErrorCode): code is SettingsHinted =>
  (SETTINGS_HINTED as readonly ErrorCode[]).includes(code);

/** Codes whose message comes from the server or the network, in its own words, never from the app. */
const RELAYED = new Set<ErrorCode>(['network', 'connection_lost', 'api_error', 'bad_request', 'bad_response']);

const NETWORK_CODES = new Set<ErrorCode>(['network', 'connection_lost']);

/**
 * What the network layer says (Node's and undici's words) in plain language. Checked in order; the first match
 * wins. Anything unknown is shown as it came, so nothing the user could report is hidden.
 */
const NETWORK_WORDS = [
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/i, 'notFound'],
  [/ECONNREFUSED/i, 'refused'],
  [/ETIMEDOUT|timed? ?out|UND_ERR_.*TIMEOUT/i, 'timeout'],
  [/ENETUNREACH|EHOSTUNREACH|network is unreachable/i, 'unreachable'],
  [/CERT|certificate|self[- ]signed|SSL|TLS/i, 'certificate'],
  [/ECONNRESET|EPIPE|socket hang up|other side closed|terminated|UND_ERR_SOCKET|premature close/i, 'closed'],
  // Says only that something failed; the title and hint already say that.
  [/^(TypeError: )?fetch failed$|^Connection error\.?$|^network error$/i, null],
] as const;

/** A low-level network message in human words, or null when it adds nothing to the title and hint. */
export function networkWords(message: string): string | null {
  for (const [pattern, words] of NETWORK_WORDS) {
    if (pattern.test(message)) return words && i18n.t(`errors:network.${words}`);
  }
  return message;
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Main's messages for the app's own codes are English, and some carry facts (a size, a limit, a wait); where they
 * are not shown, these say the same in the UI's language from what the error and the limits still hold.
 */
function factHint(error: AppError): string | null {
  switch (error.code) {
    case 'attachment_limit':
      // Only the daily total asks to wait.
      return error.retryAfter !== undefined
        ? i18n.t('errors:facts.imagesPerDay', {
            count: Math.max(1, Math.ceil(error.retryAfter / 3600)),
            size: megabytes(LIMITS.imageBytesPerDay),
          })
        : i18n.t('errors:facts.imagesPerMessage', {
            count: LIMITS.imagesPerMessage,
            size: megabytes(LIMITS.imageBytesPerMessage),
          });
    case 'document_too_large':
      return i18n.t('errors:facts.documentTooLarge', { size: megabytes(LIMITS.documentBytes) });
    case 'not_found':
      return i18n.t('errors:facts.gone');
    case 'keychain_unavailable':
      return i18n.t('errors:facts.keychain');
    case 'history_engine_unavailable':
      return i18n.t('errors:facts.historyEngine');
    case 'link_refused':
      return i18n.t('errors:facts.link');
    case 'internal':
      return i18n.t('errors:facts.internal');
    default:
      return null;
  }
}

function hintOf(error: AppError, place: ErrorPlace, showsMessage: boolean): string | null {
  const { code } = error;
  if (place === 'settings' && isSettingsHinted(code)) return i18n.t(`errors:settingsHints.${code}`);
  if (code === 'rate_limited') {
    return error.retryAfter !== undefined
      ? i18n.t('errors:rateLimit.wait', { seconds: Math.ceil(error.retryAfter) })
      : i18n.t('errors:rateLimit.later');
  }
  // A 404 from the server is about the model or the address; the app's own "not found" is about its records.
  if (code === 'not_found' && error.status !== undefined) return i18n.t('errors:hints.not_found');
  if (isHinted(code)) return i18n.t(`errors:hints.${code}`);
  return showsMessage ? null : factHint(error);
}

export interface ErrorText {
  title: string;
  hint: string | null;
  /** What the server or the network said, when it adds something to the hint. */
  detail: string | null;
  /** 'en' when the detail is shown as main or the server said it, in English, and the UI speaks another language. */
  detailLanguage: 'en' | null;
}

/** An error's words in the UI's language, looked up each time it is shown (the language changes at run time). */
export function errorText(error: AppError, place: ErrorPlace = 'chat'): ErrorText {
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  // The app's own messages are English and say what the title and hint say; what a server or the network said is
  // shown as it came. In English the app's message is the UI's language already, and keeps its exact facts.
  const outside = error.status !== undefined || RELAYED.has(error.code);
  const showsMessage = outside || english;
  const hint = hintOf(error, place, showsMessage);
  const title = i18n.t(`errors:titles.${error.code}`);
  // Network errors carry no status; what they say comes from the socket, not from ModelsLab.
  const networkSaid = !error.status && NETWORK_CODES.has(error.code);
  const said = !error.message || !showsMessage ? null : networkSaid ? networkWords(error.message) : error.message;
  const detail = said && said !== hint ? said : null;
  return {
    title: error.status ? i18n.t('errors:withStatus', { title, status: error.status }) : title,
    hint,
    detail,
    detailLanguage: detail !== null && detail === error.message && !english ? 'en' : null,
  };
}
