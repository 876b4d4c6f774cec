import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelOf } from '../shared/contract';
import type { Result } from '../shared/errors';
import { RecordingSender } from '../../test/chat-harness';
import { pngInput } from '../../test/images';
import { registerIpc, type Handlers, type IpcMainLike } from './ipc';
import { createHandlers } from './services';
import { testServices } from '../../test/services';

type Listener = Parameters<IpcMainLike['handle']>[1];

function setup(trusted = true) {
  const listeners = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const openExternal = vi.fn(async () => {});
  const services = testServices({
    env: { MODELSLAB_API_KEY: 'k-0123456789', MODELSLAB_BASE_URL: 'http://127.0.0.1:9/api/v7/llm' },
    version: '1.2.3',
    openExternal,
  });
  const handlers = createHandlers(services);
  const onUnexpectedError = vi.fn();
  registerIpc(ipc, handlers, { isTrustedSender: () => trusted, onUnexpectedError });
  const sender = new RecordingSender();
  const call = (channel: string, ...args: unknown[]) =>
    listeners.get(channel)!({ sender }, ...args) as Promise<Result<unknown>>;
  return { listeners, call, services, handlers, onUnexpectedError, openExternal };
}

const png = pngInput();
const goodSend = {
  conversationId: null,
  content: 'Hi',
  images: [],
  model: 'meta-llama-3-8B-instruct',
  params: {},
  systemPrompt: '',
};

