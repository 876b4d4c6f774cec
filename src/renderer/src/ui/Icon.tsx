const PATHS = {
  send: 'M4 12l16-8-6 16-2.5-6.5L4 12z',
  stop: 'M7 7h10v10H7z',
  close: 'M6 6l12 12M18 6L6 18',
  plus: 'M12 5v14M5 12h14',
  sliders: 'M4 7h10M18 7h2M4 17h4M12 17h8M16 5v4M10 15v4',
  chat: 'M5 5h14v10H9l-4 4V5z',
  left: 'M15 6l-6 6 6 6',
  right: 'M9 6l6 6-6 6',
  paperclip: 'M21 11l-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v5M12 8h.01',
  gear: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1L7 17M17 7l2.1-2.1',
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14M20 20l-4-4',
  more: 'M6 12h.01M12 12h.01M18 12h.01',
  pin: 'M9 4h6l-1 6 3 3H7l3-3-1-6zM12 13v7',
  copy: 'M9 9h10v10H9zM5 15V5h10',
  check: 'M5 12l5 5 9-10',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zM13 7l4 4',
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  trash: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13M10 11v6M14 11v6',
  alert: 'M12 3l10 18H2L12 3zM12 10v5M12 18h.01',
  star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9L12 3z',
  sidebar: 'M4 5h16v14H4zM9 5v14',
  file: 'M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6',
} as const;

export type IconName = keyof typeof PATHS;

/**
 * Icons that point along the line of text turn round in right-to-left languages (theme.css, .icon--mirror): the
 * send arrow, back and forward, and the sidebar's edge (the sidebar sits at the start of the line). Icons that
 * show a thing rather than a direction (stop, check, copy, the refresh arrow that turns clockwise) keep their shape.
 */
const MIRRORED: ReadonlySet<IconName> = new Set<IconName>(['send', 'left', 'right', 'sidebar']);

/** Decorative: the button around it carries the label. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className={MIRRORED.has(name) ? 'icon icon--mirror' : 'icon'}
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
