/**
 * A reproducible history for the bench: 10,000 conversations, 500,000 messages, one conversation of 5,000.
 * Words follow a Zipf distribution over common English words and a long tail of rarer ones, so common words
 * are in almost every message and rare words in a handful, as in real chats.
 */
import type { Conversation, Message } from '../src/shared/domain';
import type { ConversationRecord } from '../src/main/history/history-store';

export const CONVERSATIONS = 10_000;
export const MESSAGES = 500_000;
export const LONG_MESSAGES = 5_000;
/** The conversation with 5,000 messages. */
export const LONG_INDEX = 4_321;

const COMMON = (
  'the of and to a in is it you that he was for on are with as I his they be at one have this from or had by ' +
  'word but what some we can out other were all there when up use your how said an each she which do their time ' +
  'if will way about many then them write would like so these her long make thing see him two has look more day ' +
  'could go come did number sound no most people my over know water than call first who may down side been now ' +
  'find any new work part take get place made live where after back little only round man year came show every ' +
  'good me give our under name very through just form sentence great think say help low line differ turn cause ' +
  'much mean before move right boy old too same tell does set three want air well also play small end put home ' +
  'read hand port large spell add even land here must big high such follow act why ask men change went light ' +
  'function server database query error request response value config deploy branch commit test build model'
).split(' ');

const SYLLABLES = 'ka lo mi ne ru sa ti vo ze ba de fi go hu ja ke li mo nu pa qui ra so tu ve wa xi yo zu'.split(' ');

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildVocabulary(): string[] {
  const rand = random(7);
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < 40_000) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

export const VOCABULARY = buildVocabulary();

// Cumulative Zipf weights (s = 1.07) for sampling by binary search.
const CUMULATIVE = (() => {
  const out = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let i = 0; i < VOCABULARY.length; i++) out[i] = sum += 1 / Math.pow(i + 1, 1.07);
  return out.map((v) => v / sum);
})();

function word(rand: () => number): string {
  const r = rand();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(word(rand));
  const text = out.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

/** A user asks in a sentence or two (~130 characters); a reply runs to a few paragraphs (~800). */
function text(rand: () => number, role: 'user' | 'assistant'): string {
  if (role === 'user') return sentence(rand, 8 + Math.floor(rand() * 30));
  const paragraphs: string[] = [];
  const count = 1 + Math.floor(rand() * 4);
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(rand() * 4);
    for (let s = 0; s < n; s++) sentences.push(sentence(rand, 6 + Math.floor(rand() * 14)));
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** How many messages each conversation has: they add up to MESSAGES exactly. */
export function messageCounts(): number[] {
  const rand = random(11);
  const counts = Array.from({ length: CONVERSATIONS }, () => 2 + Math.floor(rand() * 96));
  counts[LONG_INDEX] = LONG_MESSAGES;
  let diff = MESSAGES - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 7919) % CONVERSATIONS) {
    if (i === LONG_INDEX) continue;
    const step = Math.sign(diff);
    if (counts[i]! + step < 2 || counts[i]! + step > 97) continue;
    counts[i]! += step;
    diff -= step;
  }
  return counts;
}

const START = Date.UTC(2024, 0, 1);

export function conversationId(i: number): string {
  return `c-${String(i).padStart(5, '0')}`;
}

export function makeConversation(i: number, count: number): ConversationRecord {
  const rand = random(1000 + i);
  const id = conversationId(i);
  const createdAt = START + i * 3_000_000;
  const messages: Message[] = [];
  for (let m = 0; m < count; m++) {
    const role = m % 2 === 0 ? 'user' : 'assistant';
    const at = createdAt + m * 30_000;
    messages.push({
      id: `${id}-m${m}`,
      conversationId: id,
      parentId: m === 0 ? null : `${id}-m${m - 1}`,
      role,
      content: text(rand, role),
      attachments: [],
      documents: [],
      status: 'done',
      error: null,
      model: role === 'assistant' ? 'meta-llama/Llama-3.1-70B-Instruct' : null,
      usage: role === 'assistant' ? { promptTokens: 100 + m, completionTokens: 200 } : null,
      stats: null,
      tokens: null,
      finishReason: null,
      imagesPinned: false,
      createdAt: at,
      updatedAt: at,
    });
  }
  const conversation: Conversation = {
    id,
    title: sentence(rand, 3 + Math.floor(rand() * 5)).slice(0, 60),
    model: 'meta-llama/Llama-3.1-70B-Instruct',
    params: {},
    systemPrompt: '',
    pinned: i % 500 === 0,
    leafId: messages.at(-1)?.id ?? null,
    folder: i % 10 === 0 ? `Folder ${i % 8}` : null,
    contextLength: null,
    sendLast: null,
    titleEdited: false,
    createdAt,
    updatedAt: messages.at(-1)!.createdAt,
  };
  return { conversation, messages };
}

export function* history(): Generator<ConversationRecord> {
  const counts = messageCounts();
  for (let i = 0; i < CONVERSATIONS; i++) yield makeConversation(i, counts[i]!);
}

/** 40 queries: rare words, common words, and prefixes as typed. */
export function queries(): { kind: string; text: string }[] {
  const rare = [25_000, 27_500, 30_000, 32_000, 34_000, 36_000, 38_000, 39_000, 12_000, 15_000, 18_000, 21_000];
  const common = ['the', 'and', 'water', 'people', 'database error', 'server', 'first time', 'model', 'help', 'sound'];
  const prefixes = ['th', 'wat', 'dat', 'serv', 'pe', 'kal', 'mire', 'fun', 'sen', 'que'];
  const mixed = [
    'the ' + VOCABULARY[26_000],
    'database ' + VOCABULARY[5_000],
    'help mo',
    'error ka',
    'water ' + VOCABULARY[900],
    'people ti',
    'model con',
    'first ' + VOCABULARY[2_000],
  ];
  return [
    ...rare.map((r) => ({ kind: 'rare', text: `${VOCABULARY[r]} ` })),
    ...common.map((text) => ({ kind: 'common', text: `${text} ` })),
    ...prefixes.map((text) => ({ kind: 'prefix', text })),
    ...mixed.map((text) => ({ kind: 'mixed', text })),
  ];
}
