import type { ConversationDetail } from '../../shared/contract';
import type {
  CompareColumn,
  CompareInput,
  CompareRegenerateInput,
  CompareRun,
  CompareStarted,
  CompareState,
} from '../../shared/compare';
import type { Message } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import { detailOf } from '../history/conversation-detail';
import type { CompareRunRecord, HistoryStore } from '../history/history-store';
import type { SenderLike } from '../ipc';
import type { KeyProvider } from '../keys/key-provider';
import { arenaSummary } from './arena';
import { addUserMessage, chatFor, conversationOf, refuseUndecided, undecidedRunAt } from './chat-records';
import type { ChatService } from './chat-service';
import { refuseEarlyRetry } from './retry-wait';
import { tokenCounter } from './token-count';

export interface CompareServiceOptions {
  history: HistoryStore;
  keys: KeyProvider;
  chat: ChatService;
}

function notFound(): never {
  throw new ApiError(appError('not_found', 'That comparison no longer exists.'));
}

/**
 * Compare mode. Main decides: 2–4 distinct, valid models (the schema), one run per conversation at a time, nothing
 * after a turn until an answer is chosen. Each column is an ordinary reply to the same question, built by the same
 * request builder and streamed by the same loop, so it stops, fails, resumes and is searched like any other.
 */
export class CompareService {
  /** Runs started since the app did, by id: the conversation each is in. */
  private readonly live = new Map<string, string>();
  /** Conversations a run is being started in (between the check and its first reply). */
  private readonly starting = new Set<string>();

  constructor(private readonly options: CompareServiceOptions) {}

  async start(sender: SenderLike, input: CompareInput): Promise<CompareStarted> {
    const { history } = this.options;
    if (input.conversationId) {
      conversationOf(history, input.conversationId);
      if (this.busy(input.conversationId)) {
        throw new ApiError(appError('compare_busy', 'A comparison is still running in this chat.'));
      }
      refuseUndecided(history, input.conversationId);
      this.starting.add(input.conversationId);
    }
    try {
      return await this.begin(sender, input);
    } finally {
      if (input.conversationId) this.starting.delete(input.conversationId);
    }
  }

  private async begin(sender: SenderLike, input: CompareInput): Promise<CompareStarted> {
    const { history, chat } = this.options;
    const apiKey = await this.options.keys.requireKey();
    const count = await tokenCounter();
    const first = input.columns[0]!;
    const conversation = chatFor(history, {
      conversationId: input.conversationId,
      content: input.content,
      images: [],
      model: first.model,
      params: input.params,
      systemPrompt: input.systemPrompt,
    });
    const question = addUserMessage(history, count, {
      conversationId: conversation.id,
      parentId: history.pageMessages(conversation.id, { limit: 1 }).messages.at(-1)?.id ?? null,
      content: input.content,
      attachments: [],
    });
    const updated = history.updateConversation(conversation.id, { leafId: question.id });
    const run = history.addCompareRun({
      conversationId: conversation.id,
      questionId: question.id,
      columns: input.columns.map((c) => ({ model: c.model, params: c.params ?? null })),
    });
    this.live.set(run.id, conversation.id);
    for (const [column, c] of input.columns.entries()) {
      const settings = { model: c.model, params: c.params ?? input.params, systemPrompt: input.systemPrompt };
      await chat.replyColumn(sender, apiKey, question, settings, { runId: run.id, column });
    }
    return { conversation: updated, userMessage: question, run: this.view(run) };
  }

  /** Stops every column still streaming. */
  stop(runId: string): void {
    for (const m of this.options.history.compareMessages(runId)) this.options.chat.stop(m.id);
  }

  run(runId: string): CompareRun {
    return this.view(this.options.history.getCompareRun(runId) ?? notFound());
  }

  state(conversationId: string): CompareState {
    const { history } = this.options;
    conversationOf(history, conversationId);
    const replies = new Map(history.compareRuns(conversationId).map((r) => [r, history.compareMessages(r.id)]));
    // A turn whose replies were deleted is no longer counted.
    const runs = [...replies].filter(([, messages]) => messages.length > 0).map(([r]) => r);
    const byId = new Map([...replies].map(([r, messages]) => [r.id, messages]));
    const waiting = undecidedRunAt(history, conversationId);
    return { run: waiting ? this.view(waiting) : null, arena: arenaSummary(runs, byId) };
  }

