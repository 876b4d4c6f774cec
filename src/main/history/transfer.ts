import { z } from 'zod';
import {
  IMAGE_TYPES,
  LIMITS,
  type Attachment,
  type Conversation,
  type ImageType,
  type Message,
} from '../../shared/domain';
import { ApiError, appError, ERROR_CODES } from '../../shared/errors';
import type { ImportNote } from '../../shared/history';
import { thumbnailSchema } from '../../shared/schemas';
import type { ConversationRecord } from './history-store';
import { fromChatGpt } from './chatgpt-import';
import { cleanParams, count, firstProblem, IMPORTED, parentsFirst, refuse, titleIn } from './import-check';
import { readImportedDocuments, withDocumentText, type DocumentData, type ImportedDocument } from './import-documents';

const noDocuments: DocumentData = () => null;

export const BACKUP_FORMAT = 'modelslab-chat/backup';
const CONVERSATION_FORMAT = 'modelslab-chat/conversation';

const ROLE_NAMES = { user: 'You', assistant: 'Assistant', system: 'System' } as const;

export function toMarkdown({ conversation, messages }: ConversationRecord): string {
  const lines = [`# ${conversation.title || 'Untitled chat'}`, '', `Model: \`${conversation.model}\``, ''];
  if (conversation.systemPrompt.trim()) lines.push('## System', '', conversation.systemPrompt, '');
  for (const m of messages) {
    const note = m.status === 'done' ? '' : ` (${m.status})`;
    const images = m.attachments.map((a) => `_[image: ${a.name}]_`).join(' ');
    // Every column of a compare turn is kept, each under its model.
    const column = m.compare ? ` · column ${m.compare.column + 1} · ${m.model ?? 'unknown model'}` : '';
    lines.push(
      `## ${ROLE_NAMES[m.role]}${column}${note}`,
      '',
      ...(m.content ? [m.content] : []),
      ...(images ? [images] : []),
      '',
    );
  }
  return lines.join('\n');
}

/** Reads an image's bytes for an export; null when they are gone. */
export type ImageData = (attachment: Attachment) => Buffer | null;

/** Images travel inside exports as base64, and documents with their text, so a backup brings them back elsewhere. */
function withImageData(record: ConversationRecord, data: ImageData, documents: DocumentData) {
  return {
    ...record,
    messages: record.messages.map((m) => {
      if (m.attachments.length === 0 && m.documents.length === 0) return m;
      return {
        ...m,
        attachments: m.attachments.map((a) => ({ ...a, data: data(a)?.toString('base64') ?? null })),
        documents: withDocumentText(m, documents),
      };
    }),
  };
}

export function toConversationJson(
  record: ConversationRecord,
  data: ImageData,
  documents: DocumentData = noDocuments,
): string {
  return JSON.stringify(
    { format: CONVERSATION_FORMAT, version: 1, ...withImageData(record, data, documents) },
    null,
    2,
  );
}

