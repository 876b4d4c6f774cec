import type { Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteHistory } from '../../src/main/history/sqlite-history';
import { ModelsLabServer } from '../../test/modelslab-server';
import { load, openApp } from './app';
import { ending, longReplyOfChars } from './long-reply';
import { mark, painted, watch } from './probes';
import { Profile } from './profile';
import { Trace, type Tasks } from './trace';

export interface OpeningFigures {
  tasks: Tasks;
  chars: number;
  /** Click to the thread's last screen painted, the reply's last words in it, and main-thread CPU until then. */
  firstPaintMs: number;
  firstPaintCpuMs: number;
  /** Click to every block of the reply rendered as Markdown. */
  richMs: number;
  load: [number, number];
}

/** A conversation whose question is answered by `reply`, saved as history holds it. */
export function saveConversation(history: SqliteHistory, title: string, reply: string): void {
  const conversation = history.createConversation({ title, model: 'bench', params: {}, systemPrompt: '' });
  const common = { conversationId: conversation.id, status: 'done' as const, attachments: [] };
  const question = history.addMessage({ ...common, parentId: null, role: 'user', content: title, model: null });
  const answer = history.addMessage({
    ...common,
    parentId: question.id,
    role: 'assistant',
    content: reply,
    model: 'bench',
  });
  history.updateConversation(conversation.id, { leafId: answer.id });
}

/** Opens a saved conversation holding one long reply, from the list, once the app has settled. */
export async function openingRun(browser: Browser, chars: number): Promise<OpeningFigures> {
  const loadBefore = load();
  const dataDir = mkdtempSync(join(tmpdir(), 'mlchat-bench-open-'));
  const marker = 'marker-opening';
  const reply = `${longReplyOfChars(chars)}${ending(marker)}`;
  const history = new SqliteHistory(dataDir);
  saveConversation(history, 'The long one', reply);
  for (let i = 1; i <= 20; i++) saveConversation(history, `Short chat ${i}`, `A short answer, number ${i}.`);
  const server = await new ModelsLabServer().start();
  const { page, close } = await openApp(browser, server, { history });
  try {
    const row = page.getByRole('button', { name: 'The long one' });
    await row.waitFor();
    // The Markdown stack loads after the list has painted; the measured opening comes once it is in.
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((r) => /\/Markdown-[^/]*\.js$/.test(r.name)),
    );
    await page.waitForTimeout(1_000);
    const trace = await Trace.start(page);
    const profile = await Profile.start(page);
    await mark(page, 'bench-start');
    await watch(page, marker);
    await row.click();
    const times = await painted(page, 120_000);
    await mark(page, 'bench-end');
    const tasks = await trace.stop();
    await profile?.stop('the longest task', trace.longest ?? undefined);
    return {
      tasks,
      chars: reply.length,
      firstPaintMs: times.textAt - times.inputAt,
      firstPaintCpuMs: tasks.cpuTo['bench-text'] ?? NaN,
      richMs: times.richAt - times.inputAt,
      load: [loadBefore, load()],
    };
  } finally {
    await close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
