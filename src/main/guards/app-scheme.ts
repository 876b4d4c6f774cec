import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The UI is served from `app://bundle/`, a privileged standard scheme main registers, so the CSP's `'self'` is the
 * app's own bundle and never the whole file system (as it would be on `file:`).
 */
export const APP_SCHEME = 'app';
export const APP_BASE = `${APP_SCHEME}://bundle/`;
export const APP_INDEX = `${APP_BASE}index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** The file under `root` a request names, or null for anything else: another origin, `..`, NUL, the folder itself. */
export function bundlePath(root: string, requestUrl: string, base: string): string | null {
  if (!requestUrl.startsWith(base)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const full = resolve(root, `.${path}`);
  return inside(root, full) ? full : null;
}

export type ReadFile = (path: string) => Promise<Buffer>;

/**
 * Answers requests for the bundle: a file inside `root` (checked again after resolving links), or 404. The
 * answer never says why, and never reads outside.
 */
export function bundleHandler(
  root: string,
  base: string,
  read: ReadFile,
): (request: { url: string }) => Promise<Response> {
  const realRoot = realpath(root).catch(() => root);
  return async ({ url }) => {
    const path = bundlePath(root, url, base);
    const real = path ? await realpath(path).catch(() => null) : null;
    if (!real || !inside(await realRoot, real)) return new Response('Not found', { status: 404 });
    try {
      const body = await read(real);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'content-type': contentTypeOf(real), 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
