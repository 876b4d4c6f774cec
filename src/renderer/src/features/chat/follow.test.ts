import { describe, expect, it } from 'vitest';
import { afterScroll } from './follow';

const followed = { top: 4623, height: 5207 };

describe('a scroll event while a reply grows', () => {
  it('near the end is the bottom, wherever following left it', () => {
    expect(afterScroll({ top: 14270, height: 14866, client: 584 }, followed, false)).toBe('at-bottom');
  });

  it('a move up with the content as it was is the reader leaving', () => {
    expect(afterScroll({ top: 4000, height: 5207, client: 584 }, followed, false)).toBe('reader-left');
  });

  it('a move up right after the reader used the list is theirs, even as the reply grows', () => {
    expect(afterScroll({ top: 4000, height: 9000, client: 584 }, followed, true)).toBe('reader-left');
  });

  // The view pulled up 268 px by a block laid out shorter, then a burst of 9,659 px, before any frame followed it.
  it('a move up nobody made while the content changed is layout, and following goes on', () => {
    expect(afterScroll({ top: 4355, height: 14866, client: 584 }, followed, false)).toBe('layout-moved');
  });

  it('no move up changes nothing', () => {
    expect(afterScroll({ top: 4623, height: 14866, client: 584 }, followed, false)).toBe('unchanged');
  });
});
