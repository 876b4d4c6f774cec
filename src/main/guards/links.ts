import { domainToUnicode } from 'node:url';
import { LIMITS } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import { cleanLinkText } from '../../shared/link-text';
import type { AskUser } from '../desktop/ask';
import { linkQuestion, type LinkDoubt } from '../desktop/dialogs';
import type { Words } from '../i18n';

export type LinkVerdict =
  | { action: 'open'; url: string }
  | { action: 'confirm'; url: string; host: string; doubts: LinkDoubt[] }
  | { action: 'refuse'; reason: string };

const DOT = '[.\u3002\uFF0E\uFF61]';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
/** Something that reads as a host name: labels with letters, dots (also the ideographic and fullwidth ones). */
const HOST_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}_./-])(?:${LABEL}${DOT})+\\p{L}{2,63}(?![\\p{L}\\p{N}])`, 'gu');
/** A whole address in the text (`https://…`): only its host counts, not file names in its path. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s<>"]+/giu;

/** The host as the network sees it: lowercase ASCII, punycode for an international name. */
function asciiHost(name: string): string | null {
  try {
    return new URL(`http://${name}`).hostname;
  } catch {
    return null;
  }
}

const bare = (host: string) => host.replace(/^www\./, '');

/** Hosts the visible text names, as ASCII (e.g. a Cyrillic look-alike becomes its `xn--` form). */
export function hostsNamedIn(text: string): string[] {
  const hosts: string[] = [];
  const rest = cleanLinkText(text)
    .normalize('NFKC')
    .replace(URL_IN_TEXT, (address) => {
      const host = URL.canParse(address) ? new URL(address).hostname : '';
      if (host) hosts.push(host);
      return ' ';
    });
  for (const name of rest.match(HOST_IN_TEXT) ?? []) hosts.push(asciiHost(name) ?? name);
  return [...new Set(hosts)];
}

function isInternational(host: string): boolean {
  return host.split('.').some((label) => label.startsWith('xn--'));
}

/** A mailto link keeps its recipients, subject and body; `attach`, `cc`, `bcc` and the rest are dropped. */
function cleanMailto(url: URL): { url: string; hosts: string[] } {
  const kept: string[] = [];
  for (const pair of url.search.slice(1).split('&')) {
    const [name = '', value = ''] = pair.split('=');
    if (['subject', 'body'].includes(name.toLowerCase()) && !kept.some((k) => k.startsWith(`${name.toLowerCase()}=`))) {
      kept.push(`${name.toLowerCase()}=${value}`);
    }
  }
  const recipients = url.pathname;
  const hosts = decodeSafe(recipients)
    .split(',')
    .flatMap((address) => asciiHost(address.split('@').at(-1)?.trim() ?? '') ?? []);
  return { url: `mailto:${recipients}${kept.length ? `?${kept.join('&')}` : ''}`, hosts };
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * What main does with a link the window asks to open: http(s) and mailto only; never with a user name or password
 * (`https://modelslab.com@evil.example` goes to evil.example); a confirmation showing the real host when the visible
 * text names another one, or when the host is an international (possibly look-alike) name.
 */
export function judgeLink(raw: string, text = ''): LinkVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { action: 'refuse', reason: 'That is not a web address.' };
  }
  if (raw.length > LIMITS.url) return { action: 'refuse', reason: 'That address is too long to open.' };
  let target: string;
  let hosts: string[];
  if (url.protocol === 'mailto:') {
    ({ url: target, hosts } = cleanMailto(url));
  } else if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.username || url.password) {
      return {
        action: 'refuse',
        reason: `It hides its real address behind a user name: it would open ${url.host}.`,
      };
    }
    if (!url.hostname) return { action: 'refuse', reason: 'That address has no host.' };
    target = url.href;
    hosts = [url.hostname];
  } else {
    return { action: 'refuse', reason: 'Only http, https and mailto links open.' };
  }
  const host = hosts[0] ?? '';
  const doubts: LinkDoubt[] = [];
  const named = hostsNamedIn(text).filter((h) => !hosts.some((t) => bare(t) === bare(h)));
  if (named.length > 0) doubts.push({ kind: 'text-names-another-host', named, host });
  for (const h of hosts.filter(isInternational)) {
    doubts.push({ kind: 'international-host', host: h, unicode: domainToUnicode(h) });
  }
  return doubts.length ? { action: 'confirm', url: target, host, doubts } : { action: 'open', url: target };
}

export interface LinkDeps {
  /** Electron's shell.openExternal in the app. */
  open(url: string): Promise<void>;
  ask: AskUser;
  /** The dialog's words, in the language of the moment. */
  words(): Words;
}

/** The openExternal policy: refused links get `link_refused`; doubtful ones open only after main's confirmation. */
export async function openLink(deps: LinkDeps, url: string, text?: string): Promise<void> {
  const verdict = judgeLink(url, text);
  if (verdict.action === 'refuse') throw new ApiError(appError('link_refused', verdict.reason));
  if (verdict.action === 'confirm' && (await deps.ask(linkQuestion(deps.words(), verdict))) !== 1) return;
  await deps.open(verdict.url);
}
