/**
 * The only links model output may carry: absolute http(s) and mailto URLs. Anything else (javascript:, data:,
 * vbscript:, file:, relative paths that would navigate the app) is shown as text instead of a link.
 * Parsing with URL first undoes the tricks browsers tolerate: entities already decoded by the Markdown parser,
 * tabs and newlines inside the scheme, mixed case, leading spaces.
 */
export function safeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname ? url.href : null;
  if (url.protocol === 'mailto:') return url.href;
  return null;
}
