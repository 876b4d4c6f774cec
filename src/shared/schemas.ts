import { z } from 'zod';
import type { Methods } from './contract';
import { LIMITS, PARAM_SPECS, type ChatParams } from './domain';

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

export const sendInputSchema = z.strictObject({
  conversationId: id.nullable(),
  content: z.string().trim().min(1, 'Type a message').max(LIMITS.messageChars),
  model: modelIdSchema,
  params: chatParamsSchema,
  systemPrompt: z.string().max(LIMITS.systemPromptChars),
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
    theme: z.enum(['system', 'light', 'dark']).optional(),
    defaultModel: modelIdSchema.optional(),
    defaultParams: chatParamsSchema.optional(),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(LIMITS.url)
      .nullable()
      .optional(),
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
    continue: z.tuple([id]),
    retry: z.tuple([id]),
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
  },
  search: { messages: historySchemas.search },
  history: { status: z.tuple([]), startFresh: z.tuple([]), exportAll: z.tuple([]), import: z.tuple([]) },
  settings: { get: z.tuple([]), update: z.tuple([historySchemas.settings]) },
  keys: {
    status: z.tuple([]),
  },
  app: {
    info: z.tuple([]),
    openExternal: z.tuple([externalUrlSchema]),
  },
};
