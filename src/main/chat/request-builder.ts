import type OpenAI from 'openai';
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { DEFAULT_MAX_TOKENS, IMAGE_TOKENS, MESSAGE_OVERHEAD, REPLY_PRIMING } from '../../shared/context';
import type { Attachment, ChatParams, DocumentRef, Message } from '../../shared/domain';
import { entriesOf, textOf, turnsOf, type Entry, type Mode, type Turn } from './thread-turns';

/**
 * The one place request bodies are made: for new messages, regenerations, edits, continues (and later compare
 * columns). Pure: the thread, the chat's settings and the budget in; the body and an account of what was left
 * out back. Keeps the system prompt and the newest whole turns that fit in the context length less max_tokens;
 * the newest turn always goes, even when it alone is too long, so the server can say so.
 */

export interface RequestSettings {
  model: string;
  params: ChatParams;
  systemPrompt: string;
  /** At most this many messages of the thread; null: all that fit. */
  sendLast: number | null;
}

export interface Budget {
  contextLength: number;
  /** Tokens of the system prompt's text. */
  systemTokens: number;
}

export interface BuildOptions {
  mode: Mode;
  /** Ask for a usage chunk at the end of the stream. */
  includeUsage: boolean;
  /** The image as a data URL, read only for the images that are sent. */
  readImage(attachment: Attachment): string;
  /** A document's text, read only for the documents that are sent; null when it is gone. */
  readDocument?(document: DocumentRef): DocumentContent | null;
}

export interface DocumentContent {
  text: string;
  pages: string[] | null;
}

/**
 * How a document goes to the model, before the user's own text (README, "Documents in a request"):
 *
 *   <document name="report.pdf" type="pdf" pages="2">
 *   --- page 1 ---
 *   …
 *   --- page 2 ---
 *   …
 *   </document>
 *
 * A text cut to fit the context ends with a line saying how much was sent. A document's own text cannot close its
 * block early: `</document` inside it is sent as `<\/document`.
 */
