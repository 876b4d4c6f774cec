import { describe, expect, it } from 'vitest';
import { IMAGE_TOKENS, MESSAGE_OVERHEAD, REPLY_PRIMING } from '../../shared/context';
import type { Attachment, Message, MessageStatus } from '../../shared/domain';
import { buildRequest, type RequestSettings } from './request-builder';
import { threadProblem } from '../../../test/strict-thread';
import { msg } from '../../../test/thread-message';

const image = (name: string): Attachment => ({ id: name, name, mimeType: 'image/png', size: 1, thumbnail: '' });
const settings: RequestSettings = { model: 'm', params: {}, systemPrompt: '', sendLast: null };
const roomy = { contextLength: 1_000_000, systemTokens: 0 };
const options = {
  mode: 'reply' as const,
  includeUsage: true,
  readImage: (a: Attachment) => `data:image/png;base64,${a.id}`,
};

type Sent = { role: string; content: unknown };
const sentOf = (thread: Message[], mode: 'reply' | 'continue' = 'reply') =>
  buildRequest(thread, settings, roomy, { ...options, mode }).body.messages as Sent[];

/** Every way a reply can have ended, with and without text. */
const ENDINGS: { status: MessageStatus; text: boolean }[] = (
  ['done', 'stopped', 'interrupted', 'error', 'streaming'] as const
).flatMap((status) => [
  { status, text: true },
  { status, text: false },
]);
const kept = (e: { status: MessageStatus; text: boolean }) =>
  e.text && e.status !== 'error' && e.status !== 'streaming';

describe('alternation, over every combination of how three earlier replies ended', () => {
  const combos = ENDINGS.flatMap((a) => ENDINGS.flatMap((b) => ENDINGS.map((c) => [a, b, c])));

  it.each([['reply'], ['continue']] as const)('%s: a strict server accepts every request', (mode) => {
    for (const endings of combos) {
      const thread: Message[] = [];
      endings.forEach((e, i) => {
        thread.push(msg('user', `question ${i}`));
        thread.push(msg('assistant', e.text ? `answer ${i}` : '', { status: e.status }));
      });
      if (mode === 'reply') thread.push(msg('user', 'the new question'));
      const last = endings.at(-1)!;
      // Continue is offered only on a reply with text.
      if (mode === 'continue' && !last.text) continue;
      const sent = sentOf(thread, mode);
      const label = `${mode} ${JSON.stringify(endings)}`;
      expect(threadProblem({ messages: sent, stream: true }), label).toBeNull();

      const replies = sent.filter((m) => m.role === 'assistant').map((m) => m.content);
      const expected = endings.flatMap((e, i) => {
        const isContinued = mode === 'continue' && i === endings.length - 1;
        return kept(e) || isContinued ? [`answer ${i}`] : [];
      });
      expect(replies, label).toEqual(expected);
      // Every question is there once, in order; those left without an answer are joined to the next.
      const questions = sent.filter((m) => m.role === 'user').map((m) => String(m.content));
      expect(questions.join('\n\n'), label).toBe(
        [...endings.map((_, i) => `question ${i}`), ...(mode === 'reply' ? ['the new question'] : [])].join('\n\n'),
      );
      expect(sent.at(-1)!.role, label).toBe(mode === 'reply' ? 'user' : 'assistant');
    }
  });

  it('sends a partial reply that failed only when it is the one being continued', () => {
    const failed = msg('assistant', 'half an ans', { status: 'error' });
    const thread = [msg('user', 'q'), failed];
    expect(sentOf(thread, 'continue').map((m) => m.content)).toEqual(['q', 'half an ans']);
    expect(sentOf([...thread, msg('user', 'next')]).map((m) => m.content)).toEqual(['q\n\nnext']);
  });

  it('drops a thread’s leading reply and system messages in it, which strict servers refuse', () => {
    const thread = [msg('assistant', 'orphan'), msg('system', 'old'), msg('user', 'q')];
    expect(sentOf(thread)).toEqual([{ role: 'user', content: 'q' }]);
  });
});

