import { memo, useMemo, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { BlockGuard } from './BlockGuard';
import { CodeBlock } from './CodeBlock';
import { rehypeCleanLinkText } from './link-text';
import { MATH_TAG, rehypeMath } from './math';
import { MathView } from './MathView';
import { safeUrl } from './safe-url';

/** Opens a link through main; `text` is what the link shows, for main to compare with where it goes. */
export type OpenLink = (url: string, text: string) => void;

/*
 * Safe by construction: no rehype-raw, so HTML in model output is shown as text; every URL goes through safeUrl
 * (anything but http(s)/mailto becomes ''), links never navigate the app but ask main to open them, and images are
 * never fetched. Math: see math.ts (KaTeX with trust off, rendered without tripping the CSP).
 */
const REMARK = [remarkGfm, remarkMath];
const REHYPE = [rehypeMath, rehypeCleanLinkText];

function urlTransform(url: string): string {
  return safeUrl(url) ?? '';
}

function components(onOpenLink: OpenLink, tail: boolean, t: TFunction<'markdown'>): Components {
  const open = (url: string) => (event: { preventDefault(): void; currentTarget: HTMLElement }) => {
    event.preventDefault();
    onOpenLink(url, event.currentTarget.textContent ?? '');
  };
  return {
    a: ({ href, children }) =>
      href ? (
        <a href={href} title={href} onClick={open(href)} onAuxClick={(e) => e.preventDefault()}>
          {children}
        </a>
      ) : (
        <span className="md-unsafe-link">{children}</span>
      ),
    img: ({ src, alt }) => {
      const url = typeof src === 'string' ? src : '';
      const text = alt || url ? t('image', { name: alt || url }) : t('imageUntitled');
      return url ? (
        <a className="md-image" href={url} title={url} onClick={open(url)} onAuxClick={(e) => e.preventDefault()}>
          {text}
        </a>
      ) : (
        <span className="md-image">{text}</span>
      );
    },
    pre: ({ children }) => {
      const code = children as ReactElement<{ className?: string; children?: ReactNode }> | undefined;
      const info = /language-(\S+)/.exec(code?.props.className ?? '')?.[1] ?? '';
      const text = String(code?.props.children ?? '').replace(/\n$/, '');
      return <CodeBlock code={text} info={info} partial={tail} />;
    },
    input: ({ checked }) => (
      // A task list item: the state is read out with the label ("Done, checked" / "Done, not checked").
      <input type="checkbox" checked={!!checked} disabled aria-label={t('taskDone')} />
    ),
    table: ({ children }) => (
      <div className="md-table" tabIndex={0}>
        <table>{children}</table>
      </div>
    ),
    ...({ [MATH_TAG]: MathView } as Components),
  };
}

/**
 * One top-level block of a reply; memoized on its text, so finished blocks never re-render.
 * `tail`: the block is the one still streaming.
 */
export const MarkdownBlock = memo(function MarkdownBlock({
  text,
  onOpenLink,
  tail = false,
}: {
  text: string;
  onOpenLink: OpenLink;
  tail?: boolean;
}) {
  const { t } = useTranslation('markdown');
  const parts = useMemo(() => components(onOpenLink, tail, t), [onOpenLink, tail, t]);
  return (
    <BlockGuard source={text}>
      <ReactMarkdown remarkPlugins={REMARK} rehypePlugins={REHYPE} urlTransform={urlTransform} components={parts}>
        {text}
      </ReactMarkdown>
    </BlockGuard>
  );
});
