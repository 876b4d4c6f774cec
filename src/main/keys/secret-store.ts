import type * as KeytarModule from 'keytar';
import { ApiError, appError } from '../../shared/errors';

/** Where the API key is kept between runs. keytar is the one shipped; Electron's safeStorage could replace it. */
export interface SecretStore {
  get(): Promise<string | null>;
  set(secret: string): Promise<void>;
  delete(): Promise<void>;
}

/** The keychain entry's fixed names: service "ModelsLab Chat", account "api-key". */
const KEYCHAIN_SERVICE = 'ModelsLab Chat';
const KEYCHAIN_ACCOUNT = 'api-key';

type Keytar = typeof KeytarModule;

function unavailable(cause: unknown, platform: string): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const linuxHint =
    /secret|dbus|d-bus|org\.freedesktop/i.test(detail) || platform === 'linux'
      ? 'No Secret Service is running: install and start gnome-keyring or KWallet, then restart the app.'
      : 'The system keychain did not answer.';
  return new ApiError(appError('keychain_unavailable', `${linuxHint} (${detail})`));
}

/** The OS keychain through keytar: macOS Keychain, Windows Credential Vault, the Secret Service on Linux. */
export class KeytarStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;

  constructor(
    private readonly service = KEYCHAIN_SERVICE,
    private readonly account = KEYCHAIN_ACCOUNT,
    private readonly platform = process.platform,
  ) {}

  get(): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, this.account));
  }

  async set(secret: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, this.account, secret));
  }

  async delete(): Promise<void> {
    await this.call((k) => k.deletePassword(this.service, this.account));
  }

  /** keytar is loaded on first use, so a missing native module or Secret Service never stops the app starting. */
  private async call<T>(fn: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      this.keytar ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
      return await fn(await this.keytar);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw unavailable(error, this.platform);
    }
  }
}
