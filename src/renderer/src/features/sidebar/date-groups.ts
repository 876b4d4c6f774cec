import type { Conversation } from '../../../../shared/domain';

/** One line of the sidebar list: a group heading, or a chat with its place among the loaded chats. */
export type SidebarLine =
  { kind: 'heading'; label: string } | { kind: 'chat'; conversation: Conversation; index: number };

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * The group a chat last active at `at` falls in, seen at `now`: Today, Yesterday, Previous 7 days, Previous 30 days,
 * then its month ("November 2026"). Calendar days in local time; a time ahead of the clock counts as today.
 */
export function dateGroupOf(at: number, now: number, locale?: string): string {
  const today = startOfDay(now);
  if (at >= today) return 'Today';
  // Yesterday's midnight, found by the calendar rather than by 24 hours, so a daylight-saving change cannot shift it.
  const yesterday = startOfDay(today - DAY / 2);
  if (at >= yesterday) return 'Yesterday';
  if (at >= today - 7 * DAY) return 'Previous 7 days';
  if (at >= today - 30 * DAY) return 'Previous 30 days';
  return new Date(at).toLocaleDateString(locale, { month: 'long', year: 'numeric' });
}

/**
 * Headings put into the conversation order as it is (pinned first, then most recently active): pinned chats under
 * "Pinned", the rest under their date group. The order is never changed here; a heading starts wherever the group
 * of the next chat differs from the one before it.
 */
export function withDateGroups(conversations: readonly Conversation[], now: number, locale?: string): SidebarLine[] {
  const lines: SidebarLine[] = [];
  let current: string | null = null;
  conversations.forEach((conversation, index) => {
    const label = conversation.pinned ? 'Pinned' : dateGroupOf(conversation.updatedAt, now, locale);
    if (label !== current) lines.push({ kind: 'heading', label });
    current = label;
    lines.push({ kind: 'chat', conversation, index });
  });
  return lines;
}
