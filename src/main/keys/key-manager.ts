import type { KeySource, KeyStatus } from '../../shared/contract';
import { DEFAULT_ORIGIN, originOf, parseBaseUrl } from '../../shared/base-url';
import { ApiError, appError, toAppError } from '../../shared/errors';
import { hintOf, type BoundKey, type KeyProvider } from './key-provider';
import type { SecretStore } from './secret-store';

interface Found extends BoundKey {
  source: KeySource;
}

/** The keychain entry holds the key and its origin together, so neither can change without the other. */
function encodeBoundKey(bound: BoundKey): string {
  return JSON.stringify({ key: bound.key, origin: bound.origin });
}

/** A bare key was saved before keys had an origin: `legacyOrigin` is the origin in use when it is first read. */
function decodeBoundKey(stored: string, legacyOrigin: string): BoundKey & { legacy: boolean } {
  try {
    const value = JSON.parse(stored) as { key?: unknown; origin?: unknown };
    if (typeof value?.key === 'string' && typeof value.origin === 'string') {
      return { key: value.key, origin: value.origin, legacy: false };
    }
  } catch {
    // not JSON: a bare key
  }
  return { key: stored, origin: legacyOrigin, legacy: true };
}

/**
 * Decides which key is in force and where it may go. Candidates, in order: MODELSLAB_API_KEY (bound to the origin of
 * MODELSLAB_BASE_URL, or ModelsLab's), a key kept for this session only, the keychain's. The first one bound to the
 * origin requests go to now is used; a key bound elsewhere is never sent. The keychain is read once and kept in
 * memory until the key is saved, removed or the base URL moves to another origin.
 */
export class KeyManager implements KeyProvider {
  private session: BoundKey | null = null;
  private stored: Promise<BoundKey | null> | null = null;
  private storedKey: string | null = null;
  private keychainProblem: string | null = null;
  private readonly envKey: Found | null;

  constructor(
    env: Record<string, string | undefined>,
    private readonly store: SecretStore,
    /** The origin requests go to now. */
    private readonly origin: () => string = () => DEFAULT_ORIGIN,
  ) {
    const key = env.MODELSLAB_API_KEY?.trim();
    const envBase = parseBaseUrl(env.MODELSLAB_BASE_URL);
    this.envKey = key ? { key, origin: envBase ? originOf(envBase) : DEFAULT_ORIGIN, source: 'env' } : null;
  }

  async requireKey(): Promise<BoundKey> {
    const here = this.origin();
    const { match, other } = await this.pick(here);
    if (match) return { key: match.key, origin: match.origin };
    if (other) {
      throw new ApiError(
        appError(
          'key_origin',
          `Your API key is only sent to ${other.origin}, and requests now go to ${here}. ` +
            `Enter a key for ${here} in Settings, or change the address back.`,
        ),
      );
    }
    throw new ApiError(appError('no_key', 'Add your ModelsLab API key to start chatting.'));
  }

  /** Every key main holds, for log redaction; never reads the keychain. */
  knownKeys(): string[] {
    return [this.envKey?.key, this.session?.key, this.storedKey].filter((k): k is string => !!k);
  }

  async status(): Promise<KeyStatus> {
    const { match, other } = await this.pick(this.origin());
    const shown = match ?? other;
    return {
      configured: !!match,
      source: shown?.source ?? null,
      hint: shown ? hintOf(shown.key) : null,
      keychainProblem: this.keychainProblem,
      origin: shown?.origin ?? null,
    };
  }

  /** Binds the key to the origin requests go to now; keeps it in memory only when asked to. */
  async save(key: string, sessionOnly: boolean): Promise<KeyStatus> {
    const bound = { key, origin: this.origin() };
    if (sessionOnly) {
      this.session = bound;
    } else {
      await this.store.set(encodeBoundKey(bound));
      this.remember(bound);
      this.session = null;
    }
    return this.status();
  }

  async remove(): Promise<KeyStatus> {
    this.session = null;
    try {
      await this.store.delete();
      this.remember(null);
    } catch (error) {
      // Nothing can be in a keychain that is not there; anything else is worth reporting.
      if (!(error instanceof ApiError && error.code === 'keychain_unavailable')) throw error;
    }
    return this.status();
  }

  /** The session or keychain key bound to `from`, if any: what the user may carry over to another origin. */
  async carriable(from: string): Promise<{ hint: string } | null> {
    const found = (await this.candidates()).find((c) => c.origin === from && c.source !== 'env');
    return found ? { hint: hintOf(found.key) } : null;
  }

  /** The user chose, in main's own dialog, to send the key bound to `from` to `to` from now on. */
  async carry(from: string, to: string): Promise<void> {
    if (this.session?.origin === from) {
      this.session = { key: this.session.key, origin: to };
      return;
    }
    const stored = await this.readStored();
    if (stored?.origin !== from) return;
    const bound = { key: stored.key, origin: to };
    await this.store.set(encodeBoundKey(bound));
    this.remember(bound);
  }

  /** The base URL moved to another origin: read the keychain afresh next time. */
  originChanged(): void {
    this.stored = null;
  }

  private async pick(here: string): Promise<{ match: Found | undefined; other: Found | undefined }> {
    const candidates = await this.candidates();
    return { match: candidates.find((c) => c.origin === here), other: candidates[0] };
  }

  private async candidates(): Promise<Found[]> {
    const out: Found[] = [];
    if (this.envKey) out.push(this.envKey);
    if (this.session) out.push({ ...this.session, source: 'session' });
    const stored = await this.readStored();
    if (stored) out.push({ ...stored, source: 'keychain' });
    return out;
  }

  private remember(bound: BoundKey | null): void {
    this.stored = Promise.resolve(bound);
    this.storedKey = bound?.key ?? null;
    this.keychainProblem = null;
  }

  private readStored(): Promise<BoundKey | null> {
    this.stored ??= this.store.get().then(
      async (raw) => {
        this.keychainProblem = null;
        if (!raw) return (this.storedKey = null);
        const bound = decodeBoundKey(raw, this.origin());
        this.storedKey = bound.key;
        // Written back at once, so the origin it was first used with stays its origin.
        if (bound.legacy) await this.store.set(encodeBoundKey(bound)).catch(() => undefined);
        return { key: bound.key, origin: bound.origin };
      },
      (error: unknown) => {
        // Not kept: a keychain that comes back (an unlocked keyring) is asked again next time.
        this.stored = null;
        this.keychainProblem = toAppError(error).message;
        return null;
      },
    );
    return this.stored;
  }
}