describe('the budget', () => {
  /** 20 turns of 100-token messages. */
  function long(turns = 20): Message[] {
    return Array.from({ length: turns }, (_, i) => [
      msg('user', `q${i}`, { tokens: 100 }),
      msg('assistant', `a${i}`, { tokens: 100 }),
    ]).flat();
  }
  const turnCost = 2 * (100 + MESSAGE_OVERHEAD);

  it('keeps the system prompt and the newest whole turns that fit in context − max_tokens', () => {
    const thread = [...long(), msg('user', 'now', { tokens: 100 })];
    const system = { ...settings, systemPrompt: 'Be brief.', params: { max_tokens: 500 } };
    const budget = { contextLength: 2000, systemTokens: 3 };
    const { body, context } = buildRequest(thread, system, budget, options);
    const base = REPLY_PRIMING + 3 + MESSAGE_OVERHEAD + 100 + MESSAGE_OVERHEAD;
    const fit = Math.floor((1500 - base) / turnCost);
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(body.messages).toHaveLength(1 + 2 * fit + 1);
    expect(body.messages[1]).toEqual({ role: 'user', content: `q${20 - fit}` });
    expect(context).toMatchObject({
      limit: 1500,
      maxTokens: 500,
      baseTokens: base,
      firstSentId: thread[2 * (20 - fit)]!.id,
      notSent: 2 * (20 - fit),
      overLimit: false,
      reachedStart: false,
    });
    expect(context.promptTokens).toBe(base + fit * turnCost);
    expect(context.promptTokens).toBeLessThanOrEqual(1500);
    expect(context.turnTokens).toEqual(Array(fit).fill(turnCost));
  });

  it('never splits a turn, and always sends the newest one, saying when it alone is too long', () => {
    const thread = [...long(2), msg('user', 'huge', { tokens: 5000 })];
    const { body, context } = buildRequest(thread, settings, { contextLength: 4096, systemTokens: 0 }, options);
    expect(body.messages).toEqual([{ role: 'user', content: 'huge' }]);
    expect(context).toMatchObject({ overLimit: true, notSent: 4, limit: 3096 });
    // Room for one and a half turns: one goes, whole.
    const half = buildRequest(
      [...long(2), msg('user', 'x', { tokens: 0 })],
      settings,
      {
        contextLength: 1000 + REPLY_PRIMING + MESSAGE_OVERHEAD + turnCost * 1.5,
        systemTokens: 0,
      },
      options,
    );
    expect(half.body.messages.map((m) => m.content)).toEqual(['q1', 'a1', 'x']);
  });

  it('sends at most the last N messages when the chat says so, still in whole turns', () => {
    const thread = [...long(), msg('user', 'now')];
    const last = (n: number) =>
      buildRequest(thread, { ...settings, sendLast: n }, roomy, options).body.messages.map((m) => m.content);
    expect(last(5)).toEqual(['q18', 'a18', 'q19', 'a19', 'now']);
    expect(last(4)).toEqual(['q19', 'a19', 'now']);
    expect(last(1)).toEqual(['now']);
  });

  it('reaches the start of a short thread', () => {
    const { context } = buildRequest([...long(2), msg('user', 'now')], settings, roomy, options);
    expect(context).toMatchObject({ reachedStart: true, notSent: 0, leftOut: [] });
  });

  it('previews what a message being typed would go with', () => {
    const failed = msg('assistant', '', { status: 'error' });
    const thread = [...long(2), msg('user', 'unanswered', { tokens: 7 }), failed];
    const { context } = buildRequest(thread, settings, roomy, { ...options, mode: 'preview' });
    // The unanswered question goes with the next message, joined to it.
    expect(context.baseTokens).toBe(REPLY_PRIMING + 7 + MESSAGE_OVERHEAD + 2);
    expect(context.turnTokens).toEqual([turnCost, turnCost]);
    expect(context.leftOut).toEqual([failed.id]);
    const empty = buildRequest([], settings, roomy, { ...options, mode: 'preview' });
    expect(empty.context).toMatchObject({
      firstSentId: null,
      notSent: 0,
      baseTokens: REPLY_PRIMING + MESSAGE_OVERHEAD,
    });
  });
});

describe('images', () => {
  it('go with the newest user turn and pinned messages only, and count in the budget', () => {
    const thread = [
      msg('user', 'look', { attachments: [image('a')] }),
      msg('assistant', 'a red square'),
      msg('user', 'and this', { attachments: [image('b')], imagesPinned: true }),
      msg('assistant', 'a blue one'),
      msg('user', 'compare', { attachments: [image('c')] }),
    ];
    const { body, context } = buildRequest(thread, settings, roomy, options);
    const urls = body.messages.flatMap((m) =>
      Array.isArray(m.content) ? m.content.flatMap((p) => (p.type === 'image_url' ? [p.image_url.url] : [])) : [],
    );
    expect(urls).toEqual(['data:image/png;base64,b', 'data:image/png;base64,c']);
    expect(body.messages[0]).toEqual({ role: 'user', content: 'look' });
    expect(context.imagesSent).toBe(2);
    expect(context.baseTokens).toBe(REPLY_PRIMING + 10 + MESSAGE_OVERHEAD + IMAGE_TOKENS);
  });

  it('sent alone make a user turn of image parts only, with no empty text part', () => {
    const thread = [msg('user', 'hi'), msg('assistant', 'hello'), msg('user', '', { attachments: [image('a')] })];
    const sent = sentOf(thread);
    expect(threadProblem({ messages: sent, stream: true })).toBeNull();
    expect(sent.at(-1)).toEqual({
      role: 'user',
      content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,a' } }],
    });
  });

  it('sent alone after a failed reply join the next question without an empty paragraph', () => {
    const thread = [
      msg('user', '', { attachments: [image('a')] }),
      msg('assistant', '', { status: 'error' }),
      msg('user', 'well?'),
    ];
    expect(sentOf(thread)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'well?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,a' } },
        ],
      },
    ]);
  });

  it('of a question whose reply failed go again with the message joined to it', () => {
    const thread = [
      msg('user', 'look', { attachments: [image('a')] }),
      msg('assistant', '', { status: 'error' }),
      msg('user', 'well?'),
    ];
    expect(sentOf(thread)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'look\n\nwell?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,a' } },
        ],
      },
    ]);
  });
});

describe('the body', () => {
  it('carries the parameters and asks for usage unless told not to', () => {
    const thread = [msg('user', 'hi')];
    const withParams = { ...settings, params: { temperature: 0.2, max_tokens: 64 } };
    expect(buildRequest(thread, withParams, roomy, options).body).toEqual({
      model: 'm',
      temperature: 0.2,
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(buildRequest(thread, settings, roomy, { ...options, includeUsage: false }).body).not.toHaveProperty(
      'stream_options',
    );
  });

  it('estimates messages saved without a count instead of failing', () => {
    const thread = [msg('user', 'x'.repeat(400), { tokens: null })];
    expect(buildRequest(thread, settings, roomy, options).context.baseTokens).toBe(
      REPLY_PRIMING + 100 + MESSAGE_OVERHEAD,
    );
  });
});
