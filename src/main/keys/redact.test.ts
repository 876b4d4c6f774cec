import { describe, expect, it } from 'vitest';
import { installRedaction, redact, redactValue, REDACTED, secretForms } from './redact';

const KEY = 'Xy7qP2mN9vB4kL8sD3fG6hJ1wE5rT0aZcV2bN7mQ4pL9kJ3hG6fD1sA8';

describe('redact', () => {
  it('removes the configured key wherever it appears, even short of key shape', () => {
    expect(redact(`request failed for key ${KEY}!`, [KEY])).toBe(`request failed for key ${REDACTED}!`);
    expect(redact('key=abcdefgh in a url?q=abcdefgh', ['abcdefgh'])).not.toContain('abcdefgh');
  });

  it('removes unknown tokens shaped like keys', () => {
    expect(redact(`token ${KEY} rejected`)).toBe(`token ${REDACTED} rejected`);
    expect(redact('sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e')).toBe(REDACTED);
  });

  it('removes bearer tokens and values after key-like names, however short', () => {
    expect(redact('Authorization: Bearer abc123')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('{"apiKey":"short-1"}')).toBe(`{"apiKey":"${REDACTED}"}`);
    expect(redact('x-api-key: k-0123')).toBe(`x-api-key: ${REDACTED}`);
    expect(redact('https://x.test/v1?api_key=abc&model=m')).toBe(`https://x.test/v1?api_key=${REDACTED}&model=m`);
  });

  it('keeps ordinary log text, paths, model ids and conversation ids', () => {
    const line =
      'stream ended for 3f2b8c1e-9d4a-4b6f-8e2c-1a7d5f9b3c0e with meta-llama/Llama-3.1-70B-Instruct at /home/user/.config/ModelsLab Chat/logs/main.log';
    expect(redact(line)).toBe(line);
    expect(redact('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('ignores missing or too-short configured values', () => {
    expect(redact('the key is a', ['', null, undefined, 'a'])).toBe('the key is a');
  });
});

describe('every form a key takes', () => {
  const key = 'ml-live-key-0123456789';
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it.each([
    ['key=', 'https://modelslab.com/api/v6/x?key=abc12345&model=m', 'abc12345'],
    ['"key":', '{"key": "abc12345", "prompt": "hi"}', 'abc12345'],
    ['Basic', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
    ['a bare Basic', 'sent basic dXNlcjpwYXNzd29yZA== upstream', 'dXNlcjpwYXNzd29yZA=='],
    ['URL-encoded names', 'body=%7B%22key%22%3A%22abc12345%22%7D', 'abc12345'],
    ['api_key%3D', 'next=%2Fv1%3Fapi_key%3Dabc12345%26x%3D1', 'abc12345'],
    ['access_token', 'access_token=abc12345', 'abc12345'],
  ])('removes values after %s', (_name, text, secret) => {
    expect(redact(text)).not.toContain(secret);
    expect(redact(text)).toContain(REDACTED);
  });

  it.each([
    ['URL-encoded', (k: string) => encodeURIComponent(`${k}&`) + 'x'],
    ['base64 of the key', (k: string) => b64(k)],
    ['base64 of Bearer <key>', (k: string) => b64(`Bearer ${k}`)],
    ['base64 of user:<key>', (k: string) => b64(`user:${k}`)],
    ['base64 of ab<key>', (k: string) => b64(`ab${k}`)],
    ['URL-safe base64', (k: string) => Buffer.from(`??${k}??`).toString('base64url')],
    ['hex', (k: string) => Buffer.from(k).toString('hex')],
    ['HEX', (k: string) => Buffer.from(k).toString('hex').toUpperCase()],
  ])('removes the known key %s', (_name, encode) => {
    const out = redact(`payload ${encode(key)} end`, [key]);
    expect(out).toContain(REDACTED);
    expect(secretForms(key).some((f) => out.includes(f))).toBe(false);
  });

  it('keeps ordinary words after names that merely contain "key"', () => {
    expect(redact('monkey=banana, keyboard: yes, max_tokens: 1000')).toBe(
      'monkey=banana, keyboard: yes, max_tokens: 1000',
    );
  });
});

describe('redactValue', () => {
  const key = 'ml-live-key-0123456789';

  it('reaches deep objects, Maps, Sets, Headers, URLs, error causes and class instances, and survives cycles', () => {
    class Request {
      constructor(readonly url: string) {}
    }
    const cyclic: Record<string, unknown> = { note: `k ${key}` };
    cyclic.self = cyclic;
    const value = {
      a: { b: { c: { d: { e: [`deep ${key}`] } } } },
      map: new Map([
        ['authorization', `Bearer ${key}`],
        ['other', `x ${key}`],
      ]),
      set: new Set([`in a set ${key}`]),
      headers: new Headers({ 'x-api-key': key, accept: 'json' }),
      url: new URL(`https://x.test/v1?q=${key}`),
      error: new Error('outer', { cause: new Error(`inner ${key}`) }),
      request: new Request(`https://x.test/?k=${key}`),
      bytes: Buffer.from(key),
      cyclic,
    };
    const out = redactValue(value, [key]) as Record<string, unknown>;
    const seen = JSON.stringify(out, (_k, v: unknown) =>
      v instanceof Map || v instanceof Set ? [...v] : v instanceof Error ? { m: v.message, c: v.cause } : v,
    );
    expect(seen).not.toContain(key);
    expect(seen).toContain('[circular]');
    expect((out.headers as Map<string, string>).get('accept')).toBe('json');
  });
});

describe('redactValue, plain', () => {
  it('redacts inside errors, arrays and objects, and any string under a key-like name', () => {
    const error = new Error(`401 for ${KEY}`);
    const out = redactValue([error, { headers: { Authorization: 'anything' }, nested: [`k ${KEY}`] }], []) as [
      Error,
      { headers: { Authorization: string }; nested: string[] },
    ];
    expect(out[0]).toBeInstanceOf(Error);
    expect(out[0].message).toBe(`401 for ${REDACTED}`);
    expect(out[0].stack).not.toContain(KEY);
    expect(out[1].headers.Authorization).toBe(REDACTED);
    expect(out[1].nested[0]).toBe(`k ${REDACTED}`);
    expect(error.message).toContain(KEY);
  });
});

describe('installRedaction', () => {
  it('rewrites every message before transports see it, with the key known at that moment', () => {
    const hooks: Array<(message: { data: unknown[] }) => { data: unknown[] } | false> = [];
    let current = 'first-secret-value';
    installRedaction(hooks, () => [current]);
    const run = (data: unknown[]) => hooks.reduce<{ data: unknown[] } | false>((m, h) => m && h(m), { data });
    expect(run(['using first-secret-value'])).toEqual({ data: [`using ${REDACTED}`] });
    current = 'second-secret-value';
    expect(run(['using second-secret-value', 42])).toEqual({ data: [`using ${REDACTED}`, 42] });
  });
});
