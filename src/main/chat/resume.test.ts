import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { SqliteHistory } from '../history/sqlite-history';
import { input, startChat } from '../../../test/chat-harness';

let dir = '';
let ctx: Awaited<ReturnType<typeof startChat>>;
afterEach(async () => {
  await ctx?.server.stop();
  ctx?.services.history.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A reply cut off by a crash: saved as streaming, found interrupted when the store opens again. */
async function interruptedReply() {
  dir = mkdtempSync(join(tmpdir(), 'resume-'));
  ctx = await startChat({ dataDir: dir });
  ctx.server.next({ kind: 'stream', chunks: ['The answer ', 'is '], hang: true });
  const sent = await ctx.services.chat.send(ctx.sender, input('What is it?'));
  await ctx.sender.waitFor(() =>
    ctx.services.history.getMessage(sent.assistantMessage.id)?.content === 'The answer is ' ? true : undefined,
  );
  // Simulates the crash: the process goes away without ending the stream.
  ctx.services.history.close();
  const server = ctx.server;
  ctx = await startChat({ history: new SqliteHistory(dir) });
  await server.stop();
  return ctx.services.history.getMessage(sent.assistantMessage.id)!;
}

it('continues an interrupted reply, sending the partial text so the model carries on', async () => {
  const reply = await interruptedReply();
  expect(reply).toMatchObject({ status: 'interrupted', content: 'The answer is ' });
  ctx.server.next({ kind: 'stream', chunks: ['forty', '-two.'] });
  const streaming = await ctx.services.chat.continue(ctx.sender, reply.id);
  expect(streaming).toMatchObject({ id: reply.id, status: 'streaming', content: 'The answer is ' });
  const final = await ctx.sender.end(reply.id);
  expect(final).toMatchObject({ status: 'done', content: 'The answer is forty-two.' });
  const body = ctx.server.chatRequests().at(-1)!.body as { messages: { role: string; content: string }[] };
  expect(body.messages).toEqual([
    { role: 'user', content: 'What is it?' },
    { role: 'assistant', content: 'The answer is ' },
  ]);
  expect(ctx.services.history.listMessages(reply.conversationId)).toHaveLength(2);
});

it('retries an interrupted reply from scratch, keeping the cut-off one as a version', async () => {
  const reply = await interruptedReply();
  ctx.server.next({ kind: 'stream', chunks: ['Forty-two.'] });
  const again = await ctx.services.chat.retry(ctx.sender, reply.id);
  expect(again.id).not.toBe(reply.id);
  expect(await ctx.sender.end(again.id)).toMatchObject({ status: 'done', content: 'Forty-two.' });
  const body = ctx.server.chatRequests().at(-1)!.body as { messages: { role: string }[] };
  expect(body.messages.map((m) => m.role)).toEqual(['user']);
  const { detailOf } = await import('../history/conversation-detail');
  const detail = detailOf(ctx.services.history, reply.conversationId);
  expect(detail.messages.map((m) => m.content)).toEqual(['What is it?', 'Forty-two.']);
  expect(detail.versions[again.id]).toEqual([reply.id, again.id]);
  expect(ctx.services.history.getMessage(reply.id)).toMatchObject({ status: 'interrupted', content: 'The answer is ' });
});

it('refuses to continue a finished reply', async () => {
  dir = mkdtempSync(join(tmpdir(), 'resume-'));
  ctx = await startChat({ dataDir: dir });
  const sent = await ctx.services.chat.send(ctx.sender, input('Hi'));
  await ctx.sender.end(sent.assistantMessage.id);
  await expect(ctx.services.chat.continue(ctx.sender, sent.assistantMessage.id)).rejects.toMatchObject({
    code: 'bad_input',
  });
});
