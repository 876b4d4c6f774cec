import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { IMAGE_TYPES, LIMITS, type Message } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import type { ConversationRecord } from './history-store';

export const BACKUP_FORMAT = 'modelslab-chat/backup';
export const CONVERSATION_FORMAT = 'modelslab-chat/conversation';

const ROLE_NAMES = { user: 'You', assistant: 'Assistant', system: 'System' } as const;

export function toMarkdown({ conversation, messages }: ConversationRecord): string {
  const lines = [`# ${conversation.title || 'Untitled chat'}`, '', `Model: \`${conversation.model}\``, ''];
  if (conversation.systemPrompt.trim()) lines.push('## System', '', conversation.systemPrompt, '');
  for (const m of messages) {
    const note = m.status === 'done' ? '' : ` (${m.status})`;
    lines.push(`## ${ROLE_NAMES[m.role]}${note}`, '', m.content, '');
  }
  return lines.join('\n');
}

export function toConversationJson(record: ConversationRecord): string {
  return JSON.stringify({ format: CONVERSATION_FORMAT, version: 1, ...record }, null, 2);
}

export function toBackupJson(records: Iterable<ConversationRecord>, exportedAt: number): string {
  // Written record by record so a large history is not one giant object before it is a string.
  const parts = [`{"format":"${BACKUP_FORMAT}","version":1,"exportedAt":${exportedAt},"conversations":[`];
  let first = true;
  for (const record of records) {
    parts.push((first ? '\n' : ',\n') + JSON.stringify(record));
    first = false;
  }
  parts.push('\n]}\n');
  return parts.join('');
}

export function fileNameFor(title: string, extension: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\p{Cc}+/gu, ' ')
      .trim()
      .slice(0, 80) || 'chat';
  return `${base}.${extension}`;
}

const usageSchema = z.object({ promptTokens: z.number(), completionTokens: z.number() }).nullable().catch(null);
const errorSchema = z.object({ code: z.string(), message: z.string() }).passthrough().nullable().catch(null);

const messageSchema = z.object({
  id: z.string().min(1).max(64),
  parentId: z.string().max(64).nullable().default(null),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  // Images stay on the computer that sent them; a backup carries their previews only.
  attachments: z
    .array(
      z.object({
        id: z.string().max(64),
        name: z.string().max(255),
        mimeType: z.enum(IMAGE_TYPES),
        size: z.number(),
        thumbnail: z.string().max(LIMITS.thumbnailChars),
      }),
    )
    .catch([])
    .default([]),
  status: z.enum(['streaming', 'done', 'stopped', 'error', 'interrupted']).default('done'),
  error: errorSchema.default(null),
  model: z.string().nullable().default(null),
  usage: usageSchema.default(null),
  stats: z
    .object({ firstTokenMs: z.number().nullable(), totalMs: z.number(), chunks: z.number() })
    .nullable()
    .catch(null)
    .default(null),
  finishReason: z.string().max(40).nullable().catch(null).default(null),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const recordSchema = z.object({
  conversation: z.object({
    id: z.string().min(1).max(64),
    title: z.string().max(1000),
    model: z.string().max(200),
    params: z.record(z.string(), z.number()).default({}),
    systemPrompt: z.string().default(''),
    pinned: z.boolean().default(false),
    folder: z.string().max(100).nullable().default(null),
    leafId: z.string().max(64).nullable().default(null),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
  messages: z.array(messageSchema),
});

const backupSchema = z.object({ format: z.literal(BACKUP_FORMAT), conversations: z.array(recordSchema) });
const conversationFileSchema = recordSchema.extend({ format: z.literal(CONVERSATION_FORMAT) });

/** Reads our backup, one exported conversation, or a ChatGPT data export's `conversations.json`. */
export function parseImport(text: string): ConversationRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badFile('The file is not JSON.');
  }
  if (Array.isArray(data)) return fromChatGpt(data);
  const backup = backupSchema.safeParse(data);
  if (backup.success) return backup.data.conversations.map(toRecord);
  const single = conversationFileSchema.safeParse(data);
  if (single.success) return [toRecord(single.data)];
  throw badFile('This is neither a ModelsLab Chat backup, an exported chat, nor a ChatGPT conversations.json.');
}

function toRecord({ conversation, messages }: z.infer<typeof recordSchema>): ConversationRecord {
  return {
    conversation: { ...conversation, ...IMPORTED },
    messages: messages.map((m) => ({ ...m, conversationId: conversation.id }) as Message),
  };
}

/** Context settings are tuned on the computer they were made on; an imported chat starts with the defaults. */
const IMPORTED = { contextLength: null, sendLast: null, titleEdited: false } as const;

function badFile(message: string): ApiError {
  return new ApiError(appError('bad_file', message));
}

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

/** Follows each conversation from its current node back to the root: the branch the user last saw. */
function fromChatGpt(items: unknown[]): ConversationRecord[] {
  return items.map((item) => {
    const parsed = chatGptConversation.safeParse(item);
    if (!parsed.success) throw badFile('This looks like a ChatGPT export, but a conversation in it is not readable.');
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
    const messages: Message[] = [];
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
        attachments: [],
        status: 'done',
        error: null,
        model: role === 'assistant' ? (m.metadata?.model_slug ?? null) : null,
        usage: null,
        stats: null,
        tokens: null,
        finishReason: null,
        imagesPinned: false,
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
    };
  });
}
