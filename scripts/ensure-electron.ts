/**
 * Makes sure Electron's binary is installed before `npm start`, `npm run dev` and `npm run dist` need it.
 *   node scripts/ensure-electron.ts
 *
 * Electron 45 has no install script: its own install.js fetches the binary the first time something needs it, while
 * electron-vite dev/preview read node_modules/electron/path.txt directly and stop with "Electron uninstall" when it
 * is absent. So this runs Electron's install.js first and, when the binary cannot be fetched, ends with one
 * paragraph saying what is missing, why, and the command to retry. Quiet when the binary is already there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const GITHUB = 'https://github.com/electron/electron/releases/download/';
const env = process.env;
const set = (name: string) => !!env[name] && !['0', 'false'].includes(env[name]!.toLowerCase());

const dir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('electron/package.json'));
const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/** What electron-vite reads (path.txt, or ELECTRON_EXEC_PATH) and what install.js checks (dist/version). */
function installed(): boolean {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH);
  try {
    const exe = readFileSync(join(dir, 'path.txt'), 'utf8');
    const distVersion = readFileSync(join(dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    return distVersion === version && existsSync(join(dir, 'dist', exe));
  } catch {
    return false;
  }
}

/** A mirror set through npm's config or the environment, read the way @electron/get reads it. */
const mirrorVar = (name: string) =>
  env[`npm_config_electron_${name}`] ||
  env[`npm_package_config_electron_${name}`] ||
  env[`ELECTRON_${name.toUpperCase()}`];

/** The address @electron/get downloads from; null when the mirror set is no address. */
function downloadUrl(): URL | null {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  const folder = (mirrorVar('custom_dir') || `v${version}`).replace('{{ version }}', version);
  return URL.parse(`${mirrorVar('mirror') || GITHUB}${folder}/electron-v${version}-${platform}-${arch}.zip`);
}

/** An address as it may be printed: a mirror's user name and password stay out of the terminal and its logs. */
function shown(url: URL): URL {
  const copy = new URL(url);
  copy.username = copy.password = '';
  return copy;
}

/** Asks the download address once more, to tell an offline machine from a blocked host or a mirror without it. */
async function whyUnreachable(url: URL, installerSaid: string): Promise<string> {
  const host = url.host;
  const headers: Record<string, string> = {};
  if (url.username || url.password) {
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  try {
    const response = await fetch(shown(url), {
      method: 'HEAD',
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status >= 400) return `${host} answered HTTP ${response.status} for ${shown(url).href}`;
    return `the download from ${host} started but failed (${installerSaid || 'no reason given'})`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (error as Error).name;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return `this computer cannot look up ${host} (${code}): it has no network connection, or reaches the internet only through a proxy`;
    }
    if (code === 'ECONNREFUSED') return `${host} refused the connection (${code})`;
    if (/TIMEOUT|TimeoutError|UNREACH/.test(code)) {
      return `the connection to ${host} timed out or found no route (${code}): a firewall or a proxy is in the way`;
    }
    if (/CERT|SELF_SIGNED/.test(code)) {
      return `${host}'s certificate is not trusted (${code}): a proxy that inspects HTTPS is in the way; NODE_EXTRA_CA_CERTS can name its certificate`;
    }
    return `${host} could not be reached (${code}${cause?.message ? `: ${cause.message}` : ''})`;
  }
}

function retryCommand(): string {
  const script = env.npm_lifecycle_event;
  if (!script) return 'npm start';
  return script === 'start' ? 'npm start' : `npm run ${script}`;
}

/** One paragraph, wrapped for a terminal. */
function fail(sentences: string[]): never {
  // A `code span` stays on one line, so it can be copied.
  const words = sentences.join(' ').match(/\S*`[^`]*`\S*|\S+/g) ?? [];
  const lines = [''];
  for (const word of words) {
    const last = lines.length - 1;
    if (lines[last]!.length > 0 && lines[last]!.length + word.length + 1 > 110) lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(1);
}

if (!installed()) {
  const missing = `Electron ${version} is not installed (no binary in ${relative(process.cwd(), join(dir, 'dist')) || '.'}), so \`${retryCommand()}\` cannot run the app.`;
  if (set('ELECTRON_SKIP_BINARY_DOWNLOAD')) {
    fail([
      missing,
      'ELECTRON_SKIP_BINARY_DOWNLOAD is set, which tells Electron not to download its binary.',
      `Unset it (\`unset ELECTRON_SKIP_BINARY_DOWNLOAD\`) and retry with: \`${retryCommand()}\``,
    ]);
  }
  const url = downloadUrl();
  if (!url) fail([missing, "The mirror set in ELECTRON_MIRROR or npm's electron_mirror is not a valid address."]);
  console.log(`Downloading Electron ${version} (once, about 100 MB) from ${url.host}…`);
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0 || !installed()) {
    const installerSaid = (run.stderr ?? '')
      .trim()
      .split('\n')[0]!
      .replace(/\/\/[^/@\s]+@/g, '//');
    // Named, never printed: a proxy address can carry a password.
    const proxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find((name) => env[name]);
    const viaProxy = proxy && set('ELECTRON_GET_USE_PROXY');
    fail([
      missing,
      `Electron downloads it on first use from ${shown(url).href.replace(/[^/]*$/, '')}, and that failed:`,
      viaProxy
        ? `through the proxy in ${proxy} (${installerSaid || 'no reason given'}).`
        : `${await whyUnreachable(url, installerSaid)}.`,
      viaProxy
        ? `Check that proxy's address and that it lets ${url.host} through.`
        : proxy
          ? `${proxy} is set, but Electron's downloader uses a proxy only with ELECTRON_GET_USE_PROXY=1.`
          : 'Behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1.',
      mirrorVar('mirror')
        ? `A mirror is set (ELECTRON_MIRROR or npm's electron_mirror); check that it holds Electron ${version}.`
        : 'Where GitHub is blocked, set ELECTRON_MIRROR to a copy of its releases (such as https://npmmirror.com/mirrors/electron/).',
      `Then retry with: \`${retryCommand()}\``,
    ]);
  }
}
