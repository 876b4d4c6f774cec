import { describe, expect, it } from 'vitest';
import { findLeaks } from '../e2e/fixtures/leaks';

const KEY = 'ml-test-key-0123456789abcdef';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Main's answers as the e2e binding records them, with one planted leak each. */
const planted: [string, unknown][] = [
  ['the key itself', { ok: true, value: { note: KEY } }],
  ['8 characters of it', { ok: false, error: { code: 'network', message: `failed near ${KEY.slice(5, 13)}` } }],
  ['base64 of the key', { ok: true, value: b64(KEY) }],
  ['base64 of "Bearer <key>"', { header: b64(`Bearer ${KEY}`) }],
  ['base64 of "Authorization: Bearer <key>"', [b64(`Authorization: Bearer ${KEY}`)]],
  ['base64 of "user:<key>" (Basic)', { basic: `Basic ${b64(`user:${KEY}`)}` }],
  ['URL-safe base64 inside a longer text', Buffer.from(`>>${KEY}<<`).toString('base64url')],
  ['hex of the key', Buffer.from(KEY).toString('hex')],
  ['hex of "Bearer <key>"', Buffer.from(`Bearer ${KEY}`).toString('hex').toUpperCase()],
  ['URL-encoded, inside a query', `https://evil.example/?k=${encodeURIComponent(`Bearer ${KEY}`)}`],
];

describe('the e2e leak check', () => {
  it.each(planted)('catches %s', (_name, payload) => {
    expect(findLeaks([{ ok: true, value: 'clean' }, payload], [KEY])).toHaveLength(1);
  });

  it('passes payloads that do not carry the key, including its last four characters as a hint', () => {
    const clean = [{ ok: true, value: { configured: true, source: 'keychain', hint: KEY.slice(-4) } }, b64('hello')];
    expect(findLeaks(clean, [KEY])).toEqual([]);
  });
});
