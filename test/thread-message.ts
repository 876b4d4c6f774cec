import type { Message } from '../src/shared/domain';

let seq = 0;

/** A saved message for request and thread tests: each newer than the last, counted 10 tokens unless empty. */
export function msg(role: Message['role'], content: string, extra: Partial<Message> = {}): Message {
  seq++;
  return {
    id: `m${seq}`,
    conversationId: 'c',
    parentId: null,
    role,
    content,
    attachments: [],
    documents: [],
    status: 'done',
    error: null,
    model: null,
    usage: null,
    stats: null,
    tokens: content.length ? 10 : 0,
    finishReason: null,
    imagesPinned: false,
    createdAt: seq,
    updatedAt: seq,
    ...extra,
  };
}
