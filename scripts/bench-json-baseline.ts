import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { compareConversations } from '../src/shared/conversation-order';
import type { Conversation, Message } from '../src/shared/domain';

type JsonConversation = Conversation & { messages: Message[] };

/** Everything in memory, one file on disk: what storing history in electron-store amounts to. */
export class JsonBaseline {
  data: { conversations: JsonConversation[] } = { conversations: [] };

  constructor(private readonly file: string) {}

  open(): void {
    this.data = JSON.parse(readFileSync(this.file, 'utf8'));
  }

  firstPage(): Conversation[] {
    return [...this.data.conversations]
      .sort(compareConversations)
      .slice(0, 100)
      .map(({ messages: _m, ...c }) => c);
  }

  newest(id: string, count: number): Message[] {
    return this.data.conversations.find((c) => c.id === id)!.messages.slice(-count);
  }

  /** Every message scanned, scored by how often the terms occur per length, with a snippet around the first. */
  search(query: string): { id: string; snippet: string }[] {
    const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const prefix = !/\s$/.test(query);
    const patterns = terms.map((t, i) => new RegExp(`\\b${t}${prefix && i === terms.length - 1 ? '' : '\\b'}`, 'giu'));
    const hits: { message: Message; score: number }[] = [];
    for (const c of this.data.conversations) {
      for (const m of c.messages) {
        let score = 0;
        for (const p of patterns) {
          const n = m.content.match(p)?.length ?? 0;
          if (n === 0) {
            score = 0;
            break;
          }
          score += n / (1 + m.content.length / 500);
        }
        if (score > 0) hits.push({ message: m, score });
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, 20).map(({ message }) => {
      const at = message.content.search(patterns[0]!);
      return { id: message.id, snippet: message.content.slice(Math.max(0, at - 60), at + 60) };
    });
  }

  /** electron-store writes the whole file, atomically, on every set. */
  save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, '\t'));
    renameSync(tmp, this.file);
  }
}
