import type OpenAI from 'openai';
import type { Conversation } from '../../shared/domain';
import type { HistoryStore } from '../history/history-store';
import type { BoundKey } from '../keys/key-provider';

export interface AutoTitleOptions {
  history: HistoryStore;
  client(apiKey: BoundKey): OpenAI;
  /** The user's choices: whether chats are named, and by which model (null: the chat's own). */
  settings(): { autoTitle: boolean; titleModel: string | null };
}

const TITLE_CHARS = 60;

/** A new chat's first title: the first line of its first message, or what it sent when it was images alone. */
export function titleFrom(content: string, images = 0): string {
  const line = content.trim().split('\n')[0]!.trim();
  if (line === '' && images > 0) return images === 1 ? 'Image' : `${images} images`;
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

const PROMPT =
  'You name chats. Answer with a title for the conversation below: at most six words, in its language, ' +
  'no quotes, no punctuation at the end. Answer with the title only.';
const EXCERPT = 1500;
const MAX_WORDS = 8;
const MAX_CHARS = 60;

/** A model's answer as a title: one plain line of a few words, or '' when nothing usable is left. */
export function cleanTitle(raw: string): string {
  const text = raw.replace(/<think>[\s\S]*?(<\/think>|$)/gi, '');
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  const plain = line
    .replace(/^\s*(chat\s+)?title\s*:\s*/i, '')
    // Control and format characters (bidi overrides, zero-width) have no place in a title.
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[*_`#"“”«»]/g, '')
    .replace(/^['‘’\s]+|['‘’\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const words = plain.split(' ').slice(0, MAX_WORDS).join(' ');
  return words.slice(0, MAX_CHARS).replace(/[\s.,;:!?…-]+$/, '');
}

/**
 * After a new chat's first reply: asks the model for a short title (not streamed, a few tokens) and keeps it,
 * unless the user has named the chat meanwhile. Fails silently: the first line of the message stays the title.
 */
export async function autoTitle(
  options: AutoTitleOptions,
  apiKey: BoundKey,
  conversationId: string,
): Promise<Conversation | null> {
  const { history } = options;
  const { autoTitle: on, titleModel } = options.settings();
  const conversation = history.getConversation(conversationId);
  if (!on || !conversation || conversation.titleEdited || !conversation.leafId) return null;
  const { messages, hasOlder } = history.threadEndingAt(conversation.leafId, 3);
  const [question, reply] = messages;
  if (hasOlder || messages.length !== 2 || reply?.role !== 'assistant' || reply.status !== 'done') return null;
  // Named once: a first reply continued later, or regenerated, keeps the title it got.
  if (conversation.title !== titleFrom(question!.content, question!.attachments.length)) return null;
  try {
    const completion = await options.client(apiKey).chat.completions.create({
      model: titleModel ?? reply.model ?? conversation.model,
      messages: [
        { role: 'system', content: PROMPT },
        {
          role: 'user',
          content: `User: ${question!.content.slice(0, EXCERPT) || '(an image)'}\n\nAssistant: ${reply.content.slice(0, EXCERPT)}`,
        },
      ],
      max_tokens: 24,
      temperature: 0.3,
      stream: false,
    });
    const content = completion.choices?.[0]?.message?.content;
    const title = typeof content === 'string' ? cleanTitle(content) : '';
    // The user may have renamed the chat, or deleted it, while the model was thinking.
    if (!title || !history.getConversation(conversationId) || history.getConversation(conversationId)!.titleEdited) {
      return null;
    }
    return history.updateConversation(conversationId, { title });
  } catch {
    return null;
  }
}
