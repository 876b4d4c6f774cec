import { lazy, Suspense } from 'react';
import type { MarkdownProps } from './Markdown';

/*
 * The Markdown stack (react-markdown, remark, KaTeX and its styles) is a third of the bundle and not needed to
 * paint the conversation list, so it loads on its own: after the first paint of the list, or when a reply is shown
 * before that. Until it is there, a reply shows as the plain text it is.
 */
const load = () => import('./Markdown');
const Lazy = lazy(async () => ({ default: (await load()).Markdown }));

export function preloadMarkdown(): void {
  void load();
}

export function Markdown(props: MarkdownProps) {
  return (
    <Suspense fallback={props.text}>
      <Lazy {...props} />
    </Suspense>
  );
}
