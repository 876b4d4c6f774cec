import { z } from 'zod';
import { baseUrlProblem, normalizeBaseUrl } from './base-url';
import { COMPARE_COLUMNS } from './compare';
import type { Methods } from './contract';
import { IMAGE_TYPES, LIMITS, PARAM_SPECS, THUMBNAIL_URL, type ChatParams } from './domain';
import { LANGUAGE_SETTINGS } from './languages';
import { THEMES } from './settings';

const id = z.string().min(1).max(LIMITS.id);

function param(key: keyof ChatParams) {
  const spec = PARAM_SPECS[key];
  const n = spec.integer ? z.number().int() : z.number();
  return n.min(spec.min).max(spec.max).optional();
}

export const chatParamsSchema = z.strictObject({
  temperature: param('temperature'),
  top_p: param('top_p'),
  max_tokens: param('max_tokens'),
  presence_penalty: param('presence_penalty'),
  frequency_penalty: param('frequency_penalty'),
});

export const modelIdSchema = z
  .string()
  .trim()
  .min(1, 'Enter a model id')
  .max(LIMITS.modelId)
  .regex(/^[\w.:/@+-]+$/, 'A model id has no spaces or special characters');

/** A list of model ids with no repeats, at most `max` long: the picker's favourites and recent models. */
export function modelListSchema(max: number) {
  return z
    .array(modelIdSchema)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'A model is listed twice');
}

/** An API key as pasted: surrounding spaces dropped, none inside. */
export const apiKeySchema = z
  .string()
  .trim()
  .min(8, 'That is too short to be an API key')
  .max(LIMITS.apiKey)
  .regex(/^\S+$/, 'An API key has no spaces');

// base64 grows bytes by 4/3; a little slack for the data URL's header.
const dataUrlChars = Math.ceil((LIMITS.imageBytes * 4) / 3) + 100;

/** An image's preview, from the composer or an imported file alike (see THUMBNAIL_URL). */
export const thumbnailSchema = z
  .string()
  .max(LIMITS.thumbnailChars, 'A preview can be up to 200,000 characters')
  .regex(THUMBNAIL_URL, 'A preview must be a PNG, JPEG, WebP or GIF data URL');

export const imageInputSchema = z
  .strictObject({
    name: z.string().min(1).max(255),
    mimeType: z.enum(IMAGE_TYPES),
    dataUrl: z.string().max(dataUrlChars, 'Images can be up to 5 MB'),
    thumbnail: thumbnailSchema,
  })
  .refine(
    (image) => image.dataUrl.startsWith(`data:${image.mimeType};base64,`),
    'The image data does not match its type',
  );

export const contextSettingsSchema = z.strictObject({
  contextLength: z.number().int().min(256).max(LIMITS.contextLength).nullable(),
  sendLast: z.number().int().min(1).max(LIMITS.sendLast).nullable(),
});

const replySettings = {
  model: modelIdSchema,
  params: chatParamsSchema,
  systemPrompt: z.string().max(LIMITS.systemPromptChars),
  context: contextSettingsSchema.optional(),
};

const messageText = z.string().trim().max(LIMITS.messageChars);

/** A document's id: the hex SHA-256 main gave it; nothing else is ever joined to a path. */
export const documentIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'That is not a document the app read');

/** A message is text, images, documents, or any of them together: an image alone is a whole question ("what is this?"). */
export const sendInputSchema = z
  .strictObject({
    conversationId: id.nullable(),
    content: messageText,
    images: z.array(imageInputSchema).max(LIMITS.imagesPerMessage, 'Attach up to 4 images'),
    documents: z.array(documentIdSchema).max(LIMITS.documentsPerMessage, 'Attach up to 10 documents').optional(),
    fitDocuments: z.boolean().optional(),
    ...replySettings,
  })
  .refine((input) => input.content !== '' || input.images.length > 0 || (input.documents?.length ?? 0) > 0, {
    message: 'Type a message or attach an image',
    path: ['content'],
  });

// base64 of the largest file, with a little slack: a longer string is refused before a byte of it is decoded.
const documentBase64Chars = Math.ceil(LIMITS.documentBytes / 3) * 4 + 4;
const requestIdSchema = z.string().min(1).max(LIMITS.id);

export const assistantSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the assistant').max(LIMITS.assistantName),
  description: z.string().trim().max(LIMITS.assistantDescription),
  model: modelIdSchema,
  params: chatParamsSchema,
  systemPrompt: replySettings.systemPrompt,
});

/** The assistants as saved: names are unique, so one can be found, replaced and deleted by its name. */
export const assistantListSchema = z
  .array(assistantSchema)
  .max(LIMITS.assistants)
  .refine((list) => new Set(list.map((a) => a.name)).size === list.length, 'Two assistants have the same name');

const compareColumnSchema = z.strictObject({ model: modelIdSchema, params: chatParamsSchema.optional() });

/** 2–4 columns, each a different model, so the arena can tell them apart. */
export const compareInputSchema = z.strictObject({
  conversationId: id.nullable(),
  content: sendInputSchema.shape.content,
  systemPrompt: replySettings.systemPrompt,
  params: chatParamsSchema,
  columns: z
    .array(compareColumnSchema)
    .min(COMPARE_COLUMNS.min, `Pick at least ${COMPARE_COLUMNS.min} models`)
    .max(COMPARE_COLUMNS.max, `Pick up to ${COMPARE_COLUMNS.max} models`)
    .refine((columns) => new Set(columns.map((c) => c.model)).size === columns.length, 'Pick each model once'),
});

