import type { Conversation } from '../../../../shared/domain';

/**
 * Which heading a chat goes under: a named span of days, or a calendar month as `year * 12 + month` (0-based
 * month). Groups are data; the sidebar names them in the UI language when it draws a heading (groupLabel).
 */
export type DateGroup = 'pinned' | 'today' | 'yesterday' | 'week' | 'month' | number;

/** One line of the sidebar list: a group heading, or a chat with its place among the loaded chats. */
export type SidebarLine =
  { kind: 'heading'; group: DateGroup } | { kind: 'chat'; conversation: Conversation; index: number };

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Sorts times into groups as seen at `now`: today, yesterday, previous 7 days, previous 30 days, then the month.
 * Calendar days in local time; a time ahead of the clock counts as today. The day boundaries are found once, and
 * nothing is formatted here: Intl formatting is the slow part, and a sidebar has thousands of chats.
 */
export function dateGrouper(now: number): (at: number) => DateGroup {
  const today = startOfDay(now);
  // Yesterday's midnight, found by the calendar rather than by 24 hours, so a daylight-saving change cannot shift it.
  const yesterday = startOfDay(today - DAY / 2);
  const week = today - 7 * DAY;
  const month = today - 30 * DAY;
  return (at) => {
    if (at >= today) return 'today';
    if (at >= yesterday) return 'yesterday';
    if (at >= week) return 'week';
    if (at >= month) return 'month';
    const date = new Date(at);
    return date.getFullYear() * 12 + date.getMonth();
  };
}

/** The group of one time; see dateGrouper. */
export function dateGroupOf(at: number, now: number): DateGroup {
  return dateGrouper(now)(at);
}

/**
 * A group's heading: the named spans through `named` (the sidebar's t()), a month through `months` (an
 * Intl.DateTimeFormat for month and year in the UI language, made once per language by the caller).
 */
export function groupLabel(
  group: DateGroup,
  named: (key: `groups.${Exclude<DateGroup, number>}`) => string,
  months: Intl.DateTimeFormat,
): string {
  if (typeof group === 'number') return months.format(new Date(Math.floor(group / 12), group % 12, 1));
  return named(`groups.${group}`);
}

/** The format groupLabel names months with: "November 2026" in English. */
export function monthFormat(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' });
}

/**
 * Headings put into the conversation order as it is (pinned first, then most recently active): pinned chats under
 * "Pinned", the rest under their date group. The order is never changed here; a heading starts wherever the group
 * of the next chat differs from the one before it.
 */
export function withDateGroups(conversations: readonly Conversation[], now: number): SidebarLine[] {
  const groupOf = dateGrouper(now);
  const lines: SidebarLine[] = [];
  let current: DateGroup | null = null;
  conversations.forEach((conversation, index) => {
    const group = conversation.pinned ? 'pinned' : groupOf(conversation.updatedAt);
    if (group !== current) lines.push({ kind: 'heading', group });
    current = group;
    lines.push({ kind: 'chat', conversation, index });
  });
  return lines;
}
