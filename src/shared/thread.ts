import type { Message } from './domain';

/**
 * A conversation is a tree: regenerating a reply or editing a message adds a sibling. The thread on
 * screen is the path from the root to one leaf, the conversation's `leafId`.
 *
 * Every walk below remembers where it has been: a parent loop planted in the database (the app never
 * makes one, imports refuse one) ends the walk instead of running forever.
 */

function byAge(a: Message, b: Message): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

function childrenIndex(messages: Message[]): Map<string | null, Message[]> {
  const children = new Map<string | null, Message[]>();
  for (const m of messages) {
    const list = children.get(m.parentId) ?? [];
    list.push(m);
    children.set(m.parentId, list);
  }
  for (const list of children.values()) list.sort(byAge);
  return children;
}

/** The newest leaf below `id` (or `id` itself), following the newest child at each step. */
export function newestLeafUnder(messages: Message[], id: string): string {
  const children = childrenIndex(messages);
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    seen.add(current);
    const next = children.get(current)?.at(-1);
    if (!next || seen.has(next.id)) return current;
    current = next.id;
  }
}

/** The messages on screen, root first. With no (or an unknown) leaf, the newest message's thread. */
export function threadOf(messages: Message[], leafId: string | null): Message[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  let leaf = leafId ? byId.get(leafId) : undefined;
  if (!leaf) leaf = [...messages].sort(byAge).at(-1);
  const path: Message[] = [];
  const seen = new Set<string>();
  for (let m = leaf; m && !seen.has(m.id); m = m.parentId ? byId.get(m.parentId) : undefined) {
    seen.add(m.id);
    path.push(m);
  }
  return path.reverse();
}

/** `id` and everything that follows from it. */
export function subtreeOf(messages: Message[], id: string): string[] {
  const children = childrenIndex(messages);
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const current = stack.pop()!;
    if (out.has(current)) continue;
    out.add(current);
    for (const child of children.get(current) ?? []) stack.push(child.id);
  }
  return [...out];
}
