import type { HighlighterCore, ThemedTokenWithVariants } from 'shiki/core';

/**
 * Shiki, loaded on first use and only in parts: the core, the JavaScript regex engine (the CSP allows neither
 * 'unsafe-eval' nor 'wasm-unsafe-eval', so no Oniguruma WASM), two themes, and each language the first time a
 * code block asks for it. Every piece is its own chunk, so the renderer's main bundle carries none of it.
 */
const LANGS: Record<string, () => Promise<unknown>> = {
  javascript: () => import('shiki/langs/javascript.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  jsx: () => import('shiki/langs/jsx.mjs'),
  tsx: () => import('shiki/langs/tsx.mjs'),
  json: () => import('shiki/langs/json.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  shellscript: () => import('shiki/langs/shellscript.mjs'),
  html: () => import('shiki/langs/html.mjs'),
  css: () => import('shiki/langs/css.mjs'),
  sql: () => import('shiki/langs/sql.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  rust: () => import('shiki/langs/rust.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  c: () => import('shiki/langs/c.mjs'),
  cpp: () => import('shiki/langs/cpp.mjs'),
  csharp: () => import('shiki/langs/csharp.mjs'),
  yaml: () => import('shiki/langs/yaml.mjs'),
  toml: () => import('shiki/langs/toml.mjs'),
  markdown: () => import('shiki/langs/markdown.mjs'),
  diff: () => import('shiki/langs/diff.mjs'),
  ruby: () => import('shiki/langs/ruby.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  kotlin: () => import('shiki/langs/kotlin.mjs'),
  swift: () => import('shiki/langs/swift.mjs'),
  docker: () => import('shiki/langs/docker.mjs'),
  latex: () => import('shiki/langs/latex.mjs'),
};

const ALIASES: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  py: 'python',
  sh: 'shellscript',
  bash: 'shellscript',
  shell: 'shellscript',
  zsh: 'shellscript',
  console: 'shellscript',
  xml: 'html',
  svg: 'html',
  golang: 'go',
  rs: 'rust',
  'c++': 'cpp',
  h: 'c',
  hpp: 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  yml: 'yaml',
  md: 'markdown',
  patch: 'diff',
  rb: 'ruby',
  kt: 'kotlin',
  dockerfile: 'docker',
  tex: 'latex',
};

export const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** The grammar name for a fence's info string, or null when none of ours fits (the block stays plain). */
export function grammarFor(info: string): string | null {
  const name = info.trim().toLowerCase();
  const lang = ALIASES[name] ?? name;
  return lang in LANGS ? lang : null;
}

let highlighter: Promise<HighlighterCore> | null = null;
let loaded: HighlighterCore | null = null;
const ready = new Set<string>();
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
let version = 0;

function core(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return highlighter;
}

/** Starts loading a grammar; subscribers hear when it is ready. */
export function requestGrammar(lang: string): void {
  if (ready.has(lang) || pending.has(lang) || !LANGS[lang]) return;
  const load = (async () => {
    const h = await core();
    await h.loadLanguage((await LANGS[lang]!()) as Parameters<HighlighterCore['loadLanguage']>[0]);
    loaded = h;
    ready.add(lang);
    version++;
    listeners.forEach((l) => l());
  })().catch(() => undefined);
  pending.set(lang, load);
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function grammarsVersion(): number {
  return version;
}

/** Tokens with a colour per theme, or null while the grammar is still loading. */
export function tokenize(code: string, lang: string): ThemedTokenWithVariants[][] | null {
  if (!loaded || !ready.has(lang)) return null;
  return loaded.codeToTokensWithThemes(code, { lang, themes: THEMES });
}
