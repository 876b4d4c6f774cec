import { describe, expect, it } from 'vitest';
import { installRedaction, redact, redactValue, REDACTED } from './redact';

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

describe('redactValue', () => {
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
