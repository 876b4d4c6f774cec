import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../shared/domain';
import { i18n } from '../../i18n';
import { dateGroupOf, groupLabel, monthFormat, withDateGroups, type DateGroup } from './date-groups';

// Local time, as the sidebar sees it: Monday 7 December 2026, 10:30.
const now = new Date(2026, 11, 7, 10, 30).getTime();
const at = (month: number, day: number, hour = 12) => new Date(2026, month, day, hour).getTime();
const english = (group: DateGroup) => groupLabel(group, (key) => i18n.t(`sidebar:${key}`), monthFormat('en-US'));

function chat(id: string, updatedAt: number, pinned = false): Conversation {
  return { id, updatedAt, pinned } as Conversation;
}

describe('date groups', () => {
  it.each([
    ['just after midnight today', new Date(2026, 11, 7, 0, 1).getTime(), 'Today'],
    ['a clock ahead of ours', now + 60_000, 'Today'],
    ['late last night', new Date(2026, 11, 6, 23, 59).getTime(), 'Yesterday'],
    ['the first minute of yesterday', new Date(2026, 11, 6, 0, 0).getTime(), 'Yesterday'],
    ['two days ago', at(11, 5), 'Previous 7 days'],
    ['seven days ago', at(10, 30, 23), 'Previous 7 days'],
    ['eight days ago', at(10, 29), 'Previous 30 days'],
    ['thirty days ago', at(10, 7, 1), 'Previous 30 days'],
    ['last month, before that', at(10, 2), 'November 2026'],
    ['last year', at(0, 15) - 365 * 24 * 3600 * 1000, 'January 2025'],
  ])('%s is %s', (_, time, label) => {
    expect(english(dateGroupOf(time, now))).toBe(label);
  });

  it('puts a heading wherever the group changes, keeping the order as it came', () => {
    const list = [
      chat('p', at(5, 1), true),
      chat('a', now - 1000),
      chat('b', now - 2000),
      chat('c', at(11, 6)),
      chat('d', at(9, 3)),
      chat('e', at(9, 1)),
    ];
    const lines = withDateGroups(list, now).map((l) =>
      l.kind === 'heading' ? `# ${english(l.group)}` : `${l.conversation.id}@${l.index}`,
    );
    expect(lines).toEqual([
      '# Pinned',
      'p@0',
      '# Today',
      'a@1',
      'b@2',
      '# Yesterday',
      'c@3',
      '# October 2026',
      'd@4',
      'e@5',
    ]);
  });

  it('names months in the UI language and the fixed groups through its words', () => {
    expect(groupLabel(dateGroupOf(at(10, 2), now), () => 'x', monthFormat('es'))).toBe('noviembre de 2026');
    expect(groupLabel(dateGroupOf(at(10, 2), now), () => 'x', monthFormat('ja'))).toBe('2026年11月');
    expect(groupLabel('today', (key) => `[${key}]`, monthFormat('es'))).toBe('[groups.today]');
  });

  it('gives an empty list no headings', () => {
    expect(withDateGroups([], now)).toEqual([]);
  });
});
