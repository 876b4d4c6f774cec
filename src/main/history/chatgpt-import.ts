import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ImportNote } from '../../shared/history';
import { firstProblem, IMPORTED, refuse, titleIn } from './import-check';
import type { ImportedChat, ImportedMessage } from './transfer';

/** A ChatGPT data export's `conversations.json`: each conversation a map of nodes linked by parents. */

const chatGptNode = z.object({
  id: z.string().optional(),
  parent: z.string().nullable().optional(),
  message: z
    .object({
      id: z.string().optional(),
      author: z.object({ role: z.string() }),
      create_time: z.number().nullable().optional(),
      content: z.object({ parts: z.array(z.unknown()).optional(), text: z.string().optional() }).passthrough(),
      metadata: z.object({ model_slug: z.string().optional() }).passthrough().optional(),
    })
    .nullable()
    .optional(),
});

const chatGptConversation = z.object({
  id: z.string().optional(),
  conversation_id: z.string().optional(),
  title: z.string().nullable().optional(),
  create_time: z.number().nullable().optional(),
  update_time: z.number().nullable().optional(),
  current_node: z.string().nullable().optional(),
  mapping: z.record(z.string(), chatGptNode),
});

/** Follows a conversation from its current node back to the root: the branch the user last saw. */
export function fromChatGpt(item: unknown): ImportedChat | ImportNote {
  const parsed = chatGptConversation.safeParse(item);
  if (!parsed.success) return refuse(titleIn(item, 'title'), `it is not readable (${firstProblem(parsed.error)}).`);
  const c = parsed.data;
  const path: z.infer<typeof chatGptNode>[] = [];
  const seen = new Set<string>();
  for (let key = c.current_node ?? null; key && !seen.has(key); key = c.mapping[key]?.parent ?? null) {
    seen.add(key);
    const node = c.mapping[key];
    if (node) path.unshift(node);
  }
  const created = Math.round((c.create_time ?? 0) * 1000) || Date.now();
  const sourceId = c.conversation_id ?? c.id;
  const id = sourceId ? `chatgpt-${sourceId}`.slice(0, 64) : randomUUID();
  const messages: ImportedMessage[] = [];
  let model = 'chatgpt';
  for (const node of path) {
    const m = node.message;
    const role = m?.author.role;
    if (!m || (role !== 'user' && role !== 'assistant')) continue;
    const text = (m.content.parts ?? [m.content.text ?? ''])
      .filter((p): p is string => typeof p === 'string')
      .join('\n')
      .trim();
    if (!text) continue;
    if (role === 'assistant' && m.metadata?.model_slug) model = m.metadata.model_slug.slice(0, 200);
    const at = Math.round((m.create_time ?? 0) * 1000) || created;
    messages.push({
      id: `chatgpt-${m.id ?? node.id ?? randomUUID()}`.slice(0, 64),
      conversationId: id,
      parentId: messages.at(-1)?.id ?? null,
      role,
      content: text,
      images: [],
      status: 'done',
      error: null,
      model: role === 'assistant' ? (m.metadata?.model_slug ?? null) : null,
      usage: null,
      stats: null,
      tokens: null,
      finishReason: null,
      imagesPinned: false,
      importedDocuments: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  const updated = Math.round((c.update_time ?? 0) * 1000) || messages.at(-1)?.createdAt || created;
  return {
    conversation: {
      id,
      title: (c.title ?? '').slice(0, 200) || 'Imported chat',
      model,
      params: {},
      systemPrompt: '',
      pinned: false,
      folder: null,
      leafId: messages.at(-1)?.id ?? null,
      ...IMPORTED,
      createdAt: created,
      updatedAt: updated,
    },
    messages,
    notes: [],
  };
}
