import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { grammarFor, grammarsVersion, requestGrammar, subscribe, tokenize } from './highlight';

const ITALIC = 1;
const BOLD = 2;

/**
 * A fenced code block: language label, Copy button, and colours for both themes once shiki has loaded.
 * `partial` (the block is still streaming): only complete lines are highlighted, the line being written follows as
 * plain text, so the block is tokenized once per line rather than once per delta.
 */
export const CodeBlock = memo(function CodeBlock({
  code,
  info,
  partial = false,
}: {
  code: string;
  info: string;
  partial?: boolean;
}) {
  const { t } = useTranslation(['markdown', 'common']);
  const lang = grammarFor(info);
  const version = useSyncExternalStore(subscribe, grammarsVersion);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (lang) requestGrammar(lang);
  }, [lang]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const cut = partial ? code.lastIndexOf('\n') + 1 : code.length;
  const head = code.slice(0, cut);
  const rest = code.slice(cut);
  const lines = useMemo(() => {
    void version; // a grammar that arrives later re-tokenizes the block
    return lang && head ? tokenize(head.endsWith('\n') ? head.slice(0, -1) : head, lang) : null;
  }, [head, lang, version]);

  async function copy() {
    // Through main's clipboard: the window itself is granted no clipboard permission.
    const ok = await useStore.getState().copyText(code);
    setCopied(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), 1500);
  }

  // The fence's own language id as written; a fence without one is called plain text in the UI's words.
  const written = info.trim().split(/\s/)[0];
  const label = written || t('code.text');
  const said = copied === 'copied' ? t('common:copied') : copied === 'failed' ? t('code.copyFailed') : null;
  return (
    <div className="code-block" data-lang={written || 'text'}>
      <div className="code-block__bar">
        <span className="code-block__lang">{label}</span>
        <button
          type="button"
          className="code-block__copy"
          aria-label={t('code.copy', { language: label })}
          onClick={() => void copy()}
        >
          {said ?? t('common:copy')}
        </button>
        <span className="offscreen" role="status">
          {said}
        </span>
      </div>
      <pre className="code-block__pre" tabIndex={0}>
        <code>
          {lines
            ? lines.map((tokens, i) => (
                <span className="code-block__line" key={i}>
                  {tokens.map((t, j) => (
                    <span key={j} style={tokenStyle(t.variants)}>
                      {t.content}
                    </span>
                  ))}
                  {(i < lines.length - 1 || rest) && '\n'}
                </span>
              ))
            : head}
          {rest}
        </code>
      </pre>
    </div>
  );
});

function tokenStyle(variants: Record<string, { color?: string; fontStyle?: number }>): CSSProperties {
  const light = variants.light;
  const style: Record<string, string> = {
    '--shiki-light': light?.color ?? 'inherit',
    '--shiki-dark': variants.dark?.color ?? 'inherit',
  };
  const font = light?.fontStyle ?? 0;
  if (font > 0 && font & ITALIC) style.fontStyle = 'italic';
  if (font > 0 && font & BOLD) style.fontWeight = '600';
  return style as CSSProperties;
}
