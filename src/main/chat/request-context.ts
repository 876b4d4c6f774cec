import type { ContextQuery, ContextSource, ContextView, ReplySettings } from '../../shared/contract';
import { DEFAULT_CONTEXT_LENGTH } from '../../shared/context';
import type { Conversation, Message } from '../../shared/domain';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { HistoryStore } from '../history/history-store';
import { knownContextLength } from '../models/context-lengths';
import { buildRequest, type BuildOptions, type BuiltRequest } from './request-builder';
import type { Mode } from './thread-turns';
import { remembering, tokenCounter, type CountTokens } from './token-count';

export interface RequestContextOptions {
  history: HistoryStore;
  attachments: AttachmentStore;
  /** A document's text, read only for documents that are sent. */
  readDocument?: BuildOptions['readDocument'];
  /** What the server's model list said about a model's context length. */
  listedContextLength(model: string): number | null;
  /** Whether to ask for usage in the stream (false once the server refused the option). */
  includeUsage(): boolean;
}

/** A reply's settings with the chat's own context settings. */
export interface ChatSettings extends ReplySettings {
  contextLength: number | null;
  sendLast: number | null;
}

export function chatSettings(conversation: Conversation, reply: ReplySettings): ChatSettings {
  const { context: _, ...rest } = reply;
  return { ...rest, contextLength: conversation.contextLength, sendLast: conversation.sendLast };
}

/** What a chat keeps of the settings a reply was asked with. */
export function settingsPatch({ context, ...settings }: ReplySettings) {
  return { ...settings, ...(context ?? {}) };
}

/** Messages read first from the end of a thread; then as many more as the budget looks likely to take. */
const FIRST_READ = 200;
const MORE_SLACK = 1.25;
/**
 * Feeds the request builder from history: reads the end of the thread (only as far back as the budget reaches),
 * counts the tokens of messages saved without a count and keeps them, and settles the model's context length.
 */
export class RequestContext {
  private countSystem: CountTokens | null = null;

  constructor(private readonly options: RequestContextOptions) {}

  contextLength(settings: Pick<ChatSettings, 'model' | 'contextLength'>): { value: number; source: ContextSource } {
    if (settings.contextLength !== null) return { value: settings.contextLength, source: 'conversation' };
    const listed = this.options.listedContextLength(settings.model);
    if (listed !== null) return { value: listed, source: 'server' };
    const known = knownContextLength(settings.model);
    return known !== null ? { value: known, source: 'table' } : { value: DEFAULT_CONTEXT_LENGTH, source: 'default' };
  }

  /** The request for the thread that ends at `endId`. */
  async build(endId: string | null, settings: ChatSettings, mode: Mode): Promise<BuiltRequest & { hasOlder: boolean }> {
    const count = await tokenCounter();
    this.countSystem ??= remembering(count);
    const budget = {
      contextLength: this.contextLength(settings).value,
      systemTokens: this.countSystem(settings.systemPrompt),
    };
    const { attachments } = this.options;
    const options = {
      mode,
      includeUsage: this.options.includeUsage(),
      readImage: attachments.read.bind(attachments),
      ...(this.options.readDocument ? { readDocument: this.options.readDocument } : {}),
    };
    let thread: Message[] = [];
    const seen = new Set<string>();
    let cursor = endId;
    for (let read = FIRST_READ; ;) {
      // Older messages are put in front of those already read; nothing is read twice.
      const page = cursor ? this.options.history.threadEndingAt(cursor, read) : { messages: [], hasOlder: false };
      // Newest first, up to a message met before: parent links that loop (a hostile import) end there.
      const fresh: Message[] = [];
      for (let i = page.messages.length - 1; i >= 0 && !seen.has(page.messages[i]!.id); i--) {
        seen.add(page.messages[i]!.id);
        fresh.push(page.messages[i]!);
      }
      const hasOlder = page.hasOlder && fresh.length === page.messages.length;
      thread = [...this.counted(fresh.reverse(), count), ...thread];
      const built = buildRequest(thread, settings, budget, options);
      const { reachedStart, promptTokens, limit } = built.context;
      if (!reachedStart || !hasOlder) return { ...built, hasOlder };
      cursor = thread[0]!.parentId;
      // Enough for the room left at the average size so far, with some to spare.
      const perMessage = Math.max(1, promptTokens / thread.length);
      read = Math.max(FIRST_READ, Math.ceil(((limit - promptTokens) / perMessage) * MORE_SLACK));
    }
  }

  /** What the next message of a chat would go with. */
  async view(query: ContextQuery, conversation: Conversation | null): Promise<ContextView> {
    const settings = conversation
      ? chatSettings(conversation, query)
      : { ...query, contextLength: null, sendLast: null };
    if (query.context) Object.assign(settings, query.context);
    const leafId = conversation ? this.leafOf(conversation) : null;
    const { context, hasOlder } = await this.build(leafId, settings, 'preview');
    const { value, source } = this.contextLength(settings);
    const history = this.options.history;
    const first = context.firstSentId;
    // Only the end of a long thread was read; what lies above it is counted in the database.
    let notSent = context.notSent;
    if (hasOlder) notSent = first ? history.countAbove(first) : leafId ? history.countAbove(leafId) + 1 : 0;
    return {
      contextLength: value,
      source,
      maxTokens: context.maxTokens,
      limit: context.limit,
      baseTokens: context.baseTokens,
      turnTokens: context.turnTokens,
      firstSentId: first,
      notSent,
      totals: conversation ? history.usageTotals(conversation.id) : { promptTokens: 0, completionTokens: 0 },
    };
  }

  private leafOf(conversation: Conversation): string | null {
    return this.options.history.pageMessages(conversation.id, { limit: 1 }).messages.at(-1)?.id ?? null;
  }

  /** Counts what has no count yet, once: the counts are kept with the messages. */
  private counted(messages: Message[], count: CountTokens): Message[] {
    const counts = new Map<string, number>();
    const out = messages.map((m) => {
      if (m.tokens !== null) return m;
      const tokens = count(m.content);
      counts.set(m.id, tokens);
      return { ...m, tokens };
    });
    if (counts.size) this.options.history.saveTokenCounts(counts);
    return out;
  }
}