export function documentBlock(
  ref: Pick<DocumentRef, 'name' | 'kind' | 'chars' | 'keptChars'>,
  content: DocumentContent | null,
): string {
  const name = ref.name.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/["<>&]/g, "'");
  if (!content)
    return `<document name="${name}" type="${ref.kind}">\n[This document is no longer on this computer.]\n</document>`;
  const keep = ref.keptChars ?? Infinity;
  const safe = (text: string) => text.replace(/<\/document/gi, '<\\/document');
  let body: string;
  let attributes = '';
  if (content.pages) {
    attributes = ` pages="${content.pages.length}"`;
    const parts: string[] = [];
    let used = 0;
    for (let i = 0; i < content.pages.length && used < keep; i++) {
      const page = content.pages[i]!.slice(0, keep - used);
      used += page.length;
      parts.push(`--- page ${i + 1} ---\n${safe(page)}`);
    }
    body = parts.join('\n');
  } else {
    body = safe(content.text.slice(0, keep));
  }
  if (ref.keptChars !== null && ref.keptChars < ref.chars) {
    body += `\n[Cut to fit the model's context: the first ${ref.keptChars} of ${ref.chars} characters are sent.]`;
  }
  return `<document name="${name}" type="${ref.kind}"${attributes}>\n${body}\n</document>`;
}

/** What the request carries of the thread it was given. */
export interface SentContext {
  /** The first thread message that is sent; null when none is. */
  firstSentId: string | null;
  /** Thread messages before it, not sent (those left out for alternation included). */
  notSent: number;
  /** Thread messages after it that are not sent either: failed or empty replies. */
  leftOut: string[];
  /** The whole request, as estimated: system prompt, messages, images. */
  promptTokens: number;
  maxTokens: number;
  /** contextLength − maxTokens. */
  limit: number;
  /** The newest turn alone is larger than the limit. */
  overLimit: boolean;
  imagesSent: number;
  /** The system prompt, priming and the newest turn: sent whatever else fits. */
  baseTokens: number;
  /** Each older turn that is sent, newest first. */
  turnTokens: number[];
  /** Every turn of the given thread is sent, so older messages than those given might fit too. */
  reachedStart: boolean;
}

export interface BuiltRequest {
  body: OpenAI.ChatCompletionCreateParamsStreaming;
  context: SentContext;
}

const NO_IMAGES: Attachment[] = [];

const NO_DOCUMENTS: DocumentRef[] = [];

function imagesOf(entry: Entry, newest: boolean): Attachment[] {
  let out: Attachment[] | null = null;
  for (const m of entry.messages) {
    if (m.attachments.length && (newest || m.imagesPinned)) (out ??= []).push(...m.attachments);
  }
  return out ?? NO_IMAGES;
}

/** Documents go under the same policy as images: with the newest turn, or every time when pinned. */
function documentsOf(entry: Entry, newest: boolean): DocumentRef[] {
  let out: DocumentRef[] | null = null;
  for (const m of entry.messages) {
    if (m.documents?.length && (newest || m.imagesPinned)) (out ??= []).push(...m.documents);
  }
  return out ?? NO_DOCUMENTS;
}

function toParam(
  entry: Entry,
  images: Attachment[],
  documents: DocumentRef[],
  options: BuildOptions,
): ChatCompletionMessageParam {
  let text = textOf(entry);
  if (entry.role === 'assistant') return { role: 'assistant', content: text };
  if (documents.length) {
    const blocks = documents.map((d) => documentBlock(d, options.readDocument?.(d) ?? null));
    text = [...blocks, text].join('\n\n');
  }
  const read = options.readImage;
  if (images.length === 0) return { role: 'user', content: text };
  const parts: ChatCompletionContentPart[] = text ? [{ type: 'text', text }] : [];
  for (const image of images) parts.push({ type: 'image_url', image_url: { url: read(image) } });
  return { role: 'user', content: parts };
}

export function buildRequest(
  thread: readonly Message[],
  settings: RequestSettings,
  budget: Budget,
  options: BuildOptions,
): BuiltRequest {
  const turns = turnsOf(entriesOf(thread, options.mode));
  const system = settings.systemPrompt.trim() ? settings.systemPrompt : '';
  const maxTokens = settings.params.max_tokens ?? DEFAULT_MAX_TOKENS;
  const limit = budget.contextLength - maxTokens;
  const newest = turns.at(-1);
  const images = new Map<Entry, Attachment[]>();
  const documents = new Map<Entry, DocumentRef[]>();
  const costOf = (turn: Turn) => {
    let sum = 0;
    for (const entry of turn) {
      const sent = imagesOf(entry, entry === newest?.[0]);
      if (sent.length) images.set(entry, sent);
      const docs = documentsOf(entry, entry === newest?.[0]);
      if (docs.length) documents.set(entry, docs);
      sum += entry.tokens + sent.length * IMAGE_TOKENS;
      for (const d of docs) sum += d.tokens;
    }
    return sum;
  };

  // Newest first, and only as far back as the budget reaches: the newest turn always, older ones while they fit.
  const baseTokens =
    REPLY_PRIMING + (system ? budget.systemTokens + MESSAGE_OVERHEAD : 0) + (newest ? costOf(newest) : 0);
  const turnTokens: number[] = [];
  let used = baseTokens;
  let count = newest?.length ?? 0;
  for (let i = turns.length - 2; i >= 0; i--) {
    const cost = costOf(turns[i]!);
    count += turns[i]!.length;
    if (used + cost > limit || (settings.sendLast !== null && count > settings.sendLast)) break;
    used += cost;
    turnTokens.push(cost);
  }
  const kept = newest ? 1 + turnTokens.length : 0;
  const sent = turns.slice(turns.length - kept).flat();

  const messages: ChatCompletionMessageParam[] = system ? [{ role: 'system', content: system }] : [];
  const sentIds = new Set<string>();
  let imagesSent = 0;
  for (const entry of sent) {
    const list = images.get(entry) ?? NO_IMAGES;
    imagesSent += list.length;
    for (const m of entry.messages) sentIds.add(m.id);
    messages.push(toParam(entry, list, documents.get(entry) ?? NO_DOCUMENTS, options));
  }
  const firstIndex = sent.find((e) => e.messages.length)?.index ?? -1;
  return {
    body: {
      ...settings.params,
      model: settings.model,
      messages,
      stream: true,
      ...(options.includeUsage ? { stream_options: { include_usage: true } } : {}),
    },
    context: {
      firstSentId: firstIndex < 0 ? null : thread[firstIndex]!.id,
      notSent: firstIndex < 0 ? thread.length : firstIndex,
      leftOut: firstIndex < 0 ? [] : thread.slice(firstIndex).flatMap((m) => (sentIds.has(m.id) ? [] : [m.id])),
      promptTokens: used,
      maxTokens,
      limit,
      overLimit: baseTokens > limit,
      imagesSent,
      baseTokens,
      turnTokens,
      reachedStart: kept === turns.length,
    },
  };
}
