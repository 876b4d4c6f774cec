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
 * Sorts times into groups as seen at `now`: Today, Yesterday, Previous 7 days, Previous 30 days, then the month
 * ("November 2026"). Calendar days in local time; a time ahead of the clock counts as today. The day boundaries are
 * found once, and each month is named once: Intl formatting is the slow part, and a sidebar has thousands of chats.
 */
export function dateGrouper(now: number, locale?: string): (at: number) => string {
  const today = startOfDay(now);
  // Yesterday's midnight, found by the calendar rather than by 24 hours, so a daylight-saving change cannot shift it.
  const yesterday = startOfDay(today - DAY / 2);
  const week = today - 7 * DAY;
  const month = today - 30 * DAY;
  const format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
  const months = new Map<number, string>();
  return (at) => {
    if (at >= today) return 'Today';
    if (at >= yesterday) return 'Yesterday';
    if (at >= week) return 'Previous 7 days';
    if (at >= month) return 'Previous 30 days';
    const date = new Date(at);
    const key = date.getFullYear() * 12 + date.getMonth();
    let label = months.get(key);
    if (label === undefined) months.set(key, (label = format.format(date)));
    return label;
  };
}

/** The group of one time; see dateGrouper. */
export function dateGroupOf(at: number, now: number, locale?: string): string {
  return dateGrouper(now, locale)(at);
}

/**
 * Headings put into the conversation order as it is (pinned first, then most recently active): pinned chats under
 * "Pinned", the rest under their date group. The order is never changed here; a heading starts wherever the group
 * of the next chat differs from the one before it.
 */
export function withDateGroups(conversations: readonly Conversation[], now: number, locale?: string): SidebarLine[] {
  const groupOf = dateGrouper(now, locale);
  const lines: SidebarLine[] = [];
  let current: string | null = null;
  conversations.forEach((conversation, index) => {
    const label = conversation.pinned ? 'Pinned' : groupOf(conversation.updatedAt);
    if (label !== current) lines.push({ kind: 'heading', label });
    current = label;
    lines.push({ kind: 'chat', conversation, index });
  });
  return lines;
}
