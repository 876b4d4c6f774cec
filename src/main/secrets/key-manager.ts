import type { KeyStatus } from '../../shared/contract';
import { ApiError, toAppError } from '../../shared/errors';
import { hintOf, type KeyProvider } from './key-provider';
import type { SecretStore } from './secret-store';

/**
 * Decides which key is in force: MODELSLAB_API_KEY from the environment, then the keychain, then a key
 * kept in memory for this session only (when there is no keychain). The key itself never leaves main.
 */
export class KeyManager implements KeyProvider {
  private sessionKey: string | null = null;
  private keychainProblem: string | null = null;
  /** The last key seen, so logs can redact it without asking the keychain. */
  private lastKey: string | null = null;

  constructor(
    private readonly env: Record<string, string | undefined>,
    private readonly store: SecretStore,
  ) {}

  async getKey(): Promise<string | null> {
    return (await this.resolve()).key;
  }

  knownKey(): string | null {
    return this.lastKey;
  }

  async status(): Promise<KeyStatus> {
    const { key, source } = await this.resolve();
    return {
      configured: key !== null,
      source,
      hint: key ? hintOf(key) : null,
      keychainProblem: this.keychainProblem,
    };
  }

  /** Saves to the keychain, or only in memory when asked to (or when there is no keychain and the user chose so). */
  async save(key: string, sessionOnly: boolean): Promise<KeyStatus> {
    this.lastKey = key;
    if (sessionOnly) {
      this.sessionKey = key;
    } else {
      await this.store.set(key);
      this.sessionKey = null;
    }
    return this.status();
  }

  async remove(): Promise<KeyStatus> {
    this.sessionKey = null;
    try {
      await this.store.delete();
    } catch (error) {
      // Nothing can be in a keychain that is not there; anything else is worth reporting.
      if (!(error instanceof ApiError && error.code === 'keychain_unavailable')) throw error;
    }
    return this.status();
  }

  private async resolve(): Promise<{ key: string | null; source: KeyStatus['source'] }> {
    const found = await this.find();
    if (found.key) this.lastKey = found.key;
    return found;
  }

  private async find(): Promise<{ key: string | null; source: KeyStatus['source'] }> {
    const fromEnv = this.env.MODELSLAB_API_KEY?.trim();
    if (fromEnv) return { key: fromEnv, source: 'env' };
    if (this.sessionKey) return { key: this.sessionKey, source: 'session' };
    try {
      const stored = await this.store.get();
      this.keychainProblem = null;
      if (stored) return { key: stored, source: 'keychain' };
    } catch (error) {
      this.keychainProblem = toAppError(error).message;
    }
    return { key: null, source: null };
  }
}
