import type { CompareRun } from '../../../shared/compare';
import type { ConversationDetail, SendResult } from '../../../shared/contract';
import { DEFAULT_MODEL, type Conversation, type Message } from '../../../shared/domain';

export function conversation(id: string, patch: Partial<Conversation> = {}): Conversation {
  return {
    id,
    title: `Chat ${id}`,
    model: DEFAULT_MODEL,
    params: {},
    systemPrompt: '',
    leafId: null,
    pinned: false,
    folder: null,
    contextLength: null,
    sendLast: null,
    titleEdited: false,
    createdAt: 1000,
    updatedAt: 1000,
    ...patch,
  };
}

export function message(id: string, patch: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    parentId: null,
    role: 'assistant',
    content: '',
    attachments: [],
    documents: [],
    status: 'done',
    error: null,
    model: null,
    usage: null,
    stats: null,
    tokens: null,
    finishReason: null,
    imagesPinned: false,
    createdAt: 1000,
    updatedAt: 1000,
    ...patch,
  };
}

export function detail(c: Conversation, messages: Message[], patch: Partial<ConversationDetail> = {}) {
  return { conversation: c, messages, hasOlder: false, versions: {}, ...patch } satisfies ConversationDetail;
}

/** What main answers to a send: the conversation, the user's message, and the reply it starts (empty, streaming). */
export function sent(conversationId: string, text: string, at = 2000): SendResult {
  return {
    conversation: conversation(conversationId, { updatedAt: at }),
    userMessage: message('u-' + text, { conversationId, role: 'user', content: text, createdAt: at, updatedAt: at }),
    assistantMessage: message('a-' + text, { conversationId, status: 'streaming', createdAt: at, updatedAt: at }),
  };
}

/** Resolves after the next animation frame: deltas reach the store once per frame. */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Compare run r1 in chat c1, asked after question q1: one column per model, each reply `m-<model>`, streaming,
 * marked as that column's; `patch` changes each reply.
 */
export function compareRun(
  models: string[],
  patch: (model: string, column: number) => Partial<Message> = () => ({}),
): CompareRun {
  return {
    id: 'r1',
    conversationId: 'c1',
    questionId: 'q1',
    chosenId: null,
    createdAt: 1000,
    columns: models.map((model, column) => ({
      column,
      model,
      params: {},
      ownParams: false,
      message: message(`m-${model}`, {
        parentId: 'q1',
        model,
        status: 'streaming',
        compare: { runId: 'r1', column },
        ...patch(model, column),
      }),
    })),
  };
}
