import { createHash } from 'node:crypto';
import { isRightToLeft, type Language } from '../../shared/languages';
import { wordsIn } from '../i18n';

// The app's own colours, following the system's light or dark theme.
const STYLE =
  'html{color-scheme:light dark;background:light-dark(#fff,#15171c);color:light-dark(#1c1f24,#e7e9ee)}' +
  'body{margin:0;min-height:100vh;display:grid;place-items:center;font:15px/1.5 system-ui,sans-serif}' +
  'main{max-width:32em;padding:24px}h1{font-size:20px;margin:0 0 8px}p{color:light-dark(#5b616e,#a3a9b6)}';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A page with no script and nothing to load: the one thing still shown once reloading has stopped, after the window
 * stopped `times` times, in the language the settings decide.
 */
export function stoppedPage(times: number, language: Language = 'en'): string {
  const t = wordsIn(language);
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  const dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  /* eslint-disable i18next/no-literal-string -- the page's markup and title (the app's name); its words are below */
  const head =
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'">` +
    `<title>ModelsLab Chat</title><style>${STYLE}</style></head>`;
  /* eslint-enable i18next/no-literal-string */
  const html =
    `${head}<body><main><h1>${escapeHtml(t('main:stopped.title'))}</h1>` +
    `<p>${escapeHtml(t('main:stopped.body', { times }))}</p></main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
