import type { CompareMark } from './compare';
import type { AppError } from './errors';

export type Role = 'system' | 'user' | 'assistant';

/** `interrupted`: found still `streaming` when the app started again after a crash. */
export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'error' | 'interrupted';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

/** Timings of one reply, measured in main. */
export interface ReplyStats {
  /** From sending the request to the first text; null when no text came. */
  firstTokenMs: number | null;
  totalMs: number;
  /** Streamed chunks, a stand-in for output tokens when the server sends no usage. */
  chunks: number;
}

/** An image sent with a message; the full image stays in main, the message carries a small preview. */
export interface Attachment {
  id: string;
  name: string;
  mimeType: ImageType;
  size: number;
  /** A downscaled data URL for showing in the list. */
  thumbnail: string;
}

/** What a document was read as: the model only ever sees its text. */
export type DocumentKind = 'pdf' | 'docx' | 'text';

/**
 * A document attached to a message. The extracted text stays in main (beside the database, once per content);
 * the message carries what its chip shows and what the budget needs.
 */
export interface DocumentRef {
  /** Hex SHA-256 of the stored text: the same text is kept once, and an import's copy is checked against it. */
  id: string;
  name: string;
  kind: DocumentKind;
  /** PDF pages read; null for other kinds. */
  pages: number | null;
  lines: number;
  /** Characters of the whole text. */
  chars: number;
  /** Tokens of the block the request carries for it (the whole text, or the part kept). */
  tokens: number;
  /** The user let the app cut it to fit the context: only this many characters are sent. null: all of it. */
  keptChars: number | null;
}

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * The only thing a preview may be: a base64 data URL of one of the image types (or empty). A `file:` or
 * `http:` URL in an `<img>` would make the window fetch it, and on Windows `file://host/` is an SMB login.
 */
export const THUMBNAIL_URL = /^(data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]*={0,2})?$/;

export interface ModelInfo {
  id: string;
  vision: boolean;
  /** Tokens the model reads at once, when the server's list says. */
  contextLength: number | null;
}

// Families that accept images; any other id is still accepted, just not marked.
const VISION =
  /(^|[-_/.])(vl|vision)([-_/.]|$)|llava|pixtral|qwen2(\.5)?-vl|gpt-4o|gemma-3|minicpm-v|internvl|llama-4/i;

export function isVisionModel(id: string): boolean {
  return VISION.test(id);
}

export interface ChatParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
}

export interface Message {
  id: string;
  conversationId: string;
  /** The message this one answers or follows; versions of a reply share a parent. */
  parentId: string | null;
  role: Role;
  content: string;
  attachments: Attachment[];
  status: MessageStatus;
  error: AppError | null;
  model: string | null;
  usage: Usage | null;
  stats: ReplyStats | null;
  /** Tokens of the text, counted when it was saved; null until counted (older or imported messages). */
  tokens: number | null;
  /** How the server said a reply ended (`stop`, `length`, `content_filter`…); null when it did not say. */
  finishReason: string | null;
  /** Documents attached to it (user messages only); their text goes under the same policy as images. */
  documents: DocumentRef[];
  /** The user asked for this message's images and documents to go with every request, not only while it is the newest. */
  imagesPinned: boolean;
  /** Set on a reply made in compare mode: its run and column. Absent on every other message. */
  compare?: CompareMark;
  createdAt: number;
  updatedAt: number;
}

export interface Conversation {
  id: string;
  title: string;
  model: string;
  params: ChatParams;
  systemPrompt: string;
  /** The last message of the thread on screen; versions of earlier turns hang off other branches. */
  leafId: string | null;
  pinned: boolean;
  /** A folder name, or null for none. */
  folder: string | null;
  /** The model's context length as the user set it for this chat; null: the server's list or the built-in table. */
  contextLength: number | null;
  /** Send at most this many of the newest messages; null: all that fit. */
  sendLast: number | null;
  /** The user named this chat, so a model-made title never replaces it. */
  titleEdited: boolean;
  createdAt: number;
  updatedAt: number;
}

