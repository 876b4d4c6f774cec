import { lazy, Suspense, type ComponentType } from 'react';
import type { MarkdownProps } from './Markdown';

/*
 * The Markdown stack (react-markdown, remark, KaTeX and its styles) is a third of the bundle and not needed to
 * paint the conversation list, so it loads on its own: after the first paint of the list, or when a reply is shown
 * before that. Until it is there, a reply shows as the plain text it is. Once it is there, replies render with it
 * directly: going through `lazy` would show that plain text for one render first.
 */
let loaded: ComponentType<MarkdownProps> | null = null;
const load = () => import('./Markdown').then((module) => (loaded = module.Markdown));
const Lazy = lazy(async () => ({ default: await load() }));

export function preloadMarkdown(): void {
  void load();
}

export function Markdown(props: MarkdownProps) {
  const Loaded = loaded;
  if (Loaded) return <Loaded {...props} />;
  return (
    <Suspense fallback={props.text}>
      <Lazy {...props} />
    </Suspense>
  );
}
