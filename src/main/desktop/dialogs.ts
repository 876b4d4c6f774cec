import { isExposedBaseUrl } from '../../shared/base-url';
import { DOCUMENT_EXTENSIONS } from '../../shared/domain';
import type { Words } from '../i18n';
import type { MessageBox } from './ask';
import type { FileFilter } from './file-dialogs';

/**
 * The words of main's native dialogs, in the language the settings decide when the dialog is shown. The facts in
 * them (hosts, addresses, key hints) are values the checks found, never part of the translated text.
 */

/** A move of the base URL to another origin: where requests go now and then, and whether a key could go along. */
export interface BaseUrlQuestion {
  from: string;
  to: string;
  /** The key that could go along, when there is one the user may carry over (not one from the environment). */
  carriable: { hint: string } | null;
}

/** The native confirmation for a move to another origin; Cancel is first, the default and the Esc answer. */
export function baseUrlQuestion(t: Words, { from, to, carriable }: BaseUrlQuestion): MessageBox {
  const exposed = isExposedBaseUrl(to);
  const detail = [
    t('main:baseUrl.now', { from }),
    exposed ? t('main:baseUrl.exposed', { to }) : null,
    carriable ? t('main:baseUrl.keyStays', { hint: carriable.hint, from, to }) : t('main:baseUrl.keyNeeded', { to }),
    t('main:baseUrl.ifNotAsked'),
  ];
  return {
    type: exposed ? 'warning' : 'question',
    title: t('main:baseUrl.title'),
    message: t('main:baseUrl.message', { to }),
    detail: detail.filter(Boolean).join('\n\n'),
    buttons: [t('common:cancel'), t('main:baseUrl.switch'), ...(carriable ? [t('main:baseUrl.carry', { to })] : [])],
    defaultId: 0,
    cancelId: 0,
  };
}

/** Why a link is doubtful, as facts: the dialog says them in the user's language. */
export type LinkDoubt =
  | { kind: 'text-names-another-host'; named: string[]; host: string }
  | { kind: 'international-host'; host: string; unicode: string };

function doubtText(t: Words, doubt: LinkDoubt): string {
  if (doubt.kind === 'international-host')
    return t('main:link.international', { host: doubt.host, unicode: doubt.unicode });
  const named = doubt.named.join(', ');
  return doubt.host ? t('main:link.textNames', { named, host: doubt.host }) : t('main:link.textNamesMail', { named });
}

const SHOWN_URL = 300;

/** The native confirmation for a doubtful link, naming the host it really opens; Cancel is the default. */
export function linkQuestion(t: Words, link: { url: string; host: string; doubts: LinkDoubt[] }): MessageBox {
  const url = link.url.length > SHOWN_URL ? `${link.url.slice(0, SHOWN_URL)}…` : link.url;
  const { host } = link;
  return {
    type: 'warning',
    title: t('main:link.title'),
    message: host ? t('main:link.question', { host }) : t('main:link.questionNoHost'),
    detail: [...link.doubts.map((d) => doubtText(t, d)), t('main:link.fullAddress', { url })].join('\n\n'),
    buttons: [t('common:cancel'), host ? t('main:link.open', { host }) : t('main:link.openNoHost')],
    defaultId: 0,
    cancelId: 0,
  };
}

/** Formats' names, the same in every language. */
const JSON_FILTER: FileFilter = { name: 'JSON', extensions: ['json'] };
const MARKDOWN_FILTER: FileFilter = { name: 'Markdown', extensions: ['md'] };

/** The Save and Open dialogs' titles and file types. */
export function fileDialogs(t: Words) {
  return {
    exportChat: (markdown: boolean) => ({
      title: t('main:files.exportChat'),
      filters: [markdown ? MARKDOWN_FILTER : JSON_FILTER],
    }),
    backUp: { title: t('main:files.backUp'), filters: [JSON_FILTER] },
    importChats: { title: t('main:files.import'), filters: [JSON_FILTER] },
    attachDocument: {
      title: t('main:files.attach'),
      filters: [
        { name: t('main:files.documents'), extensions: [...DOCUMENT_EXTENSIONS] },
        { name: t('main:files.allFiles'), extensions: ['*'] },
      ],
    },
  };
}
