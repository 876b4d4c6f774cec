import { DEFAULT_BASE_URL, LIMITS } from './domain';

/**
 * The one rule for a base URL, wherever one comes from (the UI, the settings file, MODELSLAB_BASE_URL): http or
 * https, a host, no user name or password (they would travel with every request and hide the real host), no query
 * or fragment (paths are appended to it). Returns what is wrong, or null. `baseUrlSchema` (schemas.ts) wraps it.
 */
export function baseUrlProblem(raw: string): string | null {
  const value = raw.trim();
  if (value.length > LIMITS.url) return 'That address is too long';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter an http or https address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only http and https addresses work';
  if (!url.hostname) return 'The address needs a host';
  if (url.username || url.password) return 'The address may not carry a user name or password';
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    return 'The address may not have a query (?) or fragment (#)';
  }
  return null;
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
