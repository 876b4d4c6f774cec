import { DEFAULT_BASE_URL, LIMITS } from './domain';

/** What can be wrong with a base URL; the window words each in the user's language (locales' fields.baseUrl). */
export type BaseUrlFault = 'tooLong' | 'notUrl' | 'notHttp' | 'noHost' | 'userInfo' | 'queryOrFragment';

const FAULT_TEXT: Record<BaseUrlFault, string> = {
  tooLong: 'That address is too long',
  notUrl: 'Enter an http or https address',
  notHttp: 'Only http and https addresses work',
  noHost: 'The address needs a host',
  userInfo: 'The address may not carry a user name or password',
  queryOrFragment: 'The address may not have a query (?) or fragment (#)',
};

/**
 * The one rule for a base URL, wherever one comes from (the UI, the settings file, MODELSLAB_BASE_URL): http or
 * https, a host, no user name or password (they would travel with every request and hide the real host), no query
 * or fragment (paths are appended to it). Returns what is wrong, or null.
 */
export function baseUrlFault(raw: string): BaseUrlFault | null {
  const value = raw.trim();
  if (value.length > LIMITS.url) return 'tooLong';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notUrl';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'notHttp';
  if (!url.hostname) return 'noHost';
  if (url.username || url.password) return 'userInfo';
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'queryOrFragment';
  return null;
}

/** `baseUrlFault` in English, for main's logs and schema messages (`baseUrlSchema` in schemas.ts wraps it). */
export function baseUrlProblem(raw: string): string | null {
  const fault = baseUrlFault(raw);
  return fault && FAULT_TEXT[fault];
}

/** Trailing slashes dropped, so equal addresses compare equal. */
export function normalizeBaseUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, '');
}

/** The normalized base URL, or null when it breaks the rule. */
export function parseBaseUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || baseUrlProblem(value)) return null;
  return normalizeBaseUrl(value);
}

/** `scheme://host[:port]` with the host in ASCII (punycode for an international name): where a key may go. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

export const DEFAULT_ORIGIN = originOf(DEFAULT_BASE_URL);

/** The key travels to the base URL: anything but HTTPS or this computer deserves a second thought. */
export function isExposedBaseUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
    return protocol !== 'https:' && !loopback;
  } catch {
    return false;
  }
}
