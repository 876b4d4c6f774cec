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

type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;

/** One argument-tuple schema per method; the mapped type makes a missing method a compile error. */
export const argSchemas: {
  [N in keyof Methods]: { [M in keyof Methods[N]]: z.ZodType<ArgsOf<Methods[N][M]>> };
} = {
  chat: {
    send: z.tuple([sendInputSchema]),
    stop: z.tuple([id]),
  },
  conversations: {
    list: z.tuple([]),
    get: z.tuple([id]),
  },
  keys: {
    status: z.tuple([]),
  },
  app: {
    info: z.tuple([]),
    openExternal: z.tuple([externalUrlSchema]),
    restartToUpdate: z.tuple([]),
  },
};