  /**
   * The reply becomes the turn's answer (the end of the thread) and its model and parameters the chat's. Columns
   * still streaming are stopped: the choice is made, and their text stays as versions of the turn.
   */
  choose(messageId: string): ConversationDetail {
    const { history, chat } = this.options;
    const { message, run } = this.columnOf(messageId);
    if (chat.isRunning(message.id)) {
      throw new ApiError(appError('bad_input', 'Wait for that answer to finish, or stop it, before choosing it.'));
    }
    for (const other of history.compareMessages(run.id)) chat.stop(other.id);
    const settings = run.columns[message.compare!.column];
    history.chooseCompare(run.id, message.id);
    history.updateConversation(run.conversationId, {
      leafId: message.id,
      ...(message.model ? { model: message.model } : {}),
      ...(settings?.params ? { params: settings.params } : {}),
    });
    return detailOf(history, run.conversationId);
  }

  /** Another reply for one column of an undecided turn, with its own parameters when given. */
  async regenerate(sender: SenderLike, input: CompareRegenerateInput): Promise<CompareRun> {
    const { history, chat } = this.options;
    const apiKey = await this.options.keys.requireKey();
    const { message, run } = this.columnOf(input.messageId);
    if (run.chosenId !== null) throw new ApiError(appError('bad_input', 'An answer was already chosen for that turn.'));
    refuseEarlyRetry(message);
    const column = message.compare!.column;
    if (this.columnMessages(run, column).some((m) => chat.isRunning(m.id))) {
      throw new ApiError(appError('bad_input', 'Stop the reply first.'));
    }
    const question = history.getMessage(run.questionId) ?? notFound();
    const conversation = conversationOf(history, run.conversationId);
    const stored = run.columns[column] ?? { model: message.model ?? conversation.model, params: null };
    const params = input.params ?? stored.params ?? conversation.params;
    const settings = { model: stored.model, params, systemPrompt: conversation.systemPrompt };
    await chat.replyColumn(sender, apiKey, question, settings, { runId: run.id, column });
    return this.run(run.id);
  }

  /** Whether a run is being started in this chat, or any reply of a run started in it is still streaming. */
  private busy(conversationId: string): boolean {
    const { history, chat } = this.options;
    if (this.starting.has(conversationId)) return true;
    for (const [runId, inChat] of this.live) {
      if (inChat !== conversationId) continue;
      if (history.compareMessages(runId).some((m) => chat.isRunning(m.id))) return true;
      this.live.delete(runId);
    }
    return false;
  }

  private columnOf(messageId: string): { message: Message; run: CompareRunRecord } {
    const { history } = this.options;
    const message = history.getMessage(messageId);
    if (!message?.compare) throw new ApiError(appError('not_found', 'That answer is not part of a comparison.'));
    return { message, run: history.getCompareRun(message.compare.runId) ?? notFound() };
  }

  private columnMessages(run: CompareRunRecord, column: number): Message[] {
    return this.options.history.compareMessages(run.id).filter((m) => m.compare?.column === column);
  }

  private view(run: CompareRunRecord): CompareRun {
    const { history } = this.options;
    const conversation = history.getConversation(run.conversationId);
    const shared = conversation?.params ?? {};
    const messages = history.compareMessages(run.id);
    const columns: CompareColumn[] = [];
    for (const [column, c] of run.columns.entries()) {
      // Ordered by column, then as saved: the last of a column is its newest reply.
      const message = messages.findLast((m) => m.compare?.column === column);
      if (message)
        columns.push({ column, model: c.model, params: c.params ?? shared, ownParams: c.params !== null, message });
    }
    return {
      id: run.id,
      conversationId: run.conversationId,
      questionId: run.questionId,
      chosenId: run.chosenId,
      createdAt: run.createdAt,
      columns,
    };
  }
}
