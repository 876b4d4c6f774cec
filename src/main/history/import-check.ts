import type { z } from 'zod';
import { PARAM_SPECS, type ChatParams } from '../../shared/domain';
import type { ImportNote } from '../../shared/history';
import { chatParamsSchema } from '../../shared/schemas';

/** Long or odd names from a file are shown clipped, as text. */
function clip(text: string, chars = 40): string {
  const flat = text.replace(/\p{C}+/gu, ' ').trim();
  return flat.length > chars ? `${flat.slice(0, chars - 1)}…` : flat;
}

function listed(items: string[]): string {
  const shown = items.slice(0, 5).join(', ');
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}

/**
 * An imported chat's settings through the UI's own schema, one at a time: a setting the app does not send
 * (such as `n: 64`, which would multiply the bill) and a value the UI would refuse are both left out, and
 * named, while the valid ones are kept.
 */
export function cleanParams(raw: Record<string, unknown>): { params: ChatParams; leftOut: string | null } {
  const params: Record<string, number> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(PARAM_SPECS, key)) {
      dropped.push(`${clip(key)} (not a setting the app sends)`);
      continue;
    }
    const spec = PARAM_SPECS[key as keyof ChatParams];
    const parsed = chatParamsSchema.shape[key as keyof ChatParams].safeParse(value);
    if (parsed.success && parsed.data !== undefined) params[key] = parsed.data;
    else dropped.push(`${key} ${clip(JSON.stringify(value) ?? '', 20)} (allowed: ${spec.min} to ${spec.max})`);
  }
  return { params, leftOut: dropped.length ? `Settings left out: ${listed(dropped)}.` : null };
}

interface Linked {
  id: string;
  parentId: string | null;
}

/**
 * The messages of one imported chat, parents first; or why the chat cannot be imported. Every parent must
 * be a message of the same chat, and following parents must never come back round: the app's thread
 * walkers would otherwise have nowhere to stop. Files without any parent links (older exports) are one
 * straight thread, in file order.
 */
export function parentsFirst<M extends Linked>(messages: M[]): M[] | string {
  if (messages.length > 1 && messages.every((m) => m.parentId === null)) {
    return messages.map((m, i) => (i === 0 ? m : { ...m, parentId: messages[i - 1]!.id }));
  }
  const byId = new Map<string, M>();
  for (const m of messages) {
    if (byId.has(m.id)) return `two of its messages share the id “${clip(m.id)}”.`;
    byId.set(m.id, m);
  }
  for (const m of messages) {
    if (m.parentId === m.id) return `a message is its own parent (“${clip(m.id)}”).`;
    if (m.parentId !== null && !byId.has(m.parentId)) {
      return `a message answers “${clip(m.parentId)}”, which is not in this chat.`;
    }
  }
  // File order, except that a message waits for its parent: a file written parents first stays as it is.
  const ordered: M[] = [];
  const placed = new Set<string>();
  const waiting = new Map<string, M[]>();
  for (const m of messages) {
    if (m.parentId !== null && !placed.has(m.parentId)) {
      waiting.set(m.parentId, [...(waiting.get(m.parentId) ?? []), m]);
      continue;
    }
    const stack = [m];
    for (let next = stack.pop(); next; next = stack.pop()) {
      ordered.push(next);
      placed.add(next.id);
      stack.push(...(waiting.get(next.id) ?? []).reverse());
      waiting.delete(next.id);
    }
  }
  if (ordered.length < messages.length) return 'some of its messages answer each other in a loop.';
  return ordered;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Context settings are tuned on the computer they were made on; an imported chat starts with the defaults. */
export const IMPORTED = { contextLength: null, sendLast: null, titleEdited: false } as const;

/** A chat left out whole, with the reason as a sentence. */
export function refuse(title: string, reason: string): ImportNote {
  return { title, message: reason.charAt(0).toUpperCase() + reason.slice(1), refused: true };
}

/** A title to name a chat by in a note, read from wherever the file keeps it. */
export function titleIn(item: unknown, ...path: string[]): string {
  let value: unknown = item;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
  return (typeof value === 'string' && clip(value, 80)) || 'Untitled chat';
}

export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return clip(`${issue.path.join('.')}: ${issue.message}`, 80);
}