export const DEFAULT_MODEL = 'Qwen/Qwen2.5-VL-72B-Instruct-together';
export const DEFAULT_BASE_URL = 'https://modelslab.com/api/v7/llm';
export const API_KEYS_URL = 'https://modelslab.com/dashboard/api-keys';
/** Where credits are bought: the way out of a 402. */
export const BILLING_URL = 'https://modelslab.com/dashboard/billing';

export interface ParamSpec {
  label: string;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** ModelsLab's own default, when it documents one; otherwise the model's default applies. */
  serverDefault: number | null;
  help: string;
}

/** ModelsLab's documented ranges; an unset parameter is left out of the request so the server default applies. */
export const PARAM_SPECS: Record<keyof ChatParams, ParamSpec> = {
  temperature: {
    label: 'Temperature',
    min: 0,
    max: 2,
    step: 0.1,
    integer: false,
    serverDefault: null,
    help: 'Higher is more varied, lower is more focused.',
  },
  top_p: {
    label: 'Top P',
    min: 0,
    max: 1,
    step: 0.05,
    integer: false,
    serverDefault: null,
    help: 'Sample only from the most likely tokens whose probabilities add up to this.',
  },
  max_tokens: {
    label: 'Max tokens',
    min: 1,
    max: 131072,
    step: 1,
    integer: true,
    serverDefault: 1000,
    help: 'The longest reply, in tokens.',
  },
  presence_penalty: {
    label: 'Presence penalty',
    min: -2,
    max: 2,
    step: 0.1,
    integer: false,
    serverDefault: null,
    help: 'Positive values push the model towards new topics.',
  },
  frequency_penalty: {
    label: 'Frequency penalty',
    min: -2,
    max: 2,
    step: 0.1,
    integer: false,
    serverDefault: null,
    help: 'Positive values discourage repeating the same words.',
  },
};

export const PARAM_KEYS = Object.keys(PARAM_SPECS) as (keyof ChatParams)[];

/** Bounds shared by the schemas and the UI. */
export const LIMITS = {
  modelId: 200,
  messageChars: 200_000,
  systemPromptChars: 50_000,
  id: 64,
  url: 2048,
  /** A link's visible text, as sent with it to main. */
  linkText: 4096,
  apiKey: 512,
  assistants: 50,
  assistantName: 60,
  assistantDescription: 200,
  /** Models the picker lists as recently used, newest first. */
  recentModels: 8,
  favoriteModels: 50,
  copyChars: 5_000_000,
  imageBytes: 5 * 1024 * 1024,
  imagesPerMessage: 4,
  /** All the images of one message together. */
  imageBytesPerMessage: 10 * 1024 * 1024,
  /** Images added in any 24 hours, so nothing can fill the disk with them. */
  imageBytesPerDay: 200 * 1024 * 1024,
  thumbnailChars: 200_000,
  title: 200,
  folder: 100,
  query: 500,
  page: 200,
  contextLength: 10_000_000,
  sendLast: 100_000,
  documentsPerMessage: 10,
  /** A file dropped or pasted, checked before it is read (a picked file is checked by main with stat). */
  documentBytes: 50 * 1024 * 1024,
  documentName: 255,
} as const;

/** File types the picker offers; any other file is read as text when it has no binary content. */
export const DOCUMENT_EXTENSIONS = [
  'pdf',
  'docx',
  'txt',
  'md',
  'markdown',
  'csv',
  'tsv',
  'json',
  'log',
  'xml',
  'yaml',
  'yml',
  'toml',
  'ini',
  'html',
  'css',
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'tsx',
  'py',
  'rb',
  'go',
  'rs',
  'java',
  'kt',
  'c',
  'h',
  'cpp',
  'hpp',
  'cs',
  'swift',
  'php',
  'sh',
  'sql',
  'r',
  'lua',
  'scala',
  'dart',
  'vue',
  'svelte',
] as const;