/** For every method: argument lists it must refuse. */
const badArgs: Record<string, unknown[][]> = {
  'chat.send': [
    [],
    [null],
    ['Hi'],
    [{ ...goodSend, extra: 1 }],
    [{ ...goodSend, content: '   ' }],
    [{ ...goodSend, content: 5 }],
    [{ ...goodSend, model: 'x'.repeat(5 * 1024 * 1024) }],
    [{ ...goodSend, model: 'has spaces in it' }],
    [{ ...goodSend, params: { temperature: 2.5 } }],
    [{ ...goodSend, params: { top_p: -0.1 } }],
    [{ ...goodSend, params: { max_tokens: 0 } }],
    [{ ...goodSend, params: { max_tokens: 10.5 } }],
    [{ ...goodSend, params: { presence_penalty: 3 } }],
    [{ ...goodSend, params: { frequency_penalty: -2.01 } }],
    [{ ...goodSend, params: { seed: 1 } }],
    [{ ...goodSend, params: { temperature: '1' } }],
    [{ ...goodSend, conversationId: 'x'.repeat(65) }],
    [goodSend, 'extra argument'],
    [{ ...goodSend, images: undefined }],
    [{ ...goodSend, images: [{ ...png, mimeType: 'image/bmp' }] }],
    [{ ...goodSend, images: [{ ...png, dataUrl: png.dataUrl.replace('image/png', 'image/gif') }] }],
    [{ ...goodSend, images: [{ ...png, dataUrl: `data:image/png;base64,${'A'.repeat(8 * 1024 * 1024)}` }] }],
    [{ ...goodSend, images: [{ ...png, thumbnail: 'javascript:alert(1)' }] }],
    [{ ...goodSend, images: [{ ...png, thumbnail: 'file://host/share/x.png' }] }],
    [{ ...goodSend, images: [{ ...png, thumbnail: 'https://tracker.example/p.png' }] }],
    [{ ...goodSend, images: [{ ...png, thumbnail: 'data:image/svg+xml;base64,PHN2Zz4=' }] }],
    [{ ...goodSend, images: [{ ...png, thumbnail: `${png.thumbnail}"><img src=x` }] }],
    [{ ...goodSend, images: [{ ...png, thumbnail: `data:image/png;base64,${'A'.repeat(200_000)}` }] }],
    [{ ...goodSend, images: [png, png, png, png, png] }],
    [{ ...goodSend, images: [{ ...png, extra: true }] }],
    [{ ...goodSend, context: { contextLength: 1e12, sendLast: null } }],
    [{ ...goodSend, context: { contextLength: null } }],
  ],
  'chat.regenerate': [
    [],
    [{ messageId: 'm1' }],
    [{ messageId: 'm1', model: 'x y', params: {}, systemPrompt: '' }],
    [{ messageId: 'm1', model: 'm', params: { temperature: 9 }, systemPrompt: '' }],
    [{ messageId: 'm1', model: 'm', params: {}, systemPrompt: '', content: 'x' }],
  ],
  'chat.edit': [
    [{ messageId: 'm1', model: 'm', params: {}, systemPrompt: '' }],
    [{ messageId: 'm1', content: ' ', model: 'm', params: {}, systemPrompt: '' }],
    [{ messageId: '', content: 'x', model: 'm', params: {}, systemPrompt: '' }],
  ],
  'chat.stop': [[], [42], [''], ['x'.repeat(5 * 1024 * 1024)], ['id', 'extra']],
  'chat.continue': [[], [7], [''], ['id', 'extra'], ['id', { maxTokens: 0 }], ['id', { maxTokens: 1.5, x: 1 }]],
  'chat.retry': [[], [null], ['x'.repeat(65)]],
  'chat.context': [
    [],
    [{ conversationId: null }],
    [{ ...goodSend, content: undefined, images: undefined }],
    [
      {
        conversationId: null,
        model: 'm',
        params: {},
        systemPrompt: '',
        context: { contextLength: 10, sendLast: null },
      },
    ],
    [{ conversationId: null, model: 'm', params: {}, systemPrompt: '', context: { contextLength: null, sendLast: 0 } }],
  ],
  'chat.pinImages': [[], ['id'], ['id', 'yes'], ['', true]],
  'conversations.list': [
    ['unexpected'],
    [{ limit: 0 }],
    [{ limit: 10_000 }],
    [{ offset: -1 }],
    [{ folder: 3 }],
    [{ x: 1 }],
  ],
  'conversations.get': [[], [null], [{}], ['x'.repeat(1000)], ['id', { limit: 'all' }], ['id', { includeId: '' }]],
  'conversations.older': [[], ['id'], ['id', 5]],
  'conversations.update': [
    [],
    ['id'],
    ['id', { title: '  ' }],
    ['id', { pinned: 'yes' }],
    ['id', { folder: 'x'.repeat(101) }],
    ['id', { id: 'other' }],
  ],
  'conversations.remove': [[], [{}]],
  'conversations.restore': [[], [1]],
  'conversations.folders': [['x']],
  'conversations.export': [['id'], ['id', 'pdf'], [null, 'json']],
  'search.messages': [[], [5], ['x'.repeat(501)], ['q', { limit: 1000 }], ['q', { offset: 1.5 }]],
  'documents.pick': [[], [''], ['x'.repeat(65)]],
  'documents.fromBytes': [
    ['r', 'a.txt'],
    ['r', '', 'aGk='],
    ['r', 'a.txt', 'not base64!'],
    // Over the size limit as base64: refused by length before a byte is decoded.
    ['r', 'a.txt', 'A'.repeat(Math.ceil((50 * 1024 * 1024) / 3) * 4 + 8)],
  ],
  'documents.cancel': [[], [3]],
  'documents.text': [[], ['../../etc/passwd'], ['A'.repeat(64)]],
  'history.status': [[1]],
  'history.startFresh': [[true]],
  'history.exportAll': [['/etc/passwd']],
  'history.import': [['/etc/passwd']],
  'settings.get': [['theme']],
  'settings.update': [
    [],
    [{ theme: 'pink' }],
    [{ baseUrl: 'https://modelslab.com/api/v7/llm' }],
    [{ windowBounds: { width: 1, height: 1 } }],
    [{ defaultParams: { temperature: 9 } }],
    [{ autoTitle: 'yes' }],
    [{ titleModel: 'has spaces' }],
  ],
  'conversations.showVersion': [[], [7], ['x'.repeat(100)]],
  'conversations.deleteMessage': [[], [null], ['a', 'b']],
  'settings.changeBaseUrl': [
    [],
    ['file:///x'],
    ['https://user:pw@evil.example'],
    ['https://a.example/v1?x=1'],
    ['javascript:alert(1)'],
    [42],
    ['https://a.example', 'extra'],
  ],
  'keys.status': [[1]],
  'keys.test': [
    [],
    [{ key: 'short', model: 'm' }],
    [{ key: 'has a space inside', model: 'm' }],
    [{ key: null }],
    [{ key: null, model: 'm', x: 1 }],
  ],
  'keys.save': [
    [],
    [{ key: 'k'.repeat(600), sessionOnly: false }],
    [{ key: 'valid-key-123', sessionOnly: 'no' }],
    [{ key: 'valid-key-123' }],
  ],
  'keys.remove': [[true]],
  'models.list': [[{}], ['all']],
  'app.info': [[{}]],
  'app.copyText': [[], [42], ['x'.repeat(5_000_001)]],
  'app.restartToUpdate': [[true]],
  'app.recovery': [[true]],
  'app.openExternal': [
    [],
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['not a url'],
    [42],
    ['https://a.b/' + 'x'.repeat(3000)],
    ['https://a.b/', 42],
    ['https://a.b/', 'x'.repeat(5000)],
  ],
};