/** A base URL (see base-url.ts for the rule), normalized. */
export const baseUrlSchema = z.string().transform((value, ctx) => {
  const problem = baseUrlProblem(value);
  if (!problem) return normalizeBaseUrl(value);
  ctx.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
});

export const externalUrlSchema = z
  .string()
  .max(LIMITS.url)
  .refine((value) => {
    try {
      return ['http:', 'https:', 'mailto:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Only http, https and mailto links open');

const pageSchema = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(LIMITS.page).optional(),
});
const folderSchema = z.string().trim().min(1).max(LIMITS.folder);

export const historySchemas = {
  list: z.tuple([pageSchema.extend({ folder: folderSchema.nullable().optional() }).optional()]),
  open: z.tuple([id, z.strictObject({ limit: pageSchema.shape.limit, includeId: id.optional() }).optional()]),
  patch: z.strictObject({
    title: z.string().trim().min(1, 'Enter a title').max(LIMITS.title).optional(),
    pinned: z.boolean().optional(),
    folder: folderSchema.nullable().optional(),
  }),
  search: z.tuple([z.string().max(LIMITS.query), pageSchema.optional()]),
  settings: z.strictObject({
    theme: z.enum(THEMES).optional(),
    language: z.enum(LANGUAGE_SETTINGS).optional(),
    defaultModel: modelIdSchema.optional(),
    defaultParams: chatParamsSchema.optional(),
    assistants: assistantListSchema.optional(),
    autoUpdate: z.boolean().optional(),
    autoTitle: z.boolean().optional(),
    titleModel: modelIdSchema.nullable().optional(),
    autoRetry: z.boolean().optional(),
    favoriteModels: modelListSchema(LIMITS.favoriteModels).optional(),
    sidebarCollapsed: z.boolean().optional(),
  }),
};

type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;

/** One argument-tuple schema per method; the mapped type makes a missing method a compile error. */
export const argSchemas: {
  [N in keyof Methods]: { [M in keyof Methods[N]]: z.ZodType<ArgsOf<Methods[N][M]>> };
} = {
  chat: {
    send: z.tuple([sendInputSchema]),
    stop: z.tuple([id]),
    regenerate: z.tuple([z.strictObject({ messageId: id, ...replySettings })]),
    edit: z.tuple([z.strictObject({ messageId: id, content: messageText.min(1, 'Type a message'), ...replySettings })]),
    continue: z.tuple([id, z.strictObject({ maxTokens: param('max_tokens') }).optional()]),
    retry: z.tuple([id]),
    context: z.tuple([z.strictObject({ conversationId: id.nullable(), ...replySettings })]),
    pinImages: z.tuple([id, z.boolean()]),
  },
  conversations: {
    list: historySchemas.list,
    get: historySchemas.open,
    older: z.tuple([id, id]),
    update: z.tuple([id, historySchemas.patch]),
    remove: z.tuple([id]),
    restore: z.tuple([id]),
    folders: z.tuple([]),
    export: z.tuple([id, z.enum(['markdown', 'json'])]),
    showVersion: z.tuple([id]),
    deleteMessage: z.tuple([id]),
  },
  search: { messages: historySchemas.search },
  documents: {
    pick: z.tuple([requestIdSchema]),
    fromBytes: z.tuple([
      requestIdSchema,
      z.string().min(1).max(LIMITS.documentName),
      z
        .string()
        .max(documentBase64Chars, 'Files up to 50 MB can be attached')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file data is not base64'),
    ]),
    cancel: z.tuple([requestIdSchema]),
    text: z.tuple([documentIdSchema]),
  },
  history: { status: z.tuple([]), startFresh: z.tuple([]), exportAll: z.tuple([]), import: z.tuple([]) },
  settings: {
    get: z.tuple([]),
    update: z.tuple([historySchemas.settings]),
    changeBaseUrl: z.tuple([baseUrlSchema.nullable()]),
  },
  keys: {
    status: z.tuple([]),
    test: z.tuple([z.strictObject({ key: apiKeySchema.nullable(), model: modelIdSchema })]),
    save: z.tuple([z.strictObject({ key: apiKeySchema, sessionOnly: z.boolean() })]),
    remove: z.tuple([]),
  },
  models: {
    list: z.tuple([]),
  },
  compare: {
    start: z.tuple([compareInputSchema]),
    stop: z.tuple([id]),
    run: z.tuple([id]),
    state: z.tuple([id]),
    choose: z.tuple([id]),
    regenerate: z.tuple([z.strictObject({ messageId: id, params: chatParamsSchema.optional() })]),
  },
  app: {
    info: z.tuple([]),
    openExternal: z.tuple([externalUrlSchema, z.string().max(LIMITS.linkText).optional()]),
    copyText: z.tuple([z.string().max(LIMITS.copyChars)]),
    restartToUpdate: z.tuple([]),
    recovery: z.tuple([]),
  },
};
