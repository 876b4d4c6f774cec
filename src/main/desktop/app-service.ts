import type { AppInfo } from '../../shared/contract';
import { parseBaseUrl } from '../../shared/base-url';
import { openLink } from '../guards/links';
import type { Words } from '../i18n';
import type { AskUser } from './ask';
import { RateLimit } from './rate-limit';

/** A person copies a few times a second, and opens a few links in ten seconds, at most; main cannot see their
 * clicks, so it counts (which also bounds what a compromised window can push out through links). */
const COPIES_PER_SECOND = 4;
const LINKS_PER_10_SECONDS = 5;

export interface AppServiceDeps {
  env: Record<string, string | undefined>;
  version: string;
  platform: string;
  /** Where requests go now. */
  baseUrl(): string;
  /** Opens a URL the link policy let through; Electron's shell.openExternal in the app. */
  openExternal(url: string): Promise<void>;
  ask: AskUser;
  /** main's words in the language of the moment, for the link dialog. */
  words(): Words;
  /** Writes the OS clipboard; Electron's clipboard.writeText in the app. */
  copyText(text: string): Promise<void>;
  /** Installs a downloaded update; absent where there is no updater. */
  restartToUpdate?(): void;
}

/** What the window may ask of the desktop: facts about the app, a link opened, the clipboard, an update. */
export class AppService {
  private readonly copies = new RateLimit(COPIES_PER_SECOND, 1000, 'Copying that often is not allowed; wait a moment.');
  private readonly links = new RateLimit(
    LINKS_PER_10_SECONDS,
    10_000,
    'Opening that many links at once is not allowed.',
  );

  constructor(private readonly deps: AppServiceDeps) {}

  info(): AppInfo {
    const { deps } = this;
    return {
      version: deps.version,
      baseUrl: deps.baseUrl(),
      baseUrlFromEnv: parseBaseUrl(deps.env.MODELSLAB_BASE_URL) !== null,
      platform: deps.platform,
    };
  }

  /** The openExternal policy (see guards/links.ts), then the OS. */
  async openLink(url: string, text?: string): Promise<void> {
    this.links.take();
    await openLink({ open: this.deps.openExternal, ask: this.deps.ask, words: this.deps.words }, url, text);
  }

  async copyText(text: string): Promise<void> {
    this.copies.take();
    await this.deps.copyText(text);
  }

  restartToUpdate(): void {
    this.deps.restartToUpdate?.();
  }
}
