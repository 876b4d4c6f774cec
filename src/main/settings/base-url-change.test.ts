import { afterEach, describe, expect, it } from 'vitest';
import { RecordingSender, input } from '../../../test/chat-harness';
import { ModelsLabServer } from '../../../test/modelslab-server';
import type { MessageBox } from '../desktop/ask';
import { createHandlers } from '../services';
import { memorySettings } from './settings-store';
import { testServices } from '../../../test/services';

const KEY = 'ml-saved-key-0123456789';
let servers: ModelsLabServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

/** The app with a key saved for server A, and a dialog stub that answers with `answer` and records each box. */
async function setup(answer: 'cancel' | 'switch' | 'carry', env: Record<string, string> = {}) {
  const a = await new ModelsLabServer(KEY).start();
  const b = await new ModelsLabServer(KEY).start();
  servers.push(a, b);
  const settings = memorySettings();
  settings.update({ baseUrl: a.baseUrl });
  const asked: MessageBox[] = [];
  const services = testServices({
    env,
    settings,
    ask: async (box) => {
      asked.push(box);
      return Math.min(['cancel', 'switch', 'carry'].indexOf(answer), box.buttons.length - 1);
    },
  });
  const handlers = createHandlers(services);
  const sender = new RecordingSender();
  const c = { sender };
  if (!env.MODELSLAB_API_KEY) await handlers.keys.save(c, { key: KEY, sessionOnly: false });
  /** Everything server B received that carries the key. */
  const keyAtB = () => b.requests.filter((r) => JSON.stringify(r.headers).includes(KEY));
  return { a, b, services, handlers, c, asked, keyAtB, sender };
}

describe('changing the base URL', () => {
  it('within the same origin applies at once, without a question, and the key still works', async () => {
    const { a, handlers, c, asked, services } = await setup('cancel');
    const change = await handlers.settings.changeBaseUrl(c, `${a.baseUrl.replace('/api/v7/llm', '')}/v2/`);
    expect(change.outcome).toBe('changed');
    expect(change.settings.values.baseUrl).toMatch(/\/v2$/);
    expect(change.key.configured).toBe(true);
    expect(asked).toEqual([]);
    expect(services.app.info().baseUrl).toMatch(/\/v2$/);
  });

  it('to another origin asks in main’s dialog, naming it; Cancel changes nothing', async () => {
    const { a, b, handlers, c, asked, services } = await setup('cancel');
    const change = await handlers.settings.changeBaseUrl(c, b.baseUrl);
    expect(change.outcome).toBe('cancelled');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toContain(new URL(b.baseUrl).origin);
    expect(asked[0]!.buttons[asked[0]!.defaultId]).toBe('Cancel');
    expect(asked[0]!.cancelId).toBe(0);
    expect(services.app.info().baseUrl).toBe(a.baseUrl);
    expect((await services.models.list()).error).toBeNull();
    expect(b.requests).toEqual([]);
  });

  it('asks in the language of the settings at the moment it asks, the origins and key hint kept as they are', async () => {
    const { a, b, handlers, c, asked, services } = await setup('cancel');
    const to = new URL(b.baseUrl).origin;
    services.settings.update({ language: 'ja' });
    await handlers.settings.changeBaseUrl(c, b.baseUrl);
    expect(asked[0]).toMatchObject({
      title: 'リクエストの送信先を変更',
      message: `チャットを ${to} に送信しますか？`,
      buttons: ['キャンセル', '切り替えてキーを入力する', `切り替えてキーを ${to} に送信する`],
    });
    expect(asked[0]!.detail).toContain(`（末尾 ${KEY.slice(-4)}）`);
    services.settings.update({ language: 'ar' });
    await handlers.settings.changeBaseUrl(c, b.baseUrl);
    expect(asked[1]!.title).toBe('تغيير وجهة الطلبات');
    expect(asked[1]!.message).toBe(`هل تريد إرسال محادثاتك إلى ${to}؟`);
    expect(asked[1]!.detail).toContain(new URL(a.baseUrl).origin);
    expect(asked[1]!.buttons[0]).toBe('إلغاء');
  });

  it('warns about plain HTTP to another computer', async () => {
    const { handlers, c, asked } = await setup('cancel');
    await handlers.settings.changeBaseUrl(c, 'http://gateway.example.com/v1');
    expect(asked[0]!.type).toBe('warning');
    expect(asked[0]!.detail).toMatch(/plain HTTP.*unencrypted/s);
    await handlers.settings.changeBaseUrl(c, 'https://gateway.example.com/v1');
    expect(asked[1]!.detail).not.toMatch(/plain HTTP/);
  });

  it('after Switch, the key stays with the old origin: models, key test and chat send nothing with it', async () => {
    const { a, b, handlers, c, services, keyAtB, sender } = await setup('switch');
    const change = await handlers.settings.changeBaseUrl(c, b.baseUrl);
    expect(change).toMatchObject({ outcome: 'changed', key: { configured: false, origin: new URL(a.baseUrl).origin } });
    expect((await services.models.list()).error?.code).toBe('key_origin');
    await expect(handlers.keys.test(c, { key: null, model: 'm' })).rejects.toMatchObject({ code: 'key_origin' });
    await expect(services.chat.send(sender, input('secret history'))).rejects.toMatchObject({ code: 'key_origin' });
    expect(b.requests).toEqual([]);
    expect(keyAtB()).toEqual([]);
    // A key entered for the new address is the user's own choice, and works.
    await handlers.keys.save(c, { key: 'ml-new-key-for-b-000', sessionOnly: false });
    expect((await handlers.keys.status(c)).configured).toBe(true);
  });

  it('after "Switch and send my key", the key goes to the new origin', async () => {
    const { b, handlers, c, services, asked, keyAtB } = await setup('carry');
    expect((await handlers.settings.changeBaseUrl(c, b.baseUrl)).key.configured).toBe(true);
    expect(asked[0]!.buttons.at(-1)).toContain(new URL(b.baseUrl).origin);
    expect((await services.models.list()).error).toBeNull();
    expect(keyAtB().length).toBeGreaterThan(0);
  });

  it('never offers to carry a key from the environment, which is bound to MODELSLAB_BASE_URL', async () => {
    const { b, handlers, c, asked, keyAtB, services } = await setup('carry', { MODELSLAB_API_KEY: KEY });
    const change = await handlers.settings.changeBaseUrl(c, b.baseUrl);
    expect(asked[0]!.buttons).toHaveLength(2);
    expect(change.key).toMatchObject({ configured: false, source: 'env' });
    expect((await services.models.list()).error?.code).toBe('key_origin');
    expect(keyAtB()).toEqual([]);
  });

  it('whatever the settings file says, the key goes only to its origin', async () => {
    const { b, services, keyAtB, sender } = await setup('switch');
    services.settings.update({ baseUrl: b.baseUrl });
    expect((await services.models.list()).error?.code).toBe('key_origin');
    await expect(services.chat.send(sender, input('hello'))).rejects.toMatchObject({ code: 'key_origin' });
    expect(keyAtB()).toEqual([]);
  });

  it('refuses an address that breaks the base URL rule before asking anything', async () => {
    const { handlers, c, asked } = await setup('switch');
    await expect(handlers.settings.changeBaseUrl(c, 'https://user:pw@evil.example')).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect(asked).toEqual([]);
  });
});