export function toBackupJson(
  records: Iterable<ConversationRecord>,
  exportedAt: number,
  data: ImageData,
  documents: DocumentData = noDocuments,
): string {
  // Written record by record so a large history is not one giant object before it is a string.
  const parts = [`{"format":"${BACKUP_FORMAT}","version":1,"exportedAt":${exportedAt},"conversations":[`];
  let first = true;
  for (const record of records) {
    parts.push((first ? '\n' : ',\n') + JSON.stringify(withImageData(record, data, documents)));
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

/** An image as an imported file describes it; the bytes get a new, app-made id only if they are what they claim. */
export interface ImportedImage {
  name: string;
  mimeType: ImageType;
  thumbnail: string;
  /** null: the file carries no (readable) bytes for it. */
  bytes: Buffer | null;
}

export type ImportedMessage = Omit<Message, 'attachments' | 'documents'> & {
  images: ImportedImage[];
  importedDocuments: ImportedDocument[];
};

export interface ImportedChat {
  conversation: Conversation;
  /** Parents first. */
  messages: ImportedMessage[];
  /** What was left out of this chat, as sentences. */
  notes: string[];
}

export interface ParsedImport {
  chats: ImportedChat[];
  /** Chats left out whole, and why. */
  refused: ImportNote[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const usageSchema = z.object({ promptTokens: z.number(), completionTokens: z.number() }).nullable().catch(null);
const errorSchema = z
  .object({ code: z.enum(ERROR_CODES), message: z.string().max(2000), status: z.number().int().optional() })
  .nullable()
  .catch(null);
const imageSchema = z.object({
  name: z.string().min(1).max(255),
  mimeType: z.enum(IMAGE_TYPES),
  thumbnail: z.string().catch(''),
  data: z.string().nullable().catch(null).default(null),
});

const messageSchema = z.object({
  id: z.string().min(1).max(LIMITS.id),
  parentId: z.string().max(LIMITS.id).nullable().default(null),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  attachments: z.array(z.unknown()).catch([]).default([]),
  documents: z.unknown().optional(),
  status: z.enum(['streaming', 'done', 'stopped', 'error', 'interrupted']).default('done'),
  error: errorSchema.default(null),
  model: z.string().max(LIMITS.modelId).nullable().default(null),
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
    id: z.string().min(1).max(LIMITS.id),
    title: z.string().max(1000),
    model: z.string().max(LIMITS.modelId),
    params: z.record(z.string(), z.unknown()).catch({}).default({}),
    systemPrompt: z.string().max(LIMITS.systemPromptChars).default(''),
    pinned: z.boolean().default(false),
    folder: z.string().max(LIMITS.folder).nullable().default(null),
    leafId: z.string().max(LIMITS.id).nullable().default(null),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
  messages: z.array(messageSchema),
});

const backupSchema = z.object({ format: z.literal(BACKUP_FORMAT), conversations: z.array(z.unknown()) });
const conversationFileSchema = z.object({ format: z.literal(CONVERSATION_FORMAT) });

/** Reads our backup, one exported conversation, or a ChatGPT data export's `conversations.json`. */
export function parseImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badFile('The file is not JSON.');
  }
  if (Array.isArray(data)) return collect(data.map(fromChatGpt));
  const backup = backupSchema.safeParse(data);
  if (backup.success) return collect(backup.data.conversations.map(fromRecord));
  if (conversationFileSchema.safeParse(data).success) return collect([fromRecord(data)]);
  throw badFile('This is neither a ModelsLab Chat backup, an exported chat, nor a ChatGPT conversations.json.');
}

function collect(results: (ImportedChat | ImportNote)[]): ParsedImport {
  const refused = results.filter((r): r is ImportNote => 'refused' in r);
  return { chats: results.filter((r): r is ImportedChat => !('refused' in r)), refused };
}

/** One chat of our own format, checked field by field; a chat that cannot be trusted is refused whole. */
function fromRecord(item: unknown): ImportedChat | ImportNote {
  const title = titleIn(item, 'conversation', 'title');
  const parsed = recordSchema.safeParse(item);
  if (!parsed.success) return refuse(title, `it is not readable (${firstProblem(parsed.error)}).`);
  const { conversation, messages } = parsed.data;
  const ordered = parentsFirst(messages);
  if (typeof ordered === 'string') return refuse(title, ordered);
  const notes: string[] = [];
  const { params, leftOut } = cleanParams(conversation.params);
  if (leftOut) notes.push(leftOut);
  let badPreviews = 0;
  const readImage = (raw: unknown): ImportedImage | null => {
    const image = imageSchema.safeParse(raw);
    if (!image.success) return null;
    const { data, ...rest } = image.data;
    let thumbnail = rest.thumbnail;
    if (!thumbnailSchema.safeParse(thumbnail).success) {
      badPreviews++;
      thumbnail = '';
    }
    const readable = data !== null && data.length <= IMAGE_DATA_CHARS && BASE64.test(data);
    return { ...rest, thumbnail, bytes: readable ? Buffer.from(data, 'base64') : null };
  };
  let unreadable = 0;
  let unreadableDocuments = 0;
  const chatMessages = ordered.map(({ attachments, documents, ...m }) => {
    const images = attachments.map(readImage);
    unreadable += attachments.length - images.filter(Boolean).length;
    const read = m.role === 'user' ? readImportedDocuments(documents) : [];
    unreadableDocuments += read.filter((d) => d === null || d.stored === null).length;
    return {
      ...m,
      // A file's token counts are not trusted: they are counted the first time the chat is budgeted.
      tokens: null,
      imagesPinned: false,
      conversationId: conversation.id,
      images: images.filter((i): i is ImportedImage => i !== null),
      importedDocuments: read.filter((d): d is ImportedDocument => d !== null && d.stored !== null),
    };
  });
  if (unreadableDocuments)
    notes.push(`${count(unreadableDocuments, 'document')} left out: the file holds no readable text.`);
  if (unreadable)
    notes.push(`${count(unreadable, 'image')} left out: not described as a PNG, JPEG, WebP or GIF image.`);
  if (badPreviews) notes.push(`${count(badPreviews, 'preview')} left out: not a PNG, JPEG, WebP or GIF data URL.`);
  const leafId = ordered.some((m) => m.id === conversation.leafId) ? conversation.leafId : null;
  return { conversation: { ...conversation, ...IMPORTED, params, leafId }, messages: chatMessages, notes };
}

// base64 of the largest image, with a little slack.
const IMAGE_DATA_CHARS = Math.ceil((LIMITS.imageBytes * 4) / 3) + 4;

function badFile(message: string): ApiError {
  return new ApiError(appError('bad_file', message));
}
