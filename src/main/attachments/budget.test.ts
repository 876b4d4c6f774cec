import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { input, startChat } from '../../../test/chat-harness';
import { plantSentImages, pngInput } from '../../../test/images';
import type { ImageInput } from '../../shared/contract';
import { checkBudget, DAY_MS } from './budget';

const MB = 1024 * 1024;
const NOW = Date.UTC(2025, 5, 1, 12);

describe('checkBudget', () => {
  it('allows up to 4 images and 10 MB in one message', () => {
    expect(() => checkBudget([4 * MB, 4 * MB, MB, MB], [], NOW)).not.toThrow();
    expect(() => checkBudget([1, 1, 1, 1, 1], [], NOW)).toThrow('A message can carry up to 4 images.');
    expect(() => checkBudget([4 * MB, 4 * MB, 4 * MB], [], NOW)).toThrow(
      'These images add up to 12 MB; one message can carry up to 10 MB.',
    );
  });

  it('allows 200 MB over any 24 hours, and says how long to wait', () => {
    const hoursAgo = (h: number) => NOW - h * 3_600_000;
    const stored = [
      { size: 150 * MB, addedAt: hoursAgo(25) }, // outside the window
      { size: 100 * MB, addedAt: hoursAgo(20) },
      { size: 95 * MB, addedAt: hoursAgo(2) },
    ];
    expect(() => checkBudget([5 * MB], stored, NOW)).not.toThrow();
    let caught: unknown;
    try {
      checkBudget([6 * MB], stored, NOW);
    } catch (error) {
      caught = error;
    }
    // 100 MB leaves the window 4 hours from now.
    expect(caught).toMatchObject({
      code: 'attachment_limit',
      message:
        'Images added in the last 24 hours come to 195.0 MB; 6.0 MB more would pass the limit of 200 MB a day. ' +
        'Try again in about 4 hours.',
      retryAfter: 4 * 3600,
    });
  });
});

describe('chat.send with images over the budget', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  async function start() {
    const dataDir = mkdtempSync(join(tmpdir(), 'mlc-budget-'));
    const ctx = await startChat({ dataDir });
    cleanup = () => {
      ctx.services.history.close();
      void ctx.server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    const existing = await ctx.services.chat.send(ctx.sender, input('An earlier chat'));
    await ctx.sender.end(existing.assistantMessage.id);
    const snapshot = () =>
      ctx.services.history.listConversations().map((c) => ({ c, messages: ctx.services.history.listMessages(c.id) }));
    return { ...ctx, dir: join(dataDir, 'attachments'), snapshot };
  }

  const bigPng = (name: string, bytes: number): ImageInput => {
    const data = Buffer.alloc(bytes);
    Buffer.from(pngInput().dataUrl.split(',')[1]!, 'base64').copy(data);
    return { ...pngInput(name), dataUrl: `data:image/png;base64,${data.toString('base64')}` };
  };

  it('refuses a message whose images add up to more than 10 MB, saving nothing', async () => {
    const ctx = await start();
    const before = ctx.snapshot();
    const images = [bigPng('a.png', 4 * MB), bigPng('b.png', 4 * MB), bigPng('c.png', 4 * MB)];
    await expect(ctx.services.chat.send(ctx.sender, input('Three photos', { images }))).rejects.toMatchObject({
      code: 'attachment_limit',
      message: 'These images add up to 12 MB; one message can carry up to 10 MB.',
    });
    expect(ctx.snapshot()).toEqual(before);
    expect(readdirSync(ctx.dir)).toEqual([]);
    expect(ctx.server.requests).toHaveLength(1);
  });

  it('refuses images once 200 MB were added in the last 24 hours, and accepts them again later', async () => {
    const ctx = await start();
    plantSentImages(ctx.services.history, ctx.dir, [
      { bytes: 100 * MB, hoursAgo: 1 },
      { bytes: 100 * MB, hoursAgo: 23 },
    ]);
    const before = ctx.snapshot();
    await expect(ctx.services.chat.send(ctx.sender, input('One more', { images: [pngInput()] }))).rejects.toMatchObject(
      { code: 'attachment_limit', message: expect.stringContaining('Try again in about 1 hour.') },
    );
    expect(ctx.snapshot()).toEqual(before);
    expect(readdirSync(ctx.dir)).toHaveLength(2);

    // A day later the older of them no longer counts.
    const older = readdirSync(ctx.dir).map((f) => join(ctx.dir, f));
    for (const file of older) utimesSync(file, (Date.now() - DAY_MS - 1000) / 1000, (Date.now() - DAY_MS) / 1000);
    const sent = await ctx.services.chat.send(ctx.sender, input('One more', { images: [pngInput()] }));
    expect(sent.userMessage.attachments).toHaveLength(1);
    await ctx.sender.end(sent.assistantMessage.id);
  });
});