describe('registerIpc', () => {
  it('binds every method of the contract, and nothing else', () => {
    const { listeners } = setup();
    const expected = Object.entries(API_METHODS).flatMap(([n, ms]) => Object.keys(ms).map((m) => channelOf(n, m)));
    expect([...listeners.keys()].sort()).toEqual(expected.sort());
    expect(Object.keys(badArgs).sort()).toEqual(expected.sort());
  });

  for (const [channel, cases] of Object.entries(badArgs)) {
    it(`answers bad arguments to ${channel} with bad_input`, async () => {
      const { call } = setup();
      for (const args of cases) {
        const result = await call(channel, ...args);
        expect(result.ok, `${channel}(${JSON.stringify(args).slice(0, 80)})`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('bad_input');
          expect(result.error.message.length).toBeLessThanOrEqual(300);
        }
      }
    });
  }

  it('accepts good arguments', async () => {
    const { call, services, openExternal } = setup();
    expect(await call('app.info')).toEqual({
      ok: true,
      value: { version: '1.2.3', baseUrl: 'http://127.0.0.1:9/api/v7/llm', baseUrlFromEnv: true, platform: 'test' },
    });
    expect(await call('keys.status')).toEqual({
      ok: true,
      value: { configured: true, source: 'env', hint: '6789', keychainProblem: null, origin: 'http://127.0.0.1:9' },
    });
    expect(await call('app.openExternal', 'https://modelslab.com/dashboard/api-keys')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(openExternal).toHaveBeenCalledWith('https://modelslab.com/dashboard/api-keys');
    const sent = await call('chat.send', goodSend);
    expect(sent.ok).toBe(true);
    services.chat.stopAll();
  });

  it('refuses every call from an untrusted sender before parsing it', async () => {
    const { call, listeners } = setup(false);
    for (const channel of listeners.keys()) {
      const result = await call(channel);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('answers an unknown conversation with not_found', async () => {
    const { call } = setup();
    expect(await call('conversations.get', 'missing')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('hides the details of an unexpected fault', async () => {
    const listeners = new Map<string, Listener>();
    const handlers = createHandlers(testServices()) as Handlers;
    handlers.keys.status = async () => {
      throw new Error('secret internal path /home/me');
    };
    const onUnexpectedError = vi.fn();
    registerIpc({ handle: (c, l) => void listeners.set(c, l) }, handlers, {
      isTrustedSender: () => true,
      onUnexpectedError,
    });
    const result = (await listeners.get('keys.status')!({ sender: new RecordingSender() })) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/home/me');
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });
});
